import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, groupAlive, sleep, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

/** Occupies a free port on 127.0.0.1, as another program would. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

/** Runs `npm start` to its end (bounded): exit code, stdout and stderr apart. */
function runToEnd(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`npm start did not stop on a busy port:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// `npm start`: emulator + gateway on Miniflare, one command; SIGTERM stops both cleanly.

let proc: Spawned | undefined;
afterAll(() => stopGroup(proc, 'SIGKILL'));

describe('npm start', () => {
  it('serves the gateway wired to the emulator with dev-token, prints it, and stops on SIGTERM', async () => {
    const [emuPort, gwPort] = [await freePort(), await freePort()];
    proc = spawnGroup('npm', ['start'], { EMULATOR_PORT: String(emuPort), GATEWAY_PORT: String(gwPort), EMULATOR_CLOCK: 'manual' });
    const child = proc.child;
    const health = await waitFor(`http://127.0.0.1:${emuPort}/_emulator/health`, proc, 30_000);
    expect(((await health.json()) as { Clock: { Mode: string } }).Clock.Mode).toBe('manual');
    const regions = await waitFor(`http://127.0.0.1:${gwPort}/v1/regions`, proc, 60_000, { headers: { authorization: 'Bearer dev-token' } });
    expect(regions.status).toBe(200);
    const body = (await regions.json()) as { RegionGroups: { RegionList: unknown[] }[] };
    expect(body.RegionGroups[0]!.RegionList.length).toBeGreaterThanOrEqual(2);
    expect(proc.output()).toContain('dev-token');
    expect(proc.output()).toContain(`dashboard: http://127.0.0.1:${emuPort}/_emulator/ui`);
    expect(proc.output()).not.toContain('test-sk');
    // One start path, one build: no wrangler dev, so no watcher rebuilding and restarting at start.
    expect(proc.output().match(/built the gateway worker/g)).toHaveLength(1);
    expect(proc.output()).not.toMatch(/wrangler|restarting build/i);

    // Like Ctrl-C in a terminal: the signal reaches the whole process group (npm dies by it).
    const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(`${code}/${signal}`)));
    process.kill(-child.pid!, 'SIGTERM');
    const how = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(['0/null', 'null/SIGTERM']).toContain(how);
    // Nothing of the group is left: the dev stack stopped workerd and the emulator, and exited.
    const deadline = Date.now() + 10_000;
    while (groupAlive(child.pid!) && Date.now() < deadline) await sleep(200);
    expect(groupAlive(child.pid!)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${emuPort}/_emulator/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${gwPort}/healthz`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  }, 90_000);

  for (const which of ['GATEWAY_PORT', 'EMULATOR_PORT'] as const) {
    it(`a busy ${which} is one clear line on stderr and exit 1, nothing left running`, async () => {
      const busy = await occupiedPort();
      try {
        const other = await freePort();
        const env = which === 'GATEWAY_PORT' ? { GATEWAY_PORT: String(busy.port), EMULATOR_PORT: String(other) } : { GATEWAY_PORT: String(other), EMULATOR_PORT: String(busy.port) };
        const run = await runToEnd(env);
        expect(run.code, run.stdout + run.stderr).toBe(1);
        expect(run.stderr.trim().split('\n')).toEqual([`npm start: port ${busy.port} on 127.0.0.1 is already in use; pick another with ${which}`]);
        expect(run.stdout).not.toMatch(/\bat .*:\d+:\d+|kj::Exception|EADDRINUSE/);
        // Nothing was started: the other port is still free.
        await expect(fetch(`http://127.0.0.1:${other}/`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
      } finally {
        busy.server.close();
      }
    });
  }
});
