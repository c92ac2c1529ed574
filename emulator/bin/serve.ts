// `npm run emulator`: the emulator as a Node HTTP server on 127.0.0.1:${EMULATOR_PORT:-8788}.
import { banner, startEmulatorServer } from './node-server';
import { emulatorSettingsFromEnv, type EmulatorSettings } from './settings';

let settings: EmulatorSettings;
try {
  settings = emulatorSettingsFromEnv(process.env);
} catch (e) {
  console.error(`emulator: ${(e as Error).message}`);
  process.exit(2);
}

try {
  const { emulator, server } = await startEmulatorServer(settings);
  console.log(banner(emulator, settings.port));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`emulator: cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
