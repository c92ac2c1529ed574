import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import type { paths } from '../../openapi/gateway-api';
import { checkAgainstDocument } from '../helpers/contract-check';
import { exampleOf, jsonAnswer } from '../helpers/fake-upstream';
import { READ_TOKEN, WRITE_TOKEN, harness } from '../helpers/gateway-harness';
import type { Harness } from '../helpers/gateway-harness';

// A client generated from openapi/openapi.json (openapi-typescript types + openapi-fetch) drives
// the gateway. The harness checks every answer against the document's JSON Schemas.

/** `true` when the generated types carry a 304 answer for GET path (else never: tsc fails below). */
type Types304<P extends keyof paths> = paths[P] extends { get: { responses: { 304: unknown } } } ? true : never;
const CACHED_ROUTES_TYPE_304: [Types304<'/v1/regions'>, Types304<'/v1/families'>, Types304<'/v1/images'>] = [true, true, true];

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
    expect(families.data!.EcsFamilyInfo).toEqual((exampleOf('DescribeEcsFamilyInfo').Data as { EcsFamilyInfo: unknown }).EcsFamilyInfo);

    const list = await api.GET('/v1/instances', { params: { query: { EcsIds: ['ins-a', 'ins-b'], PageNumber: 1, PageSize: 20 } } });
    expect(list.data!.EcsList).toHaveLength((exampleOf('DescribeInstanceList').Data as { EcsList: unknown[] }).EcsList.length);
    expect(h.upstream.calls.at(-1)!.query).toMatchObject({ EcsIds: 'ins-a,ins-b', PageNumber: '1', PageSize: '20' });

    const ecsId = list.data!.EcsList[0]!.EcsId;
    const instance = await api.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: ecsId } } });
    expect(instance.data!.EcsId).toBe((exampleOf('DescribeInstance').Data as { EcsId: string }).EcsId);

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

  it('edge answers match the document: 304 revalidation, Idempotency-Key replay, 409/422/503 problems', async () => {
    const h = harness();
    const api = clientFor(h);
    const countOf = (action: string) => h.upstream.calls.filter((c) => c.action === action).length;

    // Cached reference data: 200 MISS, then 304 on the ETag (headers, no body), no second upstream call.
    const first = await api.GET('/v1/regions');
    expect(first.response.headers.get('X-Cache')).toBe('MISS');
    const etag = first.response.headers.get('ETag')!;
    const notModified = await api.GET('/v1/regions', { params: { header: { 'if-none-match': etag } } });
    expect(notModified.response.status).toBe(304);
    expect(CACHED_ROUTES_TYPE_304).toEqual([true, true, true]);
    expect(notModified.response.headers.get('X-Cache')).toBe('HIT');
    expect(notModified.response.headers.get('Cache-Control')).toMatch(/^private, max-age=/);
    const query = { AvailableZoneCode: 'CN_Suqian_A', BillingMethod: '0' } as const;
    const families = await api.GET('/v1/families', { params: { query } });
    const forced = await api.GET('/v1/families', { params: { query, header: { 'cache-control': 'no-cache', 'if-none-match': families.response.headers.get('ETag')! } } });
    expect([forced.response.status, forced.response.headers.get('X-Cache')]).toEqual([304, 'MISS']);
    expect([countOf('DescribeRegions'), countOf('DescribeEcsFamilyInfo')]).toEqual([1, 2]);

    // Mutations: a replay (202 and a stored 409), another body (422), a concurrent duplicate (409).
    const key = { 'idempotency-key': crypto.randomUUID() };
    const body = { EcsIds: ['ins-1'], OpType: 'restart_ecs' as const };
    const operated = await api.POST('/v1/instances/operate', { params: { header: key }, body });
    const replayed = await api.POST('/v1/instances/operate', { params: { header: key }, body });
    expect([replayed.response.status, replayed.response.headers.get('Idempotent-Replayed')]).toEqual([202, 'true']);
    expect(replayed.data).toEqual(operated.data);
    expect(countOf('OperateInstance')).toBe(1);
    const reused = await api.POST('/v1/instances/operate', { params: { header: key }, body: { ...body, OpType: 'shutdown_ecs' } });
    expect([reused.response.status, reused.error!.code]).toEqual([422, 'IdempotencyKeyReused']);

    h.upstream.on('ModifyInstanceName', () => jsonAnswer({ Code: 'InvalidInstanceStatus', Msg: 'busy', RequestId: 'u' }, 409));
    const rename = { params: { path: { EcsId: 'ins-1' }, header: { 'idempotency-key': crypto.randomUUID() } }, body: { Name: 'web-02' } };
    expect((await api.PATCH('/v1/instances/{EcsId}', rename)).response.status).toBe(409);
    const refusedAgain = await api.PATCH('/v1/instances/{EcsId}', rename);
    expect([refusedAgain.response.status, refusedAgain.response.headers.get('Idempotent-Replayed')]).toEqual([409, 'true']);

    let release!: () => void;
    h.upstream.on('ExtendDisk', () => new Promise<Response>((r) => (release = () => r(jsonAnswer(exampleOf('ExtendDisk'))))));
    const extend = { params: { path: { DiskId: 'disk-1' }, header: { 'idempotency-key': crypto.randomUUID() } }, body: { ExtendedSize: 104 } };
    const running = api.POST('/v1/disks/{DiskId}/extend', extend);
    await vi.waitUntil(() => countOf('ExtendDisk') === 1, { timeout: 2000 });
    const duplicate = await api.POST('/v1/disks/{DiskId}/extend', extend);
    expect([duplicate.response.status, duplicate.error!.code, duplicate.response.headers.get('Retry-After')]).toEqual([409, 'IdempotencyKeyInFlight', '1']);
    release();
    expect((await running).response.status).toBe(202);

    // The store unreachable: 503, nothing sent upstream.
    const down = harness({ IDEMPOTENCY: { idFromName: () => ({}), get: () => ({ begin: () => Promise.reject(new Error('store down')) }) } as unknown as DurableObjectNamespace });
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unavailable = await clientFor(down).POST('/v1/instances/operate', { params: { header: { 'idempotency-key': 'k-1' } }, body });
    silenced.mockRestore();
    expect([unavailable.response.status, unavailable.error!.code]).toEqual([503, 'IdempotencyUnavailable']);
    expect(down.upstream.calls).toEqual([]);
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
