import type { Context } from 'hono';
import type { EmulatorCore } from '../core';

/** The header a control call names its session (access key id) with. */
export const SESSION_HEADER = 'X-Emulator-Access-Key';

/** The session a control call is about: the header's, else the first account. */
export function sessionOf(core: EmulatorCore, c: Context): { accessKeyId: string } | { missing: string } {
  const named = c.req.header(SESSION_HEADER);
  if (named === undefined || named === '') return { accessKeyId: core.store.keys[0]!.AccessKeyId };
  return core.store.account(named) ? { accessKeyId: named } : { missing: named };
}

/** The session named by the header, or undefined when the call is about every account. */
export function namedSession(c: Context): string | undefined {
  const named = c.req.header(SESSION_HEADER);
  return named === undefined || named === '' ? undefined : named;
}
