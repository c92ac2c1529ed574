import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { serveCachedReference } from '../../../worker/cache/reference-cache';
import { baseApp, TestClock, testEnv, unique } from '../../helpers/middleware-app';

// The hot path of a cached route: a fresh copy this isolate wrote itself is served without a KV read.

const TTL_S = 60;

describe('reference cache hot path', () => {
  it('serves its own fresh copy without reading KV; reads KV again once the copy is past its TTL', async () => {
    const clock = new TestClock();
    const item = unique('hot');
    let kvReads = 0;
    const real = testEnv.ECS_CACHE;
    const kv = {
      get: (key: string, type: 'json') => (kvReads++, real.get(key, type)),
      put: (...args: Parameters<KVNamespace['put']>) => real.put(...args),
    } as unknown as KVNamespace;
    const env = { ...testEnv, ECS_CACHE: kv };
    let loads = 0;
    const app = baseApp();
    app.get('/ref', (c) => serveCachedReference(c, { keyParts: ['hot', item], ttlSeconds: TTL_S, now: clock.now, load: async () => ({ body: { n: ++loads } }) }));
    const get = async () => {
      const ctx = createExecutionContext();
      const res = await app.request('/ref', {}, env, ctx);
      await waitOnExecutionContext(ctx);
      return res.headers.get('X-Cache');
    };

    expect(await get()).toBe('MISS');
    const afterMiss = kvReads;
    clock.advance(TTL_S - 1);
    expect([await get(), await get()]).toEqual(['HIT', 'HIT']);
    expect(kvReads).toBe(afterMiss);
    clock.advance(2);
    expect(await get()).toBe('STALE');
    expect(kvReads).toBe(afterMiss + 1);
    expect(loads).toBe(2);
  });
});
