import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../emulator';
import type { EventResultData } from '../../openapi/models';
import { emulatorStack, restart } from '../helpers/emulator-stack';

// The waiting on real time (the gateway's default clock, the emulator on the wall clock) with
// short transitions: each case takes about a second.

const ID = SEED_IDS.demandCpuSsd;

describe('waiting on the wall clock', () => {
  it('Prefer: wait=10 answers 200 success soon after a 0.5 s restart ends', async () => {
    const stack = emulatorStack({ virtualTime: false, emulator: { durations: { restart_ecs: 0.5 } } });
    const t0 = Date.now();
    const res = await stack.gateway('/v1/instances/operate', { ...restart(ID), headers: { Prefer: 'wait=10' } });
    const elapsed = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventResultData).EventStatus).toBe('success');
    expect(res.headers.get('Preference-Applied')).toBe('wait=10');
    expect(elapsed).toBeGreaterThanOrEqual(900); // the first poll comes after ~1 s
    expect(elapsed).toBeLessThan(3000);
  });

  it('?wait=1 on a 30 s restart answers "doing" with Retry-After after about a second', async () => {
    const stack = emulatorStack({ virtualTime: false, emulator: { durations: { restart_ecs: 30 } } });
    const location = (await stack.gateway('/v1/instances/operate', restart(ID))).headers.get('Location')!;
    const t0 = Date.now();
    const res = await stack.gateway(`${location}?wait=1`);
    const elapsed = Date.now() - t0;
    expect(((await res.json()) as EventResultData).EventStatus).toBe('doing');
    expect(res.headers.get('Retry-After')).toBe('3');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
    expect(stack.count('DescribeEvent')).toBe(2);
  });

  it('Prefer: wait=N counts from the request\'s arrival: a slow operation leaves no time to poll', async () => {
    const stack = emulatorStack({ virtualTime: false, emulator: { durations: { restart_ecs: 0.1 } } });
    await stack.emulator.fetch(new Request('http://emulator.test/_emulator/faults', { method: 'POST', body: JSON.stringify({ Action: 'OperateInstance', DelayMs: 1100 }) }));
    const res = await stack.gateway('/v1/instances/operate', { ...restart(ID), headers: { Prefer: 'wait=1' } });
    expect(res.status).toBe(202);
    expect(stack.count('DescribeEvent')).toBe(0);
  });
});
