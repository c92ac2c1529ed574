import { jsonAnswer } from '../http/json-newline';
import type { Context } from 'hono';
import type { GatewayEnv } from '../env';
import { unwrap } from '../routes/respond';
import { retryAfterSeconds } from './retry-after';
import { isTerminal, readEventOnce, realClock, waitForEvent, type WaitClock } from './wait-for-event';

/**
 * GET /v1/events/{EventId}: the event, or with `wait` the event once it ends (or as it stands when
 * the time runs out); Retry-After while it runs.
 */
export async function readEvent(c: Context<GatewayEnv, any, any>, req: { EventId: string; wait?: number }, clock: WaitClock = realClock): Promise<Response> {
  const ecs = c.get('ecs');
  const deadline = clock.now() + (req.wait ?? 0) * 1000;
  let result = await readEventOnce(ecs, req.EventId);
  if (req.wait !== undefined) result = (await waitForEvent(ecs, req.EventId, deadline, clock, result)) ?? result;
  const event = unwrap(c, result);
  if (!isTerminal(event)) c.header('Retry-After', String(retryAfterSeconds(event.EventType)));
  return jsonAnswer(c, event, 200);
}
