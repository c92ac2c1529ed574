import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from 'hono/utils/crypto';
import type { AccessLogLine } from '../../../worker/http/access-log';
import { jsonAnswer } from '../../helpers/fake-upstream';
import { READ_TOKEN, SECRET_KEY, WRITE_TOKEN, harness, json } from '../../helpers/gateway-harness';

// Every request logs exactly one JSON line (console.log) with what happened, and nothing that was
// sent: no token, secret, body or query value. A problem answer's line carries its `code`.

let logged: string[];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const MARKER = 'marker-name-7f3a'; // a body value that must never reach the log
const tiny = (env as unknown as { TEST_RATE_LIMITER_3: RateLimit }).TEST_RATE_LIMITER_3;

/** Sends a request and returns its answer with the one line it logged. */
async function logOf(send: () => Promise<Response>): Promise<{ res: Response; line: AccessLogLine }> {
  const before = logged.length;
  const res = await send();
  const lines = logged.slice(before);
  expect(lines, lines.join('\n')).toHaveLength(1);
  const line = JSON.parse(lines[0]!) as AccessLogLine;
  expect(line).toMatchObject({ msg: 'request', requestId: res.headers.get('X-Request-Id'), status: res.status });
  expect(typeof line.durationMs).toBe('number');
  return { res, line };
}

