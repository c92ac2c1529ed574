import { afterAll, describe, expect, it } from 'vitest';
import { freePort, groupAlive, sleep, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// `npm start`: emulator + gateway under wrangler dev, one command; SIGTERM stops both cleanly.

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

    // Like Ctrl-C in a terminal: the signal reaches the whole process group (npm dies by it).
    const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(`${code}/${signal}`)));
    process.kill(-child.pid!, 'SIGTERM');
    const how = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(['0/null', 'null/SIGTERM']).toContain(how);
    // Nothing of the group is left: the dev stack forwarded the signal to wrangler and exited.
    const deadline = Date.now() + 10_000;
    while (groupAlive(child.pid!) && Date.now() < deadline) await sleep(200);
    expect(groupAlive(child.pid!)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${emuPort}/_emulator/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${gwPort}/healthz`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  }, 90_000);
});
