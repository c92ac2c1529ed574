import type { Context } from 'hono';
import type { EcsResult } from '../../openapi/ecs-api';
import type { EventIdData } from '../../openapi/models';
import type { GatewayEnv } from '../env';
import { retryAfterSeconds } from '../events/retry-after';

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

/** Headers of a 202: where to poll the event, and after how long (`eventType`: the event it starts). */
export function accepted(c: Context<GatewayEnv, any, any>, result: EcsResult<EventIdData>, eventType?: string): EventIdData {
  const data = unwrap(c, result);
  c.header('Location', `/v1/events/${encodeURIComponent(data.EventId)}`);
  c.header('Retry-After', String(retryAfterSeconds(eventType)));
  return { EventId: data.EventId };
}
