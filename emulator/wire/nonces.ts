/** How far a Timestamp may be from wall-clock time, and how long a SignatureNonce is remembered. */
export const REPLAY_WINDOW_MS = 15 * 60_000;

/** SignatureNonce values seen per access key within the replay window (wall-clock time). */
export class NonceCache {
  // Insertion order is expiry order (every entry gets now + window), so expired entries are
  // always at the front: pruning stops at the first live one instead of scanning them all.
  private seen = new Map<string, number>();

  constructor(private readonly windowMs = REPLAY_WINDOW_MS) {}

  /** Nonces currently remembered. */
  get size(): number {
    return this.seen.size;
  }

  /** True when the nonce is fresh (and remembers it); false for a replay within the window. */
  claim(accessKeyId: string, nonce: string, now: number): boolean {
    for (const [k, exp] of this.seen) {
      if (exp > now) break;
      this.seen.delete(k);
    }
    const key = `${accessKeyId}\u0000${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, now + this.windowMs);
    return true;
  }
}
