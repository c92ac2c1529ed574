import type { Env } from './env';

// Every non-secret setting of DESIGN 3.1 and 5 with its default, read from the bindings in one
// place. Values that are missing, empty or not positive numbers fall back to the default.

export const DEFAULTS = {
  apiHost: 'api.capitalonline.net',
  apiSchema: 'https',
  timeoutMs: 10_000,
  regionsTtlS: 3600,
  familiesTtlS: 600,
  imagesTtlS: 600,
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
export function cacheTtls(env: Partial<Env>): { regions: number; families: number; images: number } {
  return {
    regions: positiveNumber(env.REGIONS_TTL_S, DEFAULTS.regionsTtlS),
    families: positiveNumber(env.FAMILIES_TTL_S, DEFAULTS.familiesTtlS),
    images: positiveNumber(env.IMAGES_TTL_S, DEFAULTS.imagesTtlS),
  };
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}
