/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { resolvedDocument as committed } from '../helpers/resolved-document';
import { GATEWAY_PROBLEMS, UPSTREAM_PROBLEMS } from '../../openapi/errors/catalogue';
import { UPSTREAM_ERRORS } from '../../openapi/upstream/error-codes';

// Every problem code the gateway answers with is in the error catalogue and in the committed
// OpenAPI document. The sources are read as text, so a code written as a literal anywhere in the
// gateway (or the shared EcsError factories) is found even where a type would not catch it.

const sources = import.meta.glob(['../../worker/**/*.ts', '../../openapi/errors/*.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const catalogued = new Set([...Object.keys(GATEWAY_PROBLEMS), ...Object.keys(UPSTREAM_PROBLEMS)]);
const problemSchema = committed.components.schemas.Problem as { properties: { code: { description: string } } };

/** Codes passed as literals to problem(c, '<Code>', …), set as `code: '<Code>'` or as an EcsError factory's code. */
function codesUsedIn(text: string): string[] {
  const patterns = [/\bproblem\(\s*c\s*,\s*'([A-Za-z]+)'/g, /\bcode:\s*'([A-Za-z]+)'/g, /^\s*[a-z_]+:\s*'(Upstream[A-Za-z]+)'/gm];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** Every response description of the document with its status. */
const documented = Object.values(committed.paths).flatMap((item) =>
  Object.values(item as Record<string, { responses: Record<string, { description: string }> }>).flatMap((op) =>
    Object.entries(op.responses).map(([status, r]) => ({ status: Number(status), description: r.description })),
  ),
);

describe('error catalogue', () => {
  it('the gateway sources were read', () => {
    expect(Object.keys(sources).some((p) => p.endsWith('worker/auth/bearer-auth.ts'))).toBe(true);
  });

  it('every problem code used in the gateway is catalogued', () => {
    const used = new Set(Object.values(sources).flatMap(codesUsedIn));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((code) => !catalogued.has(code))).toEqual([]);
  });

  it('the catalogue knows every upstream code the project knows', () => {
    expect(Object.keys(UPSTREAM_PROBLEMS).sort()).toEqual(Object.keys(UPSTREAM_ERRORS).sort());
  });

  it('every catalogued code is named in the OpenAPI Problem.code description', () => {
    const description = problemSchema.properties.code.description;
    expect([...catalogued].filter((code) => !new RegExp(`\\b${code}\\b`).test(description))).toEqual([]);
  });

  it("every code a route can answer is documented on a route's response of its status", () => {
    // Answered for paths and methods no route serves, so no route documents them.
    const routeless = new Set(['NotFound', 'MethodNotAllowed', 'BadRequest']);
    const missing = [...Object.entries(GATEWAY_PROBLEMS), ...Object.entries(UPSTREAM_PROBLEMS)]
      .filter(([code]) => !routeless.has(code))
      .filter(([code, spec]) => !documented.some((r) => r.status === spec.status && r.description.includes(`\`${code}\`: ${spec.when}`)))
      .map(([code, spec]) => `${code} (${spec.status})`);
    expect(missing).toEqual([]);
  });
});
