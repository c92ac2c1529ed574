import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GATEWAY_PROBLEMS, type GatewayProblemCode } from '../../openapi/errors/catalogue';
import type { ProblemFieldError } from '../../openapi/models';
import type { GatewayEnv } from '../env';
import { jsonText } from './json-newline';

export interface ProblemInput {
  status: ContentfulStatusCode;
  /** Upstream or gateway error code, e.g. InvalidInstanceStatus or ValidationFailed. */
  code: string;
  title: string;
  detail: string;
  errors?: ProblemFieldError[];
}

/**
 * Problem `type`s are relative URIs (RFC 9457 resolves them against the request URL): the page of
 * the code on the very gateway that answered (`GET /problems/<code>`), whatever host it runs on,
 * and a stored Idempotency-Key answer replays the same URI on any host.
 */
export const PROBLEM_TYPE_BASE = '/problems/';

/** An RFC 9457 application/problem+json answer. It never carries a stack trace or a secret. */
export function writeProblem(c: Context<GatewayEnv>, input: ProblemInput): Response {
  const body = {
    type: PROBLEM_TYPE_BASE + input.code,
    title: input.title,
    status: input.status,
    detail: input.detail,
    code: input.code,
    requestId: c.get('requestId') ?? '',
    ...(input.errors ? { errors: input.errors } : {}),
  };
  return c.body(jsonText(body), input.status, { 'Content-Type': 'application/problem+json' });
}

/** A gateway problem: status and title come from the error catalogue, only the detail is this occurrence's. */
export function problem(c: Context<GatewayEnv>, code: GatewayProblemCode, detail: string, errors?: ProblemFieldError[]): Response {
  const { status, title } = GATEWAY_PROBLEMS[code];
  return writeProblem(c, { status, code, title, detail, ...(errors ? { errors } : {}) });
}
