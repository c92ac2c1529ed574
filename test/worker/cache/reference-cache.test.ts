import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { EcsError } from '../../../openapi/ecs-api';
import { cacheKey, STALE_RETENTION_S } from '../../../worker/cache/cache-entry';
import { serveCachedReference } from '../../../worker/cache/reference-cache';
import { baseApp, deferred, TestClock, testEnv, unique } from '../../helpers/middleware-app';

const TTL_S = 60;

/** An upstream stand-in: counts calls, answers `body` (or throws `error`), can be held open. */
class FakeUpstream {
  calls = 0;
  body: unknown = { RegionGroups: [{ RegionGroupName: 'v1' }] };
  error: Error | undefined;
  gate: Promise<void> | undefined;
  load = async () => {
    this.calls += 1;
    if (this.gate) await this.gate;
    if (this.error) throw this.error;
    return { body: this.body, upstreamRequestId: `up-${this.calls}` };
  };
}

let clock: TestClock;
let upstream: FakeUpstream;
let item: string;

function app() {
  const a = baseApp();
  a.get('/ref/:item', (c) =>
    serveCachedReference(c, { keyParts: ['ref', c.req.param('item')], ttlSeconds: TTL_S, load: upstream.load, now: clock.now }),
  );
  return a;
}

async function get(headers: Record<string, string> = {}, ctx = createExecutionContext()) {
  const res = await app().request(`/ref/${item}`, { headers }, testEnv, ctx);
  return { res, ctx };
}

beforeEach(() => {
  clock = new TestClock();
  upstream = new FakeUpstream();
  item = unique('item');
});

