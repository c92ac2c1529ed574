import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../generated/gateway-api';
import { checkAgainstDocument } from './helpers/contract';
import { jsonAnswer } from './helpers/fake-upstream';
import { READ_TOKEN, WRITE_TOKEN, harness } from './helpers/gateway';
import type { Harness } from './helpers/gateway';

// A client generated from openapi/openapi.json (openapi-typescript types + openapi-fetch) drives
// the gateway. The harness checks every answer against the document's JSON Schemas.

function clientFor(h: Harness, token = WRITE_TOKEN) {
  return createClient<paths>({
    baseUrl: 'https://gateway.test',
    fetch: h.fetch,
    headers: { Authorization: `Bearer ${token}` },
    // The document declares EcsIds with style=form, explode=false: `EcsIds=a,b`.
    querySerializer: { array: { style: 'form', explode: false } },
  });
}

describe('generated client (openapi-typescript + openapi-fetch)', () => {
  it('drives all nine operations', async () => {
    const h = harness();
    const api = clientFor(h);

    const regions = await api.GET('/v1/regions');
    expect(regions.response.status).toBe(200);
    const zone = regions.data!.RegionGroups[0]!.RegionList[0]!.AzList[0]!.AvailableZoneCode;

    const families = await api.GET('/v1/families', { params: { query: { AvailableZoneCode: zone, BillingMethod: '0' } } });
    expect(families.data!.EcsFamilyInfo.length).toBeGreaterThan(0);

    const list = await api.GET('/v1/instances', { params: { query: { EcsIds: ['ins-a', 'ins-b'], PageNumber: 1, PageSize: 20 } } });
    expect(list.data!.EcsList.length).toBeGreaterThan(0);
    expect(h.upstream.calls.at(-1)!.query).toMatchObject({ EcsIds: 'ins-a,ins-b', PageNumber: '1', PageSize: '20' });

    const ecsId = list.data!.EcsList[0]!.EcsId;
    const instance = await api.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: ecsId } } });
    expect(instance.data!.EcsId).toBeTruthy();

    const renamed = await api.PATCH('/v1/instances/{EcsId}', { params: { path: { EcsId: ecsId } }, body: { Name: 'web-01' } });
    expect(renamed.response.status).toBe(200);

    const operated = await api.POST('/v1/instances/operate', { body: { EcsIds: [ecsId], OpType: 'shutdown_ecs' } });
    expect(operated.response.status).toBe(202);
    expect(operated.response.headers.get('Location')).toBe(`/v1/events/${operated.data!.EventId}`);

    const changed = await api.POST('/v1/instances/change-spec', { body: { EcsIds: [ecsId], AvailableZoneCode: zone, EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, Gpu: 0 } });
    expect(changed.response.status).toBe(202);

    const extended = await api.POST('/v1/disks/{DiskId}/extend', { params: { path: { DiskId: 'disk-1' } }, body: { ExtendedSize: 104 } });
    expect(extended.response.status).toBe(202);

    const event = await api.GET('/v1/events/{EventId}', { params: { path: { EventId: extended.data!.EventId } } });
    expect(event.data!.TaskList.length).toBeGreaterThan(0);

    const health = await api.GET('/healthz');
    expect(health.data).toEqual({ status: 'ok', configured: true });
    expect(h.upstream.calls.every((c) => c.signatureValid)).toBe(true);
  });

  it('gets typed problem bodies for 4xx answers', async () => {
    const h = harness();
    const api = clientFor(h);
    const invalid = await api.POST('/v1/disks/{DiskId}/extend', { params: { path: { DiskId: 'disk-1' } }, body: { ExtendedSize: 10 } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error!.errors).toEqual([{ path: 'body.ExtendedSize', message: 'must be a multiple of 8' }]);

    const forbidden = await clientFor(h, READ_TOKEN).POST('/v1/instances/operate', { body: { EcsIds: ['ins-1'], OpType: 'restart_ecs' } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error!.code).toBe('InsufficientScope');

    const unauthorized = await clientFor(h, 'nope').GET('/v1/regions');
    expect(unauthorized.error!.code).toBe('InvalidToken');

    h.upstream.on('DescribeInstance', () => jsonAnswer({ code: 'InstanceNotFound', Message: 'gone', RequestId: 'u' }, 404));
    const missing = await api.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: 'ins-x' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error!.code).toBe('InstanceNotFound');

    h.upstream.on('OperateInstance', () => jsonAnswer({ code: 'InvalidInstanceStatus', Message: 'running', RequestId: 'u' }, 409));
    const conflict = await api.POST('/v1/instances/operate', { body: { EcsIds: ['ins-1'], OpType: 'start_up_ecs' } });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error!.code).toBe('InvalidInstanceStatus');
  });

  it('the contract check rejects an answer that breaks the document', async () => {
    const req = new Request('https://gateway.test/v1/instances/operate', { method: 'POST' });
    const wrongBody = await checkAgainstDocument(req, Response.json({ EventId: 42 }, { status: 202, headers: { 'X-Request-Id': 'x', Location: '/v1/events/42' } }));
    expect(wrongBody.errors.join()).toMatch(/EventId: expected string/);
    const undocumented = await checkAgainstDocument(req, Response.json({}, { status: 418 }));
    expect(undocumented.errors.join()).toMatch(/418 is not documented/);
    const noRequestId = await checkAgainstDocument(req, Response.json({ EventId: 'e' }, { status: 202, headers: { Location: '/v1/events/e' } }));
    expect(noRequestId.errors.join()).toMatch(/missing header X-Request-Id/);
  });
});
