import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, sleep, spawnGroup, stopGroup, waitFor, wranglerCommand, type Spawned } from '../helpers/process-group';

// The edge behaviour (cache, idempotency, timeouts, retries), end to end: `npm run emulator` and the gateway under `wrangler dev --var`
// (short TTL, short timeout, fresh --persist-to so KV and the Durable Object start empty), driven
// over real HTTP; the emulator's journal shows exactly the upstream calls each behaviour implies.

const REGIONS_TTL_S = 2;
const CDS_TIMEOUT_MS = 1500;

let emulator: Spawned | undefined;
let gateway: Spawned | undefined;
let persistDir = '';
let emu = '';
let gw = '';

beforeAll(async () => {
  const [emuPort, gwPort, inspectorPort] = [await freePort(), await freePort(), await freePort()];
  emu = `http://127.0.0.1:${emuPort}`;
  gw = `http://127.0.0.1:${gwPort}`;
  persistDir = mkdtempSync(join(tmpdir(), 'edge-wrangler-dev-'));
  emulator = spawnGroup('npm', ['run', 'emulator'], { EMULATOR_PORT: String(emuPort), EMULATOR_CLOCK: 'manual' });
  const [cmd, args] = wranglerCommand([
    'dev',
    '--ip', '127.0.0.1',
    '--port', String(gwPort),
    '--inspector-port', String(inspectorPort),
    '--show-interactive-dev-session=false',
    '--persist-to', persistDir,
    '--var', `CDS_API_HOST:127.0.0.1:${emuPort}`,
    '--var', 'CDS_API_SCHEMA:http',
    '--var', 'CDS_SECRET_ID:test-ak',
    '--var', 'CDS_SECRET_KEY:test-sk',
    '--var', 'GATEWAY_TOKENS:t-read:read,t-write:write',
    '--var', `REGIONS_TTL_S:${REGIONS_TTL_S}`,
    '--var', `CDS_TIMEOUT_MS:${CDS_TIMEOUT_MS}`,
    // Every no-cache below must reach upstream (the throttle has its own workers test).
    '--var', 'NO_CACHE_REFRESH_INTERVAL_S:0',
  ]);
  gateway = spawnGroup(cmd, args, { WRANGLER_SEND_METRICS: 'false' });
  await waitFor(`${emu}/_emulator/health`, emulator, 20_000);
  const health = await waitFor(`${gw}/healthz`, gateway, 30_000);
  expect(await health.json()).toMatchObject({ configured: true });
}, 35_000);

afterAll(async () => {
  await Promise.all([stopGroup(gateway), stopGroup(emulator)]);
  if (persistDir) rmSync(persistDir, { recursive: true, force: true });
}, 15_000);

function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const { token = 't-write', ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Authorization', `Bearer ${token}`);
  if (rest.body) headers.set('Content-Type', 'application/json');
  return fetch(`${gw}${path}`, { ...rest, headers, signal: AbortSignal.timeout(10_000) });
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu}/_emulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  expect(res.ok).toBe(true);
  return res.json();
}

