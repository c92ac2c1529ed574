import { jsonText } from '../http/json-newline';
import { strongEtag } from './etag';

/**
 * What one KV value holds (JSON). `storedAt` is epoch milliseconds; freshness is computed from it
 * on read, so the soft TTL can change without rewriting entries.
 */
export interface CacheEntry {
  /** The REST body as served (JSON value). */
  body: unknown;
  storedAt: number;
  /** Strong ETag of the bytes served (jsonText(body)), quoted. */
  etag: string;
  /** RequestId of the upstream answer this copy came from, when it gave one. */
  upstreamRequestId?: string;
}

/** Bump when the entry format changes: old entries are then simply never read again. */
const KEY_PREFIX = 'ref:v2';

/** A copy is kept for stale use this long after its last successful refresh: 7 days. */
export const STALE_RETENTION_S = 7 * 24 * 60 * 60;

/**
 * `ref:v2:<accountId>:<part>:<part>...`, each part URI-encoded so a ':' inside a part cannot make
 * two different keys collide. The account id comes first: two credentials never share entries.
 */
export function cacheKey(accountId: string, keyParts: string[]): string {
  return [KEY_PREFIX, encodeURIComponent(accountId), ...keyParts.map(encodeURIComponent)].join(':');
}

export async function createEntry(body: unknown, storedAt: number, upstreamRequestId?: string): Promise<CacheEntry> {
  const entry: CacheEntry = { body, storedAt, etag: await strongEtag(jsonText(body)) };
  if (upstreamRequestId) entry.upstreamRequestId = upstreamRequestId;
  return entry;
}

/** Reads an entry; an unreadable or foreign value counts as absent rather than failing the request. */
export async function readEntry(kv: KVNamespace, key: string): Promise<CacheEntry | undefined> {
  try {
    const value = await kv.get<CacheEntry>(key, 'json');
    if (value && typeof value === 'object' && typeof value.storedAt === 'number' && typeof value.etag === 'string') {
      return value;
    }
  } catch (err) {
    console.warn('reference cache: KV read failed', key, err);
  }
  return undefined;
}

/** Writes an entry; a KV failure (e.g. the 1 write/s per key limit) only costs the cache, not the answer. */
export async function writeEntry(kv: KVNamespace, key: string, entry: CacheEntry): Promise<void> {
  try {
    await kv.put(key, JSON.stringify(entry), { expirationTtl: STALE_RETENTION_S });
  } catch (err) {
    console.warn('reference cache: KV write failed', key, err);
  }
}
