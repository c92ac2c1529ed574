import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { freePort, spawnGroup, stopGroup, waitFor, wranglerCommand, type Spawned } from '../helpers/process-group';
import { zodForWorkers } from '../../worker/build/zod-for-workers';

// Node: the deployable gateway beside an empty Hono worker (test/bench/empty-hono), both bundled
// the same way (worker/build/bundle-worker.ts's esbuild settings):
// - startup: `wrangler check startup` (a CPU profile of the module's evaluation in local
//   workerd), median busy time (samples other than idle) over RUNS runs; its samples are a few
//   ms apart, so also the module evaluation timed in Node (same V8), median of 2·RUNS−1;
// - throughput: cached GET /v1/regions (X-Cache HIT) under `wrangler dev`, CONCURRENCY
//   keep-alive loops on 127.0.0.1, DURATION_MS per worker in ROUNDS alternating rounds after a
//   warm-up, requests per second. Both dev servers run side by side.
// Usage: tsx test/bench/edge.ts [result.json]

const RUNS = 5;
const CONCURRENCY = 8;
const WARMUP_MS = 1_000;
const DURATION_MS = 8_000;
const ROUNDS = 8;
const ROOT = process.cwd();
const work = join(tmpdir(), `ecs-edge-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

export interface EdgeResult {
  startupMs: { gateway: number; emptyHono: number };
  evaluationMs: { gateway: number; emptyHono: number };
  bundleBytes: { gateway: number; emptyHono: number };
  throughput: { gateway: number; gatewayWithoutAccessLog: number; emptyHono: number; gatewayStatuses: Record<string, number> };
}

async function bundle(entry: string, outdir: string, forNode = false): Promise<string> {
  const outfile = join(outdir, forNode ? 'node.mjs' : 'index.js');
  await build({
    ...(forNode ? { alias: { 'cloudflare:workers': resolve(ROOT, 'test/bench/empty-hono/durable-object-stub.ts') } } : {}),
    entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'neutral', target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'], mainFields: ['browser', 'module', 'main'], external: ['cloudflare:*', 'node:*'],
    minify: true, legalComments: 'none', logLevel: 'warning', plugins: [zodForWorkers],
  });
  return outfile;
}

/** A wrangler.toml for a prebuilt bundle; the gateway's keeps its bindings, its rate limits lifted (the loop would hit them). */
function config(dir: string, name: string, main: string, gateway: boolean): string {
  let toml = `name = "${name}"\nmain = "${main}"\ncompatibility_date = "2026-04-01"\nno_bundle = true\nsend_metrics = false\n`;
  if (gateway) {
    const repo = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
    const from = repo.indexOf('[vars]');
    toml += '\n' + repo.slice(from).replace(/limit = \d+/g, 'limit = 1000000000');
  }
  const path = join(dir, 'wrangler.toml');
  writeFileSync(path, toml);
  return path;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Median over RUNS of the startup profile's busy time: every sample but `(idle)`, in ms. */
function startupMs(cfg: string, name: string): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(work, `${name}-startup-${i}.cpuprofile`);
    const [cmd, args] = wranglerCommand(['check', 'startup', '-c', cfg, '--outfile', out]);
    execFileSync(cmd, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
    const profile = JSON.parse(readFileSync(out, 'utf8')) as CpuProfile;
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    runs.push(profile.samples.reduce((busy, id, k) => (idle.has(id) ? busy : busy + profile.timeDeltas[k]!), 0) / 1000);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/**
 * Median over RUNS fresh Node processes of `await import(bundle)`: the module's evaluation (for
 * the gateway: zod schemas, OpenAPI registry, app) at a clock resolution workerd does not give.
 */
function evaluationMs(nodeBundle: string): number {
  const runs: number[] = [];
  const script = `const t = performance.now(); await import(${JSON.stringify(nodeBundle)}); console.log(performance.now() - t);`;
  for (let i = 0; i < RUNS * 2 - 1; i++) runs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()));
  return runs.sort((a, b) => a - b)[RUNS - 1]!;
}

interface Target {
  url: string;
  headers: Record<string, string>;
  requests: number;
  seconds: number;
  statuses: Record<string, number>;
}

/** CONCURRENCY sequential keep-alive loops against one target for ms; counted unless warming up. */
async function load(t: Target, ms: number, count: boolean): Promise<void> {
  const start = Date.now();
  const loop = async () => {
    while (Date.now() - start < ms) {
      const res = await fetch(t.url, { headers: t.headers, signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (!count) continue;
      t.requests += 1;
      const key = `${res.status} ${res.headers.get('X-Cache') ?? ''}`.trim();
      t.statuses[key] = (t.statuses[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  if (count) t.seconds += (Date.now() - start) / 1000;
}

/**
 * Requests per second of each target, measured in alternating rounds (a, b, a, b, ...) so that
 * the load other work puts on a shared machine falls on both alike.
 */
async function throughput(targets: Target[]): Promise<void> {
  for (const t of targets) await load(t, WARMUP_MS, false);
  for (let round = 0; round < ROUNDS; round++) for (const t of targets) await load(t, DURATION_MS / ROUNDS, true);
}

async function devServer(cfg: string, vars: string[]): Promise<{ proc: Spawned; base: string }> {
  const port = await freePort();
  const [cmd, args] = wranglerCommand(['dev', '-c', cfg, '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(await freePort()), ...vars.flatMap((v) => ['--var', v])]);
  const proc = spawnGroup(cmd, args, { WRANGLER_SEND_METRICS: 'false' });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/v1/regions`, proc, 60_000);
  return { proc, base };
}

