import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleOf, jsonAnswer } from '../../helpers/fake-upstream';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createGatewayApp, signedEcsClientFromEnv } from '../../../worker/app';
import { READ_TOKEN, harness } from '../../helpers/gateway-harness';

// The gateway checks upstream Data against the response schema it documents, after answering:
// a drifted shape logs one `upstream_contract_drift` line naming the paths (never the values),
// and the answer is what it would have been without the check.

afterEach(() => vi.restoreAllMocks());

function driftLines(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.includes('upstream_contract_drift'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('contract drift', () => {
  it('a drifted DescribeInstance answer: one drift line naming the paths, no values, the answer unchanged', async () => {
    const h = harness();
    const answer = exampleOf('DescribeInstance');
    const data = answer.Data as Record<string, unknown>;
    data.Status = 987654321; // a number where the document says a status code
    delete data.EcsName;
    h.upstream.on('DescribeInstance', () => jsonAnswer(answer));
    const log = vi.spyOn(console, 'log');
    // Not through h.request: the harness refuses answers that do not match the document.
    const app = createGatewayApp({ ecsApiFactory: (e) => signedEcsClientFromEnv(e, { fetch: h.upstream.fetch }) });
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request('https://gateway.test/v1/instances/ins-1', { headers: { Authorization: `Bearer ${READ_TOKEN}` } }), h.env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(data);
    const lines = driftLines(log);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ event: 'upstream_contract_drift', operationId: 'DescribeInstance', status: 200 });
    expect((line!.paths as { path: string }[]).map((p) => p.path).sort()).toEqual(['EcsName', 'Status']);
    expect(JSON.stringify(line)).not.toContain('987654321');
  });

  it('an answer that matches the document logs nothing', async () => {
    const h = harness();
    const log = vi.spyOn(console, 'log');
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(200);
    expect(driftLines(log)).toEqual([]);
  });

  it('a drifted reference answer is checked when it comes from upstream (MISS), not again on each cache HIT', async () => {
    const h = harness();
    const answer = exampleOf('DescribeRegions');
    (answer.Data as Record<string, unknown>[])[0]!.RegionGroupName = 42;
    h.upstream.on('DescribeRegions', () => jsonAnswer(answer));
    const log = vi.spyOn(console, 'log');
    const app = createGatewayApp({ ecsApiFactory: (e) => signedEcsClientFromEnv(e, { fetch: h.upstream.fetch }) });
    const caches: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request('https://gateway.test/v1/regions', { headers: { Authorization: `Bearer ${READ_TOKEN}` } }), h.env, ctx);
      await waitOnExecutionContext(ctx);
      caches.push(res.headers.get('X-Cache') ?? '');
    }
    expect(caches).toEqual(['MISS', 'HIT', 'HIT']);
    expect(driftLines(log)).toHaveLength(1);
  });
});
