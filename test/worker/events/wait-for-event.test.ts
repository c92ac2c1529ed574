import { describe, expect, it } from 'vitest';
import type { EcsApi } from '../../../openapi/ecs-api';
import type { EventResultData } from '../../../openapi/models';
import { MAX_POLLS, pollDelayMs, waitForEvent, type WaitClock } from '../../../worker/events/wait-for-event';

const running = { EventId: 'ev-1', EventStatus: 'doing', EventStatusDisplay: '进行中', EventType: 'restart_ecs', EventTypeDisplay: '重启云服务器', CreateTime: '2024-01-01 00:00:00', TaskList: [] } satisfies EventResultData;

/** An EcsApi whose event never ends, counting the reads. */
function neverEnding() {
  const api = { reads: 0 } as { reads: number } & Pick<EcsApi, 'describeTaskEvent'>;
  api.describeTaskEvent = async () => {
    api.reads += 1;
    return { data: running };
  };
  return api;
}

describe('waitForEvent', () => {
  it('backs off from 1 s, doubling, capped at 5 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(pollDelayMs)).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('keeps to its ceiling of polls even when the clock does not move (never a tight loop)', async () => {
    const api = neverEnding();
    const sleeps: number[] = [];
    const frozen: WaitClock = { now: () => 0, sleep: async (ms) => void sleeps.push(ms) };
    const last = await waitForEvent(api as unknown as EcsApi, 'ev-1', 60_000, frozen);
    expect(last?.data.EventStatus).toBe('doing');
    expect(api.reads).toBe(MAX_POLLS);
    expect(sleeps.every((ms) => ms >= 1000)).toBe(true);
  });

  it('does not poll once the deadline has passed, and cuts the last sleep to it', async () => {
    const api = neverEnding();
    let now = 0;
    const sleeps: number[] = [];
    const clock: WaitClock = { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
    await waitForEvent(api as unknown as EcsApi, 'ev-1', 2500, clock);
    expect(sleeps).toEqual([1000, 1500]);
    expect(api.reads).toBe(2);
    expect(await waitForEvent(api as unknown as EcsApi, 'ev-1', now, clock)).toBeUndefined();
    expect(api.reads).toBe(2);
  });
});
