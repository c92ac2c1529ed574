import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { EcsResult } from '../../openapi/ecs-api';
import type { GatewayEnv } from '../env';
import { retryAfterSeconds } from '../events/retry-after';
import { preferWait } from '../events/prefer-wait';
import type { WaitClock } from '../events/wait-for-event';
import { idempotency } from '../idempotency/middleware';

// Small helpers shared by the route handlers.

export type GatewayApp = import('@hono/zod-openapi').OpenAPIHono<GatewayEnv>;

/** Copies the upstream RequestId to X-Upstream-Request-Id and returns the data. */
export function unwrap<T>(c: Context<GatewayEnv, any, any>, result: EcsResult<T>): T {
  if (result.requestId) {
    c.set('upstreamRequestId', result.requestId);
    c.header('X-Upstream-Request-Id', result.requestId);
  }
  return result.data;
}

/** Where to poll an event. */
export const locationOf = (eventId: string) => `/v1/events/${encodeURIComponent(eventId)}`;

/** Location and Retry-After of a 202 (`eventType`: the event it starts). */
export function pollHeaders(c: Context<GatewayEnv, any, any>, eventId: string, eventType: string): void {
  c.header('Location', locationOf(eventId));
  c.header('Retry-After', String(retryAfterSeconds(eventType)));
}

const idempotent = idempotency();

/** A mutating route with the Idempotency-Key middleware, attached through the route's own `middleware` option. */
export function withIdempotency<R extends RouteConfig>(route: R): R {
  return { ...route, middleware: [idempotent] };
}

/**
 * A mutating route that answers 202: `Prefer: wait` sits outside the Idempotency-Key layer, so
 * the stored answer is the 202 and a replay waits too.
 */
export function withIdempotencyAndWait<R extends RouteConfig>(route: R, clock?: WaitClock): R {
  return { ...route, middleware: [preferWait(clock), idempotent] };
}
