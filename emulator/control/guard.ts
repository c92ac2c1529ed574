import type { MiddlewareHandler } from 'hono';

/** Host names the Node server accepts on /_emulator/* (it listens on 127.0.0.1 only). */
export const LOOPBACK_CONTROL_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** `'any'`: no Host check (in-process use, where nothing listens); otherwise the accepted host names. */
export type ControlHosts = readonly string[] | 'any';

/** `localhost:8788` → `localhost`, `[::1]:8788` → `[::1]`; undefined when it is not a host. */
function hostnameOf(hostOrOrigin: string): string | undefined {
  try {
    return new URL(hostOrOrigin.includes('://') ? hostOrOrigin : `http://${hostOrOrigin}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The control API has no signature, so it only answers the developer's own machine:
 * - the Host header must name an accepted host: a page that rebinds its own DNS name to
 *   127.0.0.1 still sends its own name as Host, so it cannot read /_emulator/state;
 * - a browser's cross-site request carries an Origin, which must be an accepted host too: a page
 *   on another site cannot reset the emulator with a body-less POST (no preflight for those).
 * Answers 403 {"Code":"Forbidden","Msg"} otherwise.
 */
export function controlGuard(hosts: ControlHosts): MiddlewareHandler {
  if (hosts === 'any') return async (_c, next) => next();
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const list = [...allowed].join(', ');
  return async (c, next) => {
    const host = hostnameOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (!host || !allowed.has(host))
      return c.json({ Code: 'Forbidden', Msg: `control API: Host ${c.req.header('host') ?? host ?? ''} is not accepted (accepted: ${list})` }, 403);
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(hostnameOf(origin) ?? ''))
      return c.json({ Code: 'Forbidden', Msg: `control API: requests from origin ${origin} are not accepted (accepted hosts: ${list})` }, 403);
    await next();
  };
}
