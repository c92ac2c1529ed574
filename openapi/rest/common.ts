import { z } from '@hono/zod-openapi';
import { EventIdData } from '../models/common';
import { Problem } from '../models/problem';

// Pieces every REST route shares: tags, security, headers and the problem+json error answers.

export const TAG = { regions: 'Regions', families: 'Families', instances: 'Instances', events: 'Events', disks: 'Disks', meta: 'Meta' } as const;

export const BEARER_SCHEME = 'bearerAuth';
export const bearerSecurity = [{ [BEARER_SCHEME]: [] }];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const RequestIdHeader = z.string().openapi({ description: 'Id of this gateway request (echoed from a well-formed incoming X-Request-Id, otherwise generated).' });
const UpstreamRequestIdHeader = z.string().optional().openapi({ description: 'RequestId the ECS API gave, when it gave one.' });

/** Headers of every answer. */
export const requestIdHeaders = z.object({ 'X-Request-Id': RequestIdHeader });

/** Headers of a success answer that came from upstream. */
export const upstreamHeaders = z.object({ 'X-Request-Id': RequestIdHeader, 'X-Upstream-Request-Id': UpstreamRequestIdHeader });

/** On answers of mutating routes: set when the answer is a replay of a stored one. */
export const IdempotentReplayedHeader = z.enum(['true']).optional().openapi({
  description: 'Present when this answer replays the first answer to the same Idempotency-Key; upstream was not called again.',
});

/** Headers of a mutating call's success answer (it may be an Idempotency-Key replay). */
export const mutationHeaders = upstreamHeaders.extend({ 'Idempotent-Replayed': IdempotentReplayedHeader });

/** Headers of a 202 answer: where to poll the event. */
export const acceptedHeaders = mutationHeaders.extend({
  Location: z.string().openapi({ description: 'The event to poll: `/v1/events/{EventId}`.', example: '/v1/events/7e782a16-0bc9-11ed-a942-92d3bb445445' }),
});

/** Headers of the cached reference answers (200 and 304 of regions, families): always all set. */
export const cachedHeaders = upstreamHeaders.extend({
  'X-Cache': z.enum(['HIT', 'MISS', 'STALE', 'STALE-IF-ERROR']).openapi({
    description:
      'How the edge cache served this answer: HIT fresh copy; STALE copy past its soft TTL, refreshed in the background; ' +
      'MISS fetched now (also after Cache-Control: no-cache); STALE-IF-ERROR upstream failing, last good copy (kept up to 7 days).',
  }),
  ETag: z.string().openapi({ description: 'Strong entity tag (SHA-256 of the body); send it back in If-None-Match to get 304.', example: '"q1w2e3"' }),
  'Cache-Control': z.string().openapi({
    description: '`private, max-age=<fresh seconds left>, stale-while-revalidate=<TTL>, stale-if-error=<seconds>`; a stale copy has max-age=0.',
    example: 'private, max-age=3600, stale-while-revalidate=3600, stale-if-error=604800',
  }),
});

/** Request headers of the cached GET routes (regions, families). */
export const CacheRequestHeaders = z.object({
  'if-none-match': z.string().optional().openapi({ description: 'An ETag from an earlier answer: 304 Not Modified when it still matches.' }),
  'cache-control': z.string().optional().openapi({
    description:
      '`no-cache` (or `max-age=0`) forces a fresh upstream call (X-Cache: MISS), at most once per cache key per ' +
      'NO_CACHE_REFRESH_INTERVAL_S (default 5 s); within that interval the copy, at most that old, is served.',
  }),
});

/** The 304 of a cached route: the same headers as its 200, no body. */
export const notModifiedResponse = {
  304: { description: 'Not modified: If-None-Match matched the current ETag (no body).', headers: cachedHeaders },
} as const;

