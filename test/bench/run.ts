import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { EdgeResult } from './edge';
import type { MemoryResult } from './memory';
import type { OfflineStackResult } from './offline-stack';
import type { WorkerdResult } from './workerd';
import { fmtMs, table } from './stats';

// `npm run bench`: the workerd benchmarks (vitest bench, project 'workers'), then the Node memory
// benchmark, then one summary with every figure next to the baseline measured in the same run.

const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
const workersJson = join(dir, 'workers.json');
const memoryJson = join(dir, 'memory.json');
const stackJson = join(dir, 'offline-stack.json');
const edgeJson = join(dir, 'edge.json');
const workerdJson = join(dir, 'workerd.json');

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
run('npx', ['vitest', 'bench', '--run', '--project', 'workers', '--outputJson', workersJson]);
run(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/memory.ts', memoryJson]);
run(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/offline-stack.ts', stackJson]);
run(process.execPath, ['--import', 'tsx', 'test/bench/edge.ts', edgeJson]);
run(process.execPath, ['--import', 'tsx', 'test/bench/workerd.ts', workerdJson]);

interface BenchFigures {
  name: string;
  mean: number;
  median: number;
  p99: number;
  sampleCount: number;
}
interface BenchReport {
  files: { filepath: string; groups: { fullName: string; benchmarks: BenchFigures[] }[] }[];
}

/** How a figure compares with its baseline, e.g. "26.2× faster (−24.1 ms)". */
function vsBaseline(value: number, baseline: number): string {
  const r = value / baseline;
  return `${r < 1 ? `${(1 / r).toFixed(1)}× faster` : `${r.toFixed(1)}× slower`} (${value > baseline ? '+' : ''}${fmtMs(value - baseline)})`;
}
// workerd's clock ticks in whole milliseconds: a percentile of 0 means "under 1 ms".
const tick = (ms: number) => (ms === 0 ? '<1 ms' : fmtMs(ms));

const rows: string[][] = [];
const report = JSON.parse(readFileSync(workersJson, 'utf8')) as BenchReport;
for (const file of report.files) {
  for (const group of file.groups) {
    const title = group.fullName.slice(relative(process.cwd(), file.filepath).length + 3);
    const baseline = group.benchmarks.find((b) => b.name.startsWith('baseline'));
    for (const b of group.benchmarks) {
      const vs = baseline && b !== baseline ? vsBaseline(b.mean, baseline.mean) : b === baseline ? 'baseline' : '';
      rows.push([`${title}: ${b.name}`, fmtMs(b.mean), tick(b.median), tick(b.p99), String(b.sampleCount), vs]);
    }
  }
}
const memory = JSON.parse(readFileSync(memoryJson, 'utf8')) as MemoryResult[];
const small = memory[0]!;
for (const m of memory) {
  rows.push([`emulator ${m.instances} instances (Node): heap per instance`, `${Math.round(m.bytesPerInstance).toLocaleString('en')} B`, '', '', '', m === small ? 'baseline' : `×${(m.bytesPerInstance / small.bytesPerInstance).toFixed(2)} per instance`]);
  rows.push([`emulator ${m.instances} instances (Node): list all rows`, fmtMs(m.list.mean), fmtMs(m.list.p50), fmtMs(m.list.p99), String(m.list.samples), m === small ? 'baseline' : `×${(m.list.mean / small.list.mean).toFixed(1)} time for ×${m.instances / small.instances} rows`]);
}
const stack = JSON.parse(readFileSync(stackJson, 'utf8')) as OfflineStackResult;
const mbOf = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
rows.push(['startOfflineStack (Node): first stack in a process, to first answer', fmtMs(stack.first.startMs), '', '', '1', `baseline, ${mbOf(stack.first.memoryBytes)} (Node heap + workerd RSS)`]);
rows.push([
  'startOfflineStack (Node): fresh stack after the first, to first answer',
  fmtMs(stack.fresh.mean),
  fmtMs(stack.fresh.median),
  fmtMs(stack.fresh.p99),
  String(stack.fresh.samples),
  `${vsBaseline(stack.fresh.median, stack.first.startMs)} (p50), ${mbOf(stack.fresh.memoryBytes)} each with ${stack.fresh.alive} alive (goal ≤ 150 ms, ≤ 10 MB)`,
]);
rows.push([
  'startOfflineStack (Node): before, one Miniflare per stack, to first answer',
  '',
  fmtMs(stack.ownRuntime.median),
  '',
  String(stack.ownRuntime.samples),
  `${mbOf(stack.ownRuntime.memoryBytes)} each with ${stack.ownRuntime.alive} alive; fresh stack now ${vsBaseline(stack.fresh.median, stack.ownRuntime.median)} (p50)`,
]);
const edge = JSON.parse(readFileSync(edgeJson, 'utf8')) as EdgeResult;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
rows.push(['startup (wrangler check startup, busy ms): empty Hono worker', fmtMs(edge.startupMs.emptyHono), '', '', '', `baseline, ${kib(edge.bundleBytes.emptyHono)}`]);
rows.push(['startup (wrangler check startup, busy ms): gateway', fmtMs(edge.startupMs.gateway), '', '', '', `×${(edge.startupMs.gateway / edge.startupMs.emptyHono).toFixed(2)}, ${kib(edge.bundleBytes.gateway)}`]);
rows.push(['module evaluation (Node, same bundle): empty Hono worker', fmtMs(edge.evaluationMs.emptyHono), '', '', '', 'baseline']);
rows.push(['module evaluation (Node, same bundle): gateway', fmtMs(edge.evaluationMs.gateway), '', '', '', `×${(edge.evaluationMs.gateway / edge.evaluationMs.emptyHono).toFixed(1)} (+${fmtMs(edge.evaluationMs.gateway - edge.evaluationMs.emptyHono)})`]);
const wd = JSON.parse(readFileSync(workerdJson, 'utf8')) as WorkerdResult;
const t = wd.throughput;
const rps = (name: keyof WorkerdResult['throughput']) => `${t[name].rps.toFixed(0)} req/s`;
const cpu = (name: keyof WorkerdResult['throughput']) => `, ${fmtMs(t[name].cpuMsPerRequest)} CPU/req`;
const goal = (value: number) => `×${value.toFixed(2)} of baseline (goal ≥ 0.8)`;
rows.push([`Miniflare cached GET /v1/regions: empty Hono worker`, rps('emptyHono'), '', '', '', `baseline${cpu('emptyHono')}`]);
rows.push([`Miniflare cached GET /v1/regions: gateway, log line on (${Object.keys(t.gatewayCached.statuses).join(', ')})`, rps('gatewayCached'), '', '', '', `${goal(t.gatewayCached.rps / t.emptyHono.rps)}${cpu('gatewayCached')}`]);
rows.push([`Miniflare forwarded GET /v1/instances/{EcsId}: bare signed proxy`, rps('bareProxy'), '', '', '', `baseline${cpu('bareProxy')}`]);
rows.push([`Miniflare forwarded GET /v1/instances/{EcsId}: gateway, log line on`, rps('gatewayForwarded'), '', '', '', `${goal(t.gatewayForwarded.rps / t.bareProxy.rps)}${cpu('gatewayForwarded')}`]);
const mib = (n: number) => `${n.toFixed(0)} MiB`;
rows.push(['workerd RSS (gateway on Miniflare): after ten small upstream answers', mib(wd.memory.baselineRssMiB), '', '', '', 'baseline']);
rows.push([
  `workerd RSS: after ten 60 MB chunked answers (${wd.memory.statuses.join(',')}; upstream sent ~${(Math.max(...wd.memory.upstreamBytesSentPerAnswer) / 1048576).toFixed(0)} MiB max each)`,
  mib(wd.memory.afterHugeRssMiB.at(-1)!),
  '', '', '',
  `+${mib(wd.memory.afterHugeRssMiB.at(-1)! - wd.memory.baselineRssMiB)} (after each: ${wd.memory.afterHugeRssMiB.map((m) => m.toFixed(0)).join(', ')})`,
]);

console.log('\nSummary — workerd (vitest-pool-workers; its clock ticks in whole ms, so sub-ms p50/p99 read <1 ms) unless marked Node.\n"vs baseline" compares means with the baseline of the same group, measured in this run.\n');
console.log(table(['benchmark', 'mean', 'p50', 'p99', 'samples', 'vs baseline'], rows));
