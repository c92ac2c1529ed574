import type { CacheEntry } from './cache-entry';
import { ForcedRefreshes } from './forced-refreshes';
import { RecentEntries } from './recent-entries';
import { SingleFlight } from './single-flight';

/**
 * What the reference cache keeps in memory beside KV: loads in progress, its own newest writes,
 * when a `no-cache` last refreshed each key. One per gateway app (createGatewayApp), which on
 * Workers is one per isolate; apps sharing an isolate (the kit's stacks) each keep their own.
 */
export class ReferenceMemory {
  /**
   * Upstream loads in progress, by KV key: concurrent misses and background refreshes of one key
   * share one upstream call. KV is eventually consistent and isolates do not share memory, so no
   * dedupe across isolates or locations is attempted: at worst each isolate makes one call per
   * key per TTL.
   */
  readonly inFlight = new SingleFlight<CacheEntry>();
  readonly recent = new RecentEntries();
  readonly forcedRefreshes = new ForcedRefreshes();
}
