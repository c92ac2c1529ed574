import type { Context } from 'hono';
import type { GatewayEnv } from '../env';

// STUB with the final signature; the edge-hardening work replaces the body (KV, SWR, ETag).

export interface ReferenceCacheOptions {
  /** Distinguishes the cached item within the caller's account, e.g. ['families', az, billing]. */
  keyParts: string[];
  /** Soft TTL in seconds. */
  ttlSeconds: number;
  /** Loads the fresh REST body from upstream (throws EcsError on failure). */
  load: () => Promise<{ body: unknown; upstreamRequestId?: string }>;
}

/** Serves a slow-changing reference answer (regions, families) through the ECS_CACHE KV namespace. */
export async function serveCachedReference(c: Context<GatewayEnv>, opts: ReferenceCacheOptions): Promise<Response> {
  const { body, upstreamRequestId } = await opts.load();
  if (upstreamRequestId) c.header('X-Upstream-Request-Id', upstreamRequestId);
  c.header('X-Cache', 'MISS');
  return c.json(body as object, 200);
}
