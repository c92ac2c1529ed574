import type { EcsApi, EcsResult } from '../../openapi/ecs-api';
import type { EventResultData } from '../../openapi/models';

// Waiting for an event to end: poll the event with a growing delay (1 s, 2 s, 4 s, then
// every 5 s) until it is terminal or the deadline passes. Never a tight loop, and a fixed ceiling
// on upstream calls (a Worker has a per-invocation subrequest limit).

/** Time as the waiting loop sees it; tests pass a virtual clock that moves the emulator's. */
export interface WaitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: WaitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const FIRST_POLL_MS = 1000;
export const MAX_POLL_INTERVAL_MS = 5000;
/** 60 s of waiting takes 14 polls with the schedule; this bounds them whatever the clock does. */
export const MAX_POLLS = 15;

/** Delay before poll n (0-based): doubling from 1 s, capped at 5 s. */
export function pollDelayMs(n: number): number {
  return Math.min(FIRST_POLL_MS * 2 ** n, MAX_POLL_INTERVAL_MS);
}

/** One read of the event upstream. */
export const readEventOnce = (ecs: EcsApi, EventId: string): Promise<EcsResult<EventResultData>> => ecs.describeTaskEvent({ EventId });

/** `success` and `failed` are final; anything else (`doing`, an unknown upstream value) may still change. */
export const isTerminal = (event: EventResultData): boolean => event.EventStatus === 'success' || event.EventStatus === 'failed';

/**
 * Polls the event until it is terminal or `deadline` (clock ms) is reached; the last sleep is cut
 * short so the answer comes at the deadline, not after it. `current` is a state already read
 * (then it is returned unchanged when already terminal); without it the first call comes after
 * the first delay. Returns the last state read, undefined when none was. Upstream errors propagate.
 */
export async function waitForEvent(
  ecs: EcsApi,
  EventId: string,
  deadline: number,
  clock: WaitClock,
  current?: EcsResult<EventResultData>,
): Promise<EcsResult<EventResultData> | undefined> {
  for (let n = 0; n < MAX_POLLS && !(current && isTerminal(current.data)); n++) {
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    await clock.sleep(Math.min(pollDelayMs(n), remaining));
    current = await readEventOnce(ecs, EventId);
  }
  return current;
}
