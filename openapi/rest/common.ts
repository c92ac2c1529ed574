import { z } from '@hono/zod-openapi';
import { EventIdData } from '../models/common';
import { EventResultData } from '../models/event';
import { Problem } from '../models/problem';
import { problemSpec, type CodeWithStatus } from '../errors/catalogue';

// Pieces every REST route shares: tags, security, headers and the problem+json error answers.

export const TAG = { regions: 'Regions', families: 'Families', images: 'Images', instances: 'Instances', disks: 'Disks', snapshots: 'Snapshots', prices: 'Prices', account: 'Account', events: 'Events', meta: 'Meta' } as const;

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

/** Longest wait, in seconds, of `?wait=` and `Prefer: wait=`. */
export const MAX_WAIT_S = 60;

const EventLocationHeader = z.string().openapi({ description: 'The event to poll: `/v1/events/{EventId}`.', example: '/v1/events/7e782a16-0bc9-11ed-a942-92d3bb445445' });
const PollRetryAfterHeader = z.string().openapi({
  description: 'Seconds to wait before polling the event: a first interval that suits the operation (restart 3, start/shutdown 2, hard shutdown 1, change-spec 3, disk extension 2, otherwise 5).',
  example: '3',
});

/** Headers of a 202 answer: where to poll the event, and when. */
export const acceptedHeaders = mutationHeaders.extend({ Location: EventLocationHeader, 'Retry-After': PollRetryAfterHeader });

/** Headers of the 200 that replaces a 202 when the event ended within `Prefer: wait=N`. */
export const waitedHeaders = mutationHeaders.extend({
  Location: EventLocationHeader,
  'Preference-Applied': z.string().openapi({ description: 'The wait that was honoured: `wait=N` (N capped at 60).', example: 'wait=20' }),
});

/** Headers of an event answer: Retry-After while it runs. */
export const eventHeaders = upstreamHeaders.extend({
  'Retry-After': z.string().optional().openapi({
    description: 'Only while the event has not ended: seconds to wait before polling again (a first interval that suits the event type).',
    example: '3',
  }),
});

/** Headers of the cached reference answers (200 and 304 of regions, families, images): always all set. */
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

/** Request headers of the cached GET routes (regions, families, images). */
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

/**
 * A problem+json response documenting the codes answered with this status: the description is
 * each code's "when" from the error catalogue, and a code of another status does not compile.
 */
const problemResponse = <S extends number>(status: S, codes: readonly CodeWithStatus<S>[], headers: z.ZodObject = requestIdHeaders, note = '') => ({
  description:
    codes
      .map((code) => `\`${code}\`: ${problemSpec(code, status)!.when}`)
      .join(' ') + note,
  headers,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

const RetryAfterHeader = z.string().optional().openapi({ description: 'Seconds to wait before retrying.', example: '1' });
const retryAfterHeaders = requestIdHeaders.extend({ 'Retry-After': RetryAfterHeader });

/** Problems of mutating routes that the Idempotency-Key store keeps and replays (final 4xx answers). */
const replayableProblemHeaders = requestIdHeaders.extend({ 'Idempotent-Replayed': IdempotentReplayedHeader });

const INPUT_CODES = ['ValidationFailed', 'MissingParameter', 'InvalidParameter', 'UnsupportedOperation'] as const;
const UPSTREAM_FAILURE_CODES = [
  'UpstreamUnreachable',
  'UpstreamBadResponse',
  'UpstreamError',
  'InternalError',
  'ServiceUnavailable',
  'InvalidAction',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'RequestExpired',
  'SignatureNonceUsed',
] as const;

/** Errors every authenticated API route can answer. */
export const commonErrors = {
  400: problemResponse(400, INPUT_CODES),
  401: problemResponse(401, ['Unauthorized', 'InvalidToken']),
  429: problemResponse(429, ['RateLimited', 'Throttling'], retryAfterHeaders),
  500: problemResponse(500, ['NotConfigured', 'InternalError']),
  502: problemResponse(502, UPSTREAM_FAILURE_CODES, requestIdHeaders, ' Any other upstream 5xx answer is a 502 too, its code kept.'),
  504: problemResponse(504, ['UpstreamTimeout']),
} as const;

/** Errors of a read that takes a JSON body (a quote): its body can be too large or not JSON. */
export const readBodyErrors = { 413: problemResponse(413, ['PayloadTooLarge']), 415: problemResponse(415, ['UnsupportedMediaType']) } as const;

/** 409 of a read that an instance's status can refuse (a console needs a running guest). */
export const statusConflictError = { 409: problemResponse(409, ['InvalidInstanceStatus']) } as const;

export const forbiddenError = { 403: problemResponse(403, ['InsufficientScope']) } as const;

/** 404 of a route; `replayable` on mutating routes, whose 404 an Idempotency-Key replays. */
export const notFoundError = (code?: CodeWithStatus<404>, replayable = false) =>
  ({
    404: problemResponse(
      404,
      code ? [code] : [],
      replayable ? replayableProblemHeaders : requestIdHeaders,
      code ? ' Other upstream `*NotFound` codes are kept as given.' : 'An upstream `*NotFound` code (e.g. of an image or subnet), kept as given.',
    ),
  }) as const;

/**
 * Errors of the routes with a JSON body (all of them mutating); spread after commonErrors, so its
 * 400 (replayable here) wins. 400/409/415 answered by the route are final and replayed with the key.
 */
export const mutationErrors = {
  400: problemResponse(400, [...INPUT_CODES, 'InvalidIdempotencyKey'], replayableProblemHeaders),
  413: problemResponse(413, ['PayloadTooLarge']),
  415: problemResponse(415, ['UnsupportedMediaType'], replayableProblemHeaders),
  409: problemResponse(
    409,
    ['InvalidInstanceStatus', 'InvalidDiskStatus', 'InvalidSnapshotStatus', 'QuotaExceeded', 'SnapshotQuotaExceeded', 'SpecSoldOut', 'ImageInUse', 'IdempotencyKeyInFlight'],
    replayableProblemHeaders.extend({ 'Retry-After': RetryAfterHeader }),
    ' A status refusal is stored and replayed with the key; an in-flight one is not (retry later to get the first answer).',
  ),
  422: problemResponse(422, ['IdempotencyKeyReused']),
  503: problemResponse(503, ['IdempotencyUnavailable'], retryAfterHeaders),
} as const;

/** Syntax of an Idempotency-Key: 1–255 printable ASCII characters (0x20–0x7E), e.g. a UUID. */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]+$/);

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': IdempotencyKey.optional().openapi({
    description:
      'Optional; 1–255 printable ASCII characters (e.g. a UUID), scoped to your token (else 400 InvalidIdempotencyKey). ' +
      'Within 24 h the same key with the same method, path and body (JSON key order ignored) replays the first final answer ' +
      '(2xx, or 4xx other than 408/425/429) with `Idempotent-Replayed: true`, without calling upstream again. ' +
      'Same key, other body → 422 IdempotencyKeyReused; while the first request runs → 409 IdempotencyKeyInFlight with Retry-After. ' +
      'A call is never run twice under one key: after a 504 the upstream may still act, so the gateway ' +
      'keeps the call alive up to 20 s and records its real outcome; meanwhile a retry gets 409 IdempotencyKeyInFlight with Retry-After, then the real answer. ' +
      'An upstream 5xx, a lost or unreadable upstream answer, or a 504 whose outcome cannot be known may follow an upstream that acted: it is replayed as the 502/504 (check the resource, then use a new key). ' +
      'The key is released (a retry runs again) only when the call certainly did not run: a business refusal (an upstream error code with a 4xx status), or nothing was sent.',
    example: '3f1c2b9e-6a4d-4f0e-9d7a-2b8c1e5f4a6d',
  }),
});

