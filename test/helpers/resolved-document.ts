import committed from '../../openapi/openapi.json';

// The committed document with its shared responses, headers and header parameters written out
// in place (the document keeps each once under `components`), so tests can read an operation's
// answers and parameters directly. Schemas stay references.

type Json = Record<string, unknown>;
const components = (committed as { components: Record<string, Json> }).components;

function inline(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inline);
  if (!value || typeof value !== 'object') return value;
  const ref = (value as { $ref?: string }).$ref;
  const m = ref && /^#\/components\/(responses|headers|parameters)\/(.+)$/.exec(ref);
  if (m) return inline(components[m[1]!]![m[2]!]);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
}

export const resolvedDocument = { ...committed, paths: inline(committed.paths) } as unknown as typeof committed;
