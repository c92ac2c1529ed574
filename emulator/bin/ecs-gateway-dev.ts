#!/usr/bin/env node
// `ecs-gateway-dev`: the gateway (the built worker on Miniflare, no wrangler needed) wired to the
// emulator, which also listens on its own port for direct clients and its control API.
import { DEV_TOKEN, startDevGateway } from './dev-gateway';
import { banner } from './node-server';
import { EmulatorSettingsSchema, portSetting, readSettings, SettingsError, toEmulatorSettings, readCommandLine } from './settings';

const FLAG_VARIABLES = {
  port: 'GATEWAY_PORT',
  'emulator-port': 'EMULATOR_PORT',
  host: 'EMULATOR_HOST',
  'access-keys': 'EMULATOR_ACCESS_KEYS',
  clock: 'EMULATOR_CLOCK',
  seed: 'EMULATOR_SEED',
  durations: 'EMULATOR_DURATIONS',
};

const HELP = `Usage: ecs-gateway-dev [options]

The REST gateway on http://<host>:<port>, wired to the ECS emulator on <host>:<emulator-port>.
Bearer token: ${DEV_TOKEN} (write scope). Ctrl-C stops both.

Options (environment variable in brackets):
  --port <n>             gateway port [GATEWAY_PORT]                         default 8787
  --emulator-port <n>    emulator port [EMULATOR_PORT]                       default 8788
  --host <host>          listen address of both [EMULATOR_HOST]              default 127.0.0.1
  --access-keys <list>   emulator accounts "ak:sk,..." (the gateway signs as the first) [EMULATOR_ACCESS_KEYS]
  --clock <mode>         wall, or manual (POST /_emulator/clock/advance) [EMULATOR_CLOCK]
  --seed <file>          emulator seed JSON [EMULATOR_SEED]
  --durations <list>     transition seconds, e.g. restart_ecs=2 [EMULATOR_DURATIONS]
  -h, --help             this text
`;

try {
  const commandLine = readCommandLine(process.argv.slice(2), process.env, FLAG_VARIABLES);
  if (commandLine.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const env = readSettings(EmulatorSettingsSchema.extend({ GATEWAY_PORT: portSetting(8787) }), commandLine.env, FLAG_VARIABLES);
  const settings = toEmulatorSettings(env);
  const { host, port: emulatorPort } = settings;
  const { gatewayUrl: url, emulator, stop: stopBoth } = await startDevGateway({
    settings,
    gatewayPort: env.GATEWAY_PORT,
    hints: { gateway: '--port <n> or GATEWAY_PORT', emulator: '--emulator-port <n> or EMULATOR_PORT' },
  });
  console.log(banner(emulator, host, emulatorPort));
  console.log(
    [
      '',
      `Gateway:  ${url.origin}  (docs: /docs, OpenAPI: /openapi.json)`,
      `Dev token: ${DEV_TOKEN}   e.g. curl -H 'Authorization: Bearer ${DEV_TOKEN}' ${url.origin}/v1/regions`,
      'Ctrl-C stops both.',
    ].join('\n'),
  );
  const stop = () => void stopBoth().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`ecs-gateway-dev: ${e instanceof Error ? e.message : String(e)}${e instanceof TypeError && 'code' in e ? ' (see --help)' : ''}`);
  process.exit(e instanceof TypeError || e instanceof SettingsError ? 2 : 1);
}
