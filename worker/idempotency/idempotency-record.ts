/** A response kept for replay: status, the selected headers and the body text. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The one record an IdempotencyStore object holds (one object per caller + key).
 * Times are epoch milliseconds.
 */
export type IdempotencyRecord =
  | {
      state: 'in_flight';
      fingerprint: string;
      /** Identifies the request holding the lock; only it may complete or release the record. */
      lockToken: string;
      createdAt: number;
      /** After this the lock is considered abandoned (crashed request) and the key is free again. */
      leaseUntil: number;
    }
  | {
      state: 'completed';
      fingerprint: string;
      createdAt: number;
      storedAt: number;
      expiresAt: number;
      response: StoredResponse;
    };

export type BeginResult =
  | { outcome: 'proceed'; lockToken: string }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'in_flight'; retryAfterSeconds: number };

/** How long a completed answer is replayed: 24 h. */
export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an in-flight lock holds without completion, at the least. */
export const LEASE_MS = 60 * 1000;

/**
 * The lock must outlive the request it guards, or a duplicate could run while the first call is
 * still waiting for upstream: the upstream deadline (CDS_TIMEOUT_MS) plus room for the rest.
 */
export function leaseMsFor(upstreamTimeoutMs: number): number {
  return Math.max(LEASE_MS, upstreamTimeoutMs + 30_000);
}
