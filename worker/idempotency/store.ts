import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { LATE_ANSWER_MS } from '../upstream/transport';

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
    }
  | {
      /**
       * The upstream call answered after the client's deadline: its result is kept, and the route
       * renders its answer from it for every retry (upstream is not called again).
       */
      state: 'resolved';
      fingerprint: string;
      createdAt: number;
      storedAt: number;
      expiresAt: number;
      result: UpstreamOutcome;
    };

/** The result of an upstream call (an EcsResult), as recorded once it arrived late: its JSON text. */
export interface UpstreamOutcome {
  resultJson: string;
}

export type BeginResult =
  | { outcome: 'proceed'; lockToken: string }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'resume'; result: UpstreamOutcome }
  | { outcome: 'mismatch' }
  | { outcome: 'in_flight'; retryAfterSeconds: number };

/** How long a completed answer is replayed: 24 h. */
export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an in-flight lock holds without completion, at the least. */
export const LEASE_MS = 60 * 1000;

/**
 * The lock must outlive the request it guards, or a duplicate could run while the first call is
 * still waiting for upstream: the upstream deadline (CDS_TIMEOUT_MS), the time a mutating call may
 * still answer after it (LATE_ANSWER_MS), plus room to record the outcome.
 */
export function leaseMsFor(upstreamTimeoutMs: number): number {
  return Math.max(LEASE_MS, upstreamTimeoutMs + LATE_ANSWER_MS + 10_000);
}

/**
 * Name of the Durable Object holding one caller's key. JSON keeps the two parts unambiguous
 * whatever characters they contain; the version allows a format change without collisions.
 */
export function storeObjectName(callerId: string, key: string): string {
  return JSON.stringify(['idem-v1', callerId, key]);
}

const RECORD_KEY = 'record';

/**
 * Strongly consistent store of one Idempotency-Key record (one object per caller + key, addressed
 * with idFromName). Each method reads, decides and writes the record with the synchronous KV API
 * of SQLite-backed storage, with no await in between, so it is atomic by construction (not only
 * through input gates): of two concurrent duplicates exactly one gets 'proceed'.
 *
 * Expiry is enforced twice: lazily on every read (a record past its time is treated as absent and
 * deleted) and by an alarm that deletes it, so idle keys do not accumulate. The alarm is only a
 * clean-up: it re-checks the record, so a stale or missing alarm never changes an answer.
 */
export class IdempotencyStore extends DurableObject<Env> {
  /** Claims the key for a request with this fingerprint, or tells the caller what to do instead. */
  async begin(fingerprint: string, leaseMs: number = LEASE_MS): Promise<BeginResult> {
    const now = Date.now();
    const record = this.readLive(now);
    if (!record) {
      const lockToken = crypto.randomUUID();
      const leaseUntil = now + leaseMs;
      this.write({ state: 'in_flight', fingerprint, lockToken, createdAt: now, leaseUntil });
      await this.ctx.storage.setAlarm(leaseUntil);
      return { outcome: 'proceed', lockToken };
    }
    // A different body under the same key is a client bug, whatever the state of the first request.
    if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (record.state === 'completed') return { outcome: 'replay', response: record.response };
    if (record.state === 'resolved') return { outcome: 'resume', result: record.result };
    return { outcome: 'in_flight', retryAfterSeconds: 1 };
  }

  /** Stores the final answer of the request holding the lock. False when the lock was lost. */
  complete(lockToken: string, response: StoredResponse): Promise<boolean> {
    return this.settleLock(lockToken, { state: 'completed', response });
  }

  /** Stores the late result of the upstream call of the request holding the lock. False when the lock was lost. */
  resolve(lockToken: string, result: UpstreamOutcome): Promise<boolean> {
    return this.settleLock(lockToken, { state: 'resolved', result });
  }

  /** Turns the in-flight record held by `lockToken` into a final one kept RECORD_TTL_MS. */
  private async settleLock(lockToken: string, final: { state: 'completed'; response: StoredResponse } | { state: 'resolved'; result: UpstreamOutcome }): Promise<boolean> {
    const now = Date.now();
    const record = this.readLive(now);
    if (!record || record.state !== 'in_flight' || record.lockToken !== lockToken) return false;
    const expiresAt = now + RECORD_TTL_MS;
    this.write({ ...final, fingerprint: record.fingerprint, createdAt: record.createdAt, storedAt: now, expiresAt });
    await this.ctx.storage.setAlarm(expiresAt);
    return true;
  }

  /** Frees the key without storing an answer (the request failed in a way worth retrying). */
  async release(lockToken: string): Promise<boolean> {
    const record = this.readLive(Date.now());
    if (!record || record.state !== 'in_flight' || record.lockToken !== lockToken) return false;
    this.ctx.storage.kv.delete(RECORD_KEY);
    return true;
  }

  /** Deletes the record once it is past its time; re-arms when it is not yet (e.g. completed meanwhile). */
  override async alarm(): Promise<void> {
    const record = this.readLive(Date.now());
    if (record) await this.ctx.storage.setAlarm(endOf(record));
  }

  /** The record unless it has expired (then deleted). */
  private readLive(now: number): IdempotencyRecord | undefined {
    const record = this.ctx.storage.kv.get<IdempotencyRecord>(RECORD_KEY);
    if (record && endOf(record) <= now) {
      this.ctx.storage.kv.delete(RECORD_KEY);
      return undefined;
    }
    return record;
  }

  private write(record: IdempotencyRecord): void {
    this.ctx.storage.kv.put(RECORD_KEY, record);
  }
}

function endOf(record: IdempotencyRecord): number {
  return record.state === 'in_flight' ? record.leaseUntil : record.expiresAt;
}
