import { describe, expect, it, vi } from 'vitest';
import type { EcsApi } from '../../../openapi/ecs-api';
import type { Problem } from '../../../openapi/models';
import { createGatewayApp } from '../../../worker/app';
import { FakeUpstream, exampleOf, jsonAnswer } from '../../helpers/fake-upstream';
import { TIMEOUT_MS, WRITE_TOKEN, harness, json } from '../../helpers/gateway-harness';

// Upstream answers and failures → HTTP status and problem+json (docs/architecture.md, error mapping).


async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(res.status);
  expect(body.requestId).toBe(res.headers.get('X-Request-Id'));
  expect(body.type).toBe(`/problems/${body.code}`); // the gateway's own page of the code
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|Error:/); // no stack trace
  return body;
}

const errorCases: { name: string; status: number; body: unknown; expect: number; code: string }[] = [
  { name: 'InstanceNotFound (table)', status: 404, body: { Code: 'InstanceNotFound', Msg: 'no such instance', RequestId: 'u1' }, expect: 404, code: 'InstanceNotFound' },
  { name: 'InvalidInstanceStatus (table)', status: 409, body: { Code: 'InvalidInstanceStatus', Msg: 'ins-1 is shutdown', RequestId: 'u1' }, expect: 409, code: 'InvalidInstanceStatus' },
  { name: 'InvalidParameter (table)', status: 400, body: { Code: 'InvalidParameter', Msg: 'bad', RequestId: 'u1' }, expect: 400, code: 'InvalidParameter' },
  { name: 'MissingParameter (table)', status: 400, body: { Code: 'MissingParameter', Msg: 'EcsId', RequestId: 'u1' }, expect: 400, code: 'MissingParameter' },
  { name: 'UnsupportedOperation (table)', status: 400, body: { Code: 'UnsupportedOperation', Msg: 'no', RequestId: 'u1' }, expect: 400, code: 'UnsupportedOperation' },
  { name: 'unknown *NotFound (shape)', status: 400, body: { Code: 'VpcNotFound', Msg: 'no vpc', RequestId: 'u1' }, expect: 404, code: 'VpcNotFound' },
  { name: 'unknown *Status (shape)', status: 400, body: { Code: 'WrongEipStatus', Msg: 'busy', RequestId: 'u1' }, expect: 409, code: 'WrongEipStatus' },
  { name: 'unknown Invalid* (shape)', status: 400, body: { Code: 'InvalidEcsIds', Msg: 'bad ids', RequestId: 'u1' }, expect: 400, code: 'InvalidEcsIds' },
  { name: 'unknown Missing* (shape)', status: 400, body: { Code: 'MissingEcsIds', Msg: 'no ids', RequestId: 'u1' }, expect: 400, code: 'MissingEcsIds' },
  { name: 'unknown code on 409', status: 409, body: { Code: 'Busy', Msg: 'busy', RequestId: 'u1' }, expect: 409, code: 'Busy' },
  { name: 'unknown code on 500', status: 500, body: { Code: 'Oops', Msg: 'oops', RequestId: 'u1' }, expect: 502, code: 'Oops' },
  { name: 'InternalError envelope on 500', status: 500, body: { Code: 'InternalError', Msg: 'boom', RequestId: 'u1' }, expect: 502, code: 'InternalError' },
  { name: 'an Invalid* code on 500 is still an upstream failure', status: 500, body: { Code: 'InvalidBackendState', Msg: 'x', RequestId: 'u1' }, expect: 502, code: 'InvalidBackendState' },
  { name: 'a *NotFound code on 503 is still an upstream failure', status: 503, body: { Code: 'BackendNotFound', Msg: 'x', RequestId: 'u1' }, expect: 502, code: 'BackendNotFound' },
  { name: 'InvalidAction: the gateway built a call the upstream does not know', status: 400, body: { Code: 'InvalidAction', Msg: 'unknown Action', RequestId: 'u1' }, expect: 502, code: 'InvalidAction' },
  { name: 'throttled (429) stays 429', status: 429, body: { Code: 'Throttling', Msg: 'slow down', RequestId: 'u1' }, expect: 429, code: 'Throttling' },
  { name: 'HTTP 200 with an error code', status: 200, body: { Code: 'InvalidInstanceStatus', Msg: 'ins-1 is running', RequestId: 'u1' }, expect: 409, code: 'InvalidInstanceStatus' },
  { name: 'HTTP 200 with a lower-case error envelope', status: 200, body: { code: 'InstanceNotFound', Message: 'gone', RequestId: 'u1' }, expect: 404, code: 'InstanceNotFound' },
  { name: 'HTTP 200 with an unknown failure code', status: 200, body: { Code: 'Failed', Msg: 'failed', RequestId: 'u1' }, expect: 502, code: 'Failed' },
];

