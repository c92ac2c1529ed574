import { MAX_BODY_BYTES } from '../models/requests';
import type { UpstreamErrorCode } from '../upstream/error-codes';

// Every problem code the gateway answers with: its HTTP status, title and when it happens. The
// gateway's problem answers take status and title from here, and the OpenAPI document (the
// `Problem.code` description, each route's error responses) is generated from the same entries.

export interface ProblemSpec {
  /** HTTP status of the gateway's answer. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;
  /** RFC 9457 `title`: the same for every occurrence of the code. */
  title: string;
  /** When the gateway answers it (documentation). */
  when: string;
}

/** Codes the gateway itself decides. */
export const GATEWAY_PROBLEMS = {
  ValidationFailed: { status: 400, title: 'Invalid request', when: 'A path, query or body input fails its schema, or the body is not valid JSON; `errors` lists every failing input.' },
  BadRequest: { status: 400, title: 'Bad request', when: 'The request cannot be read at all.' },
  InvalidIdempotencyKey: { status: 400, title: 'Invalid Idempotency-Key', when: 'The Idempotency-Key header is not 1–255 printable ASCII characters; nothing is done.' },
  Unauthorized: { status: 401, title: 'Authentication required', when: 'No `Authorization: Bearer <token>` header.' },
  InvalidToken: { status: 401, title: 'Unknown token', when: 'The bearer token is not one of the gateway tokens.' },
  InsufficientScope: { status: 403, title: 'Token scope too small', when: 'A `read` token on a call that needs `write`.' },
  NotFound: { status: 404, title: 'Not found', when: 'No route serves the path.' },
  MethodNotAllowed: { status: 405, title: 'Method not allowed', when: 'The path is served, but not with this method (`Allow` lists the methods).' },
  IdempotencyKeyInFlight: { status: 409, title: 'Request with this Idempotency-Key in progress', when: 'The first request with this Idempotency-Key has not finished yet (Retry-After).' },
  PayloadTooLarge: { status: 413, title: 'Payload too large', when: `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.` },
  UnsupportedMediaType: { status: 415, title: 'Unsupported media type', when: 'A body that is not sent as application/json.' },
  RateLimited: { status: 429, title: 'Too many requests', when: 'This token is over its rate limit (separate limits for reads and writes); retry after Retry-After seconds.' },
  IdempotencyKeyReused: { status: 422, title: 'Idempotency-Key reused with another request', when: 'The Idempotency-Key was first used with another method, path or body.' },
  NotConfigured: { status: 500, title: 'Gateway not configured', when: 'A required setting is missing or a setting is invalid; the detail names each one.' },
  InternalError: { status: 500, title: 'Internal error', when: 'The gateway failed unexpectedly (an upstream InternalError is a 502 instead).' },
  UpstreamUnreachable: { status: 502, title: 'Upstream unreachable', when: 'The connection to the ECS API failed.' },
  UpstreamError: { status: 502, title: 'Upstream error', when: 'The ECS API answered an error whose code is not an identifier-like token; that code is not passed on.' },
  UpstreamBadResponse: { status: 502, title: 'Unreadable upstream answer', when: 'The ECS API answered something that is not a readable envelope, or a `Data` of the wrong shape.' },
  IdempotencyUnavailable: { status: 503, title: 'Idempotency store unavailable', when: 'The Idempotency-Key could not be checked; nothing was done, retry with the same key (Retry-After).' },
  UpstreamTimeout: { status: 504, title: 'Upstream timeout', when: 'The ECS API did not answer within CDS_TIMEOUT_MS.' },
} as const satisfies Record<string, ProblemSpec>;

export type GatewayProblemCode = keyof typeof GATEWAY_PROBLEMS;

/**
 * Upstream codes the gateway knows and passes through (unknown upstream codes are passed through
 * too, their status taken from the code's shape). `status` is the gateway's answer, not the
 * upstream's (that is UPSTREAM_ERRORS): a code that blames the gateway's own credentials or call,
 * or an upstream failure, is a 502.
 */
