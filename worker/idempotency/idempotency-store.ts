import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import {
  LEASE_MS,
  RECORD_TTL_MS,
  type BeginResult,
  type IdempotencyRecord,
  type StoredResponse,
} from './idempotency-record';

const RECORD_KEY = 'record';

/**
 * Strongly consistent store of one Idempotency-Key record (one object per caller + key, addressed
 * with idFromName). A Durable Object runs its methods one at a time per object, and storage
 * operations without an intervening await of other I/O are atomic, so begin() is a race-free
 * check-and-set: of two concurrent duplicates exactly one gets 'proceed'.
 *
 * Expiry is enforced twice: lazily on every read (a record past its time is treated as absent) and
 * by an alarm that deletes the storage, so idle keys do not accumulate.
 */
export class IdempotencyStore extends DurableObject<Env> {
  /** Claims the key for a request with this fingerprint, or tells the caller what to do instead. */
  async begin(fingerprint: string): Promise<BeginResult> {
    const now = Date.now();
    const record = await this.readLive(now);
    if (!record) {
      const lockToken = crypto.randomUUID();
      const leaseUntil = now + LEASE_MS;
      await this.ctx.storage.put<IdempotencyRecord>(RECORD_KEY, {
        state: 'in_flight',
        fingerprint,
        lockToken,
        createdAt: now,
        leaseUntil,
      });
      await this.ctx.storage.setAlarm(leaseUntil);
      return { outcome: 'proceed', lockToken };
    }
    // A different body under the same key is a client bug, whatever the state of the first request.
    if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (record.state === 'completed') return { outcome: 'replay', response: record.response };
    return { outcome: 'in_flight', retryAfterSeconds: 1 };
  }

  /** Stores the final answer of the request holding the lock. False when the lock was lost. */
  async complete(lockToken: string, response: StoredResponse): Promise<boolean> {
    const now = Date.now();
    const record = await this.readLive(now);
    if (!record || record.state !== 'in_flight' || record.lockToken !== lockToken) return false;
    const expiresAt = now + RECORD_TTL_MS;
    await this.ctx.storage.put<IdempotencyRecord>(RECORD_KEY, {
      state: 'completed',
      fingerprint: record.fingerprint,
      createdAt: record.createdAt,
      storedAt: now,
      expiresAt,
      response,
    });
    await this.ctx.storage.setAlarm(expiresAt);
    return true;
  }

  /** Frees the key without storing an answer (the request failed in a way worth retrying). */
  async release(lockToken: string): Promise<boolean> {
    const record = await this.readLive(Date.now());
    if (!record || record.state !== 'in_flight' || record.lockToken !== lockToken) return false;
    await this.clear();
    return true;
  }

  /** Deletes the record once it is past its time; reschedules when it is not yet (e.g. completed meanwhile). */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const record = await this.ctx.storage.get<IdempotencyRecord>(RECORD_KEY);
    if (!record) return;
    const until = endOf(record);
    if (until <= now) await this.clear();
    else await this.ctx.storage.setAlarm(until);
  }

  /** The record unless it has expired (lazily deleted then). */
  private async readLive(now: number): Promise<IdempotencyRecord | undefined> {
    const record = await this.ctx.storage.get<IdempotencyRecord>(RECORD_KEY);
    if (record && endOf(record) <= now) {
      await this.clear();
      return undefined;
    }
    return record;
  }

  private async clear(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }
}

function endOf(record: IdempotencyRecord): number {
  return record.state === 'in_flight' ? record.leaseUntil : record.expiresAt;
}
