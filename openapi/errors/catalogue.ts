import { GATEWAY_MAX_BODY_BYTES } from '../models/requests';
import type { UpstreamErrorCode } from '../upstream/error-codes';

// Every problem code the gateway answers with: its HTTP status, title, when it happens and what to do. The
// gateway's problem answers take status and title from here, and the OpenAPI document (the
// `Problem.code` description, each route's error responses) is generated from the same entries.

export interface ProblemSpec {
  /** HTTP status of the gateway's answer. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;
  /** RFC 9457 `title`: the same for every occurrence of the code. */
  title: string;
  /** When the gateway answers it (documentation). */
  when: string;
  /** What the caller (or, where it says so, the operator) can do about it: shown on its /problems page. */
  whatToDo: string;
}

/** Codes the gateway itself decides. */
export const GATEWAY_PROBLEMS = {
  ValidationFailed: { status: 400, title: 'Invalid request', when: 'A path, query or body input fails its schema, or the body is not valid JSON; `errors` lists every failing input.', whatToDo: 'Fix each input that `errors` names (its path and what is wrong) and send the request again.' },
  BadRequest: { status: 400, title: 'Bad request', when: 'The request cannot be read at all.', whatToDo: 'Send a well-formed HTTP request (a readable body, valid headers).' },
  InvalidIdempotencyKey: { status: 400, title: 'Invalid Idempotency-Key', when: 'The Idempotency-Key header is not 1–255 printable ASCII characters; nothing is done.', whatToDo: 'Use a key of 1–255 printable ASCII characters, e.g. a UUID.' },
  Unauthorized: { status: 401, title: 'Authentication required', when: 'No `Authorization: Bearer <token>` header.', whatToDo: 'Send `Authorization: Bearer <token>` with one of the gateway tokens (`dev-token` under `npm start`).' },
  InvalidToken: { status: 401, title: 'Unknown token', when: 'The bearer token is not one of the gateway tokens.', whatToDo: 'Check the token for typos; ask the operator for a valid one (GATEWAY_TOKENS).' },
  InsufficientScope: { status: 403, title: 'Token scope too small', when: 'A `read` token on a call that needs `write`.', whatToDo: 'Use a token with `write` scope for calls that change something.' },
  NotFound: { status: 404, title: 'Not found', when: 'No route serves the path.', whatToDo: 'Check the path against /docs or /openapi.json (API paths start with /v1/).' },
  MethodNotAllowed: { status: 405, title: 'Method not allowed', when: 'The path is served, but not with this method (`Allow` lists the methods).', whatToDo: 'Use one of the methods the `Allow` header lists.' },
  IdempotencyKeyInFlight: { status: 409, title: 'Request with this Idempotency-Key in progress', when: 'The first request with this Idempotency-Key has not finished yet (Retry-After).', whatToDo: 'Wait Retry-After seconds and send the same request with the same key again: you get the first answer once it is known.' },
  PayloadTooLarge: { status: 413, title: 'Payload too large', when: `The request body is larger than ${GATEWAY_MAX_BODY_BYTES / 1024} KiB.`, whatToDo: 'Send a smaller body; no operation needs more than a few KiB.' },
  UnsupportedMediaType: { status: 415, title: 'Unsupported media type', when: 'A body that is not sent as application/json.', whatToDo: 'Send the body as JSON with `Content-Type: application/json`.' },
  RateLimited: { status: 429, title: 'Too many requests', when: 'This token is over its rate limit (separate limits for reads and writes); retry after Retry-After seconds.', whatToDo: 'Wait Retry-After seconds before the next call; spread calls out.' },
  IdempotencyKeyReused: { status: 422, title: 'Idempotency-Key reused with another request', when: 'The Idempotency-Key was first used with another method, path or body.', whatToDo: 'Use a new key for a new request; reuse a key only to retry the very same request.' },
  NotConfigured: { status: 500, title: 'Gateway not configured', when: 'A required setting is missing or a setting is invalid; the detail names each one.', whatToDo: 'Operator: set the settings the detail names (see the configuration table in the README) and redeploy.' },
  InternalError: { status: 500, title: 'Internal error', when: 'The gateway failed unexpectedly (an upstream InternalError is a 502 instead).', whatToDo: 'Retry later; if it persists, report the requestId to the operator.' },
  UpstreamUnreachable: { status: 502, title: 'Upstream unreachable', when: 'The connection to the ECS API failed.', whatToDo: 'Retry later; a GET is already retried twice by the gateway. Operator: check CDS_API_HOST.' },
  UpstreamError: { status: 502, title: 'Upstream error', when: 'The ECS API answered an error whose code is not an identifier-like token; that code is not passed on.', whatToDo: 'Retry later; if it persists, report the requestId and the X-Upstream-Request-Id.' },
  UpstreamBadResponse: { status: 502, title: 'Unreadable upstream answer', when: 'The ECS API answered something that is not a readable envelope, or a `Data` of the wrong shape.', whatToDo: 'Retry later; if it persists, report the requestId and the X-Upstream-Request-Id.' },
  IdempotencyUnavailable: { status: 503, title: 'Idempotency store unavailable', when: 'The Idempotency-Key could not be checked; nothing was done, retry with the same key (Retry-After).', whatToDo: 'Retry after Retry-After seconds with the same key; nothing was done.' },
  UpstreamTimeout: { status: 504, title: 'Upstream timeout', when: 'The ECS API did not answer within CDS_TIMEOUT_MS.', whatToDo: 'Check the resource before retrying a change (it may have been applied), or retry with the same Idempotency-Key to get the real outcome.' },
} as const satisfies Record<string, ProblemSpec>;

