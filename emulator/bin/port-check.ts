import { createServer } from 'node:net';

// A busy port must cost the user one clear line, not a runtime's stack trace (workerd prints one
// when wrangler dev cannot bind), so the bins look before they start anything.

/** Whether host:port can be listened on right now (port 0, "any free port", always can). */
export function portIsFree(host: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The one line for a busy port, naming the variable that moves it. */
export const portBusyLine = (what: string, host: string, port: number, variable: string, example: number) =>
  `${what}: ${host}:${port} is already in use; stop what listens there or pick another port, e.g. ${variable}=${example} npm start`;

/** Whether an error is a listen failure on a taken address. */
export const isAddressInUse = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
