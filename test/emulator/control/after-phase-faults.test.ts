import { describe, expect, it } from 'vitest';
import { createInProcessEcsApi, SEED_IDS, type Emulator } from '../../../emulator';
import { EcsError } from '../../../openapi/ecs-api';
import { AK, appliedCalls, call, ctl, event, newEmulator, operate, status } from '../../helpers/emulator-client';

// Faults with Phase "after": the action is applied (event created, instance transitions), then the
// caller gets the fault instead of the answer. On the wire and in-process, journaled as Applied.

const shutdown = (emu: Emulator) => operate(emu, [SEED_IDS.demandCpuSsd], 'shutdown_ecs');
const lastEntry = (emu: Emulator, action: string) => emu.core.journal.list().filter((e) => e.Action === action).at(-1)!;
const eventsOf = (emu: Emulator) => [...emu.core.store.account(AK)!.Events.values()];

async function addFault(emu: Emulator, spec: Record<string, unknown>) {
  const r = await ctl(emu, 'POST', '/faults', spec);
  expect(r.status, r.text).toBe(201);
  return r.body as { FaultId: number; Phase?: string };
}

describe('Phase "after" faults on the wire', () => {
  it('an error after the action: the caller gets the injected code, the instance transitions, one event exists', async () => {
    const emu = newEmulator();
    await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const r = await shutdown(emu);
    expect(r.status).toBe(503);
    expect(r.body.Code).toBe('ServiceUnavailable');
    expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('shutting_down');
    expect(eventsOf(emu)).toHaveLength(1);
    expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ Status: 503, Code: 'ServiceUnavailable', Applied: true });
    expect(appliedCalls(emu, 'OperateInstance')).toBe(1);
  });

  it('a before fault (the default) changes nothing and is not marked applied', async () => {
    const emu = newEmulator();
    await addFault(emu, { Action: 'OperateInstance', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    expect((await shutdown(emu)).status).toBe(503);
    expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('running');
    expect(eventsOf(emu)).toHaveLength(0);
    expect(lastEntry(emu, 'OperateInstance').Applied).toBeUndefined();
    expect(appliedCalls(emu, 'OperateInstance')).toBe(0);
  });

  it('malformed after the action: unreadable body, the action applied', async () => {
    const emu = newEmulator();
    await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Malformed: true, Times: 1 });
    const r = await shutdown(emu);
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('shutting_down');
    expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ Code: 'Malformed', Applied: true });
  });

  it('a hang after the action holds the call until the client gives up; the instance already moved', async () => {
    const emu = newEmulator();
    await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Hang: true, Times: 1 });
    const ac = new AbortController();
    let settled = false;
    const pending = call(emu, 'OperateInstance', { body: { EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs' }, signal: ac.signal }).then(
      (r) => ((settled = true), r.body?.Code ?? 'no envelope'),
      () => ((settled = true), 'rejected'),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('shutting_down');
    expect(settled).toBe(false);
    ac.abort();
    expect(await pending).not.toBe('Success');
    expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ Status: 0, Code: 'Hang', Applied: true });
  });

  it('a delay after the action answers Success late; the journal marks it applied', async () => {
    const emu = newEmulator();
    await addFault(emu, { Action: 'OperateInstance', Phase: 'after', DelayMs: 50, Times: 1 });
    const r = await shutdown(emu);
    expect(r.status).toBe(200);
    expect((await event(emu, r.body.Data.EventId)).EventStatus).toBe('doing');
    expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ Status: 200, Code: 'Success', Applied: true });
  });

  it('a refused action is not struck by an after fault: the fault stays for the next applied call', async () => {
    const emu = newEmulator();
    const { FaultId } = await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Status: 500, Times: 1 });
    // The monthly CPU instance is shut down: shutting it down again is refused before anything changes.
    const refused = await operate(emu, [SEED_IDS.monthCpuSsd], 'shutdown_ecs');
    expect(refused.body.Code).toBe('InvalidInstanceStatus');
    expect((await ctl(emu, 'GET', '/faults')).body.Faults.map((f: { FaultId: number }) => f.FaultId)).toEqual([FaultId]);
    expect((await shutdown(emu)).status).toBe(500);
    expect((await ctl(emu, 'GET', '/faults')).body.Faults).toEqual([]);
  });

  it('Phase is "before" or "after"; anything else → 400', async () => {
    const emu = newEmulator();
    const r = await ctl(emu, 'POST', '/faults', { Action: 'OperateInstance', Phase: 'later', Status: 500 });
    expect(r.status).toBe(400);
    expect(r.body.Code).toBe('InvalidParameter');
    expect((await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Status: 500 })).Phase).toBe('after');
  });
});

describe('Phase "after" faults in-process', () => {
  it('error, hang and malformed after the action: the failure of the fault, the state changed, journaled as applied', async () => {
    for (const [spec, code] of [
      [{ Status: 503, Code: 'ServiceUnavailable' }, 'ServiceUnavailable'],
      [{ Hang: true }, 'UpstreamTimeout'],
      [{ Malformed: true }, 'UpstreamBadResponse'],
    ] as const) {
      const emu = newEmulator();
      const api = createInProcessEcsApi(emu, AK);
      await addFault(emu, { Action: 'OperateInstance', Phase: 'after', Times: 1, ...spec });
      const err = await api.operateInstance({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs', DeleteEip: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EcsError);
      expect((err as EcsError).code).toBe(code);
      expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('shutting_down');
      expect(eventsOf(emu)).toHaveLength(1);
      expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ Transport: 'in-process', Applied: true });
      expect(appliedCalls(emu, 'OperateInstance')).toBe(1);
    }
  });

  it('a before fault in-process changes nothing', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    await addFault(emu, { Action: 'OperateInstance', Phase: 'before', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    await expect(api.operateInstance({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs', DeleteEip: 0 })).rejects.toThrow();
    expect(await status(emu, SEED_IDS.demandCpuSsd)).toBe('running');
    expect(appliedCalls(emu, 'OperateInstance')).toBe(0);
  });
});