describe('reference cache (KV)', () => {
  it('MISS fetches and stores, then HIT serves the copy without calling upstream', async () => {
    const first = (await get()).res;
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(first.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(first.headers.get('X-Upstream-Request-Id')).toBe('up-1');
    expect(await first.json()).toEqual(upstream.body);

    clock.advance(TTL_S - 1);
    const second = (await get()).res;
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(await second.json()).toEqual(upstream.body);
    expect(upstream.calls).toBe(1);
  });

  it('stores body, storedAt, etag and upstreamRequestId under ref:v2:<account>:<parts> for 7 days', async () => {
    const res = (await get()).res;
    const key = cacheKey('account-a', ['ref', item]);
    expect(key).toBe(`ref:v2:account-a:ref:${item}`);
    const stored = await testEnv.ECS_CACHE.getWithMetadata(key, 'json');
    expect(stored.value).toEqual({ body: upstream.body, storedAt: clock.ms, etag: res.headers.get('ETag'), upstreamRequestId: 'up-1' });
    const listed = await testEnv.ECS_CACHE.list({ prefix: key });
    const expiration = listed.keys[0]?.expiration ?? 0;
    // expirationTtl is relative to the real clock, not the test clock.
    expect(expiration * 1000 - Date.now()).toBeGreaterThan((STALE_RETENTION_S - 60) * 1000);
  });

  it('past the soft TTL serves STALE at once and refreshes in the background; then HIT with the new body', async () => {
    await get();
    clock.advance(TTL_S + 1);
    upstream.body = { RegionGroups: [{ RegionGroupName: 'v2' }] };

    const { res, ctx } = await get();
    expect(res.headers.get('X-Cache')).toBe('STALE');
    expect(await res.json()).toEqual({ RegionGroups: [{ RegionGroupName: 'v1' }] });
    expect(res.headers.get('Cache-Control')).toContain('max-age=0');
    await waitOnExecutionContext(ctx);
    expect(upstream.calls).toBe(2);

    const after = (await get()).res;
    expect(after.headers.get('X-Cache')).toBe('HIT');
    expect(await after.json()).toEqual(upstream.body);
    expect(upstream.calls).toBe(2);
  });

  it('background refreshes of one key are deduplicated', async () => {
    await get();
    clock.advance(TTL_S + 1);
    const gate = deferred();
    upstream.gate = gate.promise;
    const a = await get();
    const b = await get();
    expect(a.res.headers.get('X-Cache')).toBe('STALE');
    expect(b.res.headers.get('X-Cache')).toBe('STALE');
    gate.resolve();
    await Promise.all([waitOnExecutionContext(a.ctx), waitOnExecutionContext(b.ctx)]);
    expect(upstream.calls).toBe(2);
  });

  it('serves STALE-IF-ERROR when upstream fails and a copy exists', async () => {
    await get();
    clock.advance(TTL_S + 1);
    upstream.error = new EcsError('unreachable', 'UpstreamUnreachable', 'connection refused');
    // Forced refresh fails → the last good copy.
    const res = (await get({ 'Cache-Control': 'no-cache' })).res;
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Cache')).toBe('STALE-IF-ERROR');
    expect(await res.json()).toEqual(upstream.body);
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=0/);
    expect(upstream.calls).toBe(2);
  });

  it('a definitive upstream business error (4xx) is not masked by the copy', async () => {
    await get();
    upstream.error = new EcsError('business', 'InvalidAccessKeyId', 'revoked', 403);
    const res = (await get({ 'Cache-Control': 'no-cache' })).res;
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: 'InvalidAccessKeyId' });
  });

  it('rethrows the upstream error when no copy exists (the gateway maps it)', async () => {
    upstream.error = new EcsError('timeout', 'UpstreamTimeout', 'no answer');
    const res = (await get()).res;
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: 'UpstreamTimeout', kind: 'timeout' });
    expect(await testEnv.ECS_CACHE.get(cacheKey('account-a', ['ref', item]))).toBeNull();
  });

  it('answers If-None-Match with 304 (ETag, X-Cache, no body) and a mismatching tag with 200', async () => {
    const first = (await get()).res;
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const notModified = (await get({ 'If-None-Match': etag })).res;
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('ETag')).toBe(etag);
    expect(notModified.headers.get('X-Cache')).toBe('HIT');
    expect(notModified.headers.get('Cache-Control')).toMatch(/^private, max-age=\d+/);
    expect(await notModified.text()).toBe('');

    expect((await get({ 'If-None-Match': `"other", W/${etag}` })).res.status).toBe(304);
    const changed = (await get({ 'If-None-Match': '"not-the-tag"' })).res;
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).toBe(etag);
    expect(await changed.json()).toEqual(upstream.body);
  });

  it('a new body gets a new ETag', async () => {
    const etag1 = (await get()).res.headers.get('ETag');
    upstream.body = { RegionGroups: [] };
    const etag2 = (await get({ 'Cache-Control': 'no-cache' })).res.headers.get('ETag');
    expect(etag2).not.toBe(etag1);
  });

  it('Cache-Control: no-cache (or max-age=0, or Pragma: no-cache) forces a refresh answered as MISS', async () => {
    await get();
    upstream.body = { RegionGroups: [{ RegionGroupName: 'v2' }] };
    const res = (await get({ 'Cache-Control': 'no-cache' })).res;
    expect(res.headers.get('X-Cache')).toBe('MISS');
    expect(await res.json()).toEqual(upstream.body);
    expect((await get({ 'Cache-Control': 'max-age=0' })).res.headers.get('X-Cache')).toBe('MISS');
    expect((await get({ Pragma: 'no-cache' })).res.headers.get('X-Cache')).toBe('MISS');
    expect(upstream.calls).toBe(4);
    // The refreshed copy is what later readers get.
    expect((await get()).res.headers.get('X-Cache')).toBe('HIT');
    expect(upstream.calls).toBe(4);
  });

  it('never shares entries between two upstream accounts', async () => {
    await get({ 'X-Test-Account': 'account-a' });
    upstream.body = { RegionGroups: [{ RegionGroupName: 'other-account' }] };
    const b = (await get({ 'X-Test-Account': 'account-b' })).res;
    expect(b.headers.get('X-Cache')).toBe('MISS');
    expect(await b.json()).toEqual(upstream.body);
    const a = (await get({ 'X-Test-Account': 'account-a' })).res;
    expect(a.headers.get('X-Cache')).toBe('HIT');
    expect(await a.json()).toEqual({ RegionGroups: [{ RegionGroupName: 'v1' }] });
    expect(upstream.calls).toBe(2);
  });

  it('a lagging KV read (older copy) does not undo this isolate\'s refresh', async () => {
    await get();
    const key = cacheKey('account-a', ['ref', item]);
    const old = await testEnv.ECS_CACHE.get(key, 'text');
    clock.advance(TTL_S + 1);
    upstream.body = { RegionGroups: [{ RegionGroupName: 'v2' }] };
    const { ctx } = await get();
    await waitOnExecutionContext(ctx);
    // KV's per-location read cache may still hand out the old value for a while.
    await testEnv.ECS_CACHE.put(key, old!);
    const res = (await get()).res;
    expect(res.headers.get('X-Cache')).toBe('HIT');
    expect(await res.json()).toEqual(upstream.body);
    expect(upstream.calls).toBe(2);
  });

  it('concurrent misses for one key make one upstream call', async () => {
    const gate = deferred();
    upstream.gate = gate.promise;
    const pending = Promise.all([get(), get(), get(), get(), get()]);
    await new Promise((r) => setTimeout(r, 20));
    gate.resolve();
    const answers = await pending;
    expect(upstream.calls).toBe(1);
    for (const { res } of answers) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(upstream.body);
    }
  });

  it('tells clients what they may cache: private, remaining fresh seconds, SWR and stale-if-error', async () => {
    const miss = (await get()).res;
    expect(miss.headers.get('Cache-Control')).toBe(
      `private, max-age=${TTL_S}, stale-while-revalidate=${TTL_S}, stale-if-error=${STALE_RETENTION_S}`,
    );
    clock.advance(20);
    const hit = (await get()).res;
    expect(hit.headers.get('Cache-Control')).toBe(
      `private, max-age=${TTL_S - 20}, stale-while-revalidate=${TTL_S}, stale-if-error=${STALE_RETENTION_S - 20}`,
    );
  });
});
