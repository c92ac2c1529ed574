#!/usr/bin/env node
// `ecs-emulator` (and `npm run emulator`): the ECS emulator as an HTTP server. Flags win over
// the EMULATOR_* variables; bad settings and a taken port get one line, not a stack trace.
import { banner, boundPort, startEmulatorServer } from './node-server';
import { EmulatorSettingsSchema, readSettings, SettingsError, toEmulatorSettings, readCommandLine } from './settings';

const FLAG_VARIABLES = {
  host: 'EMULATOR_HOST',
  port: 'EMULATOR_PORT',
  'access-keys': 'EMULATOR_ACCESS_KEYS',
  clock: 'EMULATOR_CLOCK',
  seed: 'EMULATOR_SEED',
  durations: 'EMULATOR_DURATIONS',
  'state-file': 'EMULATOR_STATE_FILE',
};

const HELP = `Usage: ecs-emulator [options]

The offline ECS API (/ecs/v1, /ebs/v1, signature-checked) and its control API (/_emulator/*).

Options (environment variable in brackets):
  --host <host>          listen address [EMULATOR_HOST]                      default 127.0.0.1
  --port <n>             listen port, 0 = any free one [EMULATOR_PORT]       default 8788
  --access-keys <list>   accounts "ak:sk,ak2:sk2" [EMULATOR_ACCESS_KEYS]     default test-ak:test-sk
  --clock <mode>         wall, or manual (stopped; POST /_emulator/clock/advance) [EMULATOR_CLOCK]
  --seed <file>          seed JSON, the POST /_emulator/reset body format [EMULATOR_SEED]
  --durations <list>     transition seconds, e.g. restart_ecs=2,extend_disk=1 [EMULATOR_DURATIONS]
  --state-file <file>    keep the world in this file: loaded at start, rewritten as it changes [EMULATOR_STATE_FILE]
  -h, --help             this text

Go SDK: CDS_API_HOST=127.0.0.1:8788 CDS_API_SCHEMA=http CDS_SECRET_ID=test-ak CDS_SECRET_KEY=test-sk
`;

try {
  const commandLine = readCommandLine(process.argv.slice(2), process.env, FLAG_VARIABLES);
  if (commandLine.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const settings = toEmulatorSettings(readSettings(EmulatorSettingsSchema, commandLine.env, FLAG_VARIABLES));
  const { emulator, server } = await startEmulatorServer(settings, '--port <n> or EMULATOR_PORT');
  console.log(banner(emulator, settings.host, boundPort(server, settings.port)));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`ecs-emulator: ${e instanceof Error ? e.message : String(e)}${e instanceof TypeError && 'code' in e ? ' (see --help)' : ''}`);
  process.exit(e instanceof TypeError || e instanceof SettingsError ? 2 : 1);
}