describe('upstream business errors keep their code', () => {
  for (const c of errorCases) {
    it(`${c.name} → ${c.expect}`, async () => {
      const h = harness();
      h.upstream.on('OperateInstance', () => jsonAnswer(c.body, c.status));
      const res = await h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'start_up_ecs' }) });
      expect(res.status).toBe(c.expect);
      const problem = await problemOf(res);
      expect(problem.code).toBe(c.code);
      expect(res.headers.get('X-Upstream-Request-Id')).toBe('u1');
      expect(h.upstream.calls).toHaveLength(1); // POST: never retried
    });
  }

  it('a throttled call (429) tells the caller when to retry', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'Throttling', Msg: 'slow down', RequestId: 'u1' }, 429));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect((await problemOf(res)).code).toBe('Throttling');
  });

  it('a gone disk (InvalidParameter, 云盘信息不存在: the upstream quirk) → 404 DiskNotFound, upstream message as the detail', async () => {
    const h = harness();
    h.upstream.on('DescribeDisk', () => jsonAnswer({ Code: 'InvalidParameter', Msg: '云盘信息不存在', RequestId: 'u3' }, 400));
    const res = await h.request('/v1/disks/disk-gone');
    expect(res.status).toBe(404);
    const problem = await problemOf(res);
    expect([problem.code, problem.title, problem.detail]).toEqual(['DiskNotFound', 'Disk not found', '云盘信息不存在']);
    // Any other InvalidParameter stays a 400 InvalidParameter.
    h.upstream.on('DescribeDisk', () => jsonAnswer({ Code: 'InvalidParameter', Msg: 'DiskId: bad', RequestId: 'u4' }, 400));
    const bad = await h.request('/v1/disks/disk-x');
    expect([bad.status, (await problemOf(bad)).code]).toEqual([400, 'InvalidParameter']);
  });

  it('the upstream message is the detail', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ code: 'InstanceNotFound', Message: 'ins-9 does not exist', RequestId: 'u2' }, 404));
    const problem = await problemOf(await h.request('/v1/instances/ins-9'));
    expect(problem.detail).toBe('ins-9 does not exist');
  });
});

describe("upstream refusing the gateway's credentials → 502", () => {
  for (const code of ['SignatureDoesNotMatch', 'InvalidAccessKeyId', 'RequestExpired', 'SignatureNonceUsed']) {
    it(code, async () => {
      const h = harness();
      h.upstream.on('DescribeRegions', () => jsonAnswer({ Code: code, Msg: `stringToSign was GET&%2F&...`, RequestId: 'u3' }, 403));
      const res = await h.request('/v1/regions');
      expect(res.status).toBe(502);
      const problem = await problemOf(res);
      expect(problem.code).toBe(code);
      expect(problem.detail).toContain("gateway's own request");
      expect(problem.detail).toContain('CDS_SECRET_ID / CDS_SECRET_KEY');
      expect(problem.detail).not.toContain(h.env.CDS_SECRET_ID!);
      expect(h.upstream.calls).toHaveLength(1); // 403 is not retried
    });
  }

  it('a wrong secret key fails the fake upstream signature check and ends 502 SignatureDoesNotMatch', async () => {
    const h = harness({ CDS_SECRET_KEY: 'wrong-secret' });
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('SignatureDoesNotMatch');
    expect(h.upstream.calls[0]!.signatureValid).toBe(false);
  });
});

