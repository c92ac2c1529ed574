import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../emulator';
import type { EventIdData, EventResultData } from '../../../openapi/models';
import { addFault, emulatorStack, restart } from '../../helpers/emulator-stack';
import { MUTATING_OPERATIONS } from '../../helpers/mutating-routes';

// Prefer: wait=N on the routes that answer 202, against the emulator on a manual clock that the
// gateway's sleeps move (restart_ecs takes 12 s, change-spec 10 s, a disk extension 6 s).

const ID = SEED_IDS.demandCpuSsd;
const prefer = (value: string, init: RequestInit, extra: Record<string, string> = {}): RequestInit => ({ ...init, headers: { Prefer: value, ...extra } });

describe('Prefer: wait=N', () => {
  it('200 with the final event, Preference-Applied and Location when it ends in time', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway('/v1/instances/operate', prefer('wait=20', restart(ID)));
    expect(res.status).toBe(200);
    const event = (await res.json()) as EventResultData;
    expect(event).toMatchObject({ EventStatus: 'success', EventType: 'restart_ecs' });
    expect(res.headers.get('Preference-Applied')).toBe('wait=20');
    expect(res.headers.get('Location')).toBe(`/v1/events/${event.EventId}`);
    expect(res.headers.get('Retry-After')).toBeNull();
    expect(stack.slept()).toBe(12);
    expect(stack.calls).toEqual(['OperateInstance', ...Array(4).fill('DescribeEvent')]);
  });

  it('the usual 202 with Retry-After when it does not end in time', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway('/v1/instances/operate', prefer('wait=5', restart(ID)));
    expect(res.status).toBe(202);
    expect(Object.keys((await res.json()) as EventIdData)).toEqual(['EventId']);
    expect(res.headers.get('Retry-After')).toBe('3');
    expect(res.headers.get('Preference-Applied')).toBeNull();
    expect(stack.slept()).toBe(5);
  });

  it('a failed event is answered 200 with EventStatus failed, not as an error', async () => {
    const stack = emulatorStack({ virtualTime: true });
    await addFault(stack.emulator, { EcsId: ID, FailNextTransition: true });
    const res = await stack.gateway('/v1/instances/operate', prefer('wait=30', restart(ID)));
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('failed');
  });

  it('works on every 202 route (change-spec, disk extension)', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const spec = { EcsIds: [SEED_IDS.monthCpuSsd], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 };
    const changed = await stack.gateway('/v1/instances/change-spec', prefer('wait=30', { method: 'POST', body: JSON.stringify(spec) }));
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as EventResultData)).toMatchObject({ EventType: 'change_ecs_config', EventStatus: 'success' });
    const extended = await stack.gateway('/v1/disks/disk-demand-cpu-ssd-data/extend', prefer('wait=30', { method: 'POST', body: JSON.stringify({ ExtendedSize: 128 }) }));
    expect(extended.status).toBe(200);
    expect(((await extended.json()) as EventResultData)).toMatchObject({ EventType: 'extend_disk', EventStatus: 'success' });
  });

  it('an Idempotency-Key replay of the 202 waits too, without a second operation', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await stack.gateway('/v1/instances/operate', { ...restart(ID), headers: key });
    expect(first.status).toBe(202);
    const { EventId } = (await first.json()) as EventIdData;

    const replayed = await stack.gateway('/v1/instances/operate', prefer('wait=30', restart(ID), key));
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replayed.headers.get('Preference-Applied')).toBe('wait=30');
    expect((await replayed.json()) as EventResultData).toMatchObject({ EventId, EventStatus: 'success' });
    expect(stack.count('OperateInstance')).toBe(1);

    // The stored answer stays the 202, with its Retry-After, for a replay that does not wait.
    const plain = await stack.gateway('/v1/instances/operate', { ...restart(ID), headers: key });
    expect(plain.status).toBe(202);
    expect(plain.headers.get('Retry-After')).toBe('3');
    expect(plain.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('a failing poll leaves the 202: the operation was accepted', async () => {
    const stack = emulatorStack({ virtualTime: true });
    await addFault(stack.emulator, { Action: 'DescribeEvent', Status: 400, Code: 'InvalidParameter' });
    const res = await stack.gateway('/v1/instances/operate', prefer('wait=20', restart(ID)));
    expect(res.status).toBe(202);
    expect(res.headers.get('Retry-After')).toBe('3');
    expect(stack.count('DescribeEvent')).toBe(1);
  });

  it('a wait above 60 s is capped at 60 (Preference-Applied says so)', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway('/v1/instances/operate', prefer('respond-async, WAIT="600"', restart(ID)));
    expect(res.status).toBe(200);
    expect(res.headers.get('Preference-Applied')).toBe('wait=60');
  });

  it.each(['wait=0', 'wait=abc', 'wait', 'respond-async', 'waiting=5'])('Prefer: %s is ignored: 202 at once', async (value) => {
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway('/v1/instances/operate', prefer(value, restart(ID)));
    expect(res.status).toBe(202);
    expect(stack.slept()).toBe(0);
    expect(stack.count('DescribeEvent')).toBe(0);
  });

  it('refusals are not waited on, and the synchronous rename ignores Prefer', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const refused = await stack.gateway('/v1/instances/operate', prefer('wait=20', restart(SEED_IDS.demandGpuSsd)));
    expect(refused.status).toBe(409);
    const renamed = await stack.gateway(`/v1/instances/${ID}`, prefer('wait=20', { method: 'PATCH', body: JSON.stringify({ Name: 'web-01' }) }));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toEqual({ EcsId: ID, Name: 'web-01' });
    expect(renamed.headers.get('Preference-Applied')).toBeNull();
    expect(stack.count('DescribeEvent')).toBe(0);
    expect(stack.slept()).toBe(0);
  });

  // Every route that answers 202, read from the document: the waited 200 keeps the 202's own
  // fields (CreateInstance's EcsIdSet) next to the event's.
  const accepting = MUTATING_OPERATIONS.filter((op) => op.successStatus === 202);
  // Bodies the seed accepts where the documented example would be refused (the example spec is the current one).
  const bodies: Record<string, Record<string, unknown>> = {
    ChangeInstanceConfigure: { EcsIds: [SEED_IDS.monthCpuSsd], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 },
  };

  it('the 202 routes were read from the document', () => {
    expect(accepting.map((op) => op.operationId)).toEqual(expect.arrayContaining(['CreateInstance', 'OperateInstance', 'ExtendDisk']));
  });

  it.each(accepting.map((op) => [op.operationId, op] as const))('%s: the 200 holds the 202 answer\'s fields and the final event', async (_, op) => {
    const init = (): RequestInit => ({ method: op.method, body: JSON.stringify(bodies[op.operationId] ?? op.body) });
    const plain = await emulatorStack({ virtualTime: true }).gateway(op.path, init());
    expect(plain.status).toBe(202);
    const acceptedKeys = Object.keys((await plain.json()) as object);

    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway(op.path, prefer('wait=60', init()));
    expect(res.status).toBe(200);
    const waited = (await res.json()) as EventResultData & Record<string, unknown>;
    expect(waited.EventStatus).toBe('success');
    expect(Object.keys(waited)).toEqual(expect.arrayContaining([...acceptedKeys, 'EventType', 'TaskList']));
    expect(res.headers.get('Location')).toBe(`/v1/events/${waited.EventId}`);
  });

  it('CreateInstance with Prefer: wait=30 answers 200 with EcsIdSet and the event', async () => {
    const create = accepting.find((op) => op.operationId === 'CreateInstance')!;
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway(create.path, prefer('wait=30', { method: 'POST', body: JSON.stringify(create.body) }));
    expect(res.status).toBe(200);
    const waited = (await res.json()) as EventResultData & { EcsIdSet: string[] };
    expect(waited).toMatchObject({ EventType: 'create_ecs', EventStatus: 'success' });
    expect(waited.EcsIdSet).toHaveLength(1);
    expect(waited.TaskList.map((t) => t.ResourceId)).toContain(waited.EcsIdSet[0]);
  });
});
