import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { upstreamSettings } from '../config';
import type { GatewayEnv } from '../env';
import { problem } from '../http/problem';
import { requestFingerprint } from './fingerprint';
import { isValidIdempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH, storeObjectName } from './idempotency-key';
import { leaseMsFor, type BeginResult, type StoredResponse } from './idempotency-record';
import type { IdempotencyStore } from './idempotency-store';
import { isFinalAnswer, toStoredResponse } from './replay-policy';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Idempotency-Key handling for mutating routes (DESIGN 5). Mounted after auth: keys are scoped to
 * the caller (callerId). Without the header the request passes through unchanged.
 */
export function idempotency(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || SAFE_METHODS.has(c.req.method)) return next();
    if (!isValidIdempotencyKey(key)) {
      c.set('idempotencyOutcome', 'invalid');
      return problem(c, {
        status: 400,
        code: 'InvalidIdempotencyKey',
        title: 'Invalid Idempotency-Key',
        detail: `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters.`,
      });
    }
    const callerId = c.get('callerId');
    // Scoping keys needs the caller: refusing is safer than sharing one key space between callers.
    if (!callerId) throw new Error('idempotency() must be mounted after auth (callerId missing)');

    // Hono caches the body, so the route's validator can still read it after this.
    const fingerprint = await requestFingerprint(c.req.method, c.req.path, await c.req.text());
    const ns = c.env.IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
    const store = ns.get(ns.idFromName(storeObjectName(callerId, key)));

    let begun: BeginResult;
    try {
      begun = await store.begin(fingerprint, leaseMsFor(upstreamSettings(c.env).timeoutMs));
    } catch (err) {
      // Without the record the gateway cannot promise at-most-once: do not call upstream.
      console.error('idempotency: store unavailable', err);
      c.set('idempotencyOutcome', 'unavailable');
      c.header('Retry-After', '1');
      return problem(c, {
        status: 503,
        code: 'IdempotencyUnavailable',
        title: 'Idempotency store unavailable',
        detail: 'The Idempotency-Key could not be checked; nothing was done. Retry with the same key.',
      });
    }

    c.set('idempotencyOutcome', begun.outcome);
    switch (begun.outcome) {
      case 'replay':
        return replay(c, begun.response);
      case 'mismatch':
        return problem(c, {
          status: 422,
          code: 'IdempotencyKeyReused',
          title: 'Idempotency-Key reused with another request',
          detail: 'This Idempotency-Key was first used with a different method, path or body. Use a new key for a new request.',
        });
      case 'in_flight':
        c.header('Retry-After', String(begun.retryAfterSeconds));
        return problem(c, {
          status: 409,
          code: 'IdempotencyKeyInFlight',
          title: 'Request with this Idempotency-Key in progress',
          detail: 'The first request with this Idempotency-Key has not finished yet. Retry later to get its answer.',
        });
      case 'proceed':
        break;
    }

    try {
      await next();
    } catch (err) {
      await settle(() => store.release(begun.lockToken));
      throw err;
    }
    if (isFinalAnswer(c.res.status)) {
      const stored = await toStoredResponse(c.res);
      await settle(() => store.complete(begun.lockToken, stored));
    } else {
      await settle(() => store.release(begun.lockToken));
    }
  };
}

/** The stored answer again, marked as a replay; the route (and upstream) is not called. */
function replay(c: Context<GatewayEnv>, stored: StoredResponse): Response {
  const headers = { ...stored.headers, [REPLAYED_HEADER]: 'true' };
  const status = stored.status as StatusCode;
  if ([101, 204, 205, 304].includes(stored.status)) return c.body(null, status, headers);
  return c.body(stored.body, status as ContentfulStatusCode, headers);
}

/**
 * Recording the outcome must not turn a done upstream call into an error answer: on failure the
 * record keeps its lease and frees itself when the lease ends.
 */
async function settle(action: () => Promise<boolean>): Promise<void> {
  try {
    await action();
  } catch (err) {
    console.error('idempotency: could not record the outcome', err);
  }
}
