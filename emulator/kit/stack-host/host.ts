import { randomUUID } from 'node:crypto';
import { Miniflare } from 'miniflare';
import { NULL_BODY_STATUSES, builtStackHostPath, copyHeaders, gatewayRuntimeOptions, outboundTo } from '../gateway-worker';
import { CONTROL_PATH, SECRET_HEADER, STACK_HEADER, type FreedState, type StackReport } from './protocol';

// One Miniflare (one workerd) per process for every offline stack: started by the first stack,
// disposed a moment after the last one closes (a test file's next stack reuses it), and killed
// by Miniflare's own exit hook if the process ends first. Each stack's upstream calls reach its
// own function through a host name of its own.

/** How long the runtime outlives the last stack: enough for the next test's stack to reuse it. */
const IDLE_DISPOSE_MS = 500;
const CONTROL_ORIGIN = 'http://stack-host.offline';
const UPSTREAM_DOMAIN = 'ecs-emulator.offline';

interface Runtime {
  mf: Miniflare;
  secret: string;
  ready: Promise<unknown>;
}

let runtime: Runtime | undefined;
let openStacks = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** The upstream of every open stack, by the host name its gateway calls. */
const upstreams = new Map<string, (request: Request) => Promise<Response>>();

/** A stack's upstream call, to that stack's own function (picked by the host name it calls). */
const outbound = outboundTo(async (request) => {
  const { host } = new URL(request.url);
  const upstream = upstreams.get(host);
  return upstream ? upstream(request) : new Response(`no open offline stack answers ${host}`, { status: 502 });
});

function startRuntime(): Runtime {
  const secret = randomUUID();
  const mf = new Miniflare({
    ...gatewayRuntimeOptions(builtStackHostPath()),
    bindings: { STACK_HOST_SECRET: secret },
    host: '127.0.0.1',
    port: 0,
    outboundService: outbound,
  });
  const started: Runtime = { mf, secret, ready: mf.ready };
  // A runtime that failed to start is forgotten: the next stack tries again.
  started.ready.catch(() => {
    if (runtime === started) runtime = undefined;
  });
  return started;
}

function acquire(): Runtime {
  clearTimeout(idleTimer);
  idleTimer = undefined;
  runtime ??= startRuntime();
  openStacks += 1;
  return runtime;
}

function release(): void {
  openStacks -= 1;
  if (openStacks > 0) return;
  // Unref'd, so the timer never holds a process on its own; while the runtime is up, its handles
  // do, until this disposes of them.
  idleTimer = setTimeout(() => {
    const idle = runtime;
    runtime = undefined;
    idleTimer = undefined;
    void idle?.mf.dispose().catch(() => undefined);
  }, IDLE_DISPOSE_MS);
  idleTimer.unref();
}

async function control(rt: Runtime, id: string, method: 'PUT' | 'DELETE' | 'GET', body?: unknown): Promise<unknown> {
  const res = await rt.mf.dispatchFetch(`${CONTROL_ORIGIN}${CONTROL_PATH}${encodeURIComponent(id)}`, {
    method,
    headers: { [SECRET_HEADER]: rt.secret, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`offline stack host: ${method} stack ${id}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A request for a hosted gateway, in the shape Miniflare's dispatchFetch takes. */
export interface HostedRequest {
  method: string;
  headers: [string, string][];
  body?: ArrayBuffer;
}

export interface HostedGateway {
  /** The stack's id on the host (also the first label of its upstream host name). */
  id: string;
  /** One gateway request; `url` is what the gateway sees as the request's URL. */
  fetch(url: string, init: HostedRequest): Promise<Response>;
  /** Frees the stack's app, KV keys and idempotency records; later calls answer the same. */
  close(): Promise<FreedState>;
}

/**
 * Opens a gateway on the shared runtime: its own app and state, its vars (`vars(upstreamHost)`
 * must point CDS_API_HOST at `upstreamHost`), its upstream calls answered by `upstream`.
 */
export async function openHostedGateway(o: { vars: (upstreamHost: string) => Record<string, string>; upstream: (request: Request) => Promise<Response> }): Promise<HostedGateway> {
  const id = randomUUID();
  const upstreamHost = `${id}.${UPSTREAM_DOMAIN}`;
  const rt = acquire();
  upstreams.set(upstreamHost, o.upstream);
  try {
    await rt.ready;
    await control(rt, id, 'PUT', { Vars: o.vars(upstreamHost) });
  } catch (e) {
    upstreams.delete(upstreamHost);
    release();
    throw e;
  }

  let closing: Promise<FreedState> | undefined;
  return {
    id,
    async fetch(url, init) {
      if (closing) throw new Error('this offline stack is disposed');
      const res = await rt.mf.dispatchFetch(url, {
        method: init.method,
        // The caller never picks the stack: the header is set here, once.
        headers: [...init.headers.filter(([name]) => name.toLowerCase() !== STACK_HEADER.toLowerCase()), [STACK_HEADER, id]],
        body: init.body,
        redirect: 'manual',
      });
      // Miniflare answers with its own Response class: hand out the platform's.
      const body = res.body === null || NULL_BODY_STATUSES.has(res.status) ? null : await res.arrayBuffer();
      return new Response(body, { status: res.status, statusText: res.statusText, headers: copyHeaders(res.headers) });
    },
    close() {
      closing ??= (async () => {
        try {
          return (await control(rt, id, 'DELETE')) as FreedState;
        } finally {
          upstreams.delete(upstreamHost);
          release();
        }
      })();
      return closing;
    },
  };
}

/** What the shared runtime holds for a stack id (open or closed), for tests of the clean-up. */
export async function hostedStackReport(id: string): Promise<StackReport> {
  if (!runtime) return { Open: false, KvKeys: 0, IdempotencyObjects: 0 };
  await runtime.ready;
  return (await control(runtime, id, 'GET')) as StackReport;
}

/** Whether the shared runtime is up (started and not yet disposed), for tests of its life. */
export const sharedRuntimeRunning = (): boolean => runtime !== undefined;
