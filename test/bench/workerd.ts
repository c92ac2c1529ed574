import { serve, type ServerType } from '@hono/node-server';
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { createEmulator } from '../../emulator';
import { GATEWAY_WORKER_SETTINGS } from '../../emulator/kit/gateway-worker';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { zodForWorkers } from '../../worker/build/zod-for-workers';
import { exampleOf } from '../helpers/fake-upstream';

// Node drives, workerd runs: each worker on its own Miniflare (one workerd process each, no dev
// proxy in front), its upstream a real HTTP server on 127.0.0.1, so what is measured is what
// workerd does, and each workerd's RSS and CPU time are its own (/proc).
// - memory: the gateway's RSS after ten 60 MB chunked (no Content-Length) upstream answers, each
//   refused at the 8 MiB cap, beside its RSS after ten small answers in the same run;
// - throughput (the gateway's log line on, its bindings as deployed, rate limits lifted):
//   cached GET /v1/regions beside an empty Hono worker (test/bench/empty-hono), and a forwarded
//   GET /v1/instances/{EcsId} beside a bare signed proxy (test/bench/bare-proxy: sign + one
//   fetch), CONCURRENCY keep-alive loops, alternating rounds; requests per second and workerd CPU
//   time per request.
// Usage: tsx test/bench/workerd.ts [result.json]

