import type { Env } from './env';

// Every non-secret setting with its default, read from the bindings in one
// place. Values that are missing, empty or not positive numbers fall back to the default.

export const DEFAULTS = {
  apiHost: 'api.capitalonline.net',
  apiSchema: 'https',
  timeoutMs: 10_000,
  regionsTtlS: 3600,
  familiesTtlS: 600,
  /** A `Cache-Control: no-cache` refresh is honoured at most once per cache key per this many seconds. */
  noCacheRefreshIntervalS: 5,
  /** Retry-After of a 429 RateLimited: the window of the rate-limiting bindings (`simple.period`). */
  rateLimitPeriodS: 60,
} as const;

export interface UpstreamSettings {
  schema: string;
  host: string;
  timeoutMs: number;
}

export function upstreamSettings(env: Partial<Env>): UpstreamSettings {
  return {
    schema: env.CDS_API_SCHEMA || DEFAULTS.apiSchema,
    host: env.CDS_API_HOST || DEFAULTS.apiHost,
    timeoutMs: positiveNumber(env.CDS_TIMEOUT_MS, DEFAULTS.timeoutMs),
  };
}

/** Soft TTLs of the KV reference cache, in seconds. */
export function cacheTtls(env: Partial<Env>): { regions: number; families: number } {
  return {
    regions: positiveNumber(env.REGIONS_TTL_S, DEFAULTS.regionsTtlS),
    families: positiveNumber(env.FAMILIES_TTL_S, DEFAULTS.familiesTtlS),
  };
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Seconds between two honoured `Cache-Control: no-cache` refreshes of one cache key; 0 turns the limit off. */
export function noCacheRefreshIntervalS(env: Partial<Env>): number {
  const n = Number(env.NO_CACHE_REFRESH_INTERVAL_S);
  const set = env.NO_CACHE_REFRESH_INTERVAL_S !== undefined && env.NO_CACHE_REFRESH_INTERVAL_S.trim() !== '';
  return set && Number.isFinite(n) && n >= 0 ? n : DEFAULTS.noCacheRefreshIntervalS;
}

/** Retry-After (seconds) of a rate-limited answer; keep RATE_LIMIT_PERIOD_S equal to the bindings' period. */
export function rateLimitPeriodS(env: Partial<Env>): number {
  return Math.ceil(positiveNumber(env.RATE_LIMIT_PERIOD_S, DEFAULTS.rateLimitPeriodS));
}
