import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { GatewayEnv } from '../env';

/** One failing input of a 400 validation problem. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface ProblemInput {
  status: ContentfulStatusCode;
  /** Upstream or gateway error code, e.g. InvalidInstanceStatus or ValidationFailed. */
  code: string;
  title: string;
  detail: string;
  errors?: ProblemFieldError[];
}

const PROBLEM_TYPE_BASE = 'https://ecs-edge-gateway.dev/problems/';

/** An RFC 9457 application/problem+json answer. It never carries a stack trace or a secret. */
export function problem(c: Context<GatewayEnv>, input: ProblemInput): Response {
  const body = {
    type: PROBLEM_TYPE_BASE + input.code,
    title: input.title,
    status: input.status,
    detail: input.detail,
    code: input.code,
    requestId: c.get('requestId') ?? '',
    ...(input.errors ? { errors: input.errors } : {}),
  };
  return c.body(JSON.stringify(body), input.status, { 'Content-Type': 'application/problem+json' });
}
