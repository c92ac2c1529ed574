// `npm start`: the emulator on 127.0.0.1:8788 and the gateway on 127.0.0.1:8787 (the worker built
// once from the sources, run on Miniflare as `ecs-gateway-dev` runs it: no wrangler dev, no dev
// proxy), wired together with the dev token `dev-token` (write scope) and fresh state.
// GATEWAY_PORT and EMULATOR_PORT move them; a taken port is one line on stderr and exit 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkerBundle } from '../../worker/build/bundle-worker';
import { WRANGLER_RATE_LIMITS } from '../kit/gateway-worker';
import { DEV_TOKEN, startDevGateway, type DevGateway } from './dev-gateway';
import { banner, checkPortFree } from './node-server';
import { EmulatorSettingsSchema, portSetting, readSettings, toEmulatorSettings, type EmulatorSettings } from './settings';

let settings: EmulatorSettings;
let gatewayPort: number;
try {
  const env = readSettings(EmulatorSettingsSchema.extend({ GATEWAY_PORT: portSetting(8787) }), process.env);
  settings = toEmulatorSettings(env);
  gatewayPort = env.GATEWAY_PORT;
} catch (e) {
  console.error(`npm start: ${(e as Error).message}`);
  process.exit(2);
}
const { host, port: emulatorPort } = settings;
const hints = { gateway: 'GATEWAY_PORT', emulator: 'EMULATOR_PORT' };

// The bundle goes to a folder of this run (never over dist/, which the package build owns).
const buildDir = mkdtempSync(join(tmpdir(), 'ecs-gateway-dev-'));
const cleanUp = () => rmSync(buildDir, { recursive: true, force: true });
let stack: DevGateway;
try {
  // Both ports first: a taken one is one line, and nothing is built or half-runs.
  await checkPortFree(host, gatewayPort, hints.gateway);
  await checkPortFree(host, emulatorPort, hints.emulator);
  const started = performance.now();
  const worker = await buildWorkerBundle(join(buildDir, 'index.js'));
  console.log(`built the gateway worker in ${Math.round(performance.now() - started)} ms (${(worker.bytes / 1024).toFixed(0)} KiB)`);
  stack = await startDevGateway({ settings, gatewayPort, hints, scriptPath: worker.path, rateLimits: WRANGLER_RATE_LIMITS });
} catch (e) {
  cleanUp();
  console.error(`npm start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

console.log(banner(stack.emulator, host, emulatorPort));
console.log(
  [
    '',
    `Gateway:  ${stack.gatewayUrl.origin}  (docs: /docs, OpenAPI: /openapi.json)`,
    `Dev token: ${DEV_TOKEN}   e.g. curl -H 'Authorization: Bearer ${DEV_TOKEN}' ${stack.gatewayUrl.origin}/v1/regions`,
    `Emulator: http://${host}:${emulatorPort}/_emulator/health   dashboard: http://${host}:${emulatorPort}/_emulator/ui`,
    'Ctrl-C stops both.',
    '',
  ].join('\n'),
);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // Bounded: a stuck dispose must not keep the terminal.
  setTimeout(() => {
    cleanUp();
    process.exit(0);
  }, 5000).unref();
  void stack.stop().finally(() => {
    cleanUp();
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
