import { z } from 'zod';
import { parseTokenList } from './auth/tokens';

// Every setting with its default, parsed by one zod schema. An unset or empty optional setting
// takes its default; a set but invalid one is an error naming it (the API routes then answer 500
// NotConfigured), never a silent fallback that would hide a typo. Values are never echoed:
// some are secrets.

/** Unset and empty (or blank) values both mean "not set". */
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema);
const wholeNumber = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).positive(`must be ${what}`);
const nonNegativeNumber = (what: string) => z.coerce.number({ error: `must be ${what}` }).min(0, `must be ${what}`).max(86_400, `must be ${what}`);
const required = (what: string) => z.preprocess(unset, z.string({ error: 'is not set' }).min(1, { error: `must be ${what}` }));

export const SettingsSchema = z
  .object({
    CDS_API_HOST: optional(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be a host name with an optional :port').default('api.capitalonline.net')),
    CDS_API_SCHEMA: optional(z.enum(['http', 'https'], { error: 'must be http or https' }).default('https')),
    CDS_TIMEOUT_MS: optional(wholeNumber('a positive whole number of milliseconds').default(10_000)),
    CDS_MAX_RESPONSE_BYTES: optional(wholeNumber('a positive whole number of bytes').default(8 * 1024 * 1024)),
    REGIONS_TTL_S: optional(wholeNumber('a positive whole number of seconds').default(3600)),
    FAMILIES_TTL_S: optional(wholeNumber('a positive whole number of seconds').default(600)),
    IMAGES_TTL_S: optional(wholeNumber('a positive whole number of seconds').default(600)),
    /** A `Cache-Control: no-cache` refresh is honoured at most once per cache key per this many seconds; 0: always. */
    NO_CACHE_REFRESH_INTERVAL_S: optional(nonNegativeNumber('a number of seconds from 0 (no limit) to 86400').default(5)),
    /** Retry-After of a 429 RateLimited: keep it equal to the rate-limiting bindings' `simple.period`. */
    RATE_LIMIT_PERIOD_S: optional(wholeNumber('a positive whole number of seconds').default(60)),
    /** The one JSON log line per request; `off` silences it (e.g. under `wrangler dev` load tests). */
    ACCESS_LOG: optional(z.enum(['on', 'off'], { error: 'must be on or off' }).default('on')),
    CDS_SECRET_ID: required('the access key id'),
    CDS_SECRET_KEY: required('the secret key'),
    GATEWAY_TOKENS: required('token:scope entries').refine((s) => parseTokenList(s).length > 0, 'must list at least one token:read or token:write entry'),
  })
  .transform((s) => ({
    upstream: { schema: s.CDS_API_SCHEMA, host: s.CDS_API_HOST, timeoutMs: s.CDS_TIMEOUT_MS, maxResponseBytes: s.CDS_MAX_RESPONSE_BYTES },
    cacheTtlS: { regions: s.REGIONS_TTL_S, families: s.FAMILIES_TTL_S, images: s.IMAGES_TTL_S },
    noCacheRefreshIntervalS: s.NO_CACHE_REFRESH_INTERVAL_S,
    rateLimitPeriodS: s.RATE_LIMIT_PERIOD_S,
    accessLog: s.ACCESS_LOG === 'on',
    accessKeyId: s.CDS_SECRET_ID,
    secretKey: s.CDS_SECRET_KEY,
    gatewayTokens: s.GATEWAY_TOKENS,
  }));

export type GatewaySettings = z.output<typeof SettingsSchema>;
/** Where the ECS API is, how long one SDK call may take and how large an answer may be. */
export type { UpstreamSettings } from './upstream/transport';

export type SettingsResult = { ok: true; settings: GatewaySettings } | { ok: false; problems: string[] };

// The bindings object stays the same for the life of an isolate: parse it once.
const parsed = new WeakMap<object, SettingsResult>();

/** The bindings settings are read from (wrangler vars and secrets, by name); a WeakMap key. */
type SettingSource = object;

/** The settings, or one `NAME: what is wrong` line per bad setting (never its value). */
export function readSettings(env: SettingSource | undefined): SettingsResult {
  const source = env ?? {};
  let result = parsed.get(source);
  if (!result) {
    const r = SettingsSchema.safeParse(source);
    result = r.success ? { ok: true, settings: r.data } : { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
    parsed.set(source, result);
  }
  return result;
}

/** The settings of a configured gateway; throws naming the bad settings otherwise. */
export function gatewaySettings(env: SettingSource | undefined): GatewaySettings {
  const result = readSettings(env);
  if (!result.ok) throw new Error(`gateway not configured: ${result.problems.join('; ')}`);
  return result.settings;
}
