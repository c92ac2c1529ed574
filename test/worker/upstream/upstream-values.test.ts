import { describe, expect, it } from 'vitest';
import { exampleOf, jsonAnswer } from '../../helpers/fake-upstream';
import { harness, json } from '../../helpers/gateway-harness';

// Upstream values that become a header, a URL or part of an answer are checked against the id
// rule of the models: an upstream answer is input too. A bad one is 502 UpstreamBadResponse
// with a detail naming the field, never a 500, never echoed.

const operate = json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' });
type Problem = { status: number; code: string; type: string; detail: string };

describe('checked upstream values', () => {
  it('a RequestId with CR/LF → 502 UpstreamBadResponse, not 500, and no X-Upstream-Request-Id', async () => {
    const h = harness();
    h.upstream.on('OperateInstance', () => jsonAnswer({ ...exampleOf('OperateInstance'), RequestId: 'req-1\r\nSet-Cookie: a=b' }));
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: operate });
    expect(res.status).toBe(502);
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('UpstreamBadResponse');
    expect(body.detail).toContain('RequestId');
    expect(body.detail).not.toContain('Set-Cookie');
    expect(res.headers.get('X-Upstream-Request-Id')).toBeNull();
  });

  it('a RequestId with CR/LF on an error envelope → 502 as well', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'InstanceNotFound', Msg: 'no', RequestId: 'x\ny' }, 404));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    expect(((await res.json()) as Problem).code).toBe('UpstreamBadResponse');
  });

  it('a success without EventId → 502, not 202 {} with Location /v1/events/undefined', async () => {
    const h = harness();
    h.upstream.on('OperateInstance', () => jsonAnswer({ code: 'Success', Message: 'ok', Data: {}, RequestId: 'req-1' }));
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: operate });
    expect(res.status).toBe(502);
    expect(res.headers.get('Location')).toBeNull();
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('UpstreamBadResponse');
    expect(body.detail).toContain('Data.EventId is missing');
  });

  it('an EventId that is not an id (a path) → 502 naming the field, the value not echoed', async () => {
    const h = harness();
    h.upstream.on('OperateInstance', () => jsonAnswer({ code: 'Success', Message: 'ok', Data: { EventId: '../../admin' }, RequestId: 'req-1' }));
    const res = await h.request('/v1/instances/operate', { method: 'POST', body: operate });
    expect(res.status).toBe(502);
    const body = (await res.json()) as Problem;
    expect(body.detail).toContain('Data.EventId is not an id');
    expect(body.detail).not.toContain('admin');
  });

  it('CreateInstance: an EcsIdSet entry that is not an id → 502 naming its index', async () => {
    const h = harness();
    const answer = exampleOf('CreateInstance');
    (answer.Data as { EcsIdSet: unknown[] }).EcsIdSet = ['ins-ok', 'bad id'];
    h.upstream.on('CreateInstance', () => jsonAnswer(answer));
    const create = {
      AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-1', Password: 'Passw0rd!x',
      SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-1' }, SubnetInfo: { SubnetId: 'subnet-1' },
    };
    const res = await h.request('/v1/instances', { method: 'POST', body: json(create) });
    expect(res.status).toBe(502);
    expect(((await res.json()) as Problem).detail).toContain('Data.EcsIdSet[1] is not an id');
  });

  it('an upstream error Code that is not a token → code and type UpstreamError, the code not echoed', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'Bad Code/../x', Msg: 'Bad Code/../x happened', RequestId: 'req-1' }, 400));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('UpstreamError');
    expect(body.type).toBe('/problems/UpstreamError');
    expect(JSON.stringify(body)).not.toContain('Bad Code');
  });

  it('an identifier-like upstream Code is passed on as before', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'InstanceNotFound', Msg: 'not found', RequestId: 'req-1' }, 404));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('InstanceNotFound');
    expect(body.type).toBe('/problems/InstanceNotFound');
  });
});
