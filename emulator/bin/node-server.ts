import { serve, type ServerType } from '@hono/node-server';
import { LOOPBACK_CONTROL_HOSTS, createEmulator, type Emulator } from '../index';
import { LOOPBACK_HOST, type EmulatorSettings } from './settings';

/** Starts the emulator on 127.0.0.1 with the given settings; resolves once it listens. */
export function startEmulatorServer(settings: EmulatorSettings): Promise<{ emulator: Emulator; server: ServerType }> {
  // Over the network the control API answers loopback host names only (DNS rebinding, cross-site pages).
  const emulator = createEmulator({ ...settings.options, controlHosts: LOOPBACK_CONTROL_HOSTS });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: emulator.fetch, port: settings.port, hostname: LOOPBACK_HOST }, () => resolve({ emulator, server }));
    server.once('error', reject);
  });
}

export function banner(emulator: Emulator, port: number): string {
  const host = LOOPBACK_HOST;
  const keys = [...emulator.store.accounts.keys()].join(', ');
  return [
    `ECS emulator listening on http://${host}:${port}  (APIs /ecs/v1, /ebs/v1; control /_emulator/*)`,
    `  clock: ${emulator.clock.mode}   access key ids: ${keys}`,
    `  dashboard: http://${host}:${port}/_emulator/ui`,
    `  Go SDK: CDS_API_HOST=${host}:${port} CDS_API_SCHEMA=http CDS_SECRET_ID=<access key id> CDS_SECRET_KEY=<its secret>`,
  ].join('\n');
}
