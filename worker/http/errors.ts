import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { EcsError } from '../../openapi/ecs-api';
import { UPSTREAM_ERRORS } from '../../openapi/upstream/error-codes';
import type { Env, GatewayEnv } from '../env';
import { problem } from './problem';

// Upstream errors become problem+json answers with the closest HTTP status (DESIGN 3).

/** Upstream 403 codes that mean the gateway's own credentials (or clock) are wrong, not the caller's. */
const CREDENTIAL_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'RequestExpired', 'SignatureNonceUsed']);

export interface MappedError {
  status: ContentfulStatusCode;
  title: string;
  detail: string;
}

/**
 * Codes that mean the gateway, not the caller, is wrong: its credentials or clock (the four
 * signature codes) or the request it built (an Action the upstream does not know).
 */
const GATEWAY_FAULT_CODES = new Set([...CREDENTIAL_CODES, 'InvalidAction']);

/**
 * Status of an upstream business error. An upstream 5xx is a 502 whatever its code; 429 stays
 * 429 (the caller should slow down); then the known-code table; then the code's shape.
 */
export function businessStatus(code: string, httpStatus?: number): ContentfulStatusCode {
  if (GATEWAY_FAULT_CODES.has(code)) return 502;
  if (httpStatus !== undefined && httpStatus >= 500) return 502;
  if (httpStatus === 429) return 429;
  const byTable = (UPSTREAM_ERRORS as Record<string, number>)[code];
  if (byTable !== undefined) return byTable >= 500 ? 502 : (byTable as ContentfulStatusCode);
  if (/NotFound$/.test(code)) return 404;
  if (/Status$/.test(code)) return 409;
  if (/^(Invalid|Missing)/.test(code)) return 400;
  if (httpStatus === 400 || httpStatus === 404 || httpStatus === 409 || httpStatus === 422) return httpStatus;
  return 502;
}

export function mapEcsError(err: EcsError): MappedError {
  switch (err.kind) {
    case 'timeout':
      return { status: 504, title: 'Upstream timeout', detail: err.message };
    case 'unreachable':
      return { status: 502, title: 'Upstream unreachable', detail: err.message };
    case 'bad_response':
      return { status: 502, title: 'Unreadable upstream answer', detail: err.message };
    case 'business': {
      if (CREDENTIAL_CODES.has(err.code)) {
        return {
          status: 502,
          title: 'Upstream refused the gateway credentials',
          detail: `The ECS API refused the gateway's own request (${err.code}): check CDS_SECRET_ID / CDS_SECRET_KEY and the gateway clock. This is not a problem with your request.`,
        };
      }
      if (err.code === 'InvalidAction') {
        return { status: 502, title: 'Upstream refused the gateway request', detail: `The ECS API does not accept the call the gateway built (${err.code}): ${err.message}` };
      }
      const status = businessStatus(err.code, err.httpStatus);
      return { status, title: status >= 500 ? 'Upstream error' : 'Upstream refused the request', detail: err.message || err.code };
    }
  }
}

export function ecsErrorProblem(c: Context<GatewayEnv>, err: EcsError): Response {
  if (err.requestId) c.header('X-Upstream-Request-Id', err.requestId);
  const mapped = mapEcsError(err);
  // The upstream's own Retry-After does not reach the EcsApi; one second is a safe first wait.
  if (mapped.status === 429) c.header('Retry-After', '1');
  return problem(c, { ...mapped, detail: redactSecrets(mapped.detail, c.env, c.get('redact')), code: err.code });
}

/**
 * Upstream messages are passed on; should one ever echo a credential or the request's password,
 * it is cut out. A password is cut out whatever its length (credentials from 4 characters on).
 */
export function redactSecrets(text: string, env: Partial<Env> | undefined, requestSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [env?.CDS_SECRET_KEY, env?.CDS_SECRET_ID]) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const secret of requestSecrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}

/** Hono's own 4xx: malformed JSON (400) and a body that is not JSON (415). */
function httpExceptionProblem(c: Context<GatewayEnv>, err: HTTPException): Response {
  if (err.status === 400) {
    return problem(c, { status: 400, code: 'ValidationFailed', title: 'Invalid request', detail: 'The request body is not valid JSON.', errors: [{ path: 'body', message: 'malformed JSON' }] });
  }
  if (err.status === 415) {
    return problem(c, { status: 415, code: 'UnsupportedMediaType', title: 'Unsupported media type', detail: 'Send the body as JSON with Content-Type: application/json.' });
  }
  return problem(c, { status: err.status as ContentfulStatusCode, code: 'BadRequest', title: 'Bad request', detail: 'The request could not be read.' });
}

/** Last line of defence: never a stack trace, never an error message we did not write. */
export const onError: ErrorHandler<GatewayEnv> = (err, c) => {
  if (err instanceof EcsError) return ecsErrorProblem(c, err);
  if (err instanceof HTTPException && err.status < 500) return httpExceptionProblem(c, err);
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), error: (err as Error)?.name ?? 'Error' }));
  return problem(c, { status: 500, code: 'InternalError', title: 'Internal error', detail: 'The gateway failed unexpectedly; quote the request id when reporting it.' });
};

export interface KnownRoute {
  method: string;
  /** Hono path, e.g. /v1/instances/:EcsId */
  path: string;
}

/**
 * 404 for a path the gateway does not serve; 405 with `Allow` for a path it serves with other
 * methods (e.g. DELETE /v1/instances/{EcsId}), so a client learns what it did wrong.
 */
export function notFoundHandler(routes: () => readonly KnownRoute[]): NotFoundHandler<GatewayEnv> {
  return (c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = allowedMethods(routes(), path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return problem(c, { status: 405, code: 'MethodNotAllowed', title: 'Method not allowed', detail: `${path} takes ${allowed.join(', ')}, not ${c.req.method}.` });
    }
    return problem(c, { status: 404, code: 'NotFound', title: 'Not found', detail: `No route for ${c.req.method} ${path}.` });
  };
}

function allowedMethods(routes: readonly KnownRoute[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    // Middleware is registered as ALL on wildcard paths; only real endpoints count.
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern = new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`);
    if (pattern.test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
