import type { MiddlewareHandler } from 'hono';
import { EcsError } from '../../openapi/ecs-api';
import { MAX_WAIT_S } from '../../openapi/rest';
import type { GatewayEnv } from '../env';
import { jsonText } from '../http/json-newline';
import { isTerminal, realClock, waitForEvent, type WaitClock } from './wait-for-event';

export const PREFERENCE_APPLIED_HEADER = 'Preference-Applied';

/**
 * `wait=N` of the Prefer request header (RFC 7240): preferences are comma-separated, names
 * case-insensitive, the value may be quoted, parameters after `;` do not matter, the first
 * occurrence counts. N above MAX_WAIT_S is capped; a preference that is not a whole number of
 * seconds ≥ 1 is ignored, as the RFC asks of preferences a server cannot honour.
 */
export function preferredWaitSeconds(header: string | undefined): number | undefined {
  for (const preference of header?.split(',') ?? []) {
    const [nameValue = ''] = preference.split(';');
    if (!/^\s*wait\s*(=|$)/i.test(nameValue)) continue;
    const m = /^\s*wait\s*=\s*("?)(\d{1,9})\1\s*$/i.exec(nameValue);
    const seconds = m ? Number(m[2]) : 0;
    return seconds >= 1 ? Math.min(seconds, MAX_WAIT_S) : undefined;
  }
  return undefined;
}

/**
 * Prefer: wait on the routes that answer 202: after the route (and the Idempotency-Key layer
 * inside it, so a replayed 202 waits too) the event is polled until the deadline of N seconds
 * from the request's arrival. Terminal in time → 200 with the 202's own fields (a create's
 * EcsIdSet, …) and the event's over them (a failed event included), and Preference-Applied;
 * otherwise the 202 is left as it was. Other answers are untouched.
 */
export function preferWait(clock: WaitClock = realClock): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const started = clock.now();
    await next();
    const waitS = preferredWaitSeconds(c.req.header('Prefer'));
    if (waitS === undefined || c.res.status !== 202) return;
    const accepted = (await c.res.clone().json()) as Record<string, unknown>;
    const { EventId } = accepted;
    if (typeof EventId !== 'string') return;

    let event;
    try {
      event = await waitForEvent(c.get('ecs'), EventId, started + waitS * 1000, clock);
    } catch (err) {
      // The operation was accepted: a failed poll must not turn that into an error answer.
      if (err instanceof EcsError) return;
      throw err;
    }
    if (!event || !isTerminal(event.data)) return;

    const headers = new Headers(c.res.headers);
    headers.delete('Retry-After');
    headers.delete('Content-Length');
    headers.set('Content-Type', 'application/json');
    headers.set(PREFERENCE_APPLIED_HEADER, `wait=${waitS}`);
    // Unset first: Hono's setter would otherwise copy the 202's headers (Retry-After) back on.
    c.res = undefined;
    c.res = new Response(jsonText({ ...accepted, ...event.data }), { status: 200, headers });
  };
}
