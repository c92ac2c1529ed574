import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { EcsError, type EcsApi, type EcsResult } from '../../openapi/ecs-api';
import { IdempotencyKey } from '../../openapi/rest';
import type { GatewayEnv, IdempotencyOutcome } from '../env';
import { problem, PROBLEM_TYPE_BASE } from '../http/problem';
import { requestFingerprint } from './fingerprint';
import { leaseMsFor, storeObjectName, type BeginResult, type IdempotencyStore, type StoredResponse, type UpstreamOutcome } from './store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Headers kept with a stored answer; everything else (request ids, dates) belongs to one exchange. */
const STORED_HEADERS = ['Content-Type', 'Location', 'Retry-After', 'X-Upstream-Request-Id'];

/** 4xx answers that say "try again later" rather than "this request is wrong": never stored. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * Idempotency-Key handling, attached to each mutating route through its `middleware` option
 * (after auth: keys are scoped to the caller's `callerId`). Without the header the request
 * passes through unchanged; with it, the upstream call runs at most once per key: its answer is
 * stored and replayed, and a call whose outcome is unknown is never run again (README.md).
 * Sets `idempotencyOutcome` for the access log.
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
    const outcome = (o: IdempotencyOutcome) => c.set('idempotencyOutcome', o);
    if (!IdempotencyKey.safeParse(key).success) {
      outcome('invalid');
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
      outcome('unavailable');
      c.header('Retry-After', '1');
      return problem(c, 'IdempotencyUnavailable', 'The Idempotency-Key could not be checked; nothing was done. Retry with the same key.');
    }
    switch (begun.outcome) {
      case 'replay':
        outcome('replayed');
        return replay(c, begun.response);
      case 'resume':
        outcome('replayed');
        return resume(c, next, begun.result);
      case 'mismatch':
        outcome('mismatch');
        return problem(c, 'IdempotencyKeyReused', 'This Idempotency-Key was first used with a different method, path or body. Use a new key for a new request.');
      case 'in_flight':
        outcome('in_flight');
        c.header('Retry-After', String(begun.retryAfterSeconds));
        return problem(c, 'IdempotencyKeyInFlight', 'The first request with this Idempotency-Key has not finished yet, or its upstream outcome is not known yet. Retry later to get its answer.');
      case 'proceed':
        break;
    }

    // Whether the route reached upstream: an error before that certainly did nothing.
    let calledUpstream = false;
    const ecs = c.get('ecs');
    if (ecs) c.set('ecs', watched(ecs, () => (calledUpstream = true)));
    try {
      await next();
    } catch (err) {
      c.set('ecs', ecs);
      outcome(calledUpstream ? 'unknown' : 'released');
      await settle(() => (calledUpstream ? store.complete(begun.lockToken, unknownAnswer()) : store.release(begun.lockToken)));
      throw err;
    }
    // The layers outside (Prefer: wait) talk to upstream themselves.
    c.set('ecs', ecs);
    const verdict = verdictOf(c.res.status, c.error, calledUpstream);
    outcome(verdict);
    switch (verdict) {
      case 'stored':
      case 'unknown':
        await settle(async () => store.complete(begun.lockToken, await toStoredResponse(c.res)));
        break;
      case 'released':
        await settle(() => store.release(begun.lockToken));
        break;
      case 'pending':
        // The answer was late, the call goes on: record its real outcome when it comes.
        keepGoing(c, awaitLate((c.error as EcsError).late!, store, begun.lockToken, await toStoredResponse(c.res)));
        break;
    }
  };
}

/**
 * What happens to the key after the first request's answer:
 * - `stored`: a final answer (2xx, 4xx except 408/425/429) is replayed from now on;
 * - `released`: the call certainly did not run upstream (nothing was sent, or the upstream
 *   refused it with a business error code and a 4xx status or none), so the key is free and a
 *   retry runs again;
 * - `pending`: the upstream call missed the client's deadline and is still running; retries get
 *   409 until its real outcome is recorded;
 * - `unknown`: the upstream may have acted and the outcome will never be known (an upstream 5xx,
 *   an unreadable answer, a lost connection, a timeout with no call left to wait for): this
 *   answer is replayed, the call is never run again under this key.
 */
