import type { Context } from 'hono';
import type { EcsResult } from '../../openapi/ecs-api';
import type { EventIdData } from '../../openapi/models';
import type { GatewayEnv } from '../env';

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

/** Headers of a 202: where to poll the event. */
export function accepted(c: Context<GatewayEnv, any, any>, result: EcsResult<EventIdData>): EventIdData {
  const data = unwrap(c, result);
  c.header('Location', locationOf(data.EventId));
  return { EventId: data.EventId };
}
