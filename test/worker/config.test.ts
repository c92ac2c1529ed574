import { describe, expect, it } from 'vitest';
import { DEFAULTS, cacheTtls, upstreamSettings } from '../../worker/config';

describe('configuration (DESIGN 3.1, 5)', () => {
  it('falls back to the documented defaults when a setting is absent', () => {
    expect(upstreamSettings({})).toEqual({ schema: 'https', host: 'api.capitalonline.net', timeoutMs: 10_000 });
    expect(cacheTtls({})).toEqual({ regions: 3600, families: 600, images: 600 });
    expect(DEFAULTS.timeoutMs).toBe(10_000);
  });

  it('reads the settings that are given', () => {
    expect(upstreamSettings({ CDS_API_HOST: '127.0.0.1:8788', CDS_API_SCHEMA: 'http', CDS_TIMEOUT_MS: '1500' })).toEqual({
      schema: 'http',
      host: '127.0.0.1:8788',
      timeoutMs: 1500,
    });
    expect(cacheTtls({ REGIONS_TTL_S: '2', FAMILIES_TTL_S: '30', IMAGES_TTL_S: '45' })).toEqual({ regions: 2, families: 30, images: 45 });
  });

  it('ignores values that are empty, not numbers or not positive', () => {
    for (const bad of ['', ' ', 'abc', '0', '-5', 'NaN', 'Infinity']) {
      expect(upstreamSettings({ CDS_TIMEOUT_MS: bad }).timeoutMs).toBe(10_000);
      expect(cacheTtls({ REGIONS_TTL_S: bad }).regions).toBe(3600);
    }
    expect(upstreamSettings({ CDS_API_HOST: '', CDS_API_SCHEMA: '' })).toMatchObject({ host: 'api.capitalonline.net', schema: 'https' });
  });
});