/** A GET through node:http, which adds no headers of its own (unlike fetch). */
function plainGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${gw}${path}`, { headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
  });
}

/** Outcome codes of the upstream calls of one Action since the journal was last cleared. */
async function journal(action: string): Promise<string[]> {
  const { Entries } = (await control('GET', '/journal')) as { Entries: { Action: string; Code: string }[] };
  return Entries.filter((e) => e.Action === action).map((e) => e.Code);
}

describe('edge behaviour against npm run emulator + wrangler dev --var', () => {
  beforeEach(async () => {
    await control('DELETE', '/faults');
    await control('DELETE', '/journal');
  });

  it('cache: two reads → one DescribeRegions (MISS, HIT), 304 on the ETag, STALE after the TTL, no-cache → MISS', async () => {
    const first = await call('/v1/regions', { token: 't-read' });
    const second = await call('/v1/regions', { token: 't-read' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers.get('X-Cache'), second.headers.get('X-Cache')]).toEqual(['MISS', 'HIT']);
    expect(await second.json()).toEqual(await first.json());
    // A conditional GET as curl or most HTTP libraries send it. (fetch() itself, per the Fetch
    // standard, adds Cache-Control: no-cache to any request carrying If-None-Match, which asks the
    // gateway to revalidate upstream: that is a 304 with X-Cache MISS and one more call.)
    const etag = second.headers.get('ETag')!;
    const notModified = await plainGet('/v1/regions', { authorization: 'Bearer t-read', 'if-none-match': etag });
    expect([notModified.status, notModified.headers.etag, notModified.headers['x-cache'], notModified.body]).toEqual([304, etag, 'HIT', '']);
    expect(await journal('DescribeRegions')).toEqual(['Success']);
    const revalidated = await call('/v1/regions', { token: 't-read', headers: { 'If-None-Match': etag } });
    expect([revalidated.status, revalidated.headers.get('X-Cache')]).toEqual([304, 'MISS']);
    expect(await journal('DescribeRegions')).toEqual(['Success', 'Success']);

    // Past the soft TTL: served at once as STALE, refreshed in the background (one more call).
    await sleep(REGIONS_TTL_S * 1000 + 200);
    const stale = await call('/v1/regions', { token: 't-read' });
    expect([stale.status, stale.headers.get('X-Cache')]).toEqual([200, 'STALE']);
    // The journal shows a call as it arrives (Code Pending): wait until the refresh has answered.
    for (let i = 0; i < 40 && (await journal('DescribeRegions')).filter((c) => c === 'Success').length < 3; i++) await sleep(50);
    expect(await journal('DescribeRegions')).toEqual(['Success', 'Success', 'Success']);
    const forced = await call('/v1/regions', { token: 't-read', headers: { 'Cache-Control': 'no-cache' } });
    expect(forced.headers.get('X-Cache')).toBe('MISS');
    expect(await journal('DescribeRegions')).toHaveLength(4);
  });

  it('cache: upstream failing → the last good copy (STALE-IF-ERROR)', async () => {
    const path = '/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0';
    expect((await call(path)).headers.get('X-Cache')).toBe('MISS');
    await control('POST', '/faults', { Action: 'DescribeEcsFamilyInfo', Status: 503, Code: 'ServiceUnavailable', Times: 3 });
    const res = await call(path, { headers: { 'Cache-Control': 'no-cache' } });
    expect([res.status, res.headers.get('X-Cache')]).toEqual([200, 'STALE-IF-ERROR']);
    // One good call, then the forced refresh tried three times (GET: two retries) before falling back.
    expect(await journal('DescribeEcsFamilyInfo')).toEqual(['Success', 'ServiceUnavailable', 'ServiceUnavailable', 'ServiceUnavailable']);
  });

  it('idempotency: a replayed key → one OperateInstance, Idempotent-Replayed: true; another body → 422', async () => {
    const init = { method: 'POST', body: JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }), headers: { 'Idempotency-Key': crypto.randomUUID() } };
    const first = await call('/v1/instances/operate', init);
    const replay = await call('/v1/instances/operate', init);
    expect([first.status, replay.status]).toEqual([202, 202]);
    expect([first.headers.get('Idempotent-Replayed'), replay.headers.get('Idempotent-Replayed')]).toEqual([null, 'true']);
    expect(await replay.json()).toEqual(await first.json());
    expect(replay.headers.get('Location')).toBe(first.headers.get('Location'));
    const reused = await call('/v1/instances/operate', { ...init, body: JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'shutdown_ecs' }) });
    expect(reused.status).toBe(422);
    expect(await journal('OperateInstance')).toEqual(['Success']);
  });

  it('retry: a GET past one 503 → 200 and two DescribeInstanceList calls', async () => {
    await control('POST', '/faults', { Action: 'DescribeInstanceList', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const res = await call('/v1/instances', { token: 't-read' });
    expect(res.status).toBe(200);
    expect(await journal('DescribeInstanceList')).toEqual(['ServiceUnavailable', 'Success']);
  });

  it('no retry: a failed PATCH → 502 and exactly one ModifyInstanceName call', async () => {
    await control('POST', '/faults', { Action: 'ModifyInstanceName', Status: 500, Code: 'InternalError', Times: 1 });
    const res = await call('/v1/instances/ins-demand-cpu-ssd', { method: 'PATCH', body: JSON.stringify({ Name: 'renamed' }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(res.status).toBe(502);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await journal('ModifyInstanceName')).toEqual(['InternalError']);
  });

  it('timeout: an upstream slower than CDS_TIMEOUT_MS → 504 UpstreamTimeout, one call', async () => {
    await control('POST', '/faults', { Action: 'DescribeInstance', DelayMs: CDS_TIMEOUT_MS * 3, Times: 1 });
    const t0 = Date.now();
    const res = await call('/v1/instances/ins-demand-cpu-ssd', { token: 't-read' });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { code: string }).code).toBe('UpstreamTimeout');
    expect(Date.now() - t0).toBeLessThan(CDS_TIMEOUT_MS + 1500);
    expect(await journal('DescribeInstance')).toHaveLength(1);
  });
});
