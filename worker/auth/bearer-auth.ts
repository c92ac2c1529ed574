import type { MiddlewareHandler } from 'hono';
import { readSettings } from '../config';
import type { GatewayEnv } from '../env';
import { problem } from '../http/problem';
import { accountIdOf, findToken } from './tokens';

// Guards the API routes: configuration first (never an open door), then the bearer token, then
// its scope. Read-only methods are GET and HEAD; everything else needs `write`.

const READ_METHODS = new Set(['GET', 'HEAD']);
const REALM = 'Bearer realm="ecs-edge-gateway"';

/**
 * Guards the API routes: configuration first (never an open door), then the bearer token, then
 * its scope. GET and HEAD need a `read` or `write` token; every other method `write`.
 *
 * Sets `settings`, `tokenScope`, `callerId` (from the token's digest) and `accountId` (from the
 * access key id) for the handlers after it.
 *
 * @returns the middleware; answers 500 NotConfigured, 401 Unauthorized / InvalidToken or 403 InsufficientScope.
 * @example
 * ```ts
 * app.use('/v1/*', bearerAuth());
 * ```
 */
export function bearerAuth(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const read = readSettings(c.env);
    if (!read.ok) return problem(c, 'NotConfigured', `The gateway cannot serve API calls until these settings are fixed: ${read.problems.join('; ')}.`);
    const { settings } = read;
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!match) {
      c.header('WWW-Authenticate', REALM);
      return problem(c, 'Unauthorized', 'Send Authorization: Bearer <token>.');
    }
    const { digest, scope } = await findToken(settings.gatewayTokens, match[1]!);
    if (!scope) {
      c.header('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      return problem(c, 'InvalidToken', 'The bearer token is not one of the gateway tokens.');
    }
    if (scope === 'read' && !READ_METHODS.has(c.req.method)) {
      c.header('WWW-Authenticate', `${REALM}, error="insufficient_scope", scope="write"`);
      return problem(c, 'InsufficientScope', `${c.req.method} needs a token of scope write; this token has scope read.`);
    }
    c.set('settings', settings);
    c.set('tokenScope', scope);
    c.set('callerId', digest.slice(0, 32));
    c.set('accountId', await accountIdOf(settings.accessKeyId));
    await next();
  };
}
