import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';
import { problem } from './problem';

// JSON is UTF-8 (RFC 8259). A body with invalid bytes would otherwise be decoded with U+FFFD in
// their place and sent upstream as such (an instance renamed "�"): refuse it before validation.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** 400 ValidationFailed for a request body that is not valid UTF-8. Mount after the body limit. */
export function utf8Body(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    if (c.req.raw.body === null) return next();
    // Hono keeps the bytes read here; the validator and the idempotency fingerprint reuse them.
    const bytes = await c.req.arrayBuffer();
    try {
      strictUtf8.decode(bytes);
    } catch {
      return problem(c, 'ValidationFailed', 'body: not valid UTF-8', [{ path: 'body', message: 'not valid UTF-8' }]);
    }
    await next();
  };
}
