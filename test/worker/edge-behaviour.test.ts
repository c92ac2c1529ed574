import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { EcsError, type EcsApi } from '../../openapi/ecs-api';
import { OPERATIONS, methodNameOf } from '../../openapi/operations';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { testEnv, unique } from '../helpers/middleware-app';

/** A gateway-made X-Request-Id (crypto.randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The edge behaviour through the real gateway app (auth, routes, error mapping), with a counting
// stand-in for the ECS API so every upstream call is visible.

class CountingEcs {
  calls: Record<string, number> = {};
  fail: Record<string, EcsError | undefined> = {};
  regionsVersion = 1;

  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    const err = this.fail[name];
    if (err) throw err;
  }

  api(): EcsApi {
    const self = this;
    const notUsed = async (): Promise<never> => {
      throw new Error('not used in these tests');
    };
    return {
      // Operations these tests do not call.
      ...(Object.fromEntries(OPERATIONS.map((op) => [methodNameOf(op.operationId), notUsed])) as unknown as EcsApi),
      async describeRegions() {
        self.count('describeRegions');
        return { data: [{ RegionGroupName: `group-v${self.regionsVersion}`, RegionList: [] }] as never, requestId: 'up-regions' };
      },
      async describeEcsFamilyInfo(req) {
        self.count('describeEcsFamilyInfo');
        return { data: { EcsFamilyInfo: [{ EcsFamilyName: `${req.AvailableZoneCode}/${req.BillingMethod}` }] as never }, requestId: 'up-families' };
      },
      async operateInstance() {
        self.count('operateInstance');
        return { data: { EventId: `ev-${self.calls.operateInstance}` }, requestId: `up-op-${self.calls.operateInstance}` };
      },
      async modifyInstanceName(req) {
        self.count('modifyInstanceName');
        return { data: { EcsId: req.EcsId, Name: req.Name } as never, requestId: 'up-rename' };
      },
    };
  }
}

let ecs: CountingEcs;
let env: Env;

function request(path: string, init: RequestInit & { token?: string } = {}) {
  const app = createGatewayApp({ ecsApiFactory: () => ecs.api() });
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.token ?? 'writer-token'}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  const ctx = createExecutionContext();
  return { ctx, res: app.request(path, { ...init, headers }, env, ctx) };
}

beforeEach(() => {
  ecs = new CountingEcs();
  // A fresh access key id per test: a fresh accountId, so no test sees another's cache entries.
  env = {
    ...testEnv,
    CDS_SECRET_ID: unique('ak'),
    CDS_SECRET_KEY: 'sk',
    GATEWAY_TOKENS: 'writer-token:write,other-writer:write,reader-token:read',
    REGIONS_TTL_S: '60',
    FAMILIES_TTL_S: '60',
  };
});

describe('gateway edge behaviour (real app)', () => {
  it('GET /v1/regions: MISS then HIT with one upstream call, ETag and 304', async () => {
    const first = await request('/v1/regions').res;
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(first.headers.get('X-Request-Id')).toMatch(UUID);
    expect(first.headers.get('X-Upstream-Request-Id')).toBe('up-regions');
    expect(first.headers.get('Cache-Control')).toMatch(/^private, max-age=60,/);
    expect(await first.json()).toEqual({ RegionGroups: [{ RegionGroupName: 'group-v1', RegionList: [] }] });

    const second = await request('/v1/regions', { token: 'reader-token' }).res;
    expect(second.headers.get('X-Cache')).toBe('HIT');
    const etag = second.headers.get('ETag')!;
    const notModified = await request('/v1/regions', { headers: { 'If-None-Match': etag } }).res;
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('X-Request-Id')).toMatch(UUID);
    expect(ecs.calls.describeRegions).toBe(1);
  });

  it('GET /v1/families is cached per AZ and billing method', async () => {
    const q = (az: string, bm: string) => `/v1/families?AvailableZoneCode=${az}&BillingMethod=${bm}`;
    expect((await request(q('CN_Suqian_A', '0')).res).headers.get('X-Cache')).toBe('MISS');
    const other = await request(q('CN_Suqian_A', '1')).res;
    expect(other.headers.get('X-Cache')).toBe('MISS');
    expect(await other.json()).toEqual({ EcsFamilyInfo: [{ EcsFamilyName: 'CN_Suqian_A/1' }] });
    expect((await request(q('CN_Suqian_A', '0')).res).headers.get('X-Cache')).toBe('HIT');
    expect(ecs.calls.describeEcsFamilyInfo).toBe(2);
  });

  it('serves STALE-IF-ERROR when upstream fails, and a problem+json 502 when there is no copy', async () => {
    await request('/v1/regions').res;
    ecs.fail.describeRegions = new EcsError('unreachable', 'UpstreamUnreachable', 'connection refused');
    const stale = await request('/v1/regions', { headers: { 'Cache-Control': 'no-cache' } }).res;
    expect(stale.status).toBe(200);
    expect(stale.headers.get('X-Cache')).toBe('STALE-IF-ERROR');

    const noCopy = await request('/v1/families?AvailableZoneCode=CN_Suqian_B&BillingMethod=0').res;
    ecs.fail.describeEcsFamilyInfo = new EcsError('unreachable', 'UpstreamUnreachable', 'connection refused');
    const failing = await request('/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0').res;
    expect(noCopy.status).toBe(200);
    expect(failing.status).toBe(502);
    expect(failing.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it('refreshes a stale copy in the background (waitUntil)', async () => {
    env.REGIONS_TTL_S = '1';
    await request('/v1/regions').res;
    await new Promise((r) => setTimeout(r, 1100));
    ecs.regionsVersion = 2;
    const { res, ctx } = request('/v1/regions');
    expect((await res).headers.get('X-Cache')).toBe('STALE');
    await waitOnExecutionContext(ctx);
    const after = await request('/v1/regions').res;
    expect(after.headers.get('X-Cache')).toBe('HIT');
    expect(await after.json()).toEqual({ RegionGroups: [{ RegionGroupName: 'group-v2', RegionList: [] }] });
    expect(ecs.calls.describeRegions).toBe(2);
  });

  it('POST with Idempotency-Key: one upstream call, the replay keeps status, Location and body', async () => {
    const key = unique('op');
    const body = JSON.stringify({ EcsIds: ['ins-1'], OpType: 'shutdown_ecs' });
    const first = await request('/v1/instances/operate', { method: 'POST', body, headers: { 'Idempotency-Key': key } }).res;
    expect(first.status).toBe(202);
    const replay = await request('/v1/instances/operate', { method: 'POST', body, headers: { 'Idempotency-Key': key } }).res;
    expect(replay.status).toBe(202);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.headers.get('Location')).toBe('/v1/events/ev-1');
    expect(replay.headers.get('X-Upstream-Request-Id')).toBe('up-op-1');
    expect(replay.headers.get('X-Request-Id')).toMatch(UUID);
    expect(await replay.json()).toEqual({ EventId: 'ev-1' });
    expect(ecs.calls.operateInstance).toBe(1);

    const otherBody = JSON.stringify({ EcsIds: ['ins-2'], OpType: 'shutdown_ecs' });
    const reused = await request('/v1/instances/operate', { method: 'POST', body: otherBody, headers: { 'Idempotency-Key': key } }).res;
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'IdempotencyKeyReused' });

    // Another token, same key: its own record.
    const otherCaller = await request('/v1/instances/operate', { method: 'POST', body, token: 'other-writer', headers: { 'Idempotency-Key': key } }).res;
    expect(otherCaller.headers.get('Idempotent-Replayed')).toBeNull();
    expect(ecs.calls.operateInstance).toBe(2);
  });

  it('rejects an over-long key with 400 and never calls upstream', async () => {
    const body = JSON.stringify({ EcsIds: ['ins-1'], OpType: 'shutdown_ecs' });
    const res = await request('/v1/instances/operate', { method: 'POST', body, headers: { 'Idempotency-Key': 'x'.repeat(256) } }).res;
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'InvalidIdempotencyKey' });
    expect(ecs.calls.operateInstance).toBeUndefined();
  });

  it('a PATCH that met an upstream 5xx (→ 502) is stored: the upstream may have acted, the retry replays it', async () => {
    const key = unique('rename');
    const init = { method: 'PATCH', body: JSON.stringify({ Name: 'web-1' }), headers: { 'Idempotency-Key': key } };
    ecs.fail.modifyInstanceName = new EcsError('business', 'ServiceUnavailable', 'upstream 503', 503);
    expect((await request('/v1/instances/ins-1', init).res).status).toBe(502);
    ecs.fail.modifyInstanceName = undefined;
    const retry = await request('/v1/instances/ins-1', init).res;
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([502, 'true']);
    expect(ecs.calls.modifyInstanceName).toBe(1);
  });

  it('a PATCH refused by upstream with a 4xx that is not final (429) is not stored: the retry with the same key calls upstream again', async () => {
    const key = unique('rename');
    const init = { method: 'PATCH', body: JSON.stringify({ Name: 'web-1' }), headers: { 'Idempotency-Key': key } };
    ecs.fail.modifyInstanceName = new EcsError('business', 'Throttling', 'slow down', 429);
    expect((await request('/v1/instances/ins-1', init).res).status).toBe(429);
    ecs.fail.modifyInstanceName = undefined;
    const retry = await request('/v1/instances/ins-1', init).res;
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
    expect((await request('/v1/instances/ins-1', init).res).headers.get('Idempotent-Replayed')).toBe('true');
    expect(ecs.calls.modifyInstanceName).toBe(2);
  });
});