const CONCURRENCY = 8;
const WARMUP_MS = 500;
const ROUNDS = 4;
const ROUND_MS = 750;
const HUGE_BYTES = 60 * 1024 * 1024;
const HUGE_ANSWERS = 10;
const ROOT = process.cwd();
const AK = 'bench-ak';
const SK = 'bench-sk';
const TOKEN = 'bench-token';
const work = join(tmpdir(), `ecs-workerd-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

export interface WorkerdResult {
  memory: { baselineRssMiB: number; afterHugeRssMiB: number[]; upstreamBytesSentPerAnswer: number[]; statuses: number[] };
  throughput: Record<'emptyHono' | 'gatewayCached' | 'bareProxy' | 'gatewayForwarded', { rps: number; cpuMsPerRequest: number; statuses: Record<string, number> }>;
}

// ---- workerd processes ------------------------------------------------------------------------

const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s
const workerdPids = (): Set<number> =>
  new Set(
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return stat.includes('(workerd)') && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
        } catch {
          return false;
        }
      }),
  );
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime + stime
}

interface Worker {
  mf: Miniflare;
  base: string;
  pid: number;
}

/** One worker bundle on its own Miniflare; its log lines are read and dropped, as a log sink would. */
async function startWorker(scriptPath: string, o: { bindings?: Record<string, string>; gateway?: boolean } = {}): Promise<Worker> {
  const before = workerdPids();
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: GATEWAY_WORKER_SETTINGS.compatibilityDate,
    cf: false,
    bindings: o.bindings ?? {},
    ...(o.gateway
      ? {
          kvNamespaces: [...GATEWAY_WORKER_SETTINGS.kvNamespaces],
          durableObjects: { ...GATEWAY_WORKER_SETTINGS.durableObjects },
          // The bindings as deployed, the limits out of reach of the load loops.
          ratelimits: { READ_RATE_LIMITER: { simple: { limit: 1e9, period: 60 as never } }, WRITE_RATE_LIMITER: { simple: { limit: 1e9, period: 60 as never } } },
        }
      : {}),
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
  });
  const base = (await mf.ready).origin;
  const pid = [...workerdPids()].find((p) => !before.has(p));
  if (!pid) throw new Error('cannot find the workerd process of a Miniflare');
  return { mf, base, pid };
}

async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(work, name, 'index.js');
  await build({
    entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'], mainFields: ['browser', 'module', 'main'], external: ['cloudflare:*', 'node:*'],
    minify: true, legalComments: 'none', logLevel: 'warning', plugins: [zodForWorkers],
  });
  return outfile;
}

const listening = (server: Server | ServerType) => new Promise<number>((r) => server.once('listening', () => r((server.address() as { port: number }).port)));

// ---- memory -----------------------------------------------------------------------------------

/**
 * An upstream that answers DescribeInstance of `ins-huge-*` with HUGE_BYTES of chunked bytes (no
 * Content-Length), honouring backpressure and stopping when the client goes (it records how many
 * bytes each huge answer got out), and every other call with its published example.
 */
function chunkedUpstream(): { server: Server; sent: number[] } {
  const sent: number[] = [];
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const server = createServer((req, res) => {
    if (!req.url?.includes('EcsId=ins-huge')) {
      const action = new URL(req.url ?? '/', 'http://upstream').searchParams.get('Action') ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(exampleOf(action)));
      return;
    }
    const i = sent.push(0) - 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }); // no Content-Length: chunked
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = () => {
      while (!closed && sent[i]! < HUGE_BYTES) {
        sent[i]! += chunk.byteLength;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    pump();
  });
  server.listen(0, '127.0.0.1');
  return { server, sent };
}

async function memory(gatewayBundle: string): Promise<WorkerdResult['memory']> {
  const upstream = chunkedUpstream();
  const port = await listening(upstream.server);
  const gw = await startWorker(gatewayBundle, {
    gateway: true,
    bindings: { CDS_API_HOST: `127.0.0.1:${port}`, CDS_API_SCHEMA: 'http', CDS_SECRET_ID: AK, CDS_SECRET_KEY: SK, GATEWAY_TOKENS: `${TOKEN}:read`, CDS_TIMEOUT_MS: '30000' },
  });
  const get = async (id: string) => {
    const res = await fetch(`${gw.base}/v1/instances/${id}`, { headers: { Authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return res.status;
  };
  try {
    // Baseline: the same route, the same worker, ten small answers.
    for (let i = 0; i < HUGE_ANSWERS; i++) await get('ins-small');
    if (upstream.sent.length) throw new Error('the baseline met a huge answer');
    await new Promise((r) => setTimeout(r, 500));
    const baselineRssMiB = rssMiB(gw.pid);
    const afterHugeRssMiB: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < HUGE_ANSWERS; i++) {
      statuses.push(await get(`ins-huge-${i}`));
      await new Promise((r) => setTimeout(r, 200));
      afterHugeRssMiB.push(rssMiB(gw.pid));
    }
    return { baselineRssMiB, afterHugeRssMiB, upstreamBytesSentPerAnswer: upstream.sent, statuses };
  } finally {
    await gw.mf.dispose();
    upstream.server.close();
    upstream.server.closeAllConnections();
  }
}

// ---- throughput -------------------------------------------------------------------------------

interface Target {
  name: keyof WorkerdResult['throughput'];
  worker: Worker;
  url: string;
  headers: Record<string, string>;
  requests: number;
  ms: number;
  cpuMs: number;
  statuses: Record<string, number>;
}

/** CONCURRENCY keep-alive loops against one target for ms; counted (requests, wall and workerd CPU time) unless warming up. */
async function load(t: Target, ms: number, count: boolean): Promise<void> {
  const start = Date.now();
  const cpuBefore = cpuMs(t.worker.pid);
  let requests = 0;
  const loop = async () => {
    while (Date.now() - start < ms) {
      const res = await fetch(t.url, { headers: t.headers, signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      requests += 1;
      if (!count) continue;
      const key = `${res.status} ${res.headers.get('X-Cache') ?? ''}`.trim();
      t.statuses[key] = (t.statuses[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  if (!count) return;
  t.requests += requests;
  t.ms += Date.now() - start;
  t.cpuMs += cpuMs(t.worker.pid) - cpuBefore;
}

async function throughput(gatewayBundle: string): Promise<WorkerdResult['throughput']> {
  const emulator = createEmulator({ accessKeys: `${AK}:${SK}`, clock: 'manual' });
  const emulatorServer = serve({ fetch: (request) => emulator.fetch(request), port: 0, hostname: '127.0.0.1' });
  const host = `127.0.0.1:${await listening(emulatorServer)}`;
  const upstreamVars = { CDS_API_HOST: host, CDS_API_SCHEMA: 'http', CDS_SECRET_ID: AK, CDS_SECRET_KEY: SK };
  // One at a time: each workerd process is told apart from the others by when it appeared.
  const workers = [
    await startWorker(await bundle(resolve(ROOT, 'test/bench/empty-hono/index.ts'), 'empty-hono')),
    await startWorker(gatewayBundle, { gateway: true, bindings: { ...upstreamVars, GATEWAY_TOKENS: `${TOKEN}:read` } }),
    await startWorker(await bundle(resolve(ROOT, 'test/bench/bare-proxy/index.ts'), 'bare-proxy'), { bindings: upstreamVars }),
  ];
  const [empty, gateway, proxy] = workers;
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const target = (name: Target['name'], worker: Worker, path: string, headers: Record<string, string> = {}): Target => ({ name, worker, url: `${worker.base}${path}`, headers, requests: 0, ms: 0, cpuMs: 0, statuses: {} });
  const targets = [
    target('emptyHono', empty!, '/v1/regions'),
    target('gatewayCached', gateway!, '/v1/regions', auth),
    target('bareProxy', proxy!, '/v1/instances/ins-demand-cpu-ssd'),
    target('gatewayForwarded', gateway!, '/v1/instances/ins-demand-cpu-ssd', auth),
  ];
  try {
    for (const t of targets) await load(t, WARMUP_MS, false);
    // Alternating rounds: load from other work on a shared machine falls on every target alike.
    for (let round = 0; round < ROUNDS; round++) for (const t of targets) await load(t, ROUND_MS, true);
    return Object.fromEntries(targets.map((t) => [t.name, { rps: (t.requests * 1000) / t.ms, cpuMsPerRequest: t.cpuMs / t.requests, statuses: t.statuses }])) as WorkerdResult['throughput'];
  } finally {
    await Promise.all(workers.map((w) => w.mf.dispose()));
    emulatorServer.close();
  }
}

const gatewayBundle = (await buildWorkerBundle(join(work, 'gateway', 'index.js'))).path;
const result: WorkerdResult = { memory: await memory(gatewayBundle), throughput: await throughput(gatewayBundle) };
console.log(JSON.stringify(result, null, 2));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(result));
