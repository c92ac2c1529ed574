import type { Context } from 'hono';
import type { GatewayEnv } from '../env';
import { cacheKey, createEntry, readEntry, writeEntry, type CacheEntry } from './cache-entry';
import { mayServeStaleOn, requestsRefresh, responseCacheControl } from './cache-policy';
import { jsonText } from '../http/json-newline';
import { ifNoneMatchMatches } from './etag';
import { ReferenceMemory } from './reference-memory';

export interface ReferenceCacheOptions {
  /** Distinguishes the cached item within the caller's account, e.g. ['families', az, billing]. */
  keyParts: string[];
  /** Soft TTL in seconds. */
  ttlSeconds: number;
  /** Loads the fresh REST body from upstream (throws EcsError on failure). */
  load: () => Promise<{ body: unknown; upstreamRequestId?: string }>;
  /**
   * A caller's `Cache-Control: no-cache` refreshes a key at most once per this many seconds (a
   * copy at most that old is served instead); 0 or absent: every such request refreshes.
   */
  forcedRefreshIntervalS?: number;
  /**
   * Epoch ms from which copies may be served (invalidation.ts): older copies count as absent, and
   * before it every request loads from upstream without storing. Absent: 0.
   */
  validFrom?: number;
  /** Clock in epoch ms; tests inject one. */
  now?: () => number;
}

/** HIT fresh copy; STALE served while refreshed in the background; MISS fetched now; STALE-IF-ERROR upstream failed. */
export type CacheStatus = 'HIT' | 'STALE' | 'MISS' | 'STALE-IF-ERROR';

/** For apps that bring none (handlers tested on their own): one per isolate. */
const isolateMemory = new ReferenceMemory();

/** A copy of a reference answer and how the cache came by it. */
export interface CachedReference {
  entry: CacheEntry;
  status: CacheStatus;
}

/**
 * Reads a slow-changing reference answer (regions, families, images) through the ECS_CACHE KV
 * namespace with stale-while-revalidate and stale-if-error (worker/cache/README.md). Throws the
 * upstream's error when there is no copy to fall back on.
 */
export async function readCachedReference(c: Context<GatewayEnv>, opts: ReferenceCacheOptions): Promise<CachedReference> {
  const now = opts.now ?? Date.now;
  const kv = c.env.ECS_CACHE;
  const key = cacheKey(c.get('accountId'), opts.keyParts);
  const { inFlight, recent, forcedRefreshes } = c.get('referenceMemory') ?? isolateMemory;
  const refresh = () =>
    inFlight.run(key, async () => {
      const { body, upstreamRequestId } = await opts.load();
      const entry = await createEntry(body, now(), upstreamRequestId);
      recent.remember(key, entry);
      await writeEntry(kv, key, entry);
      return entry;
    });

  const validFrom = opts.validFrom ?? 0;
  const valid = (entry: CacheEntry | undefined) => (entry && entry.storedAt >= validFrom ? entry : undefined);
  // Within an invalidation's window no copy is right yet: load, serve, keep nothing.
  if (now() < validFrom) {
    const { body, upstreamRequestId } = await opts.load();
    return { entry: await createEntry(body, now(), upstreamRequestId), status: 'MISS' };
  }

  const refreshAsked = requestsRefresh(c.req.header('Cache-Control'), c.req.header('Pragma'));
  // A fresh copy this isolate wrote itself is as good as KV's: no KV read on the hot path.
  const mine = valid(recent.get(key));
  if (mine && !refreshAsked && ageSeconds(mine, now()) < opts.ttlSeconds) return { entry: mine, status: 'HIT' };

  // Read even when the caller forces a refresh: the copy is the fallback if upstream fails.
  const stored = valid(recent.newest(key, await readEntry(kv, key)));
  const forced = refreshAsked && (!stored || forcedRefreshes.allow(key, now(), opts.forcedRefreshIntervalS ?? 0, stored.storedAt));

  if (stored && !forced) {
    if (ageSeconds(stored, now()) < opts.ttlSeconds) return { entry: stored, status: 'HIT' };
    runInBackground(c, refresh());
    return { entry: stored, status: 'STALE' };
  }

  try {
    return { entry: await refresh(), status: 'MISS' };
  } catch (err) {
    if (stored && mayServeStaleOn(err)) return { entry: stored, status: 'STALE-IF-ERROR' };
    throw err; // no copy: the gateway's error mapping answers (502/504/...)
  }
}

/** Serves a reference answer from readCachedReference, with ETag revalidation (304). */
export async function serveCachedReference(c: Context<GatewayEnv>, opts: ReferenceCacheOptions): Promise<Response> {
  const { entry, status } = await readCachedReference(c, opts);
  return respond(c, entry, status, opts.ttlSeconds, (opts.now ?? Date.now)());
}

function ageSeconds(entry: CacheEntry, nowMs: number): number {
  return Math.max(0, (nowMs - entry.storedAt) / 1000);
}

function respond(c: Context<GatewayEnv>, entry: CacheEntry, status: CacheStatus, ttlSeconds: number, nowMs: number): Response {
  // A stale copy is served with max-age=0 so clients revalidate next time.
  const age = status === 'STALE' || status === 'STALE-IF-ERROR' ? Math.max(ttlSeconds, ageSeconds(entry, nowMs)) : ageSeconds(entry, nowMs);
  const headers: Record<string, string> = {
    ETag: entry.etag,
    'X-Cache': status,
    'Cache-Control': responseCacheControl(age, ttlSeconds),
  };
  // The RequestId of the upstream answer this copy came from (support can trace it even on a HIT).
  if (entry.upstreamRequestId) headers['X-Upstream-Request-Id'] = entry.upstreamRequestId;
  if (ifNoneMatchMatches(c.req.header('If-None-Match'), entry.etag)) return c.body(null, 304, headers);
  return c.body(jsonText(entry.body), 200, { ...headers, 'Content-Type': 'application/json' });
}

/** Keeps the refresh alive after the answer is sent; its failure only means the copy stays stale. */
function runInBackground(c: Context<GatewayEnv>, task: Promise<unknown>): void {
  const guarded = task.catch((err) => console.warn('reference cache: background refresh failed', err));
  try {
    c.executionCtx.waitUntil(guarded);
  } catch {
    // No ExecutionContext (e.g. app.request in a unit test): the promise still runs to completion.
  }
}
