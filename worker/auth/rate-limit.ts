import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';
import { problem } from '../http/problem';

// Per-token rate limits with the Workers rate-limiting bindings: one for reads (GET/HEAD), one for
// everything else, each with its own limit in wrangler.toml. The key is the token's hash
// (callerId), never the token. The counters are per Cloudflare location and eventually
// consistent: a guard against floods, not an exact quota.

const READ_METHODS = new Set(['GET', 'HEAD']);

/** 429 RateLimited with Retry-After once the caller's token is over its limit. Mount after auth. */
export function rateLimit(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const read = READ_METHODS.has(c.req.method);
    const limiter = read ? c.env.READ_RATE_LIMITER : c.env.WRITE_RATE_LIMITER;
    if (!limiter) return next();
    const { success } = await limiter.limit({ key: c.get('callerId') });
    if (success) return next();
    const retryAfter = c.get('settings').rateLimitPeriodS;
    c.header('Retry-After', String(retryAfter));
    return problem(c, 'RateLimited', `This token made too many ${read ? 'read' : 'write'} calls; retry after ${retryAfter} seconds.`);
  };
}
