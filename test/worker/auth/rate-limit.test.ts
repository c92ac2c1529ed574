import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256 } from 'hono/utils/crypto';
import { harness, json } from '../../helpers/gateway-harness';

// Per-token rate limits through the Workers rate-limiting binding, as the Workers pool simulates
// it: TEST_RATE_LIMITER_3 (vitest.config.mts) allows 3 calls per key per 60 s.

const tiny = (env as unknown as { TEST_RATE_LIMITER_3: RateLimit }).TEST_RATE_LIMITER_3;
const wide = (env as unknown as { WRITE_RATE_LIMITER: RateLimit }).WRITE_RATE_LIMITER;

/** Fresh tokens per test: the limiter's counters live as long as the test run. */
function tokens() {
  const id = crypto.randomUUID();
  return { read: `r-${id}`, other: `o-${id}`, write: `w-${id}` };
}

/** The real binding, with the keys it was asked about recorded. */
function recording(limiter: RateLimit) {
  const keys: string[] = [];
  return { keys, limiter: { limit: (o: RateLimitOptions) => (keys.push(o.key), limiter.limit(o)) } as RateLimit };
}

describe('rate limits per token', () => {
  it('the fourth read within the window → 429 RateLimited with Retry-After, no upstream call; another token is not affected', async () => {
    const t = tokens();
    const h = harness({ READ_RATE_LIMITER: tiny, GATEWAY_TOKENS: `${t.read}:read,${t.other}:read` });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.request('/v1/instances/ins-1', { token: t.read })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await h.request('/v1/instances/ins-1', { token: t.read });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Content-Type')).toBe('application/problem+json');
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(await limited.json()).toMatchObject({ status: 429, code: 'RateLimited', type: '/problems/RateLimited' });
    // The zone-code join reads the regions once; the limited call reached nothing upstream.
    expect(h.upstream.calls.filter((c) => c.action === 'DescribeInstance')).toHaveLength(3);
    expect((await h.request('/v1/instances/ins-1', { token: t.other })).status).toBe(200);
  });

  it('reads and writes have their own limits (scopes)', async () => {
    const t = tokens();
    const h = harness({ READ_RATE_LIMITER: tiny, WRITE_RATE_LIMITER: wide, GATEWAY_TOKENS: `${t.write}:write` });
    for (let i = 0; i < 3; i++) await h.request('/v1/instances/ins-1', { token: t.write });
    expect((await h.request('/v1/instances/ins-1', { token: t.write })).status).toBe(429);
    const write = await h.request('/v1/instances/ins-1', { method: 'PATCH', token: t.write, body: json({ Name: 'web-02' }) });
    expect(write.status).toBe(200);
  });

  it('mutating calls are limited by the write binding', async () => {
    const t = tokens();
    const h = harness({ WRITE_RATE_LIMITER: tiny, GATEWAY_TOKENS: `${t.write}:write` });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.request('/v1/instances/ins-1', { method: 'PATCH', token: t.write, body: json({ Name: 'web-02' }) })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(h.upstream.calls).toHaveLength(3);
    expect((await h.request('/v1/instances/ins-1', { token: t.write })).status).toBe(200);
  });

  it('the key is a hash of the token, never the token', async () => {
    const t = tokens();
    const rec = recording(wide);
    const h = harness({ READ_RATE_LIMITER: rec.limiter, GATEWAY_TOKENS: `${t.read}:read` });
    await h.request('/v1/instances/ins-1', { token: t.read });
    expect(rec.keys).toEqual([(await sha256(t.read))!.slice(0, 32)]);
    expect(rec.keys[0]).not.toContain(t.read);
  });

  it('unauthenticated calls never reach the limiter (401 first)', async () => {
    const rec = recording(wide);
    const h = harness({ READ_RATE_LIMITER: rec.limiter });
    expect((await h.request('/v1/instances/ins-1', { token: 'not-a-token' })).status).toBe(401);
    expect(rec.keys).toHaveLength(0);
  });
});
