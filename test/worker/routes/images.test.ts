import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../openapi/models';
import { jsonAnswer } from '../../helpers/fake-upstream';
import { READ_TOKEN, harness, type Harness } from '../../helpers/gateway-harness';

// GET /v1/images: DescribeImages on /ecs/v1.1 as a GET with ImageIds as a JSON array string,
// served through the KV reference cache, one copy per account and query.

// The published answer of the public API document (paging at the top level, next to Data).
const IMAGE = {
  TemplateType: 'public',
  ImageId: '667a49df-20ff-4569-9cdc-35180b28d16f',
  ImageName: 'Ubuntu 20.04 64位',
  Status: 'running',
  OsType: 'Ubuntu',
  OsBit: 64,
  StatusDisplay: '可用',
  AzId: '16e6e380-729d-11ec-b62a-1e00e202ff80',
  AzName: '大别山A',
  SupportGpuDriver: 'Datacenter',
  Username: 'root',
  SupportType: ['gpu'],
  OsVersion: '20.04',
  CreateTime: '2022-01-24 17:46:17',
  OsSize: 24,
  AvailableZoneCode: 'CN_DaBieShan_A',
  IsOptimized: 1,
};
const PUBLISHED = { Code: 'Success', Msg: '获取镜像信息成功！', Data: { ImageList: [IMAGE] }, RequestId: '13c88ede54e011edb7f6c2b5d7e451cd', PageNumber: 1, PageSize: 71, TotalCount: 71 };

function imagesHarness(): Harness {
  const h = harness();
  h.upstream.on('DescribeImages', () => jsonAnswer(PUBLISHED));
  return h;
}

describe('GET /v1/images', () => {
  it('→ DescribeImages as GET on /ecs/v1.1, ImageIds as a JSON array string; 200 {ImageList}, X-Cache MISS', async () => {
    const h = imagesHarness();
    const res = await h.request('/v1/images?AvailableZoneCode=CN_DaBieShan_A&ImageIds=img-a,img-b', { token: READ_TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ImageList: [IMAGE] });
    expect(res.headers.get('X-Cache')).toBe('MISS');
    expect(res.headers.get('X-Upstream-Request-Id')).toBe(PUBLISHED.RequestId);
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]).toMatchObject({
      method: 'GET',
      path: '/ecs/v1.1',
      action: 'DescribeImages',
      query: { AvailableZoneCode: 'CN_DaBieShan_A', ImageIds: '["img-a","img-b"]' },
      body: undefined,
      signatureValid: true,
    });
  });

  it('without filters sends no AvailableZoneCode and no ImageIds', async () => {
    const h = imagesHarness();
    expect((await h.request('/v1/images')).status).toBe(200);
    expect(h.upstream.calls[0]!.query).toEqual({});
  });

  it('accepts repeated ImageIds parameters', async () => {
    const h = imagesHarness();
    expect((await h.request('/v1/images?ImageIds=img-a&ImageIds=img-b,img-c')).status).toBe(200);
    expect(h.upstream.calls[0]!.query).toEqual({ ImageIds: '["img-a","img-b","img-c"]' });
  });

  it('the same query again is a HIT from KV without an upstream call; If-None-Match answers 304', async () => {
    const h = imagesHarness();
    const first = await h.request('/v1/images?AvailableZoneCode=CN_Hohhot_B');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"/);
    const again = await h.request('/v1/images?AvailableZoneCode=CN_Hohhot_B');
    expect(again.headers.get('X-Cache')).toBe('HIT');
    expect(await again.json()).toEqual({ ImageList: [IMAGE] });
    const revalidated = await h.request('/v1/images?AvailableZoneCode=CN_Hohhot_B', { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('ETag')).toBe(etag);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('keeps one copy per query: another zone or other ids is another upstream call', async () => {
    const h = imagesHarness();
    for (const q of ['AvailableZoneCode=CN_Hohhot_B', 'AvailableZoneCode=CN_Suqian_A', 'ImageIds=img-a', 'ImageIds=img-b', 'AvailableZoneCode=CN_Hohhot_B&ImageIds=img-a']) {
      expect((await h.request(`/v1/images?${q}`)).headers.get('X-Cache')).toBe('MISS');
    }
    expect(h.upstream.calls).toHaveLength(5);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(h.env.CDS_SECRET_ID!));
    const accountId = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32);
    const keys = (await h.env.ECS_CACHE.list({ prefix: `ref:v2:${accountId}:DescribeImages:` })).keys;
    expect(keys).toHaveLength(5);
  });

  it('Cache-Control: no-cache forces a refresh (MISS)', async () => {
    const h = imagesHarness();
    await h.request('/v1/images');
    const forced = await h.request('/v1/images', { headers: { 'Cache-Control': 'no-cache' } });
    expect(forced.headers.get('X-Cache')).toBe('MISS');
    expect(h.upstream.calls).toHaveLength(2);
  });

  it('a long id list still makes a valid KV key (the ids are hashed)', async () => {
    const h = imagesHarness();
    const ids = Array.from({ length: 100 }, (_, i) => `img-${'x'.repeat(100)}-${i}`);
    const res = await h.request(`/v1/images?ImageIds=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(h.upstream.calls[0]!.query.ImageIds!)).toEqual(ids);
    expect((await h.request(`/v1/images?ImageIds=${ids.join(',')}`)).headers.get('X-Cache')).toBe('HIT');
  });

  it('answers 400 with no upstream call for more than 100 ids, or an id with a space', async () => {
    const h = imagesHarness();
    for (const [q, path] of [
      [`ImageIds=${Array.from({ length: 101 }, (_, i) => `img-${i}`).join(',')}`, 'query.ImageIds'],
      ['ImageIds=img%201', 'query.ImageIds.0'],
      [`AvailableZoneCode=${'z'.repeat(65)}`, 'query.AvailableZoneCode'],
    ]) {
      const res = await h.request(`/v1/images?${q}`);
      expect(res.status).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe('ValidationFailed');
      expect(problem.errors!.map((e) => e.path)).toEqual([path]);
    }
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('an upstream error without a cached copy is mapped (404 keeps its code); an unreadable list is 502', async () => {
    const h = harness();
    h.upstream.on('DescribeImages', () => jsonAnswer({ Code: 'AvailableZoneNotFound', Msg: 'no such zone', RequestId: 'u1' }, 404));
    const res = await h.request('/v1/images?AvailableZoneCode=Nowhere');
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).code).toBe('AvailableZoneNotFound');

    const h2 = harness();
    h2.upstream.on('DescribeImages', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { ImageList: 'none' } }));
    const bad = await h2.request('/v1/images');
    expect(bad.status).toBe(502);
    expect(((await bad.json()) as Problem).code).toBe('UpstreamBadResponse');
  });

  it('a DescribeImages sent to /ecs/v1 would be refused upstream: the gateway never does that', async () => {
    const h = harness();
    h.upstream.on('/ecs/v1 DescribeImages', () => jsonAnswer({ Code: 'InvalidAction', Msg: 'not on v1', RequestId: 'u1' }, 400));
    h.upstream.on('/ecs/v1.1 DescribeImages', () => jsonAnswer(PUBLISHED));
    expect((await h.request('/v1/images')).status).toBe(200);
    expect(h.upstream.calls.map((c) => c.path)).toEqual(['/ecs/v1.1']);
  });
});
