import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EcsError } from '../../openapi/ecs-api';
import { GATEWAY_PROBLEMS, UNKNOWN_UPSTREAM_TITLE, upstreamProblemOf, type ProblemSpec } from '../../openapi/errors/catalogue';
import { TRANSPORT_FAILURE_CODE } from '../../openapi/errors/ecs-errors';
import { meaningOf } from '../../openapi/upstream/error-codes';
import type { Env, GatewayEnv } from '../env';
import { problem, writeProblem, type ProblemInput } from './problem';

// Upstream errors become problem+json answers with the closest HTTP status; status and title of
// every known code come from the error catalogue.

/** Upstream codes that mean the gateway's own credentials (or clock) are wrong, not the caller's. */
const CREDENTIAL_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'RequestExpired', 'SignatureNonceUsed']);

/**
 * Status of an upstream business error. A catalogued code that blames the gateway or the upstream
 * (502) and any upstream 5xx are 502; 429 stays 429 (the caller should slow down); then the
 * catalogue; then the code's shape; then the upstream status when it is a client error.
 */
export function businessStatus(code: string, httpStatus?: number): ProblemSpec['status'] {
  const known = upstreamProblemOf(code);
  if (known?.status === 502 || (httpStatus !== undefined && httpStatus >= 500)) return 502;
  if (httpStatus === 429) return 429;
  if (known) return known.status;
  if (/NotFound$/.test(code)) return 404;
  if (/Status$/.test(code)) return 409;
  if (/^(Invalid|Missing)/.test(code)) return 400;
  if (httpStatus === 400 || httpStatus === 404 || httpStatus === 409 || httpStatus === 422) return httpStatus;
  return 502;
}

/** The problem an EcsError answers with (detail not yet redacted). */
export function mapEcsError(err: EcsError): ProblemInput {
  if (err.kind !== 'business') {
    const code = TRANSPORT_FAILURE_CODE[err.kind];
    return { code, ...GATEWAY_PROBLEMS[code], detail: err.message };
  }
  if (err.code === 'UpstreamError') return { code: err.code, ...GATEWAY_PROBLEMS.UpstreamError, detail: err.message };
  // A code that says less than the answer means (a missing disk is InvalidParameter upstream).
  const code = meaningOf(err.code, err.message);
  if (CREDENTIAL_CODES.has(code)) {
    return {
      code,
      ...upstreamProblemOf(code)!,
      detail: `The ECS API refused the gateway's own request (${code}): check CDS_SECRET_ID / CDS_SECRET_KEY and the gateway clock. This is not a problem with your request.`,
    };
  }
  const status = businessStatus(code, err.httpStatus);
  const known = upstreamProblemOf(code);
  const title = known?.status === status ? known.title : status >= 500 ? UNKNOWN_UPSTREAM_TITLE.failed : UNKNOWN_UPSTREAM_TITLE.refused;
  return { code, status, title, detail: err.message || code };
}

export function ecsErrorProblem(c: Context<GatewayEnv>, err: EcsError): Response {
  if (err.requestId) c.header('X-Upstream-Request-Id', err.requestId);
  const mapped = mapEcsError(err);
  // The upstream's own Retry-After does not reach the EcsApi; one second is a safe first wait.
  if (mapped.status === 429) c.header('Retry-After', '1');
  return writeProblem(c, { ...mapped, detail: redactSecrets(mapped.detail, c.env, c.get('redact')) });
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
  if (err.status === 400) return problem(c, 'ValidationFailed', 'The request body is not valid JSON.', [{ path: 'body', message: 'malformed JSON' }]);
  if (err.status === 415) return problem(c, 'UnsupportedMediaType', 'Send the body as JSON with Content-Type: application/json.');
  return problem(c, 'BadRequest', 'The request could not be read.');
}

/** Last line of defence: never a stack trace, never an error message we did not write. */
export const onError: ErrorHandler<GatewayEnv> = (err, c) => {
  if (err instanceof EcsError) return ecsErrorProblem(c, err);
  if (err instanceof HTTPException && err.status < 500) return httpExceptionProblem(c, err);
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), error: (err as Error)?.name ?? 'Error' }));
  return problem(c, 'InternalError', 'The gateway failed unexpectedly; quote the request id when reporting it.');
};

/** 404 for a path the gateway does not serve (a served path with another method: see onMethodNotAllowed). */
export const notFoundHandler: NotFoundHandler<GatewayEnv> = (c) => problem(c, 'NotFound', `No route for ${c.req.method} ${c.req.path}.`);

/** The 405 of hono/method-not-allowed as a problem, with `Allow`, so a client learns what it did wrong. */
export function onMethodNotAllowed(c: Context<GatewayEnv>, methods: string[]): Response {
  const allowed = [...methods].sort();
  const res = problem(c, 'MethodNotAllowed', `${c.req.path} takes ${allowed.join(', ')}, not ${c.req.method}.`);
  res.headers.set('Allow', allowed.join(', '));
  return res;
}
