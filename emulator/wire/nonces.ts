/** SignatureNonce values seen per access key within the replay window (wall-clock time). */
export class NonceCache {
  private seen = new Map<string, number>();

  constructor(private readonly windowMs = 15 * 60_000) {}

  /** True when the nonce is fresh (and remembers it); false for a replay within the window. */
  claim(accessKeyId: string, nonce: string, now: number): boolean {
    if (this.seen.size > 10_000) for (const [k, exp] of this.seen) if (exp <= now) this.seen.delete(k);
    const key = `${accessKeyId}\u0000${nonce}`;
    const exp = this.seen.get(key);
    if (exp !== undefined && exp > now) return false;
    this.seen.set(key, now + this.windowMs);
    return true;
  }
}
