import { serve, type ServerType } from '@hono/node-server';
import { LOOPBACK_CONTROL_HOSTS, TRANSITIONS, createEmulator, type Durations, type Emulator } from '../index';

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

/** Starts the emulator on host:port from the EMULATOR_* environment; resolves once it listens. */
export function startEmulatorServer(env: NodeJS.ProcessEnv, port: number, host = '127.0.0.1'): Promise<{ emulator: Emulator; server: ServerType }> {
  const clock = env.EMULATOR_CLOCK === 'manual' ? 'manual' : 'wall';
  if (env.EMULATOR_CLOCK && !['manual', 'wall'].includes(env.EMULATOR_CLOCK)) throw new Error(`EMULATOR_CLOCK must be manual or wall, got ${env.EMULATOR_CLOCK}`);
  // Over the network the control API answers loopback host names only (DNS rebinding, cross-site pages).
  const emulator = createEmulator({ accessKeys: env.EMULATOR_ACCESS_KEYS, clock, durations: parseDurations(env.EMULATOR_DURATIONS), controlHosts: LOOPBACK_CONTROL_HOSTS });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: emulator.fetch, port, hostname: host }, () => resolve({ emulator, server }));
    server.once('error', reject);
  });
}

export function banner(emulator: Emulator, host: string, port: number): string {
  const keys = [...emulator.store.accounts.keys()].join(', ');
  return [
    `ECS emulator listening on http://${host}:${port}  (APIs /ecs/v1, /ebs/v1; control /_emulator/*)`,
    `  clock: ${emulator.clock.mode}   access key ids: ${keys}`,
    `  dashboard: http://${host}:${port}/_emulator/ui`,
    `  Go SDK: CDS_API_HOST=${host}:${port} CDS_API_SCHEMA=http CDS_SECRET_ID=<access key id> CDS_SECRET_KEY=<its secret>`,
  ].join('\n');
}
