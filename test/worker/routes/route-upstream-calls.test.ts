import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleOf, jsonAnswer } from '../../helpers/fake-upstream';
import { READ_TOKEN, harness, json } from '../../helpers/gateway-harness';

/** A gateway-made X-Request-Id (crypto.randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Every route against the fake upstream: the right Action on the right path and method, action
// parameters in the query for GET and in the JSON body for POST, a valid signature and a fresh
// nonce on every call, and the REST answer the design fixes.

const dataOf = (action: string, variant = 0) => EXAMPLES[action]![variant]!.Data as Record<string, unknown>;

describe('routes → upstream calls', () => {
  it('GET /v1/regions → DescribeRegions on /ecs/v1', async () => {
    const h = harness();
    const res = await h.request('/v1/regions', { token: READ_TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ RegionGroups: EXAMPLES.DescribeRegions![0]!.Data });
    expect(res.headers.get('X-Upstream-Request-Id')).toBe('req-DescribeRegions');
    expect(res.headers.get('X-Request-Id')).toMatch(UUID);
    const [call] = h.upstream.calls;
    expect(call).toMatchObject({ method: 'GET', host: 'upstream.test', path: '/ecs/v1', action: 'DescribeRegions', query: {}, body: undefined, signatureValid: true });
  });

  it('GET /v1/families → DescribeEcsFamilyInfo with AvailableZoneCode and BillingMethod in the query', async () => {
    const h = harness();
    const res = await h.request('/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ EcsFamilyInfo: dataOf('DescribeEcsFamilyInfo').EcsFamilyInfo });
    expect(h.upstream.calls[0]).toMatchObject({ method: 'GET', path: '/ecs/v1', action: 'DescribeEcsFamilyInfo', query: { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '1' }, signatureValid: true });
  });

  it('GET /v1/instances → DescribeInstanceList with filters, EcsIds comma-joined, paging at top level', async () => {
    const h = harness();
    const res = await h.request('/v1/instances?AvailableZoneCode=CN_Hohhot_B&VpcId=vpc-1&SearchInfo=web%2001&EcsIds=ins-a,ins-b&PageNumber=2&PageSize=10');
    expect(res.status).toBe(200);
    const example = EXAMPLES.DescribeInstanceList![0]!;
    expect(await res.json()).toEqual({
      // The published row's AzId is CN_Hohhot_B's in the published regions: the gateway joins the code in.
      EcsList: (example.Data as { EcsList: object[] }).EcsList.map((row) => ({ ...row, AvailableZoneCode: 'CN_Hohhot_B' })),
      PageNumber: example.PageNumber,
      PageSize: example.PageSize,
      TotalCount: example.TotalCount,
    });
    expect(h.upstream.calls[0]).toMatchObject({
      method: 'GET',
      path: '/ecs/v1',
      action: 'DescribeInstanceList',
      query: { AvailableZoneCode: 'CN_Hohhot_B', VpcId: 'vpc-1', SearchInfo: 'web 01', EcsIds: 'ins-a,ins-b', PageNumber: '2', PageSize: '10' },
      signatureValid: true,
    });
  });

  it('GET /v1/instances accepts repeated EcsIds and sends no paging parameters when none are given', async () => {
    const h = harness();
    h.upstream.on('DescribeInstanceList', () => jsonAnswer({ code: 'Success', Message: 'ok', Data: { EcsList: [] }, RequestId: 'r' }));
    const res = await h.request('/v1/instances?EcsIds=ins-a&EcsIds=ins-b,ins-c');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ EcsList: [], PageNumber: 1, PageSize: 0, TotalCount: 0 });
    expect(h.upstream.calls[0]!.query).toEqual({ EcsIds: 'ins-a,ins-b,ins-c' });
  });

  it('GET /v1/instances/{EcsId} → DescribeInstance (lower-case envelope)', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-ajgaioirpwvdjynj');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('DescribeInstance'));
    expect(h.upstream.calls[0]).toMatchObject({ method: 'GET', path: '/ecs/v1', action: 'DescribeInstance', query: { EcsId: 'ins-ajgaioirpwvdjynj' }, signatureValid: true });
  });

  it('PATCH /v1/instances/{EcsId} → ModifyInstanceName with EcsId and Name in the body', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-1', { method: 'PATCH', body: json({ Name: 'web-02' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('ModifyInstanceName'));
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'ModifyInstanceName', query: {}, body: { EcsId: 'ins-1', Name: 'web-02' }, contentType: 'application/json', signatureValid: true });
  });

  it('POST /v1/instances/operate → OperateInstance, DeleteEip defaults to 0, 202 + Location', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1', 'ins-2'], OpType: 'restart_ecs' }) });
    expect(res.status).toBe(202);
    const { EventId } = dataOf('OperateInstance') as { EventId: string };
    expect(await res.json()).toEqual({ EventId });
    expect(res.headers.get('Location')).toBe(`/v1/events/${EventId}`);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'OperateInstance', query: {}, body: { EcsIds: ['ins-1', 'ins-2'], OpType: 'restart_ecs', DeleteEip: 0 }, signatureValid: true });
  });

  it('POST /v1/instances/operate passes DeleteEip 1 through', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'free_shutdown_ecs', DeleteEip: 1 }) });
    expect(res.status).toBe(202);
    expect(h.upstream.calls[0]!.body).toEqual({ EcsIds: ['ins-1'], OpType: 'free_shutdown_ecs', DeleteEip: 1 });
  });

  it('POST /v1/instances/change-spec → ChangeInstanceConfigure with the body as given (Gpu defaults to 0)', async () => {
    const h = harness();
    const spec = { EcsIds: ['ins-1'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8 };
    const res = await h.request('/v1/instances/change-spec', { method: 'POST', body: json(spec) });
    expect(res.status).toBe(202);
    const { EventId } = dataOf('ChangeInstanceConfigure') as { EventId: string };
    expect(res.headers.get('Location')).toBe(`/v1/events/${EventId}`);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'ChangeInstanceConfigure', query: {}, body: { ...spec, Gpu: 0 }, signatureValid: true });
  });

  it('POST /v1/disks/{DiskId}/extend → ExtendDisk on /ebs/v1; no upstream RequestId → no X-Upstream-Request-Id', async () => {
    const h = harness();
    h.upstream.on('ExtendDisk', () => jsonAnswer(exampleOf('ExtendDisk')));
    const res = await h.request('/v1/disks/disk-1/extend', { method: 'POST', body: json({ ExtendedSize: 96 }) });
    expect(res.status).toBe(202);
    const { EventId } = dataOf('ExtendDisk') as { EventId: string };
    expect(await res.json()).toEqual({ EventId });
    expect(res.headers.get('Location')).toBe(`/v1/events/${EventId}`);
    expect(res.headers.has('X-Upstream-Request-Id')).toBe(false);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ebs/v1', action: 'ExtendDisk', query: {}, body: { DiskId: 'disk-1', ExtendedSize: 96 }, signatureValid: true });
  });

  it('GET /v1/instances/{EcsId}/disks → DescribeEcsAttachDisks on /ebs/v1 with the documented InstanceId, not EcsId', async () => {
    const h = harness();
    const res = await h.request('/v1/instances/ins-z684q1prultrf7rj/disks', { token: READ_TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('DescribeEcsAttachDisks'));
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'GET', path: '/ebs/v1', action: 'DescribeEcsAttachDisks', query: { InstanceId: 'ins-z684q1prultrf7rj' }, body: undefined, signatureValid: true });
    expect(h.upstream.calls[0]!.query).not.toHaveProperty('EcsId');
  });

  it('GET /v1/events/{EventId} → DescribeEvent on /ecs/v1', async () => {
    const h = harness();
    const res = await h.request('/v1/events/ev-1', { token: READ_TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('DescribeEvent'));
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'GET', path: '/ecs/v1', action: 'DescribeEvent', query: { EventId: 'ev-1' }, signatureValid: true });
  });

  it('GET /v1/events/{EventId} falls back to /ebs/v1 when /ecs/v1 does not know the event', async () => {
    const h = harness();
    h.upstream.on('/ecs/v1 DescribeEvent', () => jsonAnswer({ Code: 'EventNotFound', Msg: 'no such event', RequestId: 'r1' }, 404));
    h.upstream.on('/ebs/v1 DescribeEvent', () => jsonAnswer({ ...exampleOf('DescribeEvent', 1), RequestId: 'r2' }));
    const res = await h.request('/v1/events/disk-ev');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('DescribeEvent', 1));
    expect(res.headers.get('X-Upstream-Request-Id')).toBe('r2');
    expect(h.upstream.calls.map((c) => [c.path, c.action, c.query.EventId])).toEqual([
      ['/ecs/v1', 'DescribeEvent', 'disk-ev'],
      ['/ebs/v1', 'DescribeEvent', 'disk-ev'],
    ]);
  });

  it('GET /v1/events/{EventId} is 404 with the upstream code when neither service knows it', async () => {
    const h = harness();
    h.upstream.on('DescribeEvent', () => jsonAnswer({ Code: 'EventNotFound', Msg: 'no such event', RequestId: 'r3' }, 404));
    const res = await h.request('/v1/events/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, code: 'EventNotFound' });
    expect(h.upstream.calls).toHaveLength(2);
  });

  it('GET /v1/events/{EventId} reads Data given as a one-element array', async () => {
    const h = harness();
    h.upstream.on('DescribeEvent', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: [dataOf('DescribeEvent')], RequestId: 'r' }));
    const res = await h.request('/v1/events/ev-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(dataOf('DescribeEvent'));
  });

  it('signs every call with a fresh nonce, including retries', async () => {
    const h = harness();
    let n = 0;
    h.upstream.on('DescribeRegions', () => (++n < 3 ? new Response('busy', { status: 503 }) : jsonAnswer(exampleOf('DescribeRegions'))));
    const res = await h.request('/v1/regions');
    expect(res.status).toBe(200);
    expect(h.upstream.calls).toHaveLength(3);
    expect(new Set(h.upstream.calls.map((c) => c.params.SignatureNonce)).size).toBe(3);
    expect(h.upstream.calls.every((c) => c.signatureValid)).toBe(true);
  });

  it('encodes reserved and non-ASCII query values so the signature still verifies', async () => {
    const h = harness();
    const search = "名字 with spaces & =+*~'!()/?#%😀";
    const res = await h.request(`/v1/instances?SearchInfo=${encodeURIComponent(search)}`);
    expect(res.status).toBe(200);
    expect(h.upstream.calls[0]).toMatchObject({ query: { SearchInfo: search }, signatureValid: true });
  });
});

describe('meta routes', () => {
  it('GET /healthz answers without a token and without upstream', async () => {
    const h = harness();
    const res = await h.request('/healthz', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', configured: true });
    expect(res.headers.get('X-Request-Id')).toMatch(UUID);
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('GET /openapi.json serves the document', async () => {
    const res = await harness().request('/openapi.json', { token: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/v1/instances/{EcsId}');
  });

  it('GET /docs serves a self-contained page (no external URL) that loads /openapi.json', async () => {
    const res = await harness().request('/docs', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("fetch('/openapi.json')");
    expect(html).toContain('Bearer token');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).not.toMatch(/cdn|unpkg|jsdelivr/i);
  });
});
