/**
 * Collapses concurrent calls with one key into one: while a call for a key is pending, later
 * callers share its promise. The entry is dropped as soon as it settles, so this is not a cache.
 * Scope is one isolate (module state); other isolates and locations each run their own.
 *
 * In Workers a promise started by one request can be abandoned when that request's client goes
 * away (its pending tasks are dropped), so it might never settle. Sharing is therefore bounded:
 * a joiner waits at most `maxShareMs` from the call's start, then runs its own call, and an entry
 * older than that is replaced rather than joined.
 */
export class SingleFlight<T> {
  private readonly pending = new Map<string, { promise: Promise<T>; startedAt: number }>();

  constructor(private readonly maxShareMs = 30_000) {}

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) {
      const left = existing.startedAt + this.maxShareMs - Date.now();
      if (left > 0) return joinOrFallBack(existing.promise, left, fn);
    }
    const entry = { promise: undefined as unknown as Promise<T>, startedAt: Date.now() };
    // Started on a microtask so even a synchronous throw goes through the cleanup below.
    entry.promise = Promise.resolve()
      .then(fn)
      .finally(() => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
      });
    this.pending.set(key, entry);
    return entry.promise;
  }
}

/** The shared result, or after `waitMs` (the shared call looks abandoned) the caller's own call. */
function joinOrFallBack<T>(shared: Promise<T>, waitMs: number, fn: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fallback = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => fn().then(resolve, reject), waitMs);
  });
  return Promise.race([shared, fallback]).finally(() => clearTimeout(timer));
}
