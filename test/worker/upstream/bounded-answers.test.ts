import { describe, expect, it } from 'vitest';
import { exampleOf, jsonAnswer } from '../../helpers/fake-upstream';
import { harness } from '../../helpers/gateway-harness';

// Upstream answers are read as a stream and capped (CDS_MAX_RESPONSE_BYTES, default 8 MiB): a
// larger one is cancelled as soon as the cap is passed, never buffered whole.

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A streaming answer of `total` bytes made on demand (no 60 MB string); `pulled` counts what was read. */
function hugeAnswer(total: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += CHUNK;
      controller.enqueue(chunk.slice());
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { state, response: new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', ...headers } }) };
}

type Problem = { code: string; detail: string };

describe('bounded upstream answers', () => {
  it('a 60 MB answer → 502 UpstreamBadResponse; the stream is cancelled just past the 8 MiB cap', async () => {
    const h = harness();
    const huge = hugeAnswer(60 * MiB);
    h.upstream.on('DescribeInstance', () => huge.response);
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('UpstreamBadResponse');
    expect(body.detail).toContain('CDS_MAX_RESPONSE_BYTES');
    expect(huge.state.cancelled).toBe(true);
    expect(huge.state.pulled).toBeLessThanOrEqual(8 * MiB + 2 * CHUNK);
  });

  it('a Content-Length over the cap is refused before reading', async () => {
    const h = harness({ CDS_MAX_RESPONSE_BYTES: String(MiB) });
    const huge = hugeAnswer(60 * MiB, { 'Content-Length': String(60 * MiB) });
    h.upstream.on('DescribeInstance', () => huge.response);
    expect((await h.request('/v1/instances/ins-1')).status).toBe(502);
    expect(huge.state.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it('the cap is configurable; an answer at the cap is read, one byte more is refused', async () => {
    const answer = JSON.stringify(exampleOf('DescribeInstance'));
    const size = new TextEncoder().encode(answer).byteLength;
    const at = harness({ CDS_MAX_RESPONSE_BYTES: String(size) });
    at.upstream.on('DescribeInstance', () => new Response(answer, { headers: { 'Content-Type': 'application/json' } }));
    expect((await at.request('/v1/instances/ins-1')).status).toBe(200);
    const over = harness({ CDS_MAX_RESPONSE_BYTES: String(size - 1) });
    over.upstream.on('DescribeInstance', () => new Response(answer, { headers: { 'Content-Type': 'application/json' } }));
    expect((await over.request('/v1/instances/ins-1')).status).toBe(502);
  });

  it('the DescribeTaskEvent /ebs/v1 fallback is capped too', async () => {
    const h = harness();
    const huge = hugeAnswer(60 * MiB);
    h.upstream.on('/ecs/v1 DescribeEvent', () => jsonAnswer({ Code: 'EventNotFound', Msg: 'no', RequestId: 'req-1' }, 404));
    h.upstream.on('/ebs/v1 DescribeEvent', () => huge.response);
    const res = await h.request('/v1/events/ev-1');
    expect(res.status).toBe(502);
    expect(((await res.json()) as Problem).code).toBe('UpstreamBadResponse');
    expect(h.upstream.calls.map((c) => c.path)).toEqual(['/ecs/v1', '/ebs/v1']);
    expect(huge.state.cancelled).toBe(true);
    expect(huge.state.pulled).toBeLessThanOrEqual(8 * MiB + 2 * CHUNK);
  });
});
