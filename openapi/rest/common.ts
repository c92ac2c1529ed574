import { z } from '@hono/zod-openapi';
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

/** Headers of a mutating call's success answer (it may be an Idempotency-Key replay). */
export const mutationHeaders = upstreamHeaders.extend({
  'Idempotent-Replayed': z.enum(['true']).optional().openapi({ description: 'Present when this answer replays the first answer to the same Idempotency-Key.' }),
});

/** Headers of a 202 answer: where to poll the event. */
export const acceptedHeaders = mutationHeaders.extend({
  Location: z.string().openapi({ description: 'The event to poll: `/v1/events/{EventId}`.', example: '/v1/events/7e782a16-0bc9-11ed-a942-92d3bb445445' }),
});

export const cachedHeaders = upstreamHeaders.extend({
  'X-Cache': z.enum(['HIT', 'MISS', 'STALE', 'STALE-IF-ERROR']).optional().openapi({ description: 'How the edge cache served this answer.' }),
  ETag: z.string().optional().openapi({ description: 'Entity tag; send it back in If-None-Match to get 304.' }),
});

const problemResponse = (description: string) => ({
  description,
  headers: requestIdHeaders,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

/** Errors every authenticated API route can answer. */
export const commonErrors = {
  400: problemResponse('Invalid input (code ValidationFailed, with `errors`), or an upstream InvalidParameter / MissingParameter / UnsupportedOperation.'),
  401: problemResponse('Missing or unknown bearer token (codes Unauthorized, InvalidToken).'),
  500: problemResponse('The gateway is not configured (code NotConfigured) or failed unexpectedly (InternalError).'),
  502: problemResponse('The ECS API is unreachable, answered 5xx or unreadable JSON, or refused the gateway\'s own credentials.'),
  504: problemResponse('The ECS API did not answer within CDS_TIMEOUT_MS (code UpstreamTimeout).'),
} as const;

export const forbiddenError = { 403: problemResponse('The bearer token has scope `read`; this call needs `write` (code InsufficientScope).') } as const;
export const notFoundError = (what: string) => ({ 404: problemResponse(`${what} not found (upstream code kept, e.g. InstanceNotFound).`) }) as const;
export const conflictError = (what: string) => ({ 409: problemResponse(what) }) as const;
/** Errors of the routes with a JSON body (all of them mutating). */
export const mutationErrors = {
  413: problemResponse('The body is larger than 64 KiB (code PayloadTooLarge).'),
  415: problemResponse('The body is not sent as application/json (code UnsupportedMediaType).'),
  409: problemResponse('Wrong instance or disk status (e.g. InvalidInstanceStatus), or a concurrent request with the same Idempotency-Key.'),
  422: problemResponse('The Idempotency-Key was used with another body.'),
} as const;

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().openapi({
    description: 'Optional. Within 24 h the same key and body replays the first answer (Idempotent-Replayed: true) without calling upstream again.',
    example: '3f1c2b9e-6a4d-4f0e-9d7a-2b8c1e5f4a6d',
  }),
});
