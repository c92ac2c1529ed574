import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { startOfflineStack, type OfflineStack } from '../../emulator/kit/offline-stack';
import { fmtMs, mean, percentile, table } from './stats';

// Node only: how long a fresh startOfflineStack takes until its first answer, and what a stack
// costs in memory (Node heap + the workerd processes Miniflare starts) with several alive at once.
// Usage: node --expose-gc --import tsx test/bench/offline-stack.ts [result.json]

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const RUNS = 8;
const ALIVE = 4;

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

/** Start to the first gateway answer (an authenticated GET through worker and emulator). */
async function timedStart(): Promise<{ stack: OfflineStack; ms: number }> {
  const t0 = performance.now();
  const stack = await startOfflineStack({ clock: 'manual' });
  const res = await stack.fetch('/v1/instances/ins-demand-cpu-ssd', { headers: { Authorization: `Bearer ${stack.token}` } });
  if (res.status !== 200) throw new Error(`first answer: ${res.status}`);
  return { stack, ms: performance.now() - t0 };
}

export interface OfflineStackResult {
  workerBytes: number;
  firstStartMs: number;
  start: { mean: number; p50: number; p99: number; samples: number };
  heapPerStack: number;
  workerdRssPerStack: number;
}

const built = await buildWorkerBundle(join(process.cwd(), 'dist', 'worker', 'index.js'));
const first = await timedStart(); // the first in a process also loads miniflare and workerd from disk
await first.stack.dispose();
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
await Promise.all(alive.map((s) => s.dispose()));

const result: OfflineStackResult = {
  workerBytes: built.bytes,
  firstStartMs: first.ms,
  start: { mean: mean(times), p50: percentile(times, 50), p99: percentile(times, 99), samples: times.length },
  heapPerStack: (heap1 - heap0) / ALIVE,
  workerdRssPerStack: (rss1 - rss0) / ALIVE,
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
console.log(`\nstartOfflineStack — Node ${process.version}, worker bundle ${(built.bytes / 1024).toFixed(0)} KiB, start = until the first gateway answer\n`);
console.log(
  table(
    ['figure', 'value'],
    [
      ['first stack in the process (loads miniflare, spawns workerd)', fmtMs(result.firstStartMs)],
      [`fresh stack, mean of ${RUNS}`, fmtMs(result.start.mean)],
      ['fresh stack, p50 / p99', `${fmtMs(result.start.p50)} / ${fmtMs(result.start.p99)}`],
      [`Node heap per stack (${ALIVE} alive)`, mb(result.heapPerStack)],
      [`workerd resident memory per stack (${ALIVE} alive)`, mb(result.workerdRssPerStack)],
    ],
  ),
);
const out = process.argv[2];
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
