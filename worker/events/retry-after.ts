import type { EventType } from '../../openapi/models';

// Retry-After of a 202 and of an event still running: a first polling interval that suits the
// operation, about a quarter of its usual duration (the emulator's default durations), at least 1 s.

const FIRST_POLL_S: Readonly<Record<EventType, number>> = {
  start_up_ecs: 2, // takes ~8 s
  shutdown_ecs: 2, // ~8 s
  hard_shutdown_ecs: 1, // ~3 s
  restart_ecs: 3, // ~12 s
  free_shutdown_ecs: 2, // ~8 s
  change_ecs_config: 3, // ~10 s
  extend_disk: 2, // ~6 s
  create_ecs: 4, // ~15 s
  delete_ecs: 2, // ~5 s
  reset_pwd: 1, // ~3 s
};

/** For event types this table does not know (other upstream operations). */
export const DEFAULT_RETRY_AFTER_S = 5;

export function retryAfterSeconds(eventType: string | undefined): number {
  // Own keys only: the event type comes from upstream ("toString" must not find a method).
  return eventType !== undefined && Object.hasOwn(FIRST_POLL_S, eventType) ? FIRST_POLL_S[eventType as EventType] : DEFAULT_RETRY_AFTER_S;
}
