import type { CacheEntry } from './cache-entry';

/**
 * The entries this isolate wrote last, by KV key. KV reads are served from a per-location cache
 * for up to a minute, so right after a refresh the same isolate can still read the old copy from
 * KV and would refresh again on every request; remembering its own newest write closes that gap.
 * Bounded: reference keys are few (regions, families per AZ and billing method, per account).
 */
export class RecentEntries {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly capacity = 500) {}

  remember(key: string, entry: CacheEntry): void {
    this.entries.delete(key); // re-insert: Map order is insertion order, oldest first
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** This isolate's own last write of key, if it still holds one. */
  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** The newer of the KV copy and this isolate's own last write. */
  newest(key: string, fromKv: CacheEntry | undefined): CacheEntry | undefined {
    const mine = this.entries.get(key);
    if (!mine) return fromKv;
    if (!fromKv) return mine;
    return mine.storedAt > fromKv.storedAt ? mine : fromKv;
  }
}
