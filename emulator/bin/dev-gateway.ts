import type { ServerType } from '@hono/node-server';
import type { Emulator } from '../index';
import { emulatorUpstreamVars, startGatewayWorker, type GatewayWorkerOptions } from '../kit/gateway-worker';
import { checkPortFree, createServerEmulator, listenEmulator } from './node-server';
import type { EmulatorSettings } from './settings';

// The one way the dev commands (`npm start`, `ecs-gateway-dev`) run the gateway: the worker bundle
// on Miniflare (workerd, no wrangler dev and its dev proxy), its upstream answered in-process by
// the emulator, which also listens on its own port for direct clients and its control API.

export const DEV_TOKEN = 'dev-token';
/** The gateway's deadline per upstream call (its CDS_TIMEOUT_MS default). */
export const DEV_UPSTREAM_TIMEOUT_MS = 10_000;

export interface DevGatewayOptions {
  settings: EmulatorSettings;
  gatewayPort: number;
  /** How a taken port is moved, for the one-line refusal: e.g. `GATEWAY_PORT`. */
  hints: { gateway: string; emulator: string };
  /** The worker bundle; default the package's built one. */
  scriptPath?: string;
  /** Rate-limiting bindings; default none (no scope limited). */
  rateLimits?: GatewayWorkerOptions['rateLimits'];
}

export interface DevGateway {
  gatewayUrl: URL;
  emulator: Emulator;
  emulatorServer: ServerType;
  /** Stops the gateway, then the emulator's listener. */
  stop(): Promise<void>;
}

/**
 * Checks both ports first (a taken one rejects with PortTakenError and nothing starts), then
 * starts the emulator and the gateway wired to it with the dev token (write scope), fresh state.
 */
export async function startDevGateway(o: DevGatewayOptions): Promise<DevGateway> {
  const { host, port: emulatorPort } = o.settings;
  await checkPortFree(host, o.gatewayPort, o.hints.gateway);
  await checkPortFree(host, emulatorPort, o.hints.emulator);
  // The gateway's calls reach the emulator in-process, where nothing aborts a hung one.
  const emulator = createServerEmulator(o.settings, { hangCapMs: DEV_UPSTREAM_TIMEOUT_MS + 1000 });
  const emulatorServer = await listenEmulator(emulator, host, emulatorPort, o.hints.emulator);
  const account = [...emulator.store.accounts.values()][0]!;
  const gateway = startGatewayWorker({
    upstream: emulator.fetch,
    host,
    port: o.gatewayPort,
    scriptPath: o.scriptPath,
    rateLimits: o.rateLimits,
    vars: emulatorUpstreamVars({ host: `${host}:${emulatorPort}`, accessKeyId: account.AccessKeyId, secretKey: account.SecretKey, token: DEV_TOKEN, timeoutMs: DEV_UPSTREAM_TIMEOUT_MS }),
  });
  let gatewayUrl: URL;
  try {
    gatewayUrl = await gateway.ready;
  } catch (e) {
    emulatorServer.close();
    await gateway.dispose().catch(() => undefined);
    throw e;
  }
  return {
    gatewayUrl,
    emulator,
    emulatorServer,
    stop: async () => {
      await gateway.dispose().catch(() => undefined);
      await new Promise<void>((resolve) => {
        emulatorServer.close(() => resolve());
        // Keep-alive clients (the dashboard, curl) must not hold the stop up.
        if ('closeAllConnections' in emulatorServer) emulatorServer.closeAllConnections();
      });
    },
  };
}
