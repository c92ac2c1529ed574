import { describe, expect, it } from 'vitest';
import { strongEtag } from '../../../worker/cache/etag';
import { harness, json, READ_TOKEN } from '../../helpers/gateway-harness';

// Every JSON and problem+json answer ends with exactly one newline (curl output must not run into
// the prompt), and a cached answer's ETag is the hash of the very bytes sent.

async function textOf(res: Response): Promise<string> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/(problem\+)?json/);
  expect(res.headers.get('Content-Length')).toBeNull(); // never the length of the body before the newline
  return res.text();
}

const endsWithOneNewline = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
  JSON.parse(text); // still one JSON value
};

describe('JSON answers end with a newline', () => {
  it('200, 202, problem+json of every layer, /healthz and /openapi.json', async () => {
    const h = harness();
    const answers = await Promise.all([
      h.request('/v1/instances'), // 200 through upstream
      h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }) }), // 202
      h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: [], OpType: 'x' }) }), // 400 validation
      h.request('/v1/instances', { token: null }), // 401 from auth
      h.request('/v1/instances/operate', { method: 'POST', token: READ_TOKEN, body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }) }), // 403
      h.request('/v1/nowhere'), // 404 not found
      h.request('/v1/instances/operate', { method: 'GET' }), // 405
      h.request('/healthz', { token: null }),
      h.request('/openapi.json', { token: null }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 202, 400, 401, 403, 404, 405, 200, 200]);
    for (const res of answers) endsWithOneNewline(await textOf(res));
  });

  it('an upstream error mapped to problem+json, and an Idempotency-Key replay, end with one newline', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => new Response(JSON.stringify({ Code: 'InstanceNotFound', Msg: 'no such instance', RequestId: 'r' }), { status: 200 }));
    const notFound = await h.request('/v1/instances/ins-gone');
    expect(notFound.status).toBe(404);
    endsWithOneNewline(await textOf(notFound));

    const init = { method: 'POST', headers: { 'Idempotency-Key': `k-${crypto.randomUUID()}` }, body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }) };
    const first = await textOf(await h.request('/v1/instances/operate', init));
    const replay = await h.request('/v1/instances/operate', init);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    const replayed = await textOf(replay);
    endsWithOneNewline(replayed);
    expect(replayed).toBe(first);
  });

  it('a cached answer (MISS and HIT) has the newline, and its ETag is the SHA-256 of the bytes sent', async () => {
    const h = harness();
    for (const expected of ['MISS', 'HIT']) {
      const res = await h.request('/v1/regions');
      expect(res.headers.get('X-Cache')).toBe(expected);
      const text = await textOf(res);
      endsWithOneNewline(text);
      expect(res.headers.get('ETag')).toBe(await strongEtag(text));
    }
    const notModified = await h.request('/v1/regions', { headers: { 'If-None-Match': (await h.request('/v1/regions')).headers.get('ETag')! } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });
});
