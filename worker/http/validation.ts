import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { GatewayEnv } from '../env';
import type { ProblemFieldError } from '../../openapi/models';
import { problem } from './problem';

// zod failures become 400 problem+json (code ValidationFailed) before any upstream call.

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

export function fieldErrors(target: string, error: ZodError): ProblemFieldError[] {
  const prefix = TARGET_PREFIX[target] ?? target;
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** The defaultHook of the app: only failures answer; successes fall through to the handler. */
export function validationHook(
  result: { success: true; target: string } | { success: false; target: string; error: ZodError },
  c: Context<GatewayEnv, any>,
): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrors(result.target, result.error);
  return problem(
    c,
    'ValidationFailed',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );
}
