import { createExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, createInProcessEcsApi, SEED_IDS, type Emulator } from '../../emulator';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { emulatorFault, journalCodes } from '../helpers/emulator-client';
import { testEnv, unique } from '../helpers/middleware-app';

// The edge behaviour (cache, idempotency, timeouts, retries) through the real gateway against the in-process emulator; the
// emulator's journal counts the upstream calls each behaviour implies, its faults make it fail.

let emulator: Emulator;
let env: Env;

async function gateway(path: string, init: RequestInit = {}): Promise<Response> {
  const app = createGatewayApp({ ecsApiFactory: (e) => createInProcessEcsApi(emulator, e.CDS_SECRET_ID!) });
  const headers = new Headers(init.headers);
  headers.set('Authorization', 'Bearer dev-token');
  if (init.body) headers.set('Content-Type', 'application/json');
  return app.request(path, { ...init, headers }, env, createExecutionContext());
}

const fault = (spec: Record<string, unknown>) => emulatorFault(emulator, spec);
const calls = (action: string) => journalCodes(emulator, action);

beforeEach(() => {
  // A fresh account per test: its own accountId, so its own cache entries.
  const ak = unique('ak');
  emulator = createEmulator({ accessKeys: `${ak}:sk`, clock: 'manual' });
  env = { ...testEnv, CDS_SECRET_ID: ak, CDS_SECRET_KEY: 'sk', GATEWAY_TOKENS: 'dev-token:write', REGIONS_TTL_S: '3600', FAMILIES_TTL_S: '600' };
});

describe('edge behaviour against the emulator', () => {
  it('two reads of /v1/regions make one upstream call', async () => {
    const first = await gateway('/v1/regions');
    const second = await gateway('/v1/regions');
    expect([first.headers.get('X-Cache'), second.headers.get('X-Cache')]).toEqual(['MISS', 'HIT']);
    expect(await second.json()).toEqual(await first.json());
    expect(calls('DescribeRegions')).toEqual(['Success']);
  });

  it('families: a 503 fault is answered from the last good copy (STALE-IF-ERROR)', async () => {
    const path = '/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0';
    const first = await gateway(path);
    expect(first.status).toBe(200);
    await fault({ Action: 'DescribeEcsFamilyInfo', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const stale = await gateway(path, { headers: { 'Cache-Control': 'no-cache' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('X-Cache')).toBe('STALE-IF-ERROR');
    expect(await stale.json()).toEqual(await first.json());
    expect(calls('DescribeEcsFamilyInfo')).toEqual(['Success', 'ServiceUnavailable']);
  });

  it('a replayed Idempotency-Key makes one OperateInstance call', async () => {
    const init = {
      method: 'POST',
      body: JSON.stringify({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs' }),
      headers: { 'Idempotency-Key': unique('shutdown') },
    };
    const first = await gateway('/v1/instances/operate', init);
    expect(first.status).toBe(202);
    const replay = await gateway('/v1/instances/operate', init);
    expect(replay.status).toBe(202);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    expect(replay.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(calls('OperateInstance')).toEqual(['Success']);
  });

  it('a duplicate while the first is in flight gets 409 and makes no second call', async () => {
    await fault({ Action: 'OperateInstance', DelayMs: 1500, Times: 1 });
    const init = {
      method: 'POST',
      body: JSON.stringify({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'restart_ecs' }),
      headers: { 'Idempotency-Key': unique('restart') },
    };
    const first = gateway('/v1/instances/operate', init);
    await new Promise((r) => setTimeout(r, 300)); // the first holds the key, upstream still delaying
    const duplicate = await gateway('/v1/instances/operate', init);
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: 'IdempotencyKeyInFlight' });
    expect((await first).status).toBe(202);
    expect(calls('OperateInstance')).toEqual(['Success']);
  });

  it('a PATCH that met an upstream 5xx makes one call and is never run again: the retry with the same key replays the 502', async () => {
    await fault({ Action: 'ModifyInstanceName', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const init = { method: 'PATCH', body: JSON.stringify({ Name: 'web-renamed' }), headers: { 'Idempotency-Key': unique('rename') } };
    const failed = await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`, init);
    expect(failed.status).toBe(502);
    expect(calls('ModifyInstanceName')).toEqual(['ServiceUnavailable']);
    const retry = await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`, init);
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([502, 'true']);
    expect(calls('ModifyInstanceName')).toEqual(['ServiceUnavailable']);
  });

  it('a PATCH throttled by upstream (429, a refusal: nothing ran) is not stored: the retry with the same key succeeds', async () => {
    await fault({ Action: 'ModifyInstanceName', Status: 429, Code: 'Throttling', Times: 1 });
    const init = { method: 'PATCH', body: JSON.stringify({ Name: 'web-renamed' }), headers: { 'Idempotency-Key': unique('rename') } };
    expect((await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`, init)).status).toBe(429);
    const retry = await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`, init);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
    expect(calls('ModifyInstanceName')).toEqual(['Throttling', 'Success']);
  });

  it('a refused operation (409 InvalidInstanceStatus) is stored and replayed', async () => {
    const init = {
      method: 'POST',
      body: JSON.stringify({ EcsIds: [SEED_IDS.demandGpuSsd], OpType: 'shutdown_ecs' }),
      headers: { 'Idempotency-Key': unique('refused') },
    };
    const first = await gateway('/v1/instances/operate', init);
    expect(first.status).toBe(409);
    const again = await gateway('/v1/instances/operate', init);
    expect(again.status).toBe(409);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(calls('OperateInstance')).toEqual(['InvalidInstanceStatus']);
  });
});
