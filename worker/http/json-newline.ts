import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// JSON answers end with a newline, so `curl` output does not run into the shell prompt. The
// newline is written with the JSON (jsonAnswer here; problem+json, cached copies and Prefer: wait in
// their writers, all through jsonText) rather than by re-reading every answer afterwards.

/** The exact text of a JSON answer: what is sent, and what an ETag is computed over. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * A JSON answer written as `jsonText`, with its Content-Type: the one way the gateway answers JSON.
 * Typed as c.json's answer, so typed routes still check the body against their schema.
 */
export function jsonAnswer<T, S extends ContentfulStatusCode>(c: Context, value: T, status: S, headers: Record<string, string> = {}): Response & TypedResponse<T, S, 'json'> {
  return c.body(jsonText(value), status, { 'Content-Type': 'application/json', ...headers }) as unknown as Response & TypedResponse<T, S, 'json'>;
}
