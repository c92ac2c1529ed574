import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { LOOPBACK_CONTROL_HOSTS, createEmulator, type Emulator, type EmulatorOptions } from '../index';
import type { EmulatorSettings } from './settings';
import { loadStateFile, persistState } from './state-file';

// The emulator as a Node HTTP server, shared by `npm run emulator` / `ecs-emulator`, `npm start`
// and `ecs-gateway-dev`. Settings come parsed (settings.ts); failures here are one-line Errors.

function readSeed(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`seed file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`seed file ${path}: not valid JSON`);
  }
}

/** An emulator for a Node server: loopback-only control API, optional seed file, optional state file. */
export function createServerEmulator(settings: EmulatorSettings, extra: Pick<EmulatorOptions, 'hangCapMs'> = {}): Emulator {
  const seed = settings.seedFile ? readSeed(settings.seedFile) : undefined;
  let emulator: Emulator;
  try {
    // Over the network the control API answers loopback host names only (DNS rebinding, cross-site pages).
    emulator = createEmulator({ ...settings.options, ...extra, seed, controlHosts: LOOPBACK_CONTROL_HOSTS });
  } catch (e) {
    throw new Error(`${settings.seedFile ? `seed file ${settings.seedFile}: ` : ''}${e instanceof Error ? e.message : String(e)}`);
  }
  if (settings.stateFile) {
    loadStateFile(emulator, settings.stateFile);
    persistState(emulator, settings.stateFile);
  }
  return emulator;
}

/** Says in one line that a port is taken, and how to pick another. */
export class PortTakenError extends Error {
  override readonly name = 'PortTakenError';
  constructor(host: string, port: number, hint: string) {
    super(`port ${port} on ${host} is already in use; pick another with ${hint}`);
  }
}

/** Resolves when host:port can be listened on right now; rejects with PortTakenError when it is taken. */
export function checkPortFree(host: string, port: number, hint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortTakenError(host, port, hint) : e));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A GET's body, which the standard Request @hono/node-server builds leaves out (Go's client sends one). */
function getBodyOf(request: Request, incoming: IncomingMessage): ReadableStream<Uint8Array> | undefined {
  const sent = Number(incoming.headers['content-length'] ?? 0) > 0 || incoming.headers['transfer-encoding'] !== undefined;
  if (request.method !== 'GET' || !sent) return undefined;
  return Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
}

/** Serves the emulator on host:port; rejects with PortTakenError when the port is taken. */
export function listenEmulator(emulator: Emulator, host: string, port: number, hint: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request, env) => emulator.fetch(request, getBodyOf(request, (env as HttpBindings).incoming)), port, hostname: host }, () => resolve(server));
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortTakenError(host, port, hint) : e));
  });
}

/** Creates the emulator of `settings` and serves it; resolves once it listens. */
export async function startEmulatorServer(settings: EmulatorSettings, hint = 'EMULATOR_PORT'): Promise<{ emulator: Emulator; server: ServerType }> {
  const emulator = createServerEmulator(settings);
  const server = await listenEmulator(emulator, settings.host, settings.port, hint);
  // Console links name the address actually listened on.
  emulator.store.consoleOrigin = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${boundPort(server, settings.port)}`;
  return { emulator, server };
}

/** The port a server actually listens on (the asked one, or the one the system chose for 0). */
export function boundPort(server: ServerType, asked: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : asked;
}

export function banner(emulator: Emulator, host: string, port: number): string {
  const keys = [...emulator.store.accounts.keys()].join(', ');
  return [
    `ECS emulator listening on http://${host}:${port}  (APIs /ecs/v1, /ebs/v1, /ecs/v1.1; control /_emulator/*)`,
    `  clock: ${emulator.clock.mode}   access key ids: ${keys}`,
    `  dashboard: http://${host}:${port}/_emulator/ui`,
    `  Go SDK: CDS_API_HOST=${host}:${port} CDS_API_SCHEMA=http CDS_SECRET_ID=<access key id> CDS_SECRET_KEY=<its secret>`,
  ].join('\n');
}
