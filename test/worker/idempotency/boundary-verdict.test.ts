import { describe, expect, it } from 'vitest';
import { EcsError } from '../../../openapi/ecs-api';
import { verdictOf } from '../../../worker/idempotency/middleware';

// What happens to an Idempotency-Key after the first answer: the key is released only when the
// upstream certainly did not run the call (nothing was sent, or a business refusal with a 4xx).

const late = Object.assign(new EcsError('timeout', 'UpstreamTimeout', 'late'), { late: new Promise<never>(() => undefined) });

describe('verdictOf', () => {
  it('final answers are stored', () => {
    expect(verdictOf(202, undefined, true)).toBe('stored');
    expect(verdictOf(409, new EcsError('business', 'InvalidInstanceStatus', 'no', 409), true)).toBe('stored');
  });

  it('a business refusal with a 4xx status releases the key (nothing ran)', () => {
    expect(verdictOf(429, new EcsError('business', 'Throttling', 'slow down', 429), true)).toBe('released');
    expect(verdictOf(502, new EcsError('business', 'AccessDenied', 'no', 403), true)).toBe('released');
    expect(verdictOf(502, new EcsError('business', 'SomeRefusal', 'no', 200), true)).toBe('released');
  });

  it('an upstream 5xx is unknown, error code or not: the upstream may have acted before failing', () => {
    expect(verdictOf(502, new EcsError('business', 'ServiceUnavailable', 'down', 503), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('business', 'InternalError', 'oops', 500), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('bad_response', 'UpstreamBadResponse', 'html 503 page', 503), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('bad_response', 'UpstreamBadResponse', 'html 403 page', 403), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('bad_response', 'UpstreamBadResponse', 'Success with HTTP 500', 500), true)).toBe('unknown');
  });

  it('a timeout whose call is still running is pending', () => {
    expect(verdictOf(504, late, true)).toBe('pending');
  });

  it('an outcome that can never be known is kept (never run again)', () => {
    expect(verdictOf(504, new EcsError('timeout', 'UpstreamTimeout', 'hung'), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('bad_response', 'UpstreamBadResponse', 'truncated JSON', 200), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('bad_response', 'UpstreamBadResponse', 'proxy gave up', 504), true)).toBe('unknown');
    expect(verdictOf(502, new EcsError('unreachable', 'UpstreamUnreachable', 'reset'), true)).toBe('unknown');
    expect(verdictOf(500, new TypeError('bug after the call'), true)).toBe('unknown');
  });

  it('a failure before any upstream call releases the key', () => {
    expect(verdictOf(500, new TypeError('bug before the call'), false)).toBe('released');
    expect(verdictOf(429, undefined, false)).toBe('released');
  });
});
