/** Upstream answer envelopes (docs/upstream-protocol.md). The emulator writes them; the signed client reads them. */
export const SUCCESS_CODE = 'Success';

export interface SuccessEnvelopeInput {
  data: unknown;
  message: string;
  requestId: string;
  lowerCase: boolean;
  /** Paged lists carry PageNumber, PageSize, TotalCount next to Data. */
  paging?: { PageNumber: number; PageSize: number; TotalCount: number };
}

export function successEnvelope({ data, message, requestId, lowerCase, paging }: SuccessEnvelopeInput): Record<string, unknown> {
  const head = lowerCase ? { code: SUCCESS_CODE, CodeMsg: 'success', Message: message } : { Code: SUCCESS_CODE, Msg: message };
  return { ...head, Data: data, ...paging, RequestId: requestId };
}

export function errorEnvelope(code: string, message: string, requestId: string): Record<string, unknown> {
  return { Code: code, Msg: message, RequestId: requestId };
}

/** Reads the code and message of either envelope variant. */
export function readEnvelopeHead(body: Record<string, unknown>): { code?: string; message?: string; requestId?: string } {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    code: str(body.Code) ?? str(body.code),
    message: str(body.Msg) ?? str(body.Message) ?? str(body.msg) ?? str(body.message),
    requestId: str(body.RequestId) ?? str(body.requestId),
  };
}
