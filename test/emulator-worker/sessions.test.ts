import { SELF, env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { EmulatorWorkerEnv } from '../../emulator/worker';
import { independentlySigned } from '../helpers/independent-signature';

// The emulator Worker (emulator/wrangler.toml) with two sessions, alpha-ak and beta-ak, a control
// token, and a manual clock (vitest.config.mts).

const TOKEN = 'control-secret';
const KEYS = { 'alpha-ak': 'alpha-sk', 'beta-ak': 'beta-sk' } as const;
type Session = keyof typeof KEYS;

async function wire(ak: Session | 'nobody', action: string, o: { body?: unknown; service?: 'ecs' | 'ebs'; params?: Record<string, string> } = {}) {
  const method = o.body === undefined ? 'GET' : 'POST';
  const signed = independentlySigned({ method, action, accessKeyId: ak, secretKey: ak === 'nobody' ? 'x' : KEYS[ak], params: o.params });
  const res = await SELF.fetch(`http://emulator/${o.service ?? 'ecs'}/v1?${signed.query}`, { method, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  return { status: res.status, body: (await res.json()) as { Code: string; Data?: any } };
}

function control(method: string, path: string, o: { session?: Session; token?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = {};
  if (o.token !== null) headers.authorization = `Bearer ${o.token ?? TOKEN}`;
  if (o.session) headers['x-emulator-access-key'] = o.session;
  return SELF.fetch(`http://emulator/_emulator${path}`, { method, headers, body: o.body });
}

/** Drops the object's in-memory emulator, as an eviction would: only its storage is left. */
const sessions = (env as unknown as EmulatorWorkerEnv).SESSIONS;
const forgetMemory = (ak: Session) =>
  runInDurableObject(sessions.get(sessions.idFromName(ak)), (instance: object) => {
    (instance as { emulator?: unknown }).emulator = undefined;
  });

const list = async (ak: Session) => ((await wire(ak, 'DescribeInstanceList')).body.Data.EcsList as { EcsId: string; EcsName: string }[]);

describe('the emulator as a Worker', () => {
  it('control calls need the bearer token: missing or wrong → 401, right → they work', async () => {
    expect((await control('GET', '/health', { token: null })).status).toBe(401);
    expect((await control('GET', '/health', { token: 'control-secreT' })).status).toBe(401);
    expect((await control('GET', '/health', { token: `${TOKEN}x` })).status).toBe(401);
    const ok = await control('GET', '/health');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { Accounts: string[] }).Accounts).toEqual(['alpha-ak']);
    expect((await control('GET', '/ui', { token: null })).status).toBe(401);
    expect((await control('GET', '/health', { session: 'nobody' as Session })).status).toBe(400);
  });

  it('an unknown access key is refused with the upstream envelope; a known one is served', async () => {
    const r = await wire('nobody', 'DescribeRegions');
    expect(r.status).toBe(403);
    expect(r.body.Code).toBe('InvalidAccessKeyId');
    expect((await wire('alpha-ak', 'DescribeRegions')).status).toBe(200);
  });

  it('two access keys have separate worlds: instances, faults, journal', async () => {
    await control('POST', '/reset', { session: 'alpha-ak' });
    await control('POST', '/reset', { session: 'beta-ak' });
    expect((await wire('alpha-ak', 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'alpha-only' } })).status).toBe(200);
    expect((await list('alpha-ak')).find((i) => i.EcsId === 'ins-demand-cpu-ssd')!.EcsName).toBe('alpha-only');
    expect((await list('beta-ak')).find((i) => i.EcsId === 'ins-demand-cpu-ssd')!.EcsName).not.toBe('alpha-only');

    const fault = await control('POST', '/faults', { session: 'beta-ak', body: JSON.stringify({ Action: 'DescribeRegions', Status: 503, Code: 'ServiceUnavailable' }) });
    expect(fault.status).toBe(201);
    expect((await wire('beta-ak', 'DescribeRegions')).status).toBe(503);
    expect((await wire('alpha-ak', 'DescribeRegions')).status).toBe(200);

    const journal = async (s: Session) => ((await (await control('GET', '/journal?Action=DescribeRegions', { session: s })).json()) as { Count: number; Entries: { AccessKeyId: string }[] });
    const a = await journal('alpha-ak');
    const b = await journal('beta-ak');
    expect(a.Entries.every((e) => e.AccessKeyId === 'alpha-ak')).toBe(true);
    expect(b.Entries.every((e) => e.AccessKeyId === 'beta-ak')).toBe(true);
    expect(b.Count).toBeGreaterThan(0);
  });

  it('snapshot export → change → restore → export is identical; the world survives the object being evicted', async () => {
    await control('POST', '/reset', { session: 'alpha-ak' });
    expect((await wire('alpha-ak', 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' } })).status).toBe(200);
    const before = await (await control('GET', '/snapshot', { session: 'alpha-ak' })).text();
    expect((await control('POST', '/snapshots', { session: 'alpha-ak', body: JSON.stringify({ Name: 'restarting' }) })).status).toBe(201);
    await wire('alpha-ak', 'ModifyInstanceName', { body: { EcsId: 'ins-month-cpu-ssd', Name: 'changed' } });
    await control('POST', '/clock/advance', { session: 'alpha-ak', body: '{"Seconds":60}' });
    expect(await (await control('GET', '/snapshot', { session: 'alpha-ak' })).text()).not.toBe(before);
    expect((await control('PUT', '/snapshot', { session: 'alpha-ak', body: before })).status).toBe(200);
    expect(await (await control('GET', '/snapshot', { session: 'alpha-ak' })).text()).toBe(before);

    // As after an eviction: the next call loads the world (and the named snapshot) from Durable Object storage.
    await forgetMemory('alpha-ak');
    expect(await (await control('GET', '/snapshot', { session: 'alpha-ak' })).text()).toBe(before);
    await wire('alpha-ak', 'ModifyInstanceName', { body: { EcsId: 'ins-month-cpu-ssd', Name: 'changed again' } });
    expect((await control('POST', '/snapshots/restarting/restore', { session: 'alpha-ak' })).status).toBe(200);
    expect(await (await control('GET', '/snapshot', { session: 'alpha-ak' })).text()).toBe(before);
  });

  it('a session can be created fresh from a given seed (reset with a body)', async () => {
    const seed = { Instances: [{ EcsId: 'ins-only-one', AvailableZoneCode: 'CN_Hohhot_B', Status: 'running', SystemDisk: { Size: 48, DiskFeature: 'ssd' } }] };
    const r = await control('POST', '/reset', { session: 'beta-ak', body: JSON.stringify(seed) });
    expect(r.status, await r.clone().text()).toBe(200);
    expect((await list('beta-ak')).map((i) => i.EcsId)).toEqual(['ins-only-one']);
    expect((await list('alpha-ak')).length).toBe(5);
  });
});
