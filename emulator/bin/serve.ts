// `npm run emulator`: the emulator as a Node HTTP server on 127.0.0.1:${EMULATOR_PORT:-8788}.
import { banner, startEmulatorServer } from './node-server';

const host = '127.0.0.1';
const port = Number(process.env.EMULATOR_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EMULATOR_PORT must be a port number, got ${process.env.EMULATOR_PORT}`);
  process.exit(2);
}

try {
  const { emulator, server } = await startEmulatorServer(process.env, port, host);
  console.log(banner(emulator, host, port));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`emulator: cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
