import { describe, expect, it } from 'vitest';
import { harness, json } from '../../helpers/gateway-harness';

/** A gateway-made X-Request-Id (crypto.randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Every validation rule answers 400 problem+json (code ValidationFailed) naming the failing
// paths, and the upstream is never called.

interface Case {
  name: string;
  method?: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  paths: string[];
  /** The exact message expected at some of those paths: a refusal says what the rule is. */
  messages?: Record<string, string>;
}

const ID_RULE = "1–128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

const op = { EcsIds: ['ins-1'], OpType: 'restart_ecs' };
const spec = { EcsIds: ['ins-1'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, Gpu: 0 };

const cases: Case[] = [
  // OperateInstance
  { name: 'OpType missing', method: 'POST', path: '/v1/instances/operate', body: { EcsIds: ['ins-1'] }, paths: ['body.OpType'] },
  { name: 'OpType not one of the five', method: 'POST', path: '/v1/instances/operate', body: { ...op, OpType: 'reboot' }, paths: ['body.OpType'],
    messages: { 'body.OpType': 'expected one of "start_up_ecs", "shutdown_ecs", "hard_shutdown_ecs", "restart_ecs", "free_shutdown_ecs" (got string "reboot")' } },
  { name: 'DeleteEip not 0 or 1', method: 'POST', path: '/v1/instances/operate', body: { ...op, DeleteEip: 2 }, paths: ['body.DeleteEip'] },
  { name: 'DeleteEip as a string', method: 'POST', path: '/v1/instances/operate', body: { ...op, DeleteEip: '1' }, paths: ['body.DeleteEip'], messages: { 'body.DeleteEip': 'expected 0 or 1 (got string "1")' } },
  { name: 'DeleteEip as a boolean', method: 'POST', path: '/v1/instances/delete', body: { EcsIds: ['ins-1'], DeleteEip: true }, paths: ['body.DeleteEip'], messages: { 'body.DeleteEip': 'expected 0 or 1 (got boolean true)' } },
  { name: 'EcsIds empty', method: 'POST', path: '/v1/instances/operate', body: { ...op, EcsIds: [] }, paths: ['body.EcsIds'] },
  { name: 'EcsIds missing', method: 'POST', path: '/v1/instances/operate', body: { OpType: 'restart_ecs' }, paths: ['body.EcsIds'] },
  { name: 'EcsIds not a list', method: 'POST', path: '/v1/instances/operate', body: { ...op, EcsIds: 'ins-1' }, paths: ['body.EcsIds'] },
  { name: 'EcsIds with an empty id', method: 'POST', path: '/v1/instances/operate', body: { ...op, EcsIds: [''] }, paths: ['body.EcsIds.0'] },
  { name: 'several failures at once', method: 'POST', path: '/v1/instances/operate', body: { EcsIds: [], OpType: 'x', DeleteEip: 5 }, paths: ['body.EcsIds', 'body.OpType', 'body.DeleteEip'] },
  { name: 'malformed JSON', method: 'POST', path: '/v1/instances/operate', rawBody: '{"EcsIds": [', paths: ['body'] },
  // ChangeInstanceConfigure
  { name: 'Cpu 0', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Cpu: 0 }, paths: ['body.Cpu'] },
  { name: 'Ram 0', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Ram: 0 }, paths: ['body.Ram'] },
  { name: 'Cpu not an integer', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Cpu: 1.5 }, paths: ['body.Cpu'] },
  { name: 'Gpu negative', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Gpu: -1 }, paths: ['body.Gpu'] },
  { name: 'EcsFamilyName empty', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, EcsFamilyName: '' }, paths: ['body.EcsFamilyName'] },
  { name: 'AvailableZoneCode missing', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, AvailableZoneCode: undefined }, paths: ['body.AvailableZoneCode'] },
  { name: 'change-spec EcsIds empty', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, EcsIds: [] }, paths: ['body.EcsIds'] },
  // ExtendDisk
  { name: 'ExtendedSize not a multiple of 8', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: 100 }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize 0', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: 0 }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize negative', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: -8 }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize missing', method: 'POST', path: '/v1/disks/disk-1/extend', body: {}, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize as a string', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: '96' }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize the largest safe integer (a float multiple-of-8 check passes it)', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: 9007199254740991 }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize a multiple of 8 above its maximum', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: 65_544 }, paths: ['body.ExtendedSize'] },
  { name: 'ExtendedSize beyond safe integers', method: 'POST', path: '/v1/disks/disk-1/extend', body: { ExtendedSize: 2 ** 60 }, paths: ['body.ExtendedSize'] },
  { name: 'Cpu, Ram and Gpu above their maxima', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Cpu: 1025, Ram: 16_385, Gpu: 65 }, paths: ['body.Cpu', 'body.Ram', 'body.Gpu'] },
  { name: 'Cpu the largest safe integer', method: 'POST', path: '/v1/instances/change-spec', body: { ...spec, Cpu: 9007199254740991 }, paths: ['body.Cpu'] },
  // ModifyInstanceName
  { name: 'Name empty', method: 'PATCH', path: '/v1/instances/ins-1', body: { Name: '' }, paths: ['body.Name'] },
  { name: 'Name only spaces', method: 'PATCH', path: '/v1/instances/ins-1', body: { Name: '   ' }, paths: ['body.Name'] },
  { name: 'Name missing', method: 'PATCH', path: '/v1/instances/ins-1', body: {}, paths: ['body.Name'] },
  { name: 'Name longer than 64', method: 'PATCH', path: '/v1/instances/ins-1', body: { Name: 'x'.repeat(65) }, paths: ['body.Name'] },
  // DescribeEcsFamilyInfo
  { name: 'BillingMethod not "0" or "1"', path: '/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=2', paths: ['query.BillingMethod'], messages: { 'query.BillingMethod': 'expected "0" or "1" (got string "2")' } },
  { name: 'BillingMethod missing', path: '/v1/families?AvailableZoneCode=CN_Hohhot_B', paths: ['query.BillingMethod'] },
  { name: 'AvailableZoneCode missing', path: '/v1/families?BillingMethod=0', paths: ['query.AvailableZoneCode'] },
  { name: 'AvailableZoneCode empty', path: '/v1/families?AvailableZoneCode=&BillingMethod=0', paths: ['query.AvailableZoneCode'] },
  // DescribeInstanceList
  { name: 'PageNumber 0', path: '/v1/instances?PageNumber=0', paths: ['query.PageNumber'] },
  { name: 'PageNumber not a number', path: '/v1/instances?PageNumber=abc', paths: ['query.PageNumber'] },
  { name: 'PageNumber above its maximum', path: '/v1/instances?PageNumber=1000001', paths: ['query.PageNumber'] },
  { name: 'PageNumber beyond safe integers', path: '/v1/instances?PageNumber=9007199254740993', paths: ['query.PageNumber'] },
  { name: 'PageSize above 1000', path: '/v1/instances?PageSize=1001', paths: ['query.PageSize'] },
  { name: 'PageSize fractional', path: '/v1/instances?PageSize=2.5', paths: ['query.PageSize'] },
  { name: 'PageSize in hex', path: '/v1/instances?PageSize=0x10', paths: ['query.PageSize'] },
  { name: 'PageNumber in exponent form', path: '/v1/instances?PageNumber=1e3', paths: ['query.PageNumber'] },
  { name: 'SearchInfo longer than 128', path: `/v1/instances?SearchInfo=${'x'.repeat(129)}`, paths: ['query.SearchInfo'] },
  { name: 'more than 100 EcsIds in the filter', path: `/v1/instances?EcsIds=${Array.from({ length: 101 }, (_, i) => `ins-${i}`).join(',')}`, paths: ['query.EcsIds'] },
  // Ids: short tokens of id characters, checked before anything is sent upstream
  { name: 'EcsId of spaces', path: '/v1/instances/%20%20', paths: ['path.EcsId'] },
  { name: 'EcsId longer than 128', path: `/v1/instances/ins-${'a'.repeat(130)}`, paths: ['path.EcsId'] },
  { name: 'EcsId with a character ids never have', path: '/v1/instances/ins%3Fx', paths: ['path.EcsId'], messages: { 'path.EcsId': `must be an instance id: ${ID_RULE}` } },
  { name: 'EcsId starting with a dash', path: '/v1/instances/-ins-1', paths: ['path.EcsId'], messages: { 'path.EcsId': `must be an instance id: ${ID_RULE}` } },
  { name: 'EventId longer than 128', path: `/v1/events/${'a'.repeat(20_000)}`, paths: ['path.EventId'] },
  { name: 'DiskId of spaces', method: 'POST', path: '/v1/disks/%20/extend', body: { ExtendedSize: 64 }, paths: ['path.DiskId'], messages: { 'path.DiskId': `must be a disk id: ${ID_RULE}` } },
  { name: 'more than 100 EcsIds in one operation', method: 'POST', path: '/v1/instances/operate', body: { ...op, EcsIds: Array.from({ length: 101 }, (_, i) => `ins-${i}`) }, paths: ['body.EcsIds'] },
  { name: 'an EcsId with a space inside', method: 'POST', path: '/v1/instances/operate', body: { ...op, EcsIds: ['ins 1'] }, paths: ['body.EcsIds.0'] },
];