export function verdictOf(status: number, error: unknown, calledUpstream: boolean): IdempotencyOutcome & ('stored' | 'released' | 'pending' | 'unknown') {
  if (isFinalAnswer(status)) return 'stored';
  if (error instanceof EcsError) {
    if (provesNothingRan(error)) return 'released';
    if (error.kind === 'timeout' && error.late) return 'pending';
    return 'unknown';
  }
  return calledUpstream && status >= 500 ? 'unknown' : 'released';
}

/**
 * Only a business refusal proves the upstream did nothing: an error code answered with a client
 * status (4xx, or 2xx with an error code). A 5xx may come after the upstream acted (it applied
 * the change, then failed answering), as may an unreadable answer of any status.
 */
export function provesNothingRan(error: EcsError): boolean {
  return error.kind === 'business' && (error.httpStatus === undefined || error.httpStatus < 500);
}

/**
 * Whether an answer is final for its key and is replayed from now on: 2xx and 4xx (the request
 * was done, or refused for a reason that will not change for the same body).
 */
export function isFinalAnswer(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !RETRYABLE_4XX.has(status);
}

/** Waits for the late upstream outcome and records it: the result, a release, or the unknown answer. */
async function awaitLate(late: Promise<EcsResult<unknown>>, store: DurableObjectStub<IdempotencyStore>, lockToken: string, timeoutAnswer: StoredResponse): Promise<void> {
  let result: EcsResult<unknown>;
  try {
    result = await late;
  } catch (err) {
    // A business refusal: nothing was done. Anything else (a 5xx included): the outcome stays unknown.
    if (err instanceof EcsError && provesNothingRan(err)) await settle(() => store.release(lockToken));
    else await settle(() => store.complete(lockToken, timeoutAnswer));
    return;
  }
  await settle(() => store.resolve(lockToken, { resultJson: JSON.stringify({ data: result.data, requestId: result.requestId }) }));
}

/** Runs past the answer where the platform allows it (Workers: waitUntil); elsewhere it just runs. */
function keepGoing(c: Context<GatewayEnv>, work: Promise<void>): void {
  let ctx: Context<GatewayEnv>['executionCtx'] | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined; // no execution context (a plain app.request in tests)
  }
  ctx?.waitUntil(work);
}

/** The EcsApi with a hook called when any of its methods is called. */
function watched(ecs: EcsApi, onCall: () => void): EcsApi {
  return new Proxy(ecs, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        onCall();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** An EcsApi whose every method answers the recorded result: the route renders it without calling upstream. */
function recorded(result: UpstreamOutcome): EcsApi {
  return new Proxy({} as EcsApi, { get: () => async () => JSON.parse(result.resultJson) as EcsResult<unknown> });
}

/** A retry after a late upstream success: the route renders the recorded result, marked as a replay. */
async function resume(c: Context<GatewayEnv>, next: () => Promise<void>, result: UpstreamOutcome): Promise<void> {
  const ecs = c.get('ecs');
  c.set('ecs', recorded(result));
  try {
    await next();
  } finally {
    // Only the route renders the recorded result; the layers outside (Prefer: wait) poll the real upstream.
    c.set('ecs', ecs);
  }
  c.res.headers.set(REPLAYED_HEADER, 'true');
}

/** Stored when a route failed after reaching upstream without an answer of its own (an error thrown past onError). */
function unknownAnswer(): StoredResponse {
  const body = { type: `${PROBLEM_TYPE_BASE}InternalError`, title: 'Internal error', status: 500, detail: 'The outcome of the upstream call is unknown; use a new Idempotency-Key after checking the resource.', code: 'InternalError', requestId: '' };
  return { status: 500, headers: { 'Content-Type': 'application/problem+json' }, body: JSON.stringify(body) };
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
