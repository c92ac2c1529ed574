import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare';

// The built gateway worker (dist/worker/index.js) on Miniflare, with the bindings wrangler.toml
// declares and its upstream fetch answered by a function: how the kit runs the gateway without
// wrangler. Keep these settings equal to wrangler.toml (a test compares them).

export const GATEWAY_WORKER_SETTINGS = {
  compatibilityDate: '2026-04-01',
  kvNamespaces: ['ECS_CACHE'],
  durableObjects: { IDEMPOTENCY: { className: 'IdempotencyStore', useSQLite: true } },
} as const;

const PACKAGE_NAME = 'ecs-edge-gateway';

/** The package's root: the nearest folder above this module whose package.json is ours (repo or node_modules). */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: cannot find the package root above ${fileURLToPath(import.meta.url)}`);
  }
}

/** Path of a built bundle in dist/worker; a clear error when it is missing (in the repo: `npm run build`). */
function builtBundle(file: string, what: string): string {
  const path = join(packageRoot(), 'dist', 'worker', file);
  if (!existsSync(path)) throw new Error(`${what} is not built (${path} is missing): run \`npm run build\``);
  return path;
}

/** Path of the built gateway worker bundle (dist/worker/index.js). */
export const builtWorkerPath = (): string => builtBundle('index.js', 'the gateway worker');

/** Path of the built stack host bundle (dist/worker/stack-host.js): the gateway for many offline stacks. */
export const builtStackHostPath = (): string => builtBundle('stack-host.js', 'the offline stack host');

/** Header pairs of one fetch implementation's Headers, for another's. */
export function copyHeaders(headers: { forEach(fn: (value: string, name: string) => void): void }): [string, string][] {
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

/** A null-body status must be answered without a body (Response refuses one). */
export const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The worker's vars for an emulator upstream: its first account signs, one write-scope token. */
export function emulatorUpstreamVars(o: { host: string; accessKeyId: string; secretKey: string; token: string; timeoutMs?: number }): Record<string, string> {
  return {
    CDS_API_HOST: o.host,
    CDS_API_SCHEMA: 'http',
    CDS_SECRET_ID: o.accessKeyId,
    CDS_SECRET_KEY: o.secretKey,
    GATEWAY_TOKENS: `${o.token}:write`,
    ...(o.timeoutMs === undefined ? {} : { CDS_TIMEOUT_MS: String(o.timeoutMs) }),
  };
}

export interface GatewayWorkerOptions {
  /** Answers the worker's upstream fetch calls (all of them: the worker has no other outbound traffic). */
  upstream: (request: Request) => Promise<Response>;
  /** Worker vars and secrets: CDS_*, GATEWAY_TOKENS, TTLs. */
  vars: Record<string, string>;
  host?: string;
  /** Listen port; 0 picks a free one. */
  port?: number;
  /** The worker bundle to run; default the package's built one (`builtWorkerPath()`). */
  scriptPath?: string;
  /** Rate-limiting bindings (name → limit per period seconds); default none, so no scope is limited. */
  rateLimits?: Record<string, { limit: number; period: 10 | 60 }>;
}

/** wrangler.toml's rate limits, for a stack that should refuse floods as production does. */
export const WRANGLER_RATE_LIMITS = {
  READ_RATE_LIMITER: { limit: 600, period: 60 },
  WRITE_RATE_LIMITER: { limit: 60, period: 60 },
} as const satisfies GatewayWorkerOptions['rateLimits'];

/** What every Miniflare running a gateway bundle shares: the bundle, wrangler.toml's bindings, offline. */
export function gatewayRuntimeOptions(scriptPath: string) {
  return {
    modules: true,
    scriptPath,
    // Module names are relative to this root; the bundle may live outside the working directory.
    modulesRoot: dirname(scriptPath),
    compatibilityDate: GATEWAY_WORKER_SETTINGS.compatibilityDate,
    kvNamespaces: [...GATEWAY_WORKER_SETTINGS.kvNamespaces],
    durableObjects: { ...GATEWAY_WORKER_SETTINGS.durableObjects },
    // Offline: Request.cf is a placeholder, never downloaded at start.
    cf: false,
  } as const;
}

/** The worker's outbound calls, as fetch Requests, answered by a function in Node. */
export function outboundTo(upstream: (request: Request) => Promise<Response>) {
  return async (mfRequest: MiniflareRequest): Promise<MiniflareResponse> => {
    const hasBody = mfRequest.method !== 'GET' && mfRequest.method !== 'HEAD';
    const request = new Request(mfRequest.url, { method: mfRequest.method, headers: copyHeaders(mfRequest.headers), body: hasBody ? await mfRequest.arrayBuffer() : undefined });
    const res = await upstream(request);
    return new MiniflareResponse(NULL_BODY_STATUSES.has(res.status) ? null : await res.arrayBuffer(), { status: res.status, headers: copyHeaders(res.headers) });
  };
}

/** Starts the gateway worker in Miniflare (KV and Durable Object in memory: fresh state each time). */
export function startGatewayWorker(o: GatewayWorkerOptions): Miniflare {
  return new Miniflare({
    ...gatewayRuntimeOptions(o.scriptPath ?? builtWorkerPath()),
    // Miniflare types the period as its own enum of the same two numbers.
    ratelimits: Object.fromEntries(Object.entries(o.rateLimits ?? {}).map(([name, simple]) => [name, { simple: simple as { limit: number; period: never } }])),
    bindings: o.vars,
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    outboundService: outboundTo(o.upstream),
  });
}