/** The request of a mutating route: its optional Idempotency-Key header and a required JSON body. */
export const syncMutationRequest = <T extends z.ZodType>(schema: T, description: string) => ({
  headers: IdempotencyKeyHeader,
  body: { required: true, description, content: { 'application/json': { schema } } },
});

export const PreferHeader = z.object({
  prefer: z
    .string()
    .optional()
    .openapi({
      description:
        `RFC 7240. \`wait=N\` (whole seconds, 1–${MAX_WAIT_S}; more is capped at ${MAX_WAIT_S}): after the call the gateway polls the event for up to N s ` +
        'from the request\'s arrival. If it ends in time (`success` or `failed`) the answer is 200 with the event and `Preference-Applied`, ' +
        'otherwise the usual 202. Other preferences, and a wait that is not a whole number ≥ 1, are ignored. An Idempotency-Key replay of a 202 waits too.',
      example: 'wait=20',
    }),
});

/** The request of a mutating route that answers 202: Idempotency-Key and Prefer headers, a required JSON body. */
export const acceptedMutationRequest = <T extends z.ZodType>(schema: T, description: string) => ({
  ...syncMutationRequest(schema, description),
  headers: IdempotencyKeyHeader.extend(PreferHeader.shape),
});

/** Errors every mutating route answers. */
const mutationErrorResponses = { ...commonErrors, ...forbiddenError, ...mutationErrors } as const;

/** Errors every mutating route answers, with the 404 of the resource it names (any upstream `*NotFound` without one). */
export const mutationResponses = (notFoundCode?: CodeWithStatus<404>) =>
  ({ ...mutationErrorResponses, ...notFoundError(notFoundCode, true) }) as const;

/**
 * 202 of an asynchronous operation (`schema`: its answer, at least the EventId; the event is also in
 * Location), or 200 when `Prefer: wait` saw the event end: the final event with the 202's own fields
 * kept (a create's EcsIdSet), so waiting never loses what the 202 said.
 */
export const acceptedAnswers = <T extends z.ZodType>(schema: T, description = 'Accepted') => ({
  200: {
    description:
      'Done within `Prefer: wait=N`: the final event (EventStatus `success` or `failed`; a failed operation is reported here, not as an error), ' +
      'with the fields of the 202 answer kept.',
    headers: waitedHeaders,
    content: { 'application/json': { schema: waitedSchema(schema) } },
  },
  202: {
    description: `${description}; poll the event at Location after Retry-After seconds (or send \`Prefer: wait=N\`, or GET it with \`?wait=N\`).`,
    headers: acceptedHeaders,
    content: { 'application/json': { schema } },
  },
});

/** The 200 of `Prefer: wait`: the event and the 202's schema (allOf), or the event alone when the 202 holds only its EventId. */
function waitedSchema<T extends z.ZodType>(accepted: T) {
  return accepted === (EventIdData as z.ZodType) ? EventResultData : z.intersection(EventResultData, accepted);
}

