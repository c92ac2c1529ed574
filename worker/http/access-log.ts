import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { readSettings } from '../config';
import type { GatewayEnv } from '../env';

// One JSON line per request on console.log, which `wrangler tail` and Workers Logs show and
// index by field. It names what happened, never what was sent: no token (only a short hash of
// it), no secret, no body, no query string.

/** What one line holds. */
export interface AccessLogLine {
  msg: 'request';
  requestId: string;
  method: string;
  /** The route template (`/v1/instances/:EcsId`), not the path: ids stay out, cardinality low. */
  route?: string;
  operationId?: string;
  status: number;
  /** The problem `code` when the answer is application/problem+json. */
  code?: string;
  durationMs: number;
  /** First 12 hex digits of the token's SHA-256; absent before authentication. */
  tokenId?: string;
  upstream?: { action: string; attempts: number; status: number | string; durationMs: number }[];
  /** X-Cache of a cached route. */
  cache?: string;
  /** What the Idempotency-Key did (IdempotencyOutcome: stored, replayed, released, pending, unknown, in_flight, …). */
  idempotency?: string;
}

const TOKEN_ID_LENGTH = 12;

/**
 * Logs one line per request once its answer is final (errors included: Hono's onError and
 * notFound run inside). `operationIdOf(method, route)` names the OpenAPI operation of a route.
 */
export function accessLog(operationIdOf: (method: string, route: string) => string | undefined): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const started = Date.now();
    c.set('upstreamCalls', []);
    await next();
    // ACCESS_LOG=off silences it; an unconfigured gateway still logs (its 500s are what an operator must see).
    const settings = readSettings(c.env);
    if (settings.ok && !settings.settings.accessLog) return;
    const route = endpointRoute(c);
    const line: AccessLogLine = {
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      operationId: route ? operationIdOf(c.req.method, route) : undefined,
      status: c.res.status,
      code: await problemCode(c.res),
      durationMs: Date.now() - started,
      tokenId: c.get('callerId')?.slice(0, TOKEN_ID_LENGTH),
      upstream: c.get('upstreamCalls').length ? c.get('upstreamCalls') : undefined,
      cache: c.res.headers.get('X-Cache') ?? undefined,
      idempotency: c.get('idempotencyOutcome'),
    };
    console.log(JSON.stringify(line));
  };
}

/** The `code` of a problem answer (its body is small and already final; a clone leaves it to the client). */
async function problemCode(res: Response): Promise<string | undefined> {
  if (!res.headers.get('Content-Type')?.startsWith('application/problem+json')) return undefined;
  try {
    const { code } = (await res.clone().json()) as { code?: unknown };
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The matched endpoint (not a middleware's wildcard); undefined for a 404 / 405. */
function endpointRoute(c: Parameters<MiddlewareHandler<GatewayEnv>>[0]): string | undefined {
  const endpoints = matchedRoutes(c).filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
  return endpoints.at(-1)?.path;
}
