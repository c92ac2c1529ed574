import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { LOOPBACK_CONTROL_HOSTS, TRANSITIONS, createEmulator, type Durations, type Emulator } from '../index';
import type { ClockMode } from '../state/clock';

/** `EMULATOR_DURATIONS=restart_ecs=2,shutdown_ecs=1`: per-transition seconds. */
export function parseDurations(spec: string | undefined): Durations {
  const out: Durations = {};
  for (const pair of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, value] = pair.split('=');
    const seconds = Number(value);
    if (!kind || !(kind in TRANSITIONS) || value === undefined || !Number.isFinite(seconds) || seconds < 0)
      throw new Error(`EMULATOR_DURATIONS: expected kind=seconds pairs (kinds: ${Object.keys(TRANSITIONS).join(', ')}), got "${pair}"`);
    out[kind as keyof Durations] = seconds;
  }
  return out;
}

/** A port number from a flag or variable (`name` is how the user wrote it). */
export function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return port;
}

/** The emulator's settings as a flag or an EMULATOR_* variable gives them (flags win). */
export interface EmulatorSettings {
  accessKeys?: string;
  clock?: string;
  durations?: string;
  /** Path of a seed JSON file (the POST /_emulator/reset body format). */
  seedFile?: string;
  /** Hold a Hang fault at most this long (default 5 min). */
  hangCapMs?: number;
}

export function emulatorSettingsFromEnv(env: NodeJS.ProcessEnv): EmulatorSettings {
  return { accessKeys: env.EMULATOR_ACCESS_KEYS, clock: env.EMULATOR_CLOCK, durations: env.EMULATOR_DURATIONS, seedFile: env.EMULATOR_SEED };
}

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

/** An emulator for a Node server: loopback-only control API. Throws a one-line Error on bad settings. */
export function createServerEmulator(s: EmulatorSettings): Emulator {
  if (s.clock && !['manual', 'wall'].includes(s.clock)) throw new Error(`clock must be manual or wall, got "${s.clock}"`);
  const seed = s.seedFile ? readSeed(s.seedFile) : undefined;
  try {
    // Over the network the control API answers loopback host names only (DNS rebinding, cross-site pages).
    return createEmulator({ accessKeys: s.accessKeys, clock: (s.clock ?? 'wall') as ClockMode, durations: parseDurations(s.durations), seed, hangCapMs: s.hangCapMs, controlHosts: LOOPBACK_CONTROL_HOSTS });
  } catch (e) {
    throw new Error(`${s.seedFile ? `seed file ${s.seedFile}: ` : ''}${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Says in one line that a port is taken, and how to pick another. */
export class PortTakenError extends Error {
  constructor(host: string, port: number, hint: string) {
    super(`port ${port} on ${host} is already in use; pick another with ${hint}`);
    this.name = 'PortTakenError';
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

/** Serves the emulator on host:port; rejects with PortTakenError when the port is taken. */
export function listenEmulator(emulator: Emulator, host: string, port: number, hint: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: emulator.fetch, port, hostname: host }, () => resolve(server));
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortTakenError(host, port, hint) : e));
  });
}

/** Starts the emulator on host:port from the EMULATOR_* environment; resolves once it listens. */
export async function startEmulatorServer(env: NodeJS.ProcessEnv, port: number, host = '127.0.0.1'): Promise<{ emulator: Emulator; server: ServerType }> {
  const emulator = createServerEmulator(emulatorSettingsFromEnv(env));
  return { emulator, server: await listenEmulator(emulator, host, port, 'EMULATOR_PORT') };
}

/** The port a server actually listens on (the asked one, or the one the system chose for 0). */
export function boundPort(server: ServerType, asked: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : asked;
}

export function banner(emulator: Emulator, host: string, port: number): string {
  const keys = [...emulator.store.accounts.keys()].join(', ');
  return [
    `ECS emulator listening on http://${host}:${port}  (APIs /ecs/v1, /ebs/v1; control /_emulator/*)`,
    `  clock: ${emulator.clock.mode}   access key ids: ${keys}`,
    `  Go SDK: CDS_API_HOST=${host}:${port} CDS_API_SCHEMA=http CDS_SECRET_ID=<access key id> CDS_SECRET_KEY=<its secret>`,
  ].join('\n');
}
