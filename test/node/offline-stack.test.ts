import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { buildStackHostBundle } from '../../emulator/kit/stack-host/bundle';
import { GATEWAY_WORKER_SETTINGS } from '../../emulator/kit/gateway-worker';
import { EmulatorControlError, startOfflineStack, type OfflineStack } from '../../emulator/kit/offline-stack';

// startOfflineStack from source, on the bundles built here (what the package ships in dist/worker).

let bundle: Awaited<ReturnType<typeof buildWorkerBundle>>;
const stacks: OfflineStack[] = [];
beforeAll(async () => {
  bundle = await buildWorkerBundle(join(process.cwd(), 'dist', 'worker', 'index.js'));
  await buildStackHostBundle(join(process.cwd(), 'dist', 'worker', 'stack-host.js'));
}, 60_000);
afterAll(() => Promise.all(stacks.map((s) => s.dispose())));

async function stack(options?: Parameters<typeof startOfflineStack>[0]): Promise<OfflineStack> {
  const s = await startOfflineStack(options);
  stacks.push(s);
  return s;
}

describe('the worker bundle', () => {
  it('holds the gateway only: neither the kit, the emulator nor miniflare is in its import graph', () => {
    expect(bundle.inputs.some((i) => i.startsWith('worker/'))).toBe(true);
    expect(bundle.inputs.filter((i) => i.startsWith('emulator/') || i.includes('node_modules/miniflare/') || i.includes('node_modules/openapi-fetch/'))).toEqual([]);
  });

  it('runs with the compatibility date and bindings of wrangler.toml', () => {
    const toml = readFileSync('wrangler.toml', 'utf8');
    expect(toml).toContain(`compatibility_date = "${GATEWAY_WORKER_SETTINGS.compatibilityDate}"`);
    expect([...toml.matchAll(/^binding = "(\w+)"/gm)].map((m) => m[1])).toEqual([...GATEWAY_WORKER_SETTINGS.kvNamespaces]);
    const [name, durable] = Object.entries(GATEWAY_WORKER_SETTINGS.durableObjects)[0]!;
    expect(toml).toMatch(new RegExp(`name = "${name}"\\s+class_name = "${durable.className}"`));
    expect(toml).toContain(`new_sqlite_classes = ["${durable.className}"]`);
  });
});

describe('startOfflineStack', () => {
  it('quiet: true silences the access log the gateway writes to the test output; by default it is on', async () => {
    // Miniflare reads workerd's stdout line by line and hands each line to console.log.
    const written: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
    const logLines = async (s: OfflineStack) => {
      written.length = 0;
      expect((await s.fetch('/v1/regions', { headers: { Authorization: `Bearer ${s.token}` } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300)); // the line is piped asynchronously
      return written.filter((l) => l.includes('"msg":"request"'));
    };
    try {
      expect(await logLines(await stack({ quiet: true }))).toEqual([]);
      expect(await logLines(await stack())).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  }, 30_000);

  it('answers through the gateway with its token, and refuses without it', async () => {
    const s = await stack({ clock: 'manual' });
    expect(s.url).toBeUndefined();
    expect((await s.fetch('/v1/regions')).status).toBe(401);
    const res = await s.fetch('/v1/regions', { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBe('MISS');
    // A null-body answer passes through (the Response class refuses a body for 304).
    const again = await s.fetch('/v1/regions', { headers: { Authorization: `Bearer ${s.token}`, 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  }, 30_000);

  it('keeps stacks apart: faults, journal, KV cache and idempotency records are per stack', async () => {
    const [a, b] = [await stack({ clock: 'manual' }), await stack({ clock: 'manual' })];
    await a.emulator.addFault({ Action: 'DescribeRegions', Status: 503 });
    const headers = { Authorization: `Bearer ${a.token}` };
    expect((await a.fetch('/v1/regions', { headers })).status).toBe(502);
    expect((await b.fetch('/v1/regions', { headers: { Authorization: `Bearer ${b.token}` } })).headers.get('x-cache')).toBe('MISS');
    const operate = (s: OfflineStack) =>
      s.client.POST('/v1/instances/operate', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }, headers: { 'Idempotency-Key': 'same-key' } });
    const first = await operate(a);
    expect((await operate(a)).response.headers.get('idempotent-replayed')).toBe('true');
    const other = await operate(b);
    expect(other.response.headers.get('idempotent-replayed')).toBeNull();
    expect(other.data!.EventId).not.toBe(first.data!.EventId);
    expect((await b.emulator.journal()).every((e) => e.Status !== 503)).toBe(true);
  }, 30_000);

  it('waitForEvent answers a failed event, and gives up after timeoutMs when the clock stands still', async () => {
    const s = await stack({ clock: 'manual', seed: { Instances: [{ EcsId: 'ins-a' }] }, accessKeys: 'kit-ak:kit-sk' });
    await s.emulator.addFault({ EcsId: 'ins-a', FailNextTransition: true });
    const { data } = await s.client.POST('/v1/instances/operate', { body: { EcsIds: ['ins-a'], OpType: 'shutdown_ecs' } });
    await expect(s.client.waitForEvent(data!.EventId, { timeoutMs: 300, intervalMs: 50 })).rejects.toThrow(/still doing after 300 ms/);
    await s.emulator.advanceClock(8);
    expect((await s.client.waitForEvent(data!.EventId)).EventStatus).toBe('failed');
    const state = await s.emulator.state();
    expect(state.Accounts[0]!.AccessKeyId).toBe('kit-ak');
    expect(state.Accounts[0]!.Instances[0]!.Status).toBe('error');
    await expect(s.client.waitForEvent('no-such-event')).rejects.toThrow(/404 EventNotFound/);
  }, 30_000);

  it('control functions throw the emulator\'s refusal; createInstances and reset work', async () => {
    const s = await stack({ clock: 'manual' });
    await expect(s.emulator.addFault({ Action: 'DescribeRegions' } as never)).rejects.toThrow(EmulatorControlError);
    await expect(s.emulator.advanceClock(-1)).rejects.toThrow(/InvalidParameter: Seconds/);
    const [id] = await s.emulator.createInstances({ Status: 'shutdown' });
    const { data } = await s.client.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: id! } } });
    expect(data!.Status).toBe('shutdown');
    await s.emulator.reset();
    expect((await s.client.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: id! } } })).response.status).toBe(404);
    expect(await s.emulator.journal()).toHaveLength(1);
  }, 30_000);

  it('listens on a port and answers its url when asked', async () => {
    const s = await stack({ port: 0 });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${s.url}/v1/instances`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
  }, 30_000);
});
