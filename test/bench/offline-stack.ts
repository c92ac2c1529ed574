import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../../emulator';
import { buildStackHostBundle } from '../../emulator/kit/stack-host/bundle';
import { emulatorUpstreamVars, startGatewayWorker } from '../../emulator/kit/gateway-worker';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { startOfflineStack, type OfflineStack } from '../../emulator/kit/offline-stack';
import { fmtMs, mean, percentile, table } from './stats';

// Node only: how long startOfflineStack takes until its first answer, and what a stack costs in
// memory (Node heap + the resident memory of the workerd process Miniflare starts): the first
// stack of a process (starts the shared workerd) beside fresh stacks after it (a gateway app in
// the same workerd), and beside the design before it, one Miniflare (one workerd) per stack, measured
// in the same run. Usage: node --expose-gc --import tsx test/bench/offline-stack.ts [result.json]

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const RUNS = 15;
const ALIVE = 8;
/** The design before: few runs, each costs a workerd. */
const OWN_RUNS = 5;
const OWN_ALIVE = 2;

/** Resident memory of this process's children (workerd), in bytes. */
function childrenRss(): number {
  const out = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'rss='], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).reduce((sum, kb) => sum + Number(kb) * 1024, 0);
}
async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}
/** Node heap + workerd RSS, after gc. */
const memory = async () => (await heap()) + childrenRss();

/** Start to the first gateway answer (an authenticated GET through worker and emulator). */
async function timedStart(): Promise<{ stack: OfflineStack; ms: number }> {
  const t0 = performance.now();
  const stack = await startOfflineStack({ clock: 'manual', quiet: true });
  const res = await stack.fetch('/v1/instances/ins-demand-cpu-ssd', { headers: { Authorization: `Bearer ${stack.token}` } });
  if (res.status !== 200) throw new Error(`first answer: ${res.status}`);
  return { stack, ms: performance.now() - t0 };
}

/** The design before: the gateway bundle on a Miniflare of its own, the same emulator upstream. */
async function timedOwnRuntime(): Promise<{ dispose: () => Promise<void>; ms: number }> {
  const t0 = performance.now();
  const emulator = createEmulator({ clock: 'manual' });
  const account = [...emulator.store.accounts.values()][0]!;
  const mf = startGatewayWorker({
    upstream: emulator.fetch,
    vars: { ...emulatorUpstreamVars({ host: 'ecs-emulator.offline', accessKeyId: account.AccessKeyId, secretKey: account.SecretKey, token: 't' }), ACCESS_LOG: 'off' },
  });
  await mf.ready;
  const res = await mf.dispatchFetch('http://gateway.offline/v1/instances/ins-demand-cpu-ssd', { headers: { Authorization: 'Bearer t' } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`first answer (own runtime): ${res.status}`);
  return { dispose: () => mf.dispose(), ms: performance.now() - t0 };
}

export interface OfflineStackResult {
  hostBytes: number;
  first: { startMs: number; memoryBytes: number };
  fresh: { median: number; mean: number; p99: number; samples: number; memoryBytes: number; heapBytes: number; workerdRssBytes: number; alive: number };
  /** One Miniflare per stack (the design before), after a warm-up one. */
  ownRuntime: { median: number; samples: number; memoryBytes: number; alive: number };
}

const built = await buildStackHostBundle(join(process.cwd(), 'dist', 'worker', 'stack-host.js'));
await buildWorkerBundle(join(process.cwd(), 'dist', 'worker', 'index.js'));
const m0 = await memory();
// The first in a process also loads miniflare, spawns workerd and evaluates the gateway there.
const first = await timedStart();
const firstMemory = (await memory()) - m0;

// Fresh stacks while the first stays open (the shared workerd is up): start, answer, close.
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { stack, ms } = await timedStart();
  times.push(ms);
  await stack.dispose();
}

const [heap0, rss0] = [await heap(), childrenRss()];
const alive: OfflineStack[] = [];
for (let i = 0; i < ALIVE; i++) alive.push((await timedStart()).stack);
const [heap1, rss1] = [await heap(), childrenRss()];
await Promise.all([...alive, first.stack].map((s) => s.dispose()));

// The design before, in the same run (miniflare is loaded by now: each start is a workerd spawn).
await (await timedOwnRuntime()).dispose();
const ownTimes: number[] = [];
for (let i = 0; i < OWN_RUNS; i++) {
  const { dispose, ms } = await timedOwnRuntime();
  ownTimes.push(ms);
  await dispose();
}
const own0 = await memory();
const ownAlive = [];
for (let i = 0; i < OWN_ALIVE; i++) ownAlive.push(await timedOwnRuntime());
const ownMemory = ((await memory()) - own0) / OWN_ALIVE;
await Promise.all(ownAlive.map((o) => o.dispose()));

const result: OfflineStackResult = {
  hostBytes: built.bytes,
  first: { startMs: first.ms, memoryBytes: firstMemory },
  fresh: {
    median: percentile(times, 50),
    mean: mean(times),
    p99: percentile(times, 99),
    samples: times.length,
    heapBytes: (heap1 - heap0) / ALIVE,
    workerdRssBytes: (rss1 - rss0) / ALIVE,
    memoryBytes: (heap1 - heap0 + rss1 - rss0) / ALIVE,
    alive: ALIVE,
  },
  ownRuntime: { median: percentile(ownTimes, 50), samples: ownTimes.length, memoryBytes: ownMemory, alive: OWN_ALIVE },
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
console.log(`\nstartOfflineStack — Node ${process.version}, stack host bundle ${(built.bytes / 1024).toFixed(0)} KiB, start = until the first gateway answer\n`);
console.log(
  table(
    ['stack', 'start', 'memory (Node heap + workerd RSS)'],
    [
      ['first in the process (loads miniflare, spawns the shared workerd)', fmtMs(result.first.startMs), mb(result.first.memoryBytes)],
      [
        `fresh, after the first (median of ${RUNS}; memory: ${ALIVE} alive)`,
        fmtMs(result.fresh.median),
        `${mb(result.fresh.memoryBytes)} (heap ${mb(result.fresh.heapBytes)} + workerd ${mb(result.fresh.workerdRssBytes)})`,
      ],
      ['fresh, mean / p99', `${fmtMs(result.fresh.mean)} / ${fmtMs(result.fresh.p99)}`, ''],
      [`before: one Miniflare per stack (median of ${OWN_RUNS}; memory: ${OWN_ALIVE} alive)`, fmtMs(result.ownRuntime.median), mb(result.ownRuntime.memoryBytes)],
    ],
  ),
);
const out = process.argv[2];
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
