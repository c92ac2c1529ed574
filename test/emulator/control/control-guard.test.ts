import { describe, expect, it } from 'vitest';
import { LOOPBACK_CONTROL_HOSTS, createEmulator, type Emulator } from '../../../emulator';
import { call, newEmulator } from '../../helpers/emulator-client';

// The control API has no signature: over the network it must answer the developer's own machine
// only (emulator/control/guard.ts), and its bodies must be JSON (no preflight-free browser posts).

const loopback = () => newEmulator({ controlHosts: LOOPBACK_CONTROL_HOSTS });
const raw = (emu: Emulator, url: string, init: RequestInit = {}) => emu.fetch(new Request(url, init));

describe('control API: accepted hosts', () => {
  it('loopback names answer: 127.0.0.1, localhost, [::1] (any port, any case)', async () => {
    const emu = loopback();
    for (const base of ['http://127.0.0.1:8788', 'http://localhost:8788', 'http://LOCALHOST', 'http://[::1]:8788'])
      expect((await raw(emu, `${base}/_emulator/health`)).status, base).toBe(200);
  });

  it('a foreign Host (DNS rebinding) gets 403 JSON and cannot read or change anything', async () => {
    const emu = loopback();
    const read = await raw(emu, 'http://attacker.example:8788/_emulator/state');
    expect(read.status).toBe(403);
    expect(read.headers.get('content-type')).toContain('application/json');
    const body = (await read.json()) as { Code: string; Msg: string };
    expect(body.Code).toBe('Forbidden');
    expect(body.Msg).toContain('attacker.example');
    expect(body.Msg).toContain('127.0.0.1, localhost, [::1]');
    expect(JSON.stringify(body)).not.toContain('ins-demand');
    const reset = await raw(emu, 'http://attacker.example:8788/_emulator/reset', { method: 'POST', body: '{"Instances":[]}', headers: { 'content-type': 'application/json' } });
    expect(reset.status).toBe(403);
    expect(emu.store.account('test-ak')!.Instances.size).toBe(5);
  });

  it('host names that only start like a loopback name are foreign (no prefix match): Host and Origin', async () => {
    const emu = loopback();
    const lookalikes = ['localhost.evil.example', '127.0.0.1.nip.io', 'localhost.', '127.0.0.1evil.example', 'localhostx', '127.0.0.10', 'localhost.evil.example:8788', '127.0.0.1.nip.io:8788'];
    for (const host of lookalikes) {
      const r = await raw(emu, 'http://127.0.0.1:8788/_emulator/state', { headers: { host } });
      expect(r.status, host).toBe(403);
      const o = await raw(emu, 'http://127.0.0.1:8788/_emulator/reset', { method: 'POST', headers: { origin: `http://${host}` } });
      expect(o.status, `Origin ${host}`).toBe(403);
    }
    expect(emu.store.account('test-ak')!.Instances.size).toBe(5);
  });

  it('the Host header decides, not only the URL the request was built with', async () => {
    const emu = loopback();
    const r = await raw(emu, 'http://127.0.0.1:8788/_emulator/state', { headers: { host: 'rebound.example:8788' } });
    expect(r.status).toBe(403);
  });

  it('a cross-site page (foreign Origin) cannot even reset with an empty body; a loopback origin can', async () => {
    const emu = loopback();
    const foreign = await raw(emu, 'http://127.0.0.1:8788/_emulator/reset', { method: 'POST', headers: { origin: 'https://news.example' } });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { Msg: string }).Msg).toContain('origin https://news.example');
    expect((await raw(emu, 'http://127.0.0.1:8788/_emulator/reset', { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
    expect((await raw(emu, 'http://127.0.0.1:8788/_emulator/reset', { method: 'POST', headers: { origin: 'http://localhost:3000' } })).status).toBe(200);
  });

  it('the wire API is not the control API: a foreign Host still reaches /ecs/v1 (it is signed)', async () => {
    const emu = loopback();
    expect((await call(emu, 'DescribeRegions')).status).toBe(200); // helpers use http://emulator/…
  });

  it('in-process (default controlHosts "any"): any host, e.g. http://emulator/', async () => {
    expect((await raw(createEmulator({ clock: 'manual' }), 'http://emulator/_emulator/health')).status).toBe(200);
    expect((await raw(createEmulator({ clock: 'manual', controlHosts: ['emulator.test'] }), 'http://emulator.test/_emulator/health')).status).toBe(200);
    expect((await raw(createEmulator({ clock: 'manual', controlHosts: ['emulator.test'] }), 'http://emulator/_emulator/health')).status).toBe(403);
  });
});

describe('control API: bodies are JSON whatever their Content-Type', () => {
  const post = (emu: Emulator, path: string, body: string | undefined, headers: Record<string, string> = {}) =>
    raw(emu, `http://127.0.0.1:8788/_emulator${path}`, { method: 'POST', body, headers });

  it('reads a body sent as curl -d sends it (form type) or with no type at all', async () => {
    const emu = loopback();
    expect((await post(emu, '/faults', '{"Status":503}', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(201);
    expect((await post(emu, '/clock/advance', '{"Seconds":5}')).status).toBe(200);
    expect((await post(emu, '/reset', '{"Instances":[]}', { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
    expect(emu.store.account('test-ak')!.Instances.size).toBe(0);
    const empty = await post(emu, '/reset', undefined);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ Seed: 'default', Instances: 5 });
  });

  it('a simple cross-site POST from a web page (text/plain, foreign Origin) changes nothing', async () => {
    const emu = loopback();
    const r = await post(emu, '/reset', '{"Instances":[]}', { 'content-type': 'text/plain', origin: 'https://attacker.example' });
    expect(r.status).toBe(403);
    expect(emu.store.account('test-ak')!.Instances.size).toBe(5);
  });

  it('a body that is not JSON → 400 InvalidParameter, nothing changes', async () => {
    const emu = loopback();
    const r = await post(emu, '/faults', 'Status=503', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ Code: 'InvalidParameter' });
    expect(emu.core.faults.list()).toEqual([]);
  });
});
