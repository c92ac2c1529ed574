import type { EcsApi } from '../openapi/ecs-api';
import type { TokenScope } from './auth/tokens';
import type { ReferenceMemory } from './cache/reference-memory';
import type { GatewaySettings } from './config';
import type { UpstreamCallRecord } from './upstream/transport';

/** Bindings of wrangler.toml plus the secrets; config.ts parses and checks the settings among them. */
export interface Env {
  CDS_API_HOST?: string;
  CDS_API_SCHEMA?: string;
  CDS_SECRET_ID?: string;
  CDS_SECRET_KEY?: string;
  GATEWAY_TOKENS?: string;
  CDS_TIMEOUT_MS?: string;
  CDS_MAX_RESPONSE_BYTES?: string;
  REGIONS_TTL_S?: string;
  FAMILIES_TTL_S?: string;
  IMAGES_TTL_S?: string;
  NO_CACHE_REFRESH_INTERVAL_S?: string;
  RATE_LIMIT_PERIOD_S?: string;
  ACCESS_LOG?: string;
  ECS_CACHE: KVNamespace;
  /** Per-token limits of GET/HEAD calls and of mutating calls (`[[ratelimits]]`); absent → no limit. */
  READ_RATE_LIMITER?: RateLimit;
  WRITE_RATE_LIMITER?: RateLimit;
  IDEMPOTENCY: DurableObjectNamespace;
}

export type { TokenScope } from './auth/tokens';

/** Per-request variables set by the middleware chain. */
export interface GatewayVariables {
  /** Id of this gateway request (X-Request-Id). */
  requestId: string;
  /** The parsed settings (set by bearerAuth, which refuses to serve without them). */
  settings: GatewaySettings;
  /** The ECS API the routes talk to: the signed upstream client or a stand-in. */
  ecs: EcsApi;
  /** The app's in-memory side of the reference cache (createGatewayApp sets it). */
  referenceMemory?: ReferenceMemory;
  /** Scope of the caller's bearer token. */
  tokenScope: TokenScope;
  /** A stable, non-secret id of the caller's token (a hash), for scoping idempotency keys. */
  callerId: string;
  /** A stable, non-secret id of the upstream account (a hash of the access key id), for cache keys. */
  accountId: string;
  /** Secrets of this request (a password) cut out of any upstream message the answer passes on. */
  redact?: string[];
  /** Set when the upstream answered with a RequestId (X-Upstream-Request-Id). */
  upstreamRequestId?: string;
  /** The upstream exchanges of this request, for its log line. */
  upstreamCalls: UpstreamCallRecord[];
  /** What the Idempotency-Key did with this request, for its log line. */
  idempotencyOutcome?: IdempotencyOutcome;
}

/**
 * What the Idempotency-Key did to one request (for the access log): `stored` (first answer kept),
 * `replayed`, `released` (the call did not run; the key is free), `pending` (the upstream call
 * outlives the answer; its outcome is recorded when it comes), `unknown` (the outcome will never be
 * known; this answer is replayed), or the refusals `in_flight`, `mismatch`, `invalid`, `unavailable`.
 */
export type IdempotencyOutcome = 'stored' | 'replayed' | 'released' | 'pending' | 'unknown' | 'in_flight' | 'mismatch' | 'invalid' | 'unavailable';

export interface GatewayEnv {
  Bindings: Env;
  Variables: GatewayVariables;
}
