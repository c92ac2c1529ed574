import type { MiddlewareHandler } from 'hono';
import type { Env, GatewayEnv } from '../env';
import { problem } from '../http/problem';
import { accountIdOf, identify, parseTokenList } from './tokens';

// Guards the API routes: configuration first (never an open door), then the bearer token, then
// its scope. Read-only methods are GET and HEAD; everything else needs `write`.

const READ_METHODS = new Set(['GET', 'HEAD']);
const REALM = 'Bearer realm="ecs-edge-gateway"';

/** Names of the settings the API routes cannot work without. */
export function missingConfiguration(env: Partial<Env>): string[] {
  const missing: string[] = [];
  if (!env.CDS_SECRET_ID) missing.push('CDS_SECRET_ID');
  if (!env.CDS_SECRET_KEY) missing.push('CDS_SECRET_KEY');
  if (!env.GATEWAY_TOKENS || parseTokenList(env.GATEWAY_TOKENS).length === 0) missing.push('GATEWAY_TOKENS');
  return missing;
}

export function bearerAuth(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const missing = missingConfiguration(c.env ?? {});
    if (missing.length) {
      return problem(c, {
        status: 500,
        code: 'NotConfigured',
        title: 'Gateway not configured',
        detail: `The gateway cannot serve API calls until these settings are set: ${missing.join(', ')}.`,
      });
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!match) {
      c.header('WWW-Authenticate', REALM);
      return problem(c, { status: 401, code: 'Unauthorized', title: 'Authentication required', detail: 'Send Authorization: Bearer <token>.' });
    }
    const token = match[1]!;
    const { scope, callerId } = await identify(c.env.GATEWAY_TOKENS!, token);
    if (!scope) {
      c.header('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      return problem(c, { status: 401, code: 'InvalidToken', title: 'Unknown token', detail: 'The bearer token is not one of the gateway tokens.' });
    }
    if (scope === 'read' && !READ_METHODS.has(c.req.method)) {
      c.header('WWW-Authenticate', `${REALM}, error="insufficient_scope", scope="write"`);
      return problem(c, { status: 403, code: 'InsufficientScope', title: 'Token scope too small', detail: `${c.req.method} needs a token of scope write; this token has scope read.` });
    }
    c.set('tokenScope', scope);
    c.set('callerId', callerId);
    c.set('accountId', await accountIdOf(c.env.CDS_SECRET_ID!));
    await next();
  };
}
