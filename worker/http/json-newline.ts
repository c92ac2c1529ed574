import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';

// JSON answers end with a newline, so `curl` output does not run into the shell prompt. The
// newline is written with the JSON (c.json here, problem+json, cached copies and Prefer: wait in
// their writers, all through jsonText) rather than by re-reading every answer afterwards.

/** The exact text of a JSON answer: what is sent, and what an ETag is computed over. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value)}\n`;

type HeaderArg = Record<string, string | string[]> | Headers | undefined;

function withJsonType(headers: HeaderArg): HeaderArg {
  if (headers instanceof Headers) {
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return headers;
  }
  return { 'Content-Type': 'application/json', ...headers };
}

/** Makes this request's `c.json` write `jsonText` (the same arguments, the same headers). Mount first. */
export function jsonNewline(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    c.json = ((object: unknown, arg?: unknown, headers?: HeaderArg) => c.body(jsonText(object), arg as never, withJsonType(headers) as never)) as unknown as typeof c.json;
    await next();
  };
}
