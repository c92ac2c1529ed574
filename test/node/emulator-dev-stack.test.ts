import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start`: emulator + gateway under wrangler dev, one command; SIGTERM stops both cleanly.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number, init?: RequestInit): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${log()}`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return res;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} not up within ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
});

describe('npm start', () => {
  it('serves the gateway wired to the emulator with dev-token, prints it, and stops on SIGTERM', async () => {
    const [emuPort, gwPort] = [await freePort(), await freePort()];
    let out = '';
    child = spawn('npm', ['start'], {
      env: { ...process.env, EMULATOR_PORT: String(emuPort), GATEWAY_PORT: String(gwPort), EMULATOR_CLOCK: 'manual' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const health = await waitFor(`http://127.0.0.1:${emuPort}/_emulator/health`, child, () => out, 30_000);
    expect(((await health.json()) as { Clock: { Mode: string } }).Clock.Mode).toBe('manual');
    const regions = await waitFor(`http://127.0.0.1:${gwPort}/v1/regions`, child, () => out, 60_000, { headers: { authorization: 'Bearer dev-token' } });
    expect(regions.status).toBe(200);
    const body = (await regions.json()) as { RegionGroups: { RegionList: unknown[] }[] };
    expect(body.RegionGroups[0]!.RegionList.length).toBeGreaterThanOrEqual(2);
    expect(out).toContain('dev-token');
    expect(out).not.toContain('test-sk');

    // Like Ctrl-C in a terminal: the signal reaches the whole process group (npm dies by it).
    const exited = new Promise<string>((r) => child!.once('exit', (code, signal) => r(`${code}/${signal}`)));
    process.kill(-child.pid!, 'SIGTERM');
    const how = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(['0/null', 'null/SIGTERM']).toContain(how);
    // Nothing of the group is left: the dev stack forwarded the signal to wrangler and exited.
    const deadline = Date.now() + 10_000;
    const groupAlive = () => {
      try {
        process.kill(-child!.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(groupAlive()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${emuPort}/_emulator/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${gwPort}/healthz`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  }, 90_000);
});