async function main(): Promise<EdgeResult> {
  const gwDir = join(work, 'gateway');
  const emptyDir = join(work, 'empty-hono');
  const gwBundle = await bundle(resolve(ROOT, 'worker/index.ts'), gwDir);
  const emptyBundle = await bundle(resolve(ROOT, 'test/bench/empty-hono/index.ts'), emptyDir);
  const gwCfg = config(gwDir, 'bench-gateway', gwBundle, true);
  const emptyCfg = config(emptyDir, 'bench-empty-hono', emptyBundle, false);

  const startup = { gateway: startupMs(gwCfg, 'gateway'), emptyHono: startupMs(emptyCfg, 'empty-hono') };
  const evaluation = {
    gateway: evaluationMs(await bundle(resolve(ROOT, 'worker/index.ts'), gwDir, true)),
    emptyHono: evaluationMs(await bundle(resolve(ROOT, 'test/bench/empty-hono/index.ts'), emptyDir, true)),
  };

  const emuPort = await freePort();
  const emulator = spawnGroup('npm', ['run', 'emulator'], { EMULATOR_PORT: String(emuPort), EMULATOR_CLOCK: 'manual' });
  let gateway: Spawned | undefined;
  let gatewayQuiet: Spawned | undefined;
  let empty: Spawned | undefined;
  try {
    await waitFor(`http://127.0.0.1:${emuPort}/_emulator/health`, emulator, 30_000);
    const gw = await devServer(gwCfg, [`CDS_API_HOST:127.0.0.1:${emuPort}`, 'CDS_API_SCHEMA:http', 'CDS_SECRET_ID:test-ak', 'CDS_SECRET_KEY:test-sk', 'GATEWAY_TOKENS:bench-token:read']);
    gateway = gw.proc;
    const quiet = await devServer(gwCfg, [`CDS_API_HOST:127.0.0.1:${emuPort}`, 'CDS_API_SCHEMA:http', 'CDS_SECRET_ID:test-ak', 'CDS_SECRET_KEY:test-sk', 'GATEWAY_TOKENS:bench-token:read', 'ACCESS_LOG:off']);
    gatewayQuiet = quiet.proc;
    const em = await devServer(emptyCfg, []);
    empty = em.proc;
    const gwTarget: Target = { url: `${gw.base}/v1/regions`, headers: { Authorization: 'Bearer bench-token' }, requests: 0, seconds: 0, statuses: {} };
    const quietTarget: Target = { url: `${quiet.base}/v1/regions`, headers: { Authorization: 'Bearer bench-token' }, requests: 0, seconds: 0, statuses: {} };
    const emptyTarget: Target = { url: `${em.base}/v1/regions`, headers: {}, requests: 0, seconds: 0, statuses: {} };
    await throughput([gwTarget, quietTarget, emptyTarget]);
    return {
      startupMs: startup,
      evaluationMs: evaluation,
      bundleBytes: { gateway: readFileSync(gwBundle).byteLength, emptyHono: readFileSync(emptyBundle).byteLength },
      throughput: {
        gateway: gwTarget.requests / gwTarget.seconds,
        gatewayWithoutAccessLog: quietTarget.requests / quietTarget.seconds,
        emptyHono: emptyTarget.requests / emptyTarget.seconds,
        gatewayStatuses: gwTarget.statuses,
      },
    };
  } finally {
    await stopGroup(gateway);
    await stopGroup(gatewayQuiet);
    await stopGroup(empty);
    await stopGroup(emulator);
  }
}

const result = await main();
console.log(JSON.stringify(result, null, 2));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(result));

