import { describe, expect, it } from 'vitest';
import { readSettings } from '../../worker/config';
import { harness } from '../helpers/gateway-harness';

// One zod schema reads every setting: unset or empty optional settings take their default, a bad
// value is an error naming the setting (never its value), and the API routes then answer 500.

const REQUIRED = { CDS_SECRET_ID: 'ak-1', CDS_SECRET_KEY: 'sk-1', GATEWAY_TOKENS: 't:read' };

function problems(env: Record<string, string>): string[] {
  const r = readSettings({ ...REQUIRED, ...env });
  return r.ok ? [] : r.problems;
}

describe('configuration', () => {
  it('takes the documented defaults when an optional setting is unset or empty', () => {
    for (const env of [{}, { CDS_API_HOST: '', CDS_API_SCHEMA: ' ', CDS_TIMEOUT_MS: '', CDS_MAX_RESPONSE_BYTES: '', REGIONS_TTL_S: '', FAMILIES_TTL_S: '', IMAGES_TTL_S: '' }]) {
      const r = readSettings({ ...REQUIRED, ...env });
      expect(r.ok && r.settings).toEqual({
        upstream: { schema: 'https', host: 'api.capitalonline.net', timeoutMs: 10_000, maxResponseBytes: 8 * 1024 * 1024 },
        cacheTtlS: { regions: 3600, families: 600, images: 600 },
        noCacheRefreshIntervalS: 5,
        rateLimitPeriodS: 60,
        accessLog: true,
        accessKeyId: 'ak-1',
        secretKey: 'sk-1',
        gatewayTokens: 't:read',
      });
    }
  });

  it('reads the settings that are given', () => {
    const r = readSettings({ ...REQUIRED, CDS_API_HOST: '127.0.0.1:8788', CDS_API_SCHEMA: 'http', CDS_TIMEOUT_MS: '1500', CDS_MAX_RESPONSE_BYTES: '65536', REGIONS_TTL_S: '2', FAMILIES_TTL_S: '30', IMAGES_TTL_S: '45' });
    expect(r.ok && r.settings.upstream).toEqual({ schema: 'http', host: '127.0.0.1:8788', timeoutMs: 1500, maxResponseBytes: 65536 });
    expect(r.ok && r.settings.cacheTtlS).toEqual({ regions: 2, families: 30, images: 45 });
  });

  it('takes a fractional no-cache refresh interval, 0 (no limit) included, and refuses a negative one', () => {
    const interval = (v: string) => { const r = readSettings({ ...REQUIRED, NO_CACHE_REFRESH_INTERVAL_S: v }); return r.ok ? r.settings.noCacheRefreshIntervalS : undefined; };
    expect(interval('0')).toBe(0);
    expect(interval('0.3')).toBe(0.3);
    expect(problems({ NO_CACHE_REFRESH_INTERVAL_S: '-1' })).toEqual(['NO_CACHE_REFRESH_INTERVAL_S: must be a number of seconds from 0 (no limit) to 86400']);
  });

  it('names each bad setting instead of falling back silently', () => {
    for (const bad of ['abc', '0', '-5', '2.5', 'NaN', 'Infinity']) {
      expect(problems({ CDS_TIMEOUT_MS: bad })).toEqual(['CDS_TIMEOUT_MS: must be a positive whole number of milliseconds']);
      expect(problems({ REGIONS_TTL_S: bad })).toEqual(['REGIONS_TTL_S: must be a positive whole number of seconds']);
      expect(problems({ RATE_LIMIT_PERIOD_S: bad })).toEqual(['RATE_LIMIT_PERIOD_S: must be a positive whole number of seconds']);
      expect(problems({ CDS_MAX_RESPONSE_BYTES: bad })).toEqual(['CDS_MAX_RESPONSE_BYTES: must be a positive whole number of bytes']);
    }
    expect(problems({ CDS_API_SCHEMA: 'ftp', CDS_API_HOST: 'http://x', FAMILIES_TTL_S: 'x' })).toEqual([
      'CDS_API_HOST: must be a host name with an optional :port',
      'CDS_API_SCHEMA: must be http or https',
      'FAMILIES_TTL_S: must be a positive whole number of seconds',
    ]);
  });

  it('names missing required settings; a token list without a valid entry counts as missing', () => {
    const r = readSettings({ GATEWAY_TOKENS: 'admin' });
    expect(r.ok ? [] : r.problems).toEqual([
      'CDS_SECRET_ID: is not set',
      'CDS_SECRET_KEY: is not set',
      'GATEWAY_TOKENS: must list at least one token:read or token:write entry',
    ]);
  });

  it('a bad setting answers 500 NotConfigured naming it, never its value; /healthz says configured: false', async () => {
    const h = harness({ CDS_TIMEOUT_MS: 'soon-ish' });
    const res = await h.request('/v1/regions');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('NotConfigured');
    expect(body.detail).toContain('CDS_TIMEOUT_MS');
    expect(body.detail).not.toContain('soon-ish');
    expect(h.upstream.calls).toHaveLength(0);
    expect(await (await h.request('/healthz', { token: null })).json()).toEqual({ status: 'ok', configured: false });
  });
});
