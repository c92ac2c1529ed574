// `npm start`: the emulator on 127.0.0.1:8788 (in this process) and the gateway under
// `wrangler dev` on 127.0.0.1:8787, wired to it with the dev token `dev-token` (write scope).
// GATEWAY_PORT and EMULATOR_PORT move them; a taken port is one line on stderr and exit 1.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { banner, checkPortFree, startEmulatorServer } from './node-server';
import { EmulatorSettingsSchema, portSetting, readSettings, toEmulatorSettings, type EmulatorSettings } from './settings';

const DEV_TOKEN = 'dev-token';

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

// Both ports are checked before anything starts: a taken one is one line, and nothing half-runs.
const { emulator, server } = await checkPortFree(host, gatewayPort, 'GATEWAY_PORT')
  .then(() => startEmulatorServer(settings))
  .catch((e: unknown) => {
    console.error(`npm start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
console.log(banner(emulator, host, emulatorPort));

const firstKey = [...emulator.store.accounts.values()][0]!;
// The emulator starts from its seed every time, so the gateway's KV cache and idempotency records
// must start empty too: a replayed answer from an earlier run would name events that no longer exist.
const stateDir = mkdtempSync(join(tmpdir(), 'ecs-gateway-dev-'));
const args = [
  'dev',
  '--ip', host,
  '--port', String(gatewayPort),
  '--show-interactive-dev-session=false',
  '--persist-to', stateDir,
  '--var', `CDS_API_HOST:${host}:${emulatorPort}`,
  '--var', 'CDS_API_SCHEMA:http',
  '--var', `CDS_SECRET_ID:${firstKey.AccessKeyId}`,
  '--var', `CDS_SECRET_KEY:${firstKey.SecretKey}`,
  '--var', `GATEWAY_TOKENS:${DEV_TOKEN}:write`,
];
// The local wrangler binary directly (not through npx), so signals reach it.
const local = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
const [cmd, cmdArgs] = existsSync(local) ? [local, args] : ['npx', ['wrangler', ...args]];
const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    // Offline: do not try to download the Request.cf placeholder data at start.
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  },
});

console.log(
  [
    '',
    `Gateway:  http://${host}:${gatewayPort}  (docs: /docs, OpenAPI: /openapi.json) — starting under wrangler dev…`,
    `Dev token: ${DEV_TOKEN}   e.g. curl -H 'Authorization: Bearer ${DEV_TOKEN}' http://${host}:${gatewayPort}/v1/regions`,
    `Emulator: http://${host}:${emulatorPort}/_emulator/health   dashboard: http://${host}:${emulatorPort}/_emulator/ui`,
    'Ctrl-C stops both.',
    '',
  ].join('\n'),
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  // Give wrangler a moment to shut workerd down, then go regardless.
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

child.on('exit', (code, signal) => {
  server.close();
  rmSync(stateDir, { recursive: true, force: true });
  if (!stopping) console.error(`wrangler dev exited (${signal ?? code}); stopping the emulator.`);
  process.exit(stopping ? 0 : (code ?? 1));
});
child.on('error', (e) => {
  console.error(`cannot start wrangler: ${e.message}`);
  server.close();
  rmSync(stateDir, { recursive: true, force: true });
  process.exit(1);
});
