import { resolvedDocument as document } from './resolved-document';

// The operations that change something upstream, read from the committed openapi/openapi.json
// (every /v1 operation whose method is not GET and that takes an Idempotency-Key: a POST read such as
// the price quote changes nothing), each with a valid request built from the
// document's own examples. Tests loop over this list, so a new mutating route is covered by the
// auth and idempotency cases without anyone adding it by hand.

type Schema = { $ref?: string; example?: unknown; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[] };
type Parameter = { name: string; in: string; schema?: Schema; example?: unknown };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};

const doc = document as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

export interface MutatingOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v1/disks/{DiskId}/extend`. */
  template: string;
  /** The template with each path parameter replaced by its documented example. */
  path: string;
  /** A valid JSON body made of the documented examples (undefined when the operation takes none). */
  body: Record<string, unknown> | undefined;
  /** The documented success status. */
  successStatus: number;
}

const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]!) : schema);

/** A value for a schema: its example, else its first enum value; loud when the document has neither. */
function exampleOf(schema: Schema, where: string): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.properties) {
    return Object.fromEntries(Object.entries(s.properties).filter(([k]) => s.required?.includes(k)).map(([k, v]) => [k, exampleOf(v, `${where}.${k}`)]));
  }
  throw new Error(`mutating-routes: ${where} has no example in openapi/openapi.json`);
}

export const MUTATING_OPERATIONS: readonly MutatingOperation[] = Object.entries(doc.paths)
  .filter(([template]) => template.startsWith('/v1/'))
  .flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method, op]) => method !== 'get' && (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key'))
      .map(([method, op]) => {
        let path = template;
        for (const p of op.parameters ?? []) {
          if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example ?? exampleOf(p.schema ?? {}, `${op.operationId} ${p.name}`))));
        }
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        const body = bodySchema ? (exampleOf(bodySchema, `${op.operationId} body`) as Record<string, unknown>) : undefined;
        // An operation that may answer 200 (Prefer: wait) or 202 answers 202 to a plain request.
        const successes = Object.keys(op.responses).filter((s) => s.startsWith('2'));
        const successStatus = Number(successes.includes('202') ? '202' : successes[0]);
        return { operationId: op.operationId, method: method.toUpperCase(), template, path, body, successStatus };
      }),
  );
