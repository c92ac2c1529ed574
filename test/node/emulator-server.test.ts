import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDurations } from '../../emulator/bin/settings';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// Drives `npm run emulator` over real HTTP with a client written here from docs/upstream-protocol.md alone
// (node:crypto, its own encoding), as a user of another language would.

let proc: Spawned;
let base = '';

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

async function signed(method: 'GET' | 'POST', service: string, action: string, params: Record<string, string> = {}, body?: unknown, key = { id: 'node-ak', secret: 'node-sk' }) {
  const all: Record<string, string> = {
    ...params,
    Action: action,
    AccessKeyId: key.id,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2019-08-08',
  };
  const canonical = Object.keys(all)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((k) => `${enc(k)}=${enc(all[k]!)}`)
    .join('&');
  const sts = `${method}&%2F&${enc(canonical)}`;
  const sig = createHmac('sha1', key.secret).update(sts).digest('base64');
  const res = await fetch(`${base}/${service}/v1?${canonical}&Signature=${enc(sig)}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
  return { status: res.status, body: (await res.json()) as any };
}

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}/_emulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proc = spawnGroup('npm', ['run', 'emulator'], { EMULATOR_PORT: String(port), EMULATOR_CLOCK: 'manual', EMULATOR_ACCESS_KEYS: 'node-ak:node-sk,second-ak:second-sk', EMULATOR_DURATIONS: 'extend_disk=2' });
  await waitFor(`${base}/_emulator/health`, proc, 30_000);
}, 40_000);

afterAll(() => stopGroup(proc));

describe('npm run emulator over real HTTP (manual clock)', () => {
  it('prints a banner with the key ids and no secrets', () => {
    expect(proc.output()).toContain('ECS emulator listening on');
    expect(proc.output()).toContain('node-ak, second-ak');
    expect(proc.output()).not.toContain('node-sk');
    expect(proc.output()).toContain('clock: manual');
    expect(proc.output()).toContain(`dashboard: ${base}/_emulator/ui`);
  });

  it('health reports the manual clock and accounts from EMULATOR_ACCESS_KEYS', async () => {
    const h = await control('GET', '/health');
    expect(h.body).toMatchObject({ Status: 'ok', Clock: { Mode: 'manual' }, Accounts: ['node-ak', 'second-ak'] });
  });

  it('an independent signer is accepted; a wrong secret gets the string-to-sign back', async () => {
    const ok = await signed('GET', 'ecs', 'DescribeInstanceList', { PageNumber: '1', PageSize: '2' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ code: 'Success', PageNumber: 1, PageSize: 2, TotalCount: 5 });
    const bad = await signed('GET', 'ecs', 'DescribeRegions', {}, undefined, { id: 'node-ak', secret: 'nope' });
    expect(bad.status).toBe(403);
    expect(bad.body.Code).toBe('SignatureDoesNotMatch');
    expect(bad.body.Msg).toContain('GET&%2F&AccessKeyId%3Dnode-ak%26Action%3DDescribeRegions');
    const stranger = await signed('GET', 'ecs', 'DescribeRegions', {}, undefined, { id: 'who', secret: 'x' });
    expect([stranger.status, stranger.body.Code]).toEqual([403, 'InvalidAccessKeyId']);
  });

  it('restart: restarting + event doing → clock advance → running + event success', async () => {
    const op = await signed('POST', 'ecs', 'OperateInstance', {}, { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' });
    expect(op.status).toBe(200);
    const EventId = op.body.Data.EventId as string;
    expect((await signed('GET', 'ecs', 'DescribeInstance', { EcsId: 'ins-demand-cpu-ssd' })).body.Data.Status).toBe('restarting');
    expect((await signed('GET', 'ecs', 'DescribeEvent', { EventId })).body.Data.EventStatus).toBe('doing');
    expect((await control('POST', '/clock/advance', { Seconds: 12 })).status).toBe(200);
    expect((await signed('GET', 'ecs', 'DescribeInstance', { EcsId: 'ins-demand-cpu-ssd' })).body.Data.Status).toBe('running');
    const e = await signed('GET', 'ecs', 'DescribeEvent', { EventId });
    expect(e.body.Data.EventStatus).toBe('success');
    expect(e.body.Data.TaskList[0].EndTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('extend a disk on /ebs/v1, a unicode search on /ecs/v1, the journal, reset', async () => {
    const x = await signed('POST', 'ebs', 'ExtendDisk', {}, { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 104 });
    expect(x.status).toBe(200);
    await control('POST', '/clock/advance', { Seconds: 1 });
    expect((await signed('GET', 'ebs', 'DescribeEvent', { EventId: x.body.Data.EventId })).body.Data.EventStatus).toBe('doing');
    // EMULATOR_DURATIONS=extend_disk=2 shortened the default 6 s.
    await control('POST', '/clock/advance', { Seconds: 1 });
    expect((await signed('GET', 'ebs', 'DescribeEvent', { EventId: x.body.Data.EventId })).body.Data.EventStatus).toBe('success');
    const s = await signed('GET', 'ecs', 'DescribeInstanceList', { SearchInfo: '渲染 *' });
    expect([s.status, s.body.TotalCount]).toEqual([200, 0]);
    const j = await control('GET', '/journal');
    expect(j.body.Entries.some((e: { Action: string; Path: string }) => e.Action === 'ExtendDisk' && e.Path === '/ebs/v1')).toBe(true);
    expect((await control('POST', '/reset')).body).toMatchObject({ Seed: 'default', Instances: 5 });
    const d = await signed('GET', 'ecs', 'DescribeInstance', { EcsId: 'ins-demand-cpu-ssd' });
    expect(d.body.Data.Disk.DataDiskConf[0].Size).toBe(96);
  });

  it('the second account is isolated', async () => {
    const other = await signed('GET', 'ecs', 'DescribeInstanceList', {}, undefined, { id: 'second-ak', secret: 'second-sk' });
    expect(other.body.TotalCount).toBe(0);
  });

  it('unreadable POST JSON → 400 InvalidParameter', async () => {
    const all: Record<string, string> = {
      Action: 'ModifyInstanceName', AccessKeyId: 'node-ak', SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(),
      SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2019-08-08',
    };
    const canonical = Object.keys(all).sort().map((k) => `${enc(k)}=${enc(all[k]!)}`).join('&');
    const sig = createHmac('sha1', 'node-sk').update(`POST&%2F&${enc(canonical)}`).digest('base64');
    const res = await fetch(`${base}/ecs/v1?${canonical}&Signature=${enc(sig)}`, { method: 'POST', body: '{"EcsId":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Code: string }).Code).toBe('InvalidParameter');
  });

  it('DescribeDisk as the Go SDK sends it: GET with the DiskId in a JSON body, nothing in the query', async () => {
    const all: Record<string, string> = {
      Action: 'DescribeDisk', AccessKeyId: 'node-ak', SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(),
      SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2019-08-08',
    };
    const canonical = Object.keys(all).sort().map((k) => `${enc(k)}=${enc(all[k]!)}`).join('&');
    const sig = createHmac('sha1', 'node-sk').update(`GET&%2F&${enc(canonical)}`).digest('base64');
    const body = JSON.stringify({ DiskId: 'disk-demand-cpu-ssd-data' });
    // fetch refuses a GET body; node:http sends it with a Content-Length, as Go's client does.
    const res = await rawRequest('GET', `/ebs/v1?${canonical}&Signature=${enc(sig)}`, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body).Data.DiskInfo).toMatchObject({ DiskId: 'disk-demand-cpu-ssd-data', Status: 'running', EcsId: 'ins-demand-cpu-ssd' });
  });
});

/** A request through node:http, which sends the Host header it is given (fetch does not). */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject).end(body);
  });
}

describe('npm run emulator: the control API answers loopback only', () => {
  it('a foreign Host (DNS rebinding) or a foreign Origin gets 403; localhost is fine', async () => {
    const port = new URL(base).port;
    const rebound = await rawRequest('GET', '/_emulator/state', { host: `attacker.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ Code: 'Forbidden' });
    expect((await rawRequest('GET', '/_emulator/health', { host: `localhost:${port}` })).status).toBe(200);
    expect((await rawRequest('POST', '/_emulator/reset', { host: `127.0.0.1:${port}`, origin: 'https://attacker.example' })).status).toBe(403);
  });

  it('a body sent the way curl -d sends it (form type) is read as JSON', async () => {
    const r = await rawRequest('POST', '/_emulator/faults', { host: new URL(base).host, 'content-type': 'application/x-www-form-urlencoded' }, '{"Status":503,"Times":1}');
    expect(r.status).toBe(201);
    expect((await control('GET', '/faults')).body.Faults).toHaveLength(1);
    await control('DELETE', '/faults');
  });
});

describe('EMULATOR_DURATIONS parsing', () => {
  it('reads kind=seconds pairs and refuses unknown kinds or bad numbers', () => {
    expect(parseDurations('restart_ecs=2, extend_disk=0.5')).toEqual({ restart_ecs: 2, extend_disk: 0.5 });
    expect(parseDurations(undefined)).toEqual({});
    expect(() => parseDurations('reboot=2')).toThrow(/reboot/);
    expect(() => parseDurations('restart_ecs=-1')).toThrow(/restart_ecs=-1/);
  });
});
