import type { Context } from 'hono';
import type { GatewayEnv } from '../env';
import { STALE_RETENTION_S, cacheKey } from './cache-entry';

// A mutation the gateway forwarded (an image made, copied or deleted) makes the account's cached
// copies of an operation (the images list) wrong, now or when its event ends. The gateway cannot
// see the event end, so it bypasses those copies for one soft TTL from the mutation on and ignores
// every copy stored before that window closed (worker/cache/README.md, "Invalidation").

/** One marker per account and cached operation: copies stored before `validFrom` are not served. */
interface Marker {
  validFrom: number;
}

const markerKey = (accountId: string, operationId: string) => cacheKey(accountId, ['invalidated', operationId]);

/**
 * Marks the account's copies of these operations invalid, and bypasses the cache for them during
 * `windowS(operationId)` seconds. A failed KV write is logged: the mutation has happened either way.
 */
export async function invalidateCached(c: Context<GatewayEnv, any, any>, operationIds: readonly string[], windowS: (operationId: string) => number, now = Date.now()): Promise<void> {
  await Promise.all(
    operationIds.map(async (id) => {
      const key = markerKey(c.get('accountId'), id);
      const validFrom = Math.max(now + windowS(id) * 1000, (await readMarker(c.env.ECS_CACHE, key))?.validFrom ?? 0);
      try {
        // Kept as long as a copy it invalidates may live.
        await c.env.ECS_CACHE.put(key, JSON.stringify({ validFrom } satisfies Marker), { expirationTtl: STALE_RETENTION_S });
      } catch (err) {
        console.warn('reference cache: invalidation write failed', key, err);
      }
    }),
  );
}

/** Epoch ms from which the account's copies of the operation may be served (0: no invalidation). */
export async function validFromOf(c: Context<GatewayEnv, any, any>, operationId: string): Promise<number> {
  return (await readMarker(c.env.ECS_CACHE, markerKey(c.get('accountId'), operationId)))?.validFrom ?? 0;
}

async function readMarker(kv: KVNamespace, key: string): Promise<Marker | undefined> {
  try {
    const value = await kv.get<Marker>(key, 'json');
    return value && typeof value.validFrom === 'number' ? value : undefined;
  } catch (err) {
    console.warn('reference cache: invalidation read failed', key, err);
    return undefined;
  }
}
