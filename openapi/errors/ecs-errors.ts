import { EcsError, type EcsErrorKind } from '../ecs-api';
import { SUCCESS_CODE } from '../upstream/envelope';
import type { GatewayProblemCode } from './catalogue';

// The failures every EcsApi reports, whatever its transport (the signed wire client or the
// in-process emulator): built here so the same failure always carries the same code.

/** The gateway code of each failure that is not an upstream answer. */
export const TRANSPORT_FAILURE_CODE = {
  timeout: 'UpstreamTimeout',
  unreachable: 'UpstreamUnreachable',
  bad_response: 'UpstreamBadResponse',
} as const satisfies Record<Exclude<EcsErrorKind, 'business'>, GatewayProblemCode>;

/** No answer within the deadline. */
export function upstreamTimeout(action: string, why: string, requestId?: string): EcsError {
  return new EcsError('timeout', TRANSPORT_FAILURE_CODE.timeout, `${action}: ${why}`, undefined, requestId);
}

/** The connection failed (the cause is not echoed: it may hold the signed URL). */
export function upstreamUnreachable(action: string, why: string): EcsError {
  return new EcsError('unreachable', TRANSPORT_FAILURE_CODE.unreachable, `${action}: ${why}`);
}

/** An answer that is not a readable envelope, or a Data of the wrong shape. */
export function upstreamBadResponse(action: string, why: string, httpStatus?: number, requestId?: string): EcsError {
  return new EcsError('bad_response', TRANSPORT_FAILURE_CODE.bad_response, `${action}: ${why}`, httpStatus, requestId);
}

/**
 * The upstream answered with an error code: it is kept as given. `Success` is no error code: an
 * error status carrying it is an answer that contradicts itself, so it is a bad response (never a
 * problem whose code is `Success`).
 */
export function upstreamRefusal(code: string, message: string, httpStatus?: number, requestId?: string): EcsError {
  if (code === SUCCESS_CODE) return new EcsError('bad_response', TRANSPORT_FAILURE_CODE.bad_response, `the ECS API answered HTTP ${httpStatus ?? '(no status)'} with code ${SUCCESS_CODE}`, httpStatus, requestId);
  return new EcsError('business', code, message, httpStatus, requestId);
}
