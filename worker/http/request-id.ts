import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';

// Every answer carries X-Request-Id. A caller's own X-Request-Id is kept when it is sane (1–128
// characters of A-Z a-z 0-9 . _ : -), so ids can be correlated across systems; anything else is
// replaced by a fresh UUID rather than echoed (no header injection, no unbounded log lines).
// Hand-written because hono/request-id accepts another alphabet (no '.' or ':', which upstream
// RequestIds and many tracing ids use) and would let an id through that the log line cannot hold.

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every answer an X-Request-Id and sets the `requestId` variable (problem bodies quote it).
 *
 * @returns the middleware; mount it first, so answers of every later layer carry the id.
 * @example
 * ```ts
 * app.use('*', requestId());
 * app.get('/x', (c) => c.text(c.get('requestId')));
 * ```
 */
export function requestId(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const id = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    // Set after the handler, so answers built by onError / notFound carry it as well.
    c.header(REQUEST_ID_HEADER, id);
  };
}