export type GatewayProblemCode = keyof typeof GATEWAY_PROBLEMS;

/**
 * Upstream codes the gateway knows and passes through (unknown upstream codes are passed through
 * too, their status taken from the code's shape). `status` is the gateway's answer, not the
 * upstream's (that is UPSTREAM_ERRORS): a code that blames the gateway's own credentials or call,
 * or an upstream failure, is a 502.
 */
export const UPSTREAM_PROBLEMS = {
  MissingParameter: { status: 400, title: 'Missing parameter', when: 'The ECS API misses a required parameter.', whatToDo: 'Add the parameter the detail names.' },
  InvalidParameter: { status: 400, title: 'Invalid parameter', when: 'The ECS API refuses a parameter value.', whatToDo: 'Change the value the detail names to one the ECS API accepts.' },
  UnsupportedOperation: { status: 400, title: 'Operation not supported', when: 'A rule of spec changes or disk extensions forbids the change.', whatToDo: 'Choose a change the rules allow (the detail says which rule refused it).' },
  InvalidAction: { status: 502, title: 'Upstream refused the gateway request', when: 'The ECS API does not know the call the gateway built.', whatToDo: 'Operator: the gateway and the ECS API disagree on the call; update the gateway.' },
  InvalidAccessKeyId: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API does not know the gateway's CDS_SECRET_ID.", whatToDo: 'Operator: set CDS_SECRET_ID to an access key id of the account.' },
  SignatureDoesNotMatch: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API refused the gateway's signature (check CDS_SECRET_KEY).", whatToDo: 'Operator: set CDS_SECRET_KEY to the secret of CDS_SECRET_ID.' },
  RequestExpired: { status: 502, title: 'Upstream refused the gateway credentials', when: "The ECS API refused the gateway's Timestamp (check the clock).", whatToDo: "Operator: fix the gateway host's clock." },
  SignatureNonceUsed: { status: 502, title: 'Upstream refused the gateway credentials', when: 'The ECS API saw the SignatureNonce before.', whatToDo: 'Retry: the next call signs with a new nonce.' },
  InstanceNotFound: { status: 404, title: 'Instance not found', when: 'No instance with this id in the account.', whatToDo: "Check the id (GET /v1/instances lists the account's instances)." },
  DiskNotFound: { status: 404, title: 'Disk not found', when: 'No disk with this id in the account.', whatToDo: "Check the disk id (an instance's disks are in GET /v1/instances/{EcsId})." },
  EventNotFound: { status: 404, title: 'Event not found', when: 'No event with this id on /ecs/v1 or /ebs/v1.', whatToDo: 'Check the EventId (the Location of the 202 that started it).' },
  QuotaExceeded: { status: 409, title: 'Quota exceeded', when: "The availability zone's free disk quota is smaller than the disks asked for, or an instance would hold more than 16 data disks.", whatToDo: 'Ask for less (GET /v1/disks/quota shows what is free), delete disks you no longer need, or spread the disks over instances.' },
  ImageNotFound: { status: 404, title: 'Image not found', when: 'No image with this id that the account may use (in this zone, where one is named).', whatToDo: 'Check the image id (GET /v1/images lists the images; private ones have TemplateType private).' },
  SnapshotNotFound: { status: 404, title: 'Snapshot not found', when: 'No snapshot or snapshot chain with this id in the account.', whatToDo: 'Check the id (GET /v1/snapshots lists the snapshots).' },
  ImageInUse: { status: 409, title: 'Image in use', when: 'Deleting an image: an instance is being built from the image, or the image is being made or copied.', whatToDo: 'Wait for the event using the image to end, then retry.' },
  InvalidSnapshotStatus: { status: 409, title: 'Snapshot status does not allow this operation', when: 'The snapshot is not `running` (it is being made, used for a rollback, deleted or failed).', whatToDo: 'Wait for the snapshot to be running (GET /v1/snapshots/{SnapshotId}), then retry.' },
  SnapshotQuotaExceeded: { status: 409, title: 'Snapshot quota exceeded', when: 'Taking a snapshot: the disk already has as many snapshots as its quota allows.', whatToDo: 'Delete a snapshot of the disk (GET /v1/snapshots/quota?DiskId= shows the quota), then retry.' },
  InvalidInstanceStatus: { status: 409, title: 'Instance status does not allow this operation', when: 'An instance is not in a status the operation accepts.', whatToDo: 'Bring the instance into a status the operation accepts (the detail names them), or wait for its transition to end, then retry.' },
  InvalidDiskStatus: { status: 409, title: 'Disk status does not allow this operation', when: 'The disk is not in a status the operation accepts.', whatToDo: 'Wait for the disk to reach a status the operation accepts, then retry.' },
  SpecSoldOut: { status: 409, title: 'Spec sold out', when: 'The ordered spec is sold out in the availability zone (its stock is SELLOUT).', whatToDo: 'Order another spec or zone (GET /v1/families/specs shows what is on sale).' },
  Throttling: { status: 429, title: 'Throttled by the ECS API', when: 'The ECS API throttled the call (Retry-After).', whatToDo: 'Wait Retry-After seconds, then call less often.' },
  InternalError: { status: 502, title: 'Upstream error', when: 'The ECS API failed (any upstream 5xx is a 502, whatever its code).', whatToDo: 'Retry later; if it persists, report the requestId and the X-Upstream-Request-Id.' },
  ServiceUnavailable: { status: 502, title: 'Upstream error', when: 'The ECS API is unavailable.', whatToDo: 'Retry later.' },
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
