import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { IdempotencyKey } from '../../openapi/rest';
import type { GatewayEnv } from '../env';
import { problem } from '../http/problem';
import { requestFingerprint } from './fingerprint';
import { leaseMsFor, storeObjectName, type BeginResult, type IdempotencyStore, type StoredResponse } from './store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Headers kept with a stored answer; everything else (request ids, dates) belongs to one exchange. */
const STORED_HEADERS = ['Content-Type', 'Location', 'Retry-After', 'X-Upstream-Request-Id'];

/** 4xx answers that say "try again later" rather than "this request is wrong": never stored. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * Idempotency-Key handling, attached to each mutating route through its `middleware` option
 * (after auth: keys are scoped to the caller's `callerId`). Without the header the request
 * passes through unchanged; with it, the first final answer is stored and replayed (README.md).
 *
 * @returns the middleware; it needs the `IDEMPOTENCY` Durable Object binding and `callerId`.
 * @example
 * ```ts
 * app.openapi({ ...operateInstanceRoute, middleware: [idempotency()] }, handler);
 * ```
 */
export function idempotency(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!IdempotencyKey.safeParse(key).success) {
      c.set('idempotencyOutcome', 'invalid');
      return problem(c, 'InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 255 printable ASCII characters.');
    }
    const callerId = c.get('callerId');
    // Scoping keys needs the caller: refusing is safer than sharing one key space between callers.
    if (!callerId) throw new Error('idempotency() must run after auth (callerId missing)');
    // Hono caches the body, so the route's validator can still read it after this.
    const fingerprint = await requestFingerprint(c.req.method, c.req.path, await c.req.text());
    const ns = c.env.IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
    const store = ns.get(ns.idFromName(storeObjectName(callerId, key)));

    let begun: BeginResult;
    try {
      begun = await store.begin(fingerprint, leaseMsFor(c.get('settings').upstream.timeoutMs));
    } catch (err) {
      // Without the record the gateway cannot promise at-most-once: do not call upstream.
      console.error('idempotency: store unavailable', err);
      c.set('idempotencyOutcome', 'unavailable');
      c.header('Retry-After', '1');
      return problem(c, 'IdempotencyUnavailable', 'The Idempotency-Key could not be checked; nothing was done. Retry with the same key.');
    }
    c.set('idempotencyOutcome', begun.outcome);
    switch (begun.outcome) {
      case 'replay':
        return replay(c, begun.response);
      case 'mismatch':
        return problem(c, 'IdempotencyKeyReused', 'This Idempotency-Key was first used with a different method, path or body. Use a new key for a new request.');
      case 'in_flight':
        c.header('Retry-After', String(begun.retryAfterSeconds));
        return problem(c, 'IdempotencyKeyInFlight', 'The first request with this Idempotency-Key has not finished yet. Retry later to get its answer.');
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

/**
 * Whether an answer is final for its key and is replayed from now on: 2xx and 4xx (the request
 * was done, or refused for a reason that will not change for the same body). 5xx answers (502
 * upstream failure, 504 timeout, 500) are worth a retry, so the key is released instead; see
 * README.md for what that means after a 504.
 */
export function isFinalAnswer(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !RETRYABLE_4XX.has(status);
}

async function toStoredResponse(res: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, body: await res.clone().text() };
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
