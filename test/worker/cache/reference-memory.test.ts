import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createGatewayApp, signedEcsClientFromEnv } from '../../../worker/app';
import { ReferenceMemory } from '../../../worker/cache/reference-memory';
import { READ_TOKEN, harness } from '../../helpers/gateway-harness';

// The reference cache's memory beside KV belongs to one gateway app: apps sharing an isolate (the
// offline kit's stacks) never serve each other's copies, unless they are given the same memory.

describe('reference cache memory per app', () => {
  /** Two apps over one KV that never finds a copy (as right after an eviction): only memory can answer HIT. */
  function twoApps(memory?: { a: ReferenceMemory; b: ReferenceMemory }) {
    const h = harness();
    const env = { ...h.env, ECS_CACHE: { get: async () => null, put: async () => undefined } as unknown as KVNamespace };
    const app = (referenceMemory?: ReferenceMemory) => createGatewayApp({ referenceMemory, ecsApiFactory: (e, hooks) => signedEcsClientFromEnv(e, { ...hooks, fetch: h.upstream.fetch }) });
    const get = (a: ReturnType<typeof app>) => async () => {
      const ctx = createExecutionContext();
      const res = await a.fetch(new Request('https://gateway.test/v1/regions', { headers: { Authorization: `Bearer ${READ_TOKEN}` } }), env, ctx);
      await waitOnExecutionContext(ctx);
      return res.headers.get('X-Cache');
    };
    return { a: get(app(memory?.a)), b: get(app(memory?.b)) };
  }

  it('each app serves its own fresh copy and no other app\'s', async () => {
    const { a, b } = twoApps();
    expect(await a()).toBe('MISS');
    expect(await a()).toBe('HIT');
    expect(await b()).toBe('MISS');
  });

  it('apps given one memory share their copies', async () => {
    const shared = new ReferenceMemory();
    const { a, b } = twoApps({ a: shared, b: shared });
    expect(await a()).toBe('MISS');
    expect(await b()).toBe('HIT');
  });
});
