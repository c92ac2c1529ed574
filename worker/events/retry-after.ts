import { FIRST_POLL_S } from '../../openapi/operations';

// Retry-After of a 202 and of an event still running: the first polling interval each operation
// declares for the events it starts (about a quarter of their usual duration, at least 1 s).

/** For event types no operation starts (other upstream operations). */
export const DEFAULT_RETRY_AFTER_S = 5;

export function retryAfterSeconds(eventType: string | undefined): number {
  // Own keys only: the event type comes from upstream ("toString" must not find a method).
  return eventType !== undefined && Object.hasOwn(FIRST_POLL_S, eventType) ? FIRST_POLL_S[eventType]! : DEFAULT_RETRY_AFTER_S;
}
