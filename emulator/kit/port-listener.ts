import { serve, type ServerType } from '@hono/node-server';
import { PortTakenError, boundPort } from '../bin/node-server';

// A stack that asked for a port: a plain Node listener on 127.0.0.1 whose requests go to the
// stack's fetch (the shared runtime's own socket serves every stack and needs the stack header).

export interface PortListener {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:port (0 = a free one); rejects with PortTakenError when it is taken. */
export function listenOnPort(port: number, fetch: (request: Request) => Promise<Response>): Promise<PortListener> {
  const host = '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch, port, hostname: host }, () =>
      resolve({
        url: `http://${host}:${boundPort(server, port)}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortTakenError(host, port, 'the `port` option of startOfflineStack') : e));
  });
}
