import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, sleep, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';
import { independentlySigned } from '../helpers/independent-signature';

// The Node server's state file: loaded at start, rewritten atomically soon after each change, so a
// restart (even after a kill) answers as before; an unreadable file stops the start with one line.

const dir = mkdtempSync(join(tmpdir(), 'emulator-state-file-'));
const TSX = join('node_modules', '.bin', 'tsx');
const BIN = 'emulator/bin/ecs-emulator.ts';
let proc: Spawned | undefined;
afterEach(async () => stopGroup(proc));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(stateFile: string): Promise<string> {
  const port = await freePort();
  proc = spawnGroup(TSX, [BIN, '--port', String(port), '--clock', 'manual', '--state-file', stateFile]);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/_emulator/health`, proc, 30_000);
  return base;
}

async function wire(base: string, action: string, body?: unknown, params?: Record<string, string>) {
  const method = body === undefined ? 'GET' : 'POST';
  const signed = independentlySigned({ method, action, accessKeyId: 'test-ak', secretKey: 'test-sk', params });
  const r = await fetch(`${base}/ecs/v1?${signed.query}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  // Some actions answer with lower-case envelope keys (code, data), as the upstream does.
  const j = (await r.json()) as Record<string, any>;
  return { Code: j.Code ?? j.code, Data: j.Data ?? j.data } as { Code: string; Data: any };
}

describe('EMULATOR_STATE_FILE / --state-file', () => {
  it('a restart with the state file (even after SIGKILL) answers as before the restart', async () => {
    const file = join(dir, 'world.json');
    let base = await start(file);
    expect((await wire(base, 'ModifyInstanceName', { EcsId: 'ins-demand-cpu-ssd', Name: 'kept across restarts' })).Code).toBe('Success');
    expect((await wire(base, 'OperateInstance', { EcsIds: ['ins-demand-gpu-ssd'], OpType: 'start_up_ecs' })).Code).toBe('Success');
    expect((await fetch(`${base}/_emulator/snapshots`, { method: 'POST', body: '{"Name":"before-restart"}' })).status).toBe(201);
    const before = await (await fetch(`${base}/_emulator/snapshot`)).text();
    await sleep(1000); // the write lands within STATE_WRITE_DELAY_MS
    await stopGroup(proc, 'SIGKILL');
    expect(existsSync(file)).toBe(true);

    base = await start(file);
    expect(await (await fetch(`${base}/_emulator/snapshot`)).text()).toBe(before);
    const inst = await wire(base, 'DescribeInstance', undefined, { EcsId: 'ins-demand-cpu-ssd' });
    expect(inst.Data.EcsName).toBe('kept across restarts');
    expect(((await (await fetch(`${base}/_emulator/snapshots`)).json()) as { Snapshots: { Name: string }[] }).Snapshots.map((s) => s.Name)).toEqual(['before-restart']);
    // The pending start_up_ecs carries on from where it was.
    await fetch(`${base}/_emulator/clock/advance`, { method: 'POST', body: '{"Seconds":8}' });
    const status = await wire(base, 'DescribeInstance', undefined, { EcsId: 'ins-demand-gpu-ssd' });
    expect(status.Data.Status).toBe('running');
  }, 90_000);

  it('a corrupt or incompatible file: one line on stderr, exit code 2, the file unchanged', () => {
    const cases = { 'corrupt.json': '{"Format":"ecs-emulator-state","Worl', 'future.json': JSON.stringify({ Format: 'ecs-emulator-state', Version: 99, Worlds: [], Named: [] }), 'other.json': '[1,2]' };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = spawnSync(TSX, [BIN, '--port', '0', '--state-file', file], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(`state file ${file}`);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  }, 90_000);
});
