import { describe, expect, it } from 'vitest';
import { harness } from '../../helpers/gateway-harness';

// `Cache-Control: no-cache` refreshes a cache key at most once per NO_CACHE_REFRESH_INTERVAL_S;
// the other requests of a storm are served from the copy.

const noCache = { headers: { 'Cache-Control': 'no-cache' }, token: 'read-token-1' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const regionCalls = (h: ReturnType<typeof harness>) => h.upstream.calls.filter((c) => c.action === 'DescribeRegions').length;

describe('no-cache storms', () => {
  it('a storm right after a fill makes no upstream call; all are served from the copy (HIT)', async () => {
    const h = harness({ NO_CACHE_REFRESH_INTERVAL_S: '60' });
    expect((await h.request('/v1/regions')).headers.get('X-Cache')).toBe('MISS');
    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push((await h.request('/v1/regions', noCache)).headers.get('X-Cache'));
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => h.request('/v1/regions', noCache)));
    expect(new Set([...sequential, ...concurrent.map((r) => r.headers.get('X-Cache'))])).toEqual(new Set(['HIT']));
    expect(regionCalls(h)).toBe(1);
  });

  it('after the interval, a storm collapses into one upstream call per window', async () => {
    const h = harness({ NO_CACHE_REFRESH_INTERVAL_S: '0.3' });
    await h.request('/v1/regions');
    for (let window = 1; window <= 2; window++) {
      await sleep(350);
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => h.request('/v1/regions', noCache)));
      for (let i = 0; i < 5; i++) concurrent.push(await h.request('/v1/regions', noCache));
      expect(concurrent.every((r) => r.status === 200)).toBe(true);
      expect(concurrent.filter((r) => r.headers.get('X-Cache') === 'MISS')).toHaveLength(1);
      expect(regionCalls(h)).toBe(1 + window);
    }
  });

  it('families keys are throttled one by one', async () => {
    const h = harness({ NO_CACHE_REFRESH_INTERVAL_S: '60' });
    const a = '/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0';
    const b = '/v1/families?AvailableZoneCode=CN_Suqian_A&BillingMethod=0';
    await h.request(a);
    await h.request(b);
    await Promise.all([a, b, a, b].map((p) => h.request(p, noCache)));
    expect(h.upstream.calls.filter((c) => c.action === 'DescribeEcsFamilyInfo')).toHaveLength(2);
  });

  it('NO_CACHE_REFRESH_INTERVAL_S=0 turns the limit off: every no-cache refreshes', async () => {
    const h = harness({ NO_CACHE_REFRESH_INTERVAL_S: '0' });
    await h.request('/v1/regions');
    for (let i = 0; i < 3; i++) expect((await h.request('/v1/regions', noCache)).headers.get('X-Cache')).toBe('MISS');
    expect(regionCalls(h)).toBe(4);
  });
});
