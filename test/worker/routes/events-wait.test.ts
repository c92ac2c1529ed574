import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../emulator';
import type { EventResultData } from '../../../openapi/models';
import { MAX_POLLS } from '../../../worker/events/wait-for-event';
import { addFault, emulatorStack, restart } from '../../helpers/emulator-stack';

// GET /v1/events/{EventId}?wait=N against the emulator on a manual clock that the gateway's
// sleeps move: restart_ecs takes 12 s there, so the timings below are exact.

const ID = SEED_IDS.demandCpuSsd;

async function startRestart(stack: ReturnType<typeof emulatorStack>) {
  const res = await stack.gateway('/v1/instances/operate', restart(ID));
  expect(res.status).toBe(202);
  stack.calls.length = 0;
  return res.headers.get('Location')!;
}

describe('GET /v1/events/{EventId}?wait=N', () => {
  it('answers as soon as the event ends, not before, and polls with backoff (1, 2, 4, 5 s)', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=60`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('success');
    expect(res.headers.get('Retry-After')).toBeNull();
    // Polled at 1, 3, 7 and 12 s (the last sleep cut to the 5 s cap): the event ended at 12 s.
    expect(stack.slept()).toBe(12);
    expect(stack.count('DescribeEvent')).toBe(5);
  });

  it('answers the current state with Retry-After when N runs out', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=5`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('doing');
    expect(res.headers.get('Retry-After')).toBe('3');
    expect(stack.slept()).toBe(5); // 1 + 2 + 2 (cut to the deadline)
    expect(stack.count('DescribeEvent')).toBe(4);
  });

  it('stays within a fixed number of upstream calls for the longest wait', async () => {
    const stack = emulatorStack({ virtualTime: true, emulator: { durations: { restart_ecs: 3600 } } });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=60`);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('doing');
    expect(stack.slept()).toBe(60);
    // One read at once, then 1, 3, 7, 12, 17 … 57, 60 s: 15 upstream calls, far under 50.
    expect(stack.calls).toEqual(Array(15).fill('DescribeEvent'));
    expect(stack.calls.length).toBeLessThanOrEqual(MAX_POLLS + 1);
  });

  it('does not wait for an event that has already ended', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const location = await startRestart(stack);
    stack.emulator.advance(60);
    const res = await stack.gateway(`${location}?wait=30`);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('success');
    expect(stack.slept()).toBe(0);
    expect(stack.count('DescribeEvent')).toBe(1);
  });

  it('waits for a disk event too (found on /ebs/v1: two lookups per poll)', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const started = await stack.gateway('/v1/disks/disk-demand-cpu-ssd-data/extend', { method: 'POST', body: JSON.stringify({ ExtendedSize: 128 }) });
    expect(started.headers.get('Retry-After')).toBe('2');
    stack.calls.length = 0;
    const res = await stack.gateway(`${started.headers.get('Location')!}?wait=20`);
    expect(((await res.json()) as EventResultData)).toMatchObject({ EventType: 'extend_disk', EventStatus: 'success' });
    expect(stack.slept()).toBe(7); // 1, 3, 7 s; the extension takes 6 s
    expect(stack.count('DescribeEvent')).toBe(2 * 4);
  });

  it('reports a failed event as the event', async () => {
    const stack = emulatorStack({ virtualTime: true });
    await addFault(stack.emulator, { EcsId: ID, FailNextTransition: true });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=60`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('failed');
    expect(res.headers.get('Retry-After')).toBeNull();
  });

  it('without wait: a running event carries Retry-After, an ended one does not', async () => {
    const stack = emulatorStack({ virtualTime: true });
    const location = await startRestart(stack);
    expect((await stack.gateway(location)).headers.get('Retry-After')).toBe('3');
    stack.emulator.advance(12);
    expect((await stack.gateway(location)).headers.get('Retry-After')).toBeNull();
    expect(stack.slept()).toBe(0);
  });

  it.each(['0', '61', '1.5', 'abc', '0x10', '-1'])('wait=%s → 400 ValidationFailed before any upstream call', async (wait) => {
    const stack = emulatorStack({ virtualTime: true });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=${wait}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string; errors: { path: string }[] })).toMatchObject({ code: 'ValidationFailed', errors: [{ path: 'query.wait' }] });
    expect(stack.calls).toEqual([]);
  });

  it('an upstream failure while waiting is answered as such, and ends the wait', async () => {
    // The first read succeeds; from the first sleep on, DescribeEvent is refused.
    const stack = emulatorStack({ virtualTime: true, onSleep: (emulator) => addFault(emulator, { Action: 'DescribeEvent', Status: 400, Code: 'InvalidParameter' }) });
    const location = await startRestart(stack);
    const res = await stack.gateway(`${location}?wait=10`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('InvalidParameter');
    expect(stack.slept()).toBe(1);
  });
});
