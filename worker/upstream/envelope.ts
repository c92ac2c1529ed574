import { upstreamBadResponse, upstreamRefusal } from '../../openapi/errors/ecs-errors';
import { checkedErrorCode, checkedRequestId } from './checked-values';
import type { UpstreamReply } from './transport';
import { SUCCESS_CODE, readEnvelopeHead } from '../../openapi/upstream/envelope';

// Reading an upstream answer: both success variants (`Code`/`Msg` and
// `code`/`Message`), HTTP 200 with a code other than Success is an error, an error envelope keeps
// its code whatever the HTTP status, and anything that is not a readable envelope (an error
// status with code Success included) is bad_response.

export interface UpstreamEnvelope {
  /** The whole JSON body: paged lists keep PageNumber / PageSize / TotalCount next to Data. */
  body: Record<string, unknown>;
  data: unknown;
  requestId?: string;
}

export function readEnvelope(res: UpstreamReply, action: string): UpstreamEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw upstreamBadResponse(action, `the ECS API answered HTTP ${res.status} without a readable JSON envelope`, res.status);
  }
  const record = body as Record<string, unknown>;
  const head = readEnvelopeHead(record);
  // The RequestId becomes a header and part of problems: checked before anything uses it.
  head.requestId = checkedRequestId(head.requestId, action, res.status);
  if (head.code === SUCCESS_CODE) {
    if (res.status < 400) return { body: record, data: record.Data, requestId: head.requestId };
    // An error status with a success code: neither a result nor a refusal to pass on.
    throw upstreamBadResponse(action, `the ECS API answered HTTP ${res.status} with code ${SUCCESS_CODE}`, res.status, head.requestId);
  }
  if (head.code) {
    const code = checkedErrorCode(head.code);
    // An unreadable code is not passed on, nor is the message that may repeat it.
    if (code !== head.code) throw upstreamRefusal(code, `${action}: the ECS API answered HTTP ${res.status} with an error code that is not an identifier`, res.status, head.requestId);
    throw upstreamRefusal(code, head.message || `${action} failed with ${code}`, res.status, head.requestId);
  }
  throw upstreamBadResponse(action, `the ECS API answered HTTP ${res.status} without an error code`, res.status, head.requestId);
}
