import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';

// JSON answers end with a newline, so `curl` output does not run into the shell prompt. Done once
// here for c.json, problem+json and replays alike, rather than at every place that writes JSON.

const JSON_CONTENT_TYPE = /^application\/(?:problem\+)?json\b/i;

/** The exact text of a JSON answer: what is sent, and what an ETag is computed over. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * Appends the final newline to every application/json and application/problem+json answer that
 * lacks it. Answers are small (the largest valid one is a page of instances), so buffering is cheap.
 */
export function jsonNewline(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.body || !JSON_CONTENT_TYPE.test(c.res.headers.get('Content-Type') ?? '')) return;
    const text = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    // Assigning to c.res after next() replaces the answer (Hono carries the headers over).
    c.res = new Response(text.endsWith('\n') ? text : `${text}\n`, { status: c.res.status, statusText: c.res.statusText, headers });
  };
}
