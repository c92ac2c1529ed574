import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { wranglerCommand } from '../helpers/process-group';
import { zodForWorkers } from '../../worker/build/zod-for-workers';

// Node: the deployable gateway beside an empty Hono worker (test/bench/empty-hono), both bundled
// the same way (worker/build/bundle-worker.ts's esbuild settings):
// - startup: `wrangler check startup` (a CPU profile of the module's evaluation in local
//   workerd), median busy time (samples other than idle) over RUNS runs; its samples are a few
//   ms apart, so also the module evaluation timed in Node (same V8), median of 2·RUNS−1.
// Throughput and memory are measured on Miniflare, without a dev proxy (workerd.ts).
// Usage: tsx test/bench/edge.ts [result.json]

const RUNS = 5;
const ROOT = process.cwd();
const work = join(tmpdir(), `ecs-edge-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

export interface EdgeResult {
  startupMs: { gateway: number; emptyHono: number };
  evaluationMs: { gateway: number; emptyHono: number };
  bundleBytes: { gateway: number; emptyHono: number };
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

/** A wrangler.toml for a prebuilt bundle; the gateway's keeps its bindings. */
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

  return {
    startupMs: startup,
    evaluationMs: evaluation,
    bundleBytes: { gateway: readFileSync(gwBundle).byteLength, emptyHono: readFileSync(emptyBundle).byteLength },
  };
}

const result = await main();
console.log(JSON.stringify(result, null, 2));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(result));