describe('validation → 400 before any upstream call', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const h = harness();
      const res = await h.request(c.path, {
        method: c.method ?? 'GET',
        body: c.rawBody ?? (c.body === undefined ? undefined : json(c.body)),
        headers: c.contentType ? { 'Content-Type': c.contentType } : {},
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(res.headers.get('X-Request-Id')).toMatch(UUID);
      const problem = (await res.json()) as { code: string; status: number; errors: { path: string; message: string }[]; requestId: string };
      expect(problem.code).toBe('ValidationFailed');
      expect(problem.status).toBe(400);
      expect(problem.requestId).toBe(res.headers.get('X-Request-Id'));
      expect(problem.errors.map((e) => e.path).sort()).toEqual([...c.paths].sort());
      for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(0);
      for (const [path, message] of Object.entries(c.messages ?? {})) expect(problem.errors.find((e) => e.path === path)?.message).toBe(message);
      expect(h.upstream.calls).toHaveLength(0);
    });
  }

  it('a body that is not valid UTF-8 is 400 ValidationFailed, no upstream call', async () => {
    const h = harness();
    // {"Name":"\xff"}: a lone 0xFF byte is never UTF-8 (a lenient decoder would send "\uFFFD").
    const bytes = new Uint8Array([...new TextEncoder().encode('{"Name":"'), 0xff, ...new TextEncoder().encode('"}')]);
    const res = await h.request('/v1/instances/ins-1', { method: 'PATCH', body: bytes, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 400, code: 'ValidationFailed', errors: [{ path: 'body', message: 'not valid UTF-8' }] });
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('a valid multi-byte UTF-8 name reaches upstream unchanged', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-1', { method: 'PATCH', body: json({ Name: '计算-01' }) });
    expect(res.status).toBe(200);
    expect(h.upstream.calls[0]!.body).toEqual({ EcsId: 'ins-1', Name: '计算-01' });
  });

  it('a body that is not JSON is 415 UnsupportedMediaType, no upstream call', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: 'EcsIds=ins-1', headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 415, code: 'UnsupportedMediaType' });
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('a body over 64 KiB is 413 PayloadTooLarge, no upstream call (with and without Content-Length)', async () => {
    const h = harness();
    const big = json({ EcsIds: Array.from({ length: 7000 }, (_, i) => `ins-${i}`), OpType: 'restart_ecs' });
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413, code: 'PayloadTooLarge' });
    const streamed = new ReadableStream({ start: (ctl) => (ctl.enqueue(new TextEncoder().encode(big)), ctl.close()) });
    const res2 = await h.request('/v1/instances/operate', { method: 'POST', body: streamed, headers: { 'Content-Type': 'application/json' } });
    expect(res2.status).toBe(413);
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('a streamed body under the limit still reaches upstream', async () => {
    const h = harness();
    const body = json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' });
    const streamed = new ReadableStream({ start: (ctl) => (ctl.enqueue(new TextEncoder().encode(body)), ctl.close()) });
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: streamed, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() } });
    expect(res.status).toBe(202);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('a valid request with a trimmed name reaches upstream', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-1', { method: 'PATCH', body: json({ Name: '  web-03  ' }) });
    expect(res.status).toBe(200);
    expect(h.upstream.calls[0]!.body).toEqual({ EcsId: 'ins-1', Name: 'web-03' });
  });
});
