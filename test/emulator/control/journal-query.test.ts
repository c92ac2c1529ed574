import { describe, expect, it } from 'vitest';
import { createEmulatorControl } from '../../../emulator/kit/emulator-control';
import { call, ctl, newEmulator, operate } from '../../helpers/emulator-client';
import { JOURNAL_CAP, Journal } from '../../../emulator/control/journal';

describe('journal queries', () => {
  it('filters by Action, Id named, Status, Code and Since, with a Count', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    await operate(emu, ['ins-demand-cpu-ssd', 'ins-month-cpu-ssd'], 'restart_ecs'); // refused: shutdown
    emu.advance(30);
    const since = emu.clock.now();
    await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-month-cpu-ssd' } });
    await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 104 } });
    const q = async (query: string) => (await ctl(emu, 'GET', `/journal?${query}`)).body as { Entries: { Action: string; Code: string }[]; Count: number };
    expect((await q('Action=OperateInstance')).Count).toBe(2);
    expect((await q('Action=OperateInstance&Code=Success')).Count).toBe(1);
    expect((await q('Action=OperateInstance&Status=409')).Entries.map((e) => e.Code)).toEqual(['InvalidInstanceStatus']);
    expect((await q('Id=ins-month-cpu-ssd')).Entries.map((e) => e.Action)).toEqual(['OperateInstance', 'DescribeInstance']);
    expect((await q('Id=disk-demand-cpu-ssd-data')).Entries.map((e) => e.Action)).toEqual(['ExtendDisk']);
    expect((await q(`Since=${since}`)).Count).toBe(2);
    expect((await q(`Since=${encodeURIComponent(new Date(since).toISOString())}`)).Count).toBe(2);
    expect((await q('Action=CreateInstance')).Count).toBe(0);
    expect((await ctl(emu, 'GET', '/journal?Status=abc')).status).toBe(400);
    expect((await ctl(emu, 'GET', '/journal?Unknown=1')).status).toBe(400);
  });

  it('a hung call is in the journal while it hangs, marked Pending, and completed when it ends', async () => {
    const emu = newEmulator({ hangCapMs: 60_000 });
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Hang: true, Times: 1 });
    const abort = new AbortController();
    const hung = call(emu, 'DescribeRegions', { signal: abort.signal }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const pending = (await ctl(emu, 'GET', '/journal?Action=DescribeRegions')).body;
    expect(pending.Count).toBe(1);
    expect(pending.Entries[0]).toMatchObject({ Pending: true, Code: 'Pending', Status: 0 });
    expect((await ctl(emu, 'GET', '/journal?Pending=true')).body.Count).toBe(1);
    abort.abort();
    await hung;
    await new Promise((r) => setTimeout(r, 20));
    const done = (await ctl(emu, 'GET', '/journal?Action=DescribeRegions')).body;
    expect(done.Entries[0].Pending).toBeUndefined();
    expect(done.Entries[0].Code).not.toBe('Pending');
    expect((await ctl(emu, 'GET', '/journal?Pending=true')).body.Count).toBe(0);
  });

  it('X-Emulator-Access-Key scopes the journal to one account', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,b-ak:b-sk' });
    await call(emu, 'DescribeRegions');
    await call(emu, 'DescribeRegions', { ak: 'b-ak', sk: 'b-sk' });
    await call(emu, 'DescribeRegions', { ak: 'b-ak', sk: 'b-sk' });
    const scoped = await emu.fetch(new Request('http://e/_emulator/journal', { headers: { 'X-Emulator-Access-Key': 'b-ak' } }));
    expect(((await scoped.json()) as { Count: number }).Count).toBe(2);
    expect((await ctl(emu, 'GET', '/journal')).body.Count).toBe(3);
  });

  it('the kit counts calls exactly: calls({ Action: "CreateInstance" })', async () => {
    const emu = newEmulator();
    const control = createEmulatorControl(emu);
    expect(await control.calls({ Action: 'CreateInstance' })).toHaveLength(0);
    await call(emu, 'CreateInstance', { body: { EcsFamilyName: 'nope' } });
    await call(emu, 'DescribeRegions');
    expect(await control.calls({ Action: 'CreateInstance' })).toHaveLength(1);
    expect(await control.calls({ Action: 'CreateInstance', Code: 'Success' })).toHaveLength(0);
    expect(await control.calls()).toHaveLength(2);
  });

  it('stays bounded, pending entries included', () => {
    const j = new Journal(() => 0);
    const open = j.begin({ Transport: 'http', Method: 'GET', Path: '/ecs/v1', Action: 'A', AccessKeyId: 'k' });
    for (let i = 0; i < JOURNAL_CAP + 10; i++) j.record({ Transport: 'http', Method: 'GET', Path: '/ecs/v1', Action: 'B', AccessKeyId: 'k', Status: 200, Code: 'Success' });
    expect(j.list()).toHaveLength(JOURNAL_CAP);
    open.end({ Status: 200, Code: 'Success' }); // ending an entry that fell out is harmless
    expect(j.list(undefined, { Action: 'A' })).toHaveLength(0);
  });
});
