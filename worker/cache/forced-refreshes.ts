/**
 * When this isolate last honoured a caller's `Cache-Control: no-cache` for each cache key. A
 * forced refresh runs at most once per key per interval; within it the copy (at most that old)
 * is served instead, so a no-cache storm costs one upstream call per interval, not one per
 * request. Bounded like RecentEntries: reference keys are few.
 */
export class ForcedRefreshes {
  private readonly last = new Map<string, number>();

  constructor(private readonly capacity = 500) {}

  /**
   * Whether a forced refresh of `key` may run now (and if so, notes it). Refused while the copy
   * (`storedAt`) or the last forced refresh is younger than `intervalS`; 0 refuses none.
   */
  allow(key: string, nowMs: number, intervalS: number, storedAt: number): boolean {
    if (intervalS <= 0) return true;
    const since = Math.max(this.last.get(key) ?? -Infinity, storedAt);
    if (nowMs - since < intervalS * 1000) return false;
    this.last.delete(key); // re-insert: Map order is insertion order, oldest first
    this.last.set(key, nowMs);
    if (this.last.size > this.capacity) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return true;
  }
}