describe('transport failures', () => {
  it(`a hanging upstream → 504 UpstreamTimeout within CDS_TIMEOUT_MS (${TIMEOUT_MS} ms)`, async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', FakeUpstream.hang);
    const started = Date.now();
    const res = await h.request('/v1/instances/ins-1');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect((await problemOf(res)).code).toBe('UpstreamTimeout');
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 300);
    expect(h.upstream.calls).toHaveLength(1); // a timeout is not retried: the deadline is spent
  });

  it('DescribeTaskEvent: the /ecs/v1 lookup and the /ebs/v1 fallback share one CDS_TIMEOUT_MS', async () => {
    const timeoutMs = 1000;
    const h = harness({ CDS_TIMEOUT_MS: String(timeoutMs) });
    const slowNotFound = async () => {
      await new Promise((r) => setTimeout(r, timeoutMs * 0.8));
      return new Response(JSON.stringify({ Code: 'EventNotFound', Msg: 'not here', RequestId: 'u1' }), { status: 404 });
    };
    h.upstream.on('/ecs/v1 DescribeEvent', slowNotFound).on('/ebs/v1 DescribeEvent', FakeUpstream.hang);
    const started = Date.now();
    const res = await h.request('/v1/events/ev-1');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(h.upstream.calls.map((c) => c.path)).toEqual(['/ecs/v1', '/ebs/v1']);
    // One deadline: ~1 × the timeout. Two separate ones would take ~1.8 ×.
    expect(elapsed).toBeLessThan(timeoutMs * 1.4);
  });

  it('an upstream that sends headers and then stalls the body → 504', async () => {
    const h = harness();
    h.upstream.on('DescribeRegions', (_call, signal) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"Code":"Success",'));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(body, { status: 200 });
    });
    const res = await h.request('/v1/regions');
    expect(res.status).toBe(504);
  });

  it('a hanging POST → 504 too, one call', async () => {
    const h = harness();
    h.upstream.on('ExtendDisk', FakeUpstream.hang);
    const res = await h.request('/v1/disks/disk-1/extend', { method: 'POST', body: json({ ExtendedSize: 64 }) });
    expect(res.status).toBe(504);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('an unreadable body (HTTP 200, not JSON) → 502 UpstreamBadResponse', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => new Response('{"code":"Success", "Data": {', { status: 200 }));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('UpstreamBadResponse');
  });

  it('HTTP 200 JSON without any code → 502 UpstreamBadResponse', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Data: {} }));
    expect((await problemOf(await h.request('/v1/instances/ins-1'))).code).toBe('UpstreamBadResponse');
  });

  it('Success whose Data has the wrong shape → 502 UpstreamBadResponse', async () => {
    const h = harness();
    h.upstream.on('DescribeRegions', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { not: 'a list' } }));
    expect((await problemOf(await h.request('/v1/regions'))).code).toBe('UpstreamBadResponse');
  });

  it('a 5xx without an envelope (HTML) → 502 UpstreamBadResponse', async () => {
    const h = harness();
    h.upstream.on('OperateInstance', () => new Response('<html>Bad Gateway</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'start_up_ecs' }) });
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('UpstreamBadResponse');
  });

  it('GET on 503 is retried at most twice, then 502 with the upstream code', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'ServiceUnavailable', Msg: 'try later', RequestId: 'u5' }, 503));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('ServiceUnavailable');
    expect(h.upstream.calls).toHaveLength(3);
  });

  it('GET on 502 / 504 without envelope is retried and may recover', async () => {
    const h = harness();
    let n = 0;
    h.upstream.on('DescribeInstance', () => (++n === 1 ? new Response('', { status: 502 }) : n === 2 ? new Response('', { status: 504 }) : jsonAnswer({ ...exampleOf('DescribeInstance'), RequestId: 'ok' })));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(200);
    expect(h.upstream.calls.filter((c) => c.action === 'DescribeInstance')).toHaveLength(3);
  });

  it('POST on 503 is not retried', async () => {
    const h = harness();
    h.upstream.on('ModifyInstanceName', () => jsonAnswer({ Code: 'ServiceUnavailable', Msg: 'later' }, 503));
    const res = await h.request('/v1/instances/ins-1', { method: 'PATCH', body: json({ Name: 'x' }) });
    expect(res.status).toBe(502);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('a network error on GET is retried twice, then 502 UpstreamUnreachable', async () => {
    const h = harness();
    h.upstream.on('DescribeRegions', () => {
      throw new TypeError('Network connection lost.');
    });
    const res = await h.request('/v1/regions');
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('UpstreamUnreachable');
    expect(h.upstream.calls).toHaveLength(3);
  });

  it('a network error on POST is not retried', async () => {
    const h = harness();
    h.upstream.on('ChangeInstanceConfigure', () => {
      throw new TypeError('Network connection lost.');
    });
    const res = await h.request('/v1/instances/change-spec', {
      method: 'POST',
      body: json({ EcsIds: ['ins-1'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'C4', Cpu: 2, Ram: 4 }),
    });
    expect(res.status).toBe(502);
    expect((await problemOf(res)).code).toBe('UpstreamUnreachable');
    expect(h.upstream.calls).toHaveLength(1);
  });
});

describe('gateway errors', () => {
  it('an unknown path → 404 NotFound problem with X-Request-Id', async () => {
    const res = await harness().request('/v2/nothing', { token: null });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('NotFound');
  });

  it('an unexpected exception → 500 InternalError without its message or stack', async () => {
    const failing = new Proxy({} as EcsApi, {
      get: () => () => {
        throw new Error('kaboom at secret place');
      },
    });
    const app = createGatewayApp({ ecsApiFactory: () => failing });
    const h = harness();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/v1/instances/ins-1', { headers: { Authorization: `Bearer ${WRITE_TOKEN}` } }, h.env);
    expect(res.status).toBe(500);
    const problem = await problemOf(res);
    expect(problem.code).toBe('InternalError');
    expect(JSON.stringify(problem)).not.toContain('kaboom');
    // One log line with the request id, not the message.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(logged.mock.calls[0]![0]))).toEqual({ level: 'error', requestId: problem.requestId, error: 'Error' });
    logged.mockRestore();
  });
});

describe('X-Request-Id', () => {
  it('keeps a sane incoming id', async () => {
    const res = await harness().request('/healthz', { headers: { 'X-Request-Id': 'trace-123:abc.DEF_9' }, token: null });
    expect(res.headers.get('X-Request-Id')).toBe('trace-123:abc.DEF_9');
  });

  it('replaces an unsafe or overlong incoming id with a UUID', async () => {
    for (const bad of ['has space', 'x'.repeat(129), '<script>', 'a,b']) {
      const res = await harness().request('/v1/regions', { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('is on error answers too, and matches the problem body', async () => {
    const res = await harness().request('/v1/regions', { token: null, headers: { 'X-Request-Id': 'abc' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('X-Request-Id')).toBe('abc');
    expect(((await res.json()) as Problem).requestId).toBe('abc');
  });
});

describe('paths and methods the gateway does not serve', () => {
  it('an unknown path → 404 problem', async () => {
    const h = harness();
    const res = await h.request('/v1/volumes');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('NotFound');
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('a known path with another method → 405 problem with Allow', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-1', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, PATCH');
    expect((await problemOf(res)).code).toBe('MethodNotAllowed');

    const put = await h.request('/v1/regions', { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('Allow')).toBe('GET, HEAD');

    // Not a mutating route, so no Idempotency-Key record: the answer is never replayed.
    for (let i = 0; i < 2; i++) {
      const keyed = await h.request('/v1/instances/ins-1', { method: 'PUT', body: '{}', headers: { 'Idempotency-Key': 'k-405' } });
      expect(keyed.status).toBe(405);
      expect(keyed.headers.get('Idempotent-Replayed')).toBeNull();
    }

    const get = await h.request('/v1/disks/disk-1/extend');
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    expect(h.upstream.calls).toHaveLength(0);
  });
});
