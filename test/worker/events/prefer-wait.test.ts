import { describe, expect, it } from 'vitest';
import { preferredWaitSeconds } from '../../../worker/events/prefer-wait';
import { DEFAULT_RETRY_AFTER_S, retryAfterSeconds } from '../../../worker/events/retry-after';

describe('preferredWaitSeconds (RFC 7240 Prefer)', () => {
  it.each([
    ['wait=20', 20],
    ['WAIT=5', 5],
    ['wait = 7', 7],
    ['wait="9"', 9],
    ['respond-async, wait=10', 10],
    ['wait=10; foo=bar', 10],
    ['handling=lenient,wait=3', 3],
    ['wait=61', 60],
    ['wait=999999999', 60],
    ['wait=4, wait=30', 4], // the first occurrence counts
  ])('%s → %s', (header, seconds) => expect(preferredWaitSeconds(header)).toBe(seconds));

  it.each([undefined, '', 'wait=0', 'wait=-1', 'wait=1.5', 'wait=abc', 'wait', 'wait=', 'wait="3', 'waiting=5', 'respond-async', 'wait=0x10', 'wait=1e3'])(
    '%s → no wait',
    (header) => expect(preferredWaitSeconds(header)).toBeUndefined(),
  );
});

describe('retryAfterSeconds', () => {
  it('a first polling interval per event type, a default for unknown ones', () => {
    expect(retryAfterSeconds('restart_ecs')).toBe(3);
    expect(retryAfterSeconds('start_up_ecs')).toBe(2);
    expect(retryAfterSeconds('hard_shutdown_ecs')).toBe(1);
    expect(retryAfterSeconds('extend_disk')).toBe(2);
    expect(retryAfterSeconds('create_ecs')).toBe(4);
    expect(retryAfterSeconds('unmount_disk')).toBe(2);
    expect(retryAfterSeconds('an_unknown_event')).toBe(DEFAULT_RETRY_AFTER_S);
    expect(retryAfterSeconds(undefined)).toBe(DEFAULT_RETRY_AFTER_S);
    expect(retryAfterSeconds('toString')).toBe(DEFAULT_RETRY_AFTER_S);
  });
});
