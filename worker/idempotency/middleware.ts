import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';

// STUB with the final signature; the edge-hardening work replaces the body (Durable Object store).

/** Idempotency-Key handling for mutating routes (DESIGN 5). Mounted after auth. */
export function idempotency(): MiddlewareHandler<GatewayEnv> {
  return async (_c, next) => {
    await next();
  };
}
