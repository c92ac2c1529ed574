import { upstreamBadResponse } from '../../openapi/errors/ecs-errors';
import { isResourceId, MAX_ID_LENGTH } from '../../openapi/models';

// The envelope's own values that the gateway puts into a header or a problem are checked first:
// an upstream answer is input like any other. Ids inside Data are checked by the result models
// (UpstreamId). A value that fails is never echoed (it may hold CR/LF or anything else).

const RULE = `letters, digits, '.', '_', ':' or '-', at most ${MAX_ID_LENGTH} characters`;

/** The upstream RequestId when it has one; one that is not an id makes the whole answer unusable. */
export function checkedRequestId(value: string | undefined, action: string, httpStatus: number): string | undefined {
  if (value === undefined || isResourceId(value)) return value;
  throw upstreamBadResponse(action, `the ECS API answered HTTP ${httpStatus} with a RequestId that is not an id (${RULE})`, httpStatus);
}

/** An upstream error code as the gateway passes it on (into `code` and the problem `type` URI). */
export const ERROR_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

/** The code the gateway reports for an upstream error code that is not an identifier-like token. */
export const UNCHECKED_ERROR_CODE = 'UpstreamError';

/** The upstream error code when it is an identifier-like token; otherwise UNCHECKED_ERROR_CODE (never echoed). */
export function checkedErrorCode(code: string): string {
  return ERROR_CODE_PATTERN.test(code) ? code : UNCHECKED_ERROR_CODE;
}
