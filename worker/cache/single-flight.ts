/**
 * Collapses concurrent calls with one key into one: while a call for a key is pending, later
 * callers get the same promise. The entry is dropped as soon as it settles, so this is not a
 * cache. Scope is one isolate (module state); other isolates and locations each run their own.
 */
export class SingleFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    // Started on a microtask so even a synchronous throw goes through the cleanup below.
    const promise: Promise<T> = Promise.resolve()
      .then(fn)
      .finally(() => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
      });
    this.pending.set(key, promise);
    return promise;
  }

  isPending(key: string): boolean {
    return this.pending.has(key);
  }
}
