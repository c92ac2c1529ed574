import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { buildStackHostBundle } from '../../emulator/kit/stack-host/bundle';
import { GATEWAY_WORKER_SETTINGS } from '../../emulator/kit/gateway-worker';
import { EmulatorControlError, startOfflineStack, type OfflineStack } from '../../emulator/kit/offline-stack';
import { hostedStackReport, openHostedGateway, sharedRuntimeRunning, type HostedGateway } from '../../emulator/kit/stack-host/host';
import { STACK_HEADER } from '../../emulator/kit/stack-host/protocol';
import { createEmulator, type Emulator } from '../../emulator';
import { createEmulatorControl } from '../../emulator/kit/emulator-control';

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

describe('stacks share one workerd and nothing else', () => {
  const auth = (s: OfflineStack) => ({ Authorization: `Bearer ${s.token}` });

  it('two open stacks do not see each other\'s instances, cached copies or idempotency records', async () => {
    // Same access key and token in both: only the stack keeps their KV keys and objects apart.
    const [a, b] = [await stack({ clock: 'manual' }), await stack({ clock: 'manual' })];
    // a's copy of the regions (in KV and in its app's memory) is not b's.
    expect((await a.fetch('/v1/regions', { headers: auth(a) })).headers.get('x-cache')).toBe('MISS');
    expect((await a.fetch('/v1/regions', { headers: auth(a) })).headers.get('x-cache')).toBe('HIT');
    const journalBefore = (await b.emulator.journal()).filter((e) => e.Action === 'DescribeRegions').length;
    expect((await b.fetch('/v1/regions', { headers: auth(b) })).headers.get('x-cache')).toBe('MISS');
    expect((await b.emulator.journal()).filter((e) => e.Action === 'DescribeRegions')).toHaveLength(journalBefore + 1);

    const [id] = await a.emulator.createInstances({ Status: 'running' });
    expect((await a.client.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: id! } } })).response.status).toBe(200);
    expect((await b.client.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: id! } } })).response.status).toBe(404);


    const restart = (s: OfflineStack) => s.client.POST('/v1/instances/operate', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }, headers: { 'Idempotency-Key': 'shared-key' } });
    const first = await restart(b);
    const fromA = await restart(a);
    expect(fromA.response.headers.get('idempotent-replayed')).toBeNull();
    expect(fromA.data!.EventId).not.toBe(first.data!.EventId);
    expect((await restart(b)).data!.EventId).toBe(first.data!.EventId);
  }, 30_000);

  it('closing one stack leaves the other working; the closed one refuses clearly', async () => {
    const [a, b] = [await startOfflineStack({ clock: 'manual' }), await stack({ clock: 'manual' })];
    const restart = (s: OfflineStack) => s.client.POST('/v1/instances/operate', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }, headers: { 'Idempotency-Key': 'kept' } });
    const kept = await restart(b);
    await restart(a);
    await a.dispose();
    await a.dispose(); // twice is fine
    await expect(a.fetch('/v1/regions', { headers: auth(a) })).rejects.toThrow(/disposed/);
    expect((await b.fetch('/v1/regions', { headers: auth(b) })).status).toBe(200);
    const again = await restart(b);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data!.EventId).toBe(kept.data!.EventId);
  }, 30_000);
});

describe('the stack host', () => {
  async function hosted(emulator: Emulator): Promise<HostedGateway> {
    const account = [...emulator.store.accounts.values()][0]!;
    return openHostedGateway({
      upstream: emulator.fetch,
      vars: (host) => ({ CDS_API_HOST: host, CDS_API_SCHEMA: 'http', CDS_SECRET_ID: account.AccessKeyId, CDS_SECRET_KEY: account.SecretKey, GATEWAY_TOKENS: 't:write', ACCESS_LOG: 'off' }),
    });
  }
  const get = (g: HostedGateway, path: string, headers: [string, string][] = []) => g.fetch(`http://gateway.test${path}`, { method: 'GET', headers: [['authorization', 'Bearer t'], ...headers] });

  it('closing a stack frees its KV keys and idempotency records', async () => {
    const g = await hosted(createEmulator({ clock: 'manual' }));
    expect((await get(g, '/v1/regions')).status).toBe(200);
    const body = new TextEncoder().encode(JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' })).buffer as ArrayBuffer;
    const post = await g.fetch('http://gateway.test/v1/instances/operate', { method: 'POST', headers: [['authorization', 'Bearer t'], ['content-type', 'application/json'], ['idempotency-key', 'k1']], body });
    expect(post.status).toBe(202);
    const open = await hostedStackReport(g.id);
    expect(open.Open).toBe(true);
    expect(open.KvKeys).toBeGreaterThan(0);
    expect(open.IdempotencyObjects).toBe(1);
    const freed = await g.close();
    expect(freed).toEqual({ KvKeys: open.KvKeys, IdempotencyRecords: 1 });
    expect(await g.close()).toEqual(freed);
    expect(await hostedStackReport(g.id)).toEqual({ Open: false, KvKeys: 0, IdempotencyObjects: 0 });
  }, 30_000);

  it('a request goes to the stack whose fetch sent it, whatever stack header it carries', async () => {
    const [ea, eb] = [createEmulator({ clock: 'manual' }), createEmulator({ clock: 'manual' })];
    const [a, b] = [await hosted(ea), await hosted(eb)];
    try {
      expect((await get(a, '/v1/instances/ins-demand-cpu-ssd', [[STACK_HEADER, b.id]])).status).toBe(200);
      expect((await createEmulatorControl(ea).journal()).some((e) => e.Action === 'DescribeInstance')).toBe(true);
      expect(await createEmulatorControl(eb).journal()).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 30_000);
});

describe('the shared workerd', () => {
  it('is disposed after the last stack closes, and a later stack starts a new one', async () => {
    await Promise.all(stacks.splice(0).map((s) => s.dispose()));
    expect(sharedRuntimeRunning()).toBe(true);
    await expect.poll(sharedRuntimeRunning, { timeout: 10_000 }).toBe(false);
    const s = await stack({ clock: 'manual' });
    expect(sharedRuntimeRunning()).toBe(true);
    expect((await s.fetch('/v1/regions', { headers: { Authorization: `Bearer ${s.token}` } })).status).toBe(200);
  }, 30_000);

  it('does not keep a process from exiting once its stacks are closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-stack-exit-'));
    const script = join(dir, 'script.mts');
    writeFileSync(
      script,
      [
        `import { startOfflineStack } from ${JSON.stringify(join(process.cwd(), 'emulator/kit/offline-stack.ts'))};`,
        'const [a, b] = await Promise.all([startOfflineStack({ quiet: true }), startOfflineStack({ quiet: true })]);',
        "const res = await b.fetch('/v1/regions', { headers: { Authorization: `Bearer ${b.token}` } });",
        'await Promise.all([a.dispose(), b.dispose()]);',
        'console.log(`answered ${res.status}`);',
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // No deadline of our own: the test's timeout is the hang this guards against.
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out.trim()).toBe('answered 200');
    expect(code).toBe(0);
  }, 45_000);
});