const problemResponse = (description: string, headers: z.ZodObject = requestIdHeaders) => ({
  description,
  headers,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

const RetryAfterHeader = z.string().optional().openapi({ description: 'Seconds to wait before retrying.', example: '1' });

/** Problems of mutating routes that the Idempotency-Key store keeps and replays (final 4xx answers). */
const replayableProblemHeaders = requestIdHeaders.extend({ 'Idempotent-Replayed': IdempotentReplayedHeader });

/** Errors every authenticated API route can answer. */
export const commonErrors = {
  400: problemResponse('Invalid input (code ValidationFailed, with `errors`), or an upstream InvalidParameter / MissingParameter / UnsupportedOperation.'),
  401: problemResponse('Missing or unknown bearer token (codes Unauthorized, InvalidToken).'),
  429: problemResponse(
    'Too many calls: this token is over its rate limit (code RateLimited; separate limits for reads and writes), or the ECS API ' +
      'throttled the call (its code is kept, e.g. Throttling); retry after Retry-After seconds.',
    requestIdHeaders.extend({ 'Retry-After': RetryAfterHeader }),
  ),
  500: problemResponse('The gateway is not configured (code NotConfigured) or failed unexpectedly (InternalError).'),
  502: problemResponse('The ECS API is unreachable, answered 5xx or unreadable JSON, or refused the gateway\'s own credentials or call (InvalidAction).'),
  504: problemResponse('The ECS API did not answer within CDS_TIMEOUT_MS (code UpstreamTimeout).'),
} as const;

export const forbiddenError = { 403: problemResponse('The bearer token has scope `read`; this call needs `write` (code InsufficientScope).') } as const;
/** 404 of a route; `replayable` on mutating routes, whose 404 an Idempotency-Key replays. */
export const notFoundError = (what: string, replayable = false) =>
  ({ 404: problemResponse(`${what} not found (upstream code kept, e.g. InstanceNotFound).`, replayable ? replayableProblemHeaders : requestIdHeaders) }) as const;
export const conflictError = (what: string) => ({ 409: problemResponse(what) }) as const;
/**
 * Errors of the routes with a JSON body (all of them mutating); spread after commonErrors, so its
 * 400 (replayable here) wins. 400/409/415 answered by the route are final and replayed with the key.
 */
export const mutationErrors = {
  400: problemResponse(commonErrors[400].description + ' Also InvalidIdempotencyKey.', replayableProblemHeaders),
  413: problemResponse('The body is larger than 64 KiB (code PayloadTooLarge).'),
  415: problemResponse('The body is not sent as application/json (code UnsupportedMediaType).', replayableProblemHeaders),
  409: problemResponse(
    'Wrong instance or disk status (e.g. InvalidInstanceStatus; stored and replayed with the key), or the first request with ' +
      'this Idempotency-Key is still running (code IdempotencyKeyInFlight, Retry-After; retry later to get its answer).',
    replayableProblemHeaders.extend({ 'Retry-After': RetryAfterHeader }),
  ),
  422: problemResponse('The Idempotency-Key was used with another method, path or body (code IdempotencyKeyReused).'),
  503: problemResponse(
    'The Idempotency-Key could not be checked (code IdempotencyUnavailable); nothing was done, retry with the same key.',
    requestIdHeaders.extend({ 'Retry-After': RetryAfterHeader }),
  ),
} as const;

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x20-\x7E]+$/)
    .optional()
    .openapi({
      description:
        'Optional; 1–255 printable ASCII characters (e.g. a UUID), scoped to your token (else 400 InvalidIdempotencyKey). ' +
        'Within 24 h the same key with the same method, path and body (JSON key order ignored) replays the first final answer ' +
        '(2xx, or 4xx other than 408/425/429) with `Idempotent-Replayed: true`, without calling upstream again. ' +
        'Same key, other body → 422 IdempotencyKeyReused; while the first request runs → 409 IdempotencyKeyInFlight with Retry-After. ' +
        '5xx answers (502, 504) are not stored: a retry with the same key runs again (after a 504 check the event/instance first).',
      example: '3f1c2b9e-6a4d-4f0e-9d7a-2b8c1e5f4a6d',
    }),
});

/** The request of a mutating route: its optional Idempotency-Key header and a required JSON body. */
export const mutationRequest = <T extends z.ZodType>(schema: T, description: string) => ({
  headers: IdempotencyKeyHeader,
  body: { required: true, description, content: { 'application/json': { schema } } },
});

/** Errors every mutating route answers, with the 404 of the resource it names. */
export const mutationResponses = (resource: string) =>
  ({ ...commonErrors, ...forbiddenError, ...notFoundError(resource, true), ...mutationErrors }) as const;

/** 202 of the asynchronous operations: the event to poll, also in Location. */
export const acceptedResponse = {
  202: { description: 'Accepted; poll the event at Location.', headers: acceptedHeaders, content: { 'application/json': { schema: EventIdData } } },
};
