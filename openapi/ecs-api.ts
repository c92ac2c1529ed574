import type { z } from 'zod';
import { methodNameOf, OPERATIONS, type Operation, type OperationDeclaration } from './operations';

/** What every call answers: the action's `Data` and the upstream RequestId when it gave one. */
export interface EcsResult<T> {
  data: T;
  requestId?: string;
}

/** The request an operation's EcsApi method takes (its request model's input). */
export type RequestOf<O extends Operation> = z.input<O['request']>;
/** The Data an operation's EcsApi method answers (its result model). */
export type ResultOf<O extends Operation> = z.output<O['result']>;

/**
 * Every operation as a method (an operationId with its first letter lower-cased), derived from OPERATIONS.
 * The gateway's routes depend on this type only; the signed upstream client and the in-process
 * emulator both implement it. Failures are thrown as EcsError.
 */
export type EcsApi = {
  [O in Operation as Uncapitalize<O['operationId']>]: (...req: {} extends RequestOf<O> ? [req?: RequestOf<O>] : [req: RequestOf<O>]) => Promise<EcsResult<ResultOf<O>>>;
};

/** How an EcsApi sends one operation; `ecsApiOf` turns it into the methods. */
export type OperationCall = (op: OperationDeclaration, req: unknown) => Promise<EcsResult<unknown>>;

/** An EcsApi whose every method sends its operation through `call`. */
export function ecsApiOf(call: OperationCall): EcsApi {
  return Object.fromEntries(OPERATIONS.map((op) => [methodNameOf(op.operationId), (req: unknown) => call(op, req ?? {})])) as unknown as EcsApi;
}

/**
 * - `business`: the upstream answered with an error code (HTTP >= 400, or 200 with Code != Success).
 * - `timeout`: no answer within the deadline.
 * - `unreachable`: the connection failed.
 * - `bad_response`: an answer that is not a readable envelope (or an upstream 5xx without one).
 */
export type EcsErrorKind = 'business' | 'timeout' | 'unreachable' | 'bad_response';

export class EcsError extends Error {
  override readonly name = 'EcsError';
  /**
   * Only on a `timeout` of a call the upstream may still act on (a POST past its deadline): the
   * same call, still running; it settles with the call's real result, or rejects with the EcsError
   * it finally ended with. Whoever needs the outcome (the Idempotency-Key store) waits for it.
   */
  late?: Promise<EcsResult<unknown>>;
  constructor(
    readonly kind: EcsErrorKind,
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}
