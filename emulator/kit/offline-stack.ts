import { createEmulator, type AccessKey, type Durations, type Emulator, type SeedInput } from '../index';
import { createGatewayClient, type GatewayClient } from './client';
import { createEmulatorControl, type EmulatorControl } from './emulator-control';
import { copyHeaders, emulatorUpstreamVars } from './gateway-worker';
import { listenOnPort, type PortListener } from './port-listener';
import { openHostedGateway } from './stack-host/host';

// The whole stack in one process: the built gateway in Miniflare, its upstream fetch answered by
// an in-process emulator. Nothing to start beforehand and no port to choose. Every stack of a
// process shares one workerd (stack-host/): a stack is a gateway app of its own there, with its
// own KV keys and idempotency records, so a fresh stack costs milliseconds, not a runtime.

export type { CallFaultInput, CallFilter, EmulatorControl, EmulatorStateView, InstanceFaultInput } from './emulator-control';
export type { WorldSnapshot } from '../store/snapshot';
export { EmulatorControlError } from './emulator-control';
export type { EventResultData, GatewayClient, WaitForEventOptions } from './client';
export { GatewayError } from './client';

export interface OfflineStackOptions {
  /** `manual` starts the emulator clock stopped (move it with `emulator.advanceClock`); default `wall`. */
  clock?: 'manual' | 'wall';
  /** The emulator's seed; default its default seed. */
  seed?: SeedInput;
  /** Transition durations in seconds, e.g. `{ restart_ecs: 1 }`. */
  durations?: Durations;
  /** Emulator accounts (`ak:sk,...` or pairs); the gateway signs as the first. Default `test-ak:test-sk`. */
  accessKeys?: AccessKey[] | string;
  /** The gateway's bearer token (write scope); default `offline-token`. */
  token?: string;
  /** The gateway's deadline per upstream call (CDS_TIMEOUT_MS); default 5000. */
  upstreamTimeoutMs?: number;
  /** Also listen on 127.0.0.1:port (0 = a free port) and answer its `url`; default: no listener you need to know. */
  port?: number;
  /** `true` silences the gateway's JSON access log (one line per request, ACCESS_LOG=off) in your test output; default false. */
  quiet?: boolean;
}

export interface OfflineStack {
  /** The gateway: a path (`/v1/regions`), a URL or a Request. Add the token yourself, or use `client`. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Where the gateway listens, when `port` was given. */
  url?: string;
  /** The bearer token the gateway accepts (write scope). */
  token: string;
  /** The emulator's control API as functions. */
  emulator: EmulatorControl;
  /** A typed client of the gateway, with the token set. */
  client: GatewayClient;
  /** The emulator itself (clock, store), for what the control API does not cover. */
  emulatorInstance: Emulator;
  /** Closes the stack: its KV keys, idempotency records and emulator state go with it. The shared workerd stops shortly after the last stack closes. */
  dispose(): Promise<void>;
}

/** What a stack's fetch resolves relative paths against when it does not listen on a known port. */
const OFFLINE_ORIGIN = 'http://ecs-gateway.offline';

/**
 * Starts a fresh stack: its own emulator, KV namespace and idempotency Durable Object.
 * @example
 * const stack = await startOfflineStack({ clock: 'manual' });
 * const { data } = await stack.client.GET('/v1/instances');
 * await stack.dispose();
 */
export async function startOfflineStack(options: OfflineStackOptions = {}): Promise<OfflineStack> {
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 5000;
  const emulator = createEmulator({
    clock: options.clock ?? 'wall',
    seed: options.seed,
    durations: options.durations,
    accessKeys: options.accessKeys,
    // Nothing aborts a hung in-process call: hold it no longer than the gateway waits.
    hangCapMs: upstreamTimeoutMs + 1000,
  });
  const account = [...emulator.store.accounts.values()][0]!;
  const token = options.token ?? 'offline-token';
  const gateway = await openHostedGateway({
    upstream: emulator.fetch,
    vars: (host) => ({
      ...emulatorUpstreamVars({ host, accessKeyId: account.AccessKeyId, secretKey: account.SecretKey, token, timeoutMs: upstreamTimeoutMs }),
      ...(options.quiet ? { ACCESS_LOG: 'off' } : {}),
    }),
  });
  let origin = OFFLINE_ORIGIN;

  async function fetchGateway(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), origin), init);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return gateway.fetch(request.url, { method: request.method, headers: copyHeaders(request.headers), body: hasBody ? await request.arrayBuffer() : undefined });
  }

  let listener: PortListener | undefined;
  if (options.port !== undefined) {
    try {
      listener = await listenOnPort(options.port, fetchGateway);
    } catch (e) {
      await gateway.close();
      throw e;
    }
    origin = listener.url;
  }
  const url = listener?.url;

  return {
    fetch: fetchGateway,
    ...(url ? { url } : {}),
    token,
    emulator: createEmulatorControl(emulator),
    client: createGatewayClient({ baseUrl: origin, token, fetch: (request) => fetchGateway(request) }),
    emulatorInstance: emulator,
    dispose: async () => {
      await listener?.close();
      await gateway.close();
    },
  };
}