export const UPSTREAM_PROBLEMS = {
  MissingParameter: { status: 400, title: 'Missing parameter', when: 'The ECS API misses a required parameter.' },
  InvalidParameter: { status: 400, title: 'Invalid parameter', when: 'The ECS API refuses a parameter value.' },
  UnsupportedOperation: { status: 400, title: 'Operation not supported', when: 'A ChangeInstanceConfigure or ExtendDisk rule forbids the change.' },
  InvalidAction: { status: 502, title: 'Upstream refused the gateway request', when: 'The ECS API does not know the call the gateway built.' },
  InvalidAccessKeyId: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API does not know the gateway's CDS_SECRET_ID." },
  SignatureDoesNotMatch: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API refused the gateway's signature (check CDS_SECRET_KEY)." },
  RequestExpired: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API refused the gateway's Timestamp (check the clock)." },
  SignatureNonceUsed: { status: 502, title: 'Upstream refused the gateway credentials', when: 'The ECS API saw the SignatureNonce before.' },
  InstanceNotFound: { status: 404, title: 'Instance not found', when: 'No instance with this id in the account.' },
  DiskNotFound: { status: 404, title: 'Disk not found', when: 'No disk with this id in the account.' },
  EventNotFound: { status: 404, title: 'Event not found', when: 'No event with this id on /ecs/v1 or /ebs/v1.' },
  InvalidInstanceStatus: { status: 409, title: 'Instance status does not allow this operation', when: 'An instance is not in a status the operation accepts.' },
  InvalidDiskStatus: { status: 409, title: 'Disk status does not allow this operation', when: 'The disk is not in a status the operation accepts.' },
  SpecSoldOut: { status: 409, title: 'Spec sold out', when: 'The ordered spec is sold out in the availability zone (its stock is SELLOUT); order another spec or zone.' },
  Throttling: { status: 429, title: 'Throttled by the ECS API', when: 'The ECS API throttled the call (Retry-After).' },
  InternalError: { status: 502, title: 'Upstream error', when: 'The ECS API failed (any upstream 5xx is a 502, whatever its code).' },
  ServiceUnavailable: { status: 502, title: 'Upstream error', when: 'The ECS API is unavailable.' },
} as const satisfies Record<UpstreamErrorCode, ProblemSpec>;

/** Titles of upstream codes the catalogue does not know. */
export const UNKNOWN_UPSTREAM_TITLE = { refused: 'Upstream refused the request', failed: 'Upstream error' } as const;

/** The catalogue entry of an upstream code, when it has one. */
export function upstreamProblemOf(code: string): ProblemSpec | undefined {
  return Object.hasOwn(UPSTREAM_PROBLEMS, code) ? UPSTREAM_PROBLEMS[code as UpstreamErrorCode] : undefined;
}

type StatusOf<T> = { [K in keyof T]: T[K] extends { status: infer S } ? S : never };
type KeysWith<T, S> = { [K in keyof T]: StatusOf<T>[K] extends S ? K : never }[keyof T];

/** Catalogued codes the gateway answers with status S (InternalError: 500 from the gateway, 502 from upstream). */
export type CodeWithStatus<S extends number> = KeysWith<typeof GATEWAY_PROBLEMS, S> | KeysWith<typeof UPSTREAM_PROBLEMS, S>;

/** The catalogue entry of a code answered with this status. */
export function problemSpec(code: string, status: number): ProblemSpec | undefined {
  const gateway = Object.hasOwn(GATEWAY_PROBLEMS, code) ? (GATEWAY_PROBLEMS[code as GatewayProblemCode] as ProblemSpec) : undefined;
  const upstream = upstreamProblemOf(code);
  return [gateway, upstream].find((spec) => spec?.status === status);
}