describe('one structured log line per request', () => {
  it('covers every route, errors included, and never holds a token, secret, body or query value', async () => {
    const t = `t-${crypto.randomUUID()}`; // its own token: the tiny limiter counts per token
    const h = harness({ GATEWAY_TOKENS: `${READ_TOKEN}:read, ${WRITE_TOKEN}:write, ${t}:read`, READ_RATE_LIMITER: undefined });
    const writeId = (await sha256(WRITE_TOKEN))!.slice(0, 12);
    const key = { 'Idempotency-Key': `key-${crypto.randomUUID()}` };

    const regions = await logOf(() => h.request('/v1/regions'));
    expect(regions.line).toMatchObject({ method: 'GET', route: '/v1/regions', operationId: 'DescribeRegions', tokenId: writeId, cache: 'MISS' });
    expect(regions.line.upstream).toEqual([{ action: 'DescribeRegions', attempts: 1, status: 200, durationMs: expect.any(Number) }]);
    const hit = await logOf(() => h.request('/v1/regions'));
    expect(hit.line).toMatchObject({ cache: 'HIT' });
    expect(hit.line.upstream).toBeUndefined();

    const cases: [string, () => Promise<Response>, Partial<AccessLogLine>][] = [
      ['families', () => h.request(`/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0`), { operationId: 'DescribeEcsFamilyInfo', route: '/v1/families' }],
      ['list', () => h.request(`/v1/instances?SearchInfo=${MARKER}`), { operationId: 'DescribeInstanceList', status: 200, code: undefined }],
      ['describe', () => h.request('/v1/instances/ins-1'), { operationId: 'DescribeInstance', route: '/v1/instances/:EcsId' }],
      ['rename', () => h.request('/v1/instances/ins-1', { method: 'PATCH', body: json({ Name: MARKER }) }), { operationId: 'ModifyInstanceName', status: 200 }],
      ['operate', () => h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }), headers: key }), { operationId: 'OperateInstance', status: 202, idempotency: 'stored' }],
      ['replay', () => h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }), headers: key }), { status: 202, idempotency: 'replayed' }],
      ['change-spec', () => h.request('/v1/instances/change-spec', { method: 'POST', body: json({ EcsIds: ['ins-1'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'C4', Cpu: 4, Ram: 8 }) }), { operationId: 'ChangeInstanceConfigure' }],
      ['extend', () => h.request('/v1/disks/disk-1/extend', { method: 'POST', body: json({ ExtendedSize: 96 }) }), { operationId: 'ExtendDisk', route: '/v1/disks/:DiskId/extend' }],
      ['event', () => h.request('/v1/events/ev-1'), { operationId: 'DescribeTaskEvent' }],
      ['healthz', () => h.request('/healthz', { token: null }), { route: '/healthz', status: 200 }],
      ['openapi', () => h.request('/openapi.json', { token: null }), { route: '/openapi.json', status: 200 }],
      ['401', () => h.request('/v1/instances/ins-1', { token: `wrong-${MARKER}` }), { status: 401, tokenId: undefined, code: 'InvalidToken' }],
      ['403', () => h.request('/v1/instances/ins-1', { method: 'PATCH', token: READ_TOKEN, body: json({ Name: MARKER }) }), { status: 403, code: 'InsufficientScope' }],
      ['400', () => h.request('/v1/disks/disk-1/extend', { method: 'POST', body: json({ ExtendedSize: 7, Note: MARKER }) }), { status: 400, operationId: 'ExtendDisk', code: 'ValidationFailed' }],
      ['404', () => h.request(`/v1/${MARKER}`), { status: 404, route: undefined, operationId: undefined, code: 'NotFound' }],
      ['405', () => h.request('/v1/instances/ins-1', { method: 'DELETE' }), { status: 405, route: undefined, code: 'MethodNotAllowed' }],
      ['413', () => h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['x'.repeat(70_000)], OpType: MARKER }) }), { status: 413, code: 'PayloadTooLarge' }],
    ];
    for (const [name, send, expected] of cases) {
      const { line } = await logOf(send);
      // toMatchObject needs a key for `undefined`; JSON drops it: compare field by field.
      for (const [field, value] of Object.entries(expected)) expect(line[field as keyof AccessLogLine], `${name}: ${field}`).toEqual(value);
    }

    // Upstream failures: the action, every attempt and how the last one ended.
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'ServiceUnavailable', Msg: 'busy' }, 503));
    const failed = await logOf(() => h.request('/v1/instances/ins-2'));
    expect(failed.line).toMatchObject({ status: 502, code: 'ServiceUnavailable', upstream: [{ action: 'DescribeInstance', attempts: 3, status: 503 }] });
    h.upstream.on('DescribeInstance', (_call, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const timedOut = await logOf(() => h.request('/v1/instances/ins-3'));
    expect(timedOut.line).toMatchObject({ status: 504, code: 'UpstreamTimeout', upstream: [{ action: 'DescribeInstance', status: 'timeout' }] });

    // 429 from the rate limiter.
    const limited = harness({ GATEWAY_TOKENS: `${t}:read`, READ_RATE_LIMITER: tiny });
    for (let i = 0; i < 3; i++) await limited.request('/v1/instances/ins-1', { token: t });
    const tooMany = await logOf(() => limited.request('/v1/instances/ins-1', { token: t }));
    expect(tooMany.line).toMatchObject({ status: 429, code: 'RateLimited', tokenId: (await sha256(t))!.slice(0, 12) });

    const all = logged.join('\n');
    for (const secret of [READ_TOKEN, WRITE_TOKEN, t, SECRET_KEY, h.env.CDS_SECRET_ID!, MARKER, 'ExtendedSize', 'SearchInfo', key['Idempotency-Key']]) {
      expect(all, `the log holds ${secret}`).not.toContain(secret);
    }
    // Only the 12-digit token ids, never a full hash that could serve as a key elsewhere.
    expect(all).not.toContain((await sha256(WRITE_TOKEN))!);
  });

  it('ACCESS_LOG=off silences the line; an unconfigured gateway logs its 500 all the same', async () => {
    const quiet = harness({ ACCESS_LOG: 'off' });
    expect((await quiet.request('/v1/regions')).status).toBe(200);
    expect(logged.filter((l) => l.startsWith('{"msg":"request"'))).toEqual([]);
    const broken = harness({ ACCESS_LOG: 'off', CDS_SECRET_KEY: undefined });
    const { line } = await logOf(() => broken.request('/v1/regions'));
    expect(line.status).toBe(500);
  });
});
