import { writeFileSync } from 'node:fs';
import { createEmulator } from '../../emulator';
import { presignedUrls } from './presign';
import { fmtMs, mean, percentile, table } from './stats';

// Node only (run with --expose-gc): the emulator's heap per instance, and the time of
// DescribeInstanceList with every row (signed wire call, body read) at 1k vs 10k instances.
// Usage: node --expose-gc --import tsx test/bench/memory.ts [result.json]

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const SIZES = [1_000, 10_000];
const AK = 'bench-ak';
const SK = 'bench-sk';

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

export interface MemoryResult {
  instances: number;
  bytesPerInstance: number;
  list: { mean: number; p50: number; p99: number; samples: number; bytes: number };
}

async function measure(n: number): Promise<MemoryResult> {
  // Catalog only (seed without instances), so the difference is the instances alone.
  const emulator = createEmulator({ accessKeys: `${AK}:${SK}`, clock: 'manual', seed: {} });
  const before = await settledHeap();
  const res = await emulator.fetch(
    new Request('http://emulator.bench/_emulator/instances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Instances: Array.from({ length: n }, () => ({})) }) }),
  );
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  const after = await settledHeap();

  const runs = n >= 10_000 ? 20 : n >= 1_000 ? 60 : 1;
  const urls = await presignedUrls(runs + 3, { accessKeyId: AK, secretKey: SK, action: 'DescribeInstanceList' });
  const times: number[] = [];
  let bytes = 0;
  for (const [i, url] of urls.entries()) {
    const t0 = performance.now();
    const r = await emulator.fetch(new Request(url));
    const body = await r.text();
    const t = performance.now() - t0;
    if (r.status !== 200 || !body.includes(`"TotalCount":${n}`)) throw new Error(`list: ${r.status}`);
    if (i >= 3) times.push(t); // first three are warm-up
    bytes = body.length;
  }
  void emulator; // keep it alive until here
  return { instances: n, bytesPerInstance: (after - before) / n, list: { mean: mean(times), p50: percentile(times, 50), p99: percentile(times, 99), samples: times.length, bytes } };
}

await measure(10); // warm-up: lazily built module state (schemas, JIT) is not per instance
const results: MemoryResult[] = [];
for (const n of SIZES) results.push(await measure(n));
console.log('\nEmulator memory and DescribeInstanceList (all rows) — Node ' + process.version + ', heapUsed after gc\n');
console.log(
  table(
    ['instances', 'bytes/instance', 'list mean', 'list p50', 'list p99', 'samples', 'body'],
    results.map((r) => [String(r.instances), Math.round(r.bytesPerInstance).toLocaleString('en'), fmtMs(r.list.mean), fmtMs(r.list.p50), fmtMs(r.list.p99), String(r.list.samples), `${(r.list.bytes / 1e6).toFixed(1)} MB`]),
  ),
);
const out = process.argv[2];
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
