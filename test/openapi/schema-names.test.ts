import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../openapi/document';

// Client generators name an operation's own types after its operationId: hey-api writes
// `<OperationId>Data` (the request), `<OperationId>Response(s)` and `<OperationId>Error(s)`. A
// component schema of one of those names is renamed by the generator (`CreateInstanceData2`),
// so in a generated client the name would mean something else than in this document.

const GENERATED_SUFFIXES = ['Data', 'Response', 'Responses', 'Error', 'Errors'] as const;

/** Names a generator gives the operations' own types, in PascalCase as hey-api writes them. */
function generatorNames(operationIds: readonly string[]): Set<string> {
  const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
  return new Set(operationIds.flatMap((id) => GENERATED_SUFFIXES.map((suffix) => `${pascal(id)}${suffix}`)));
}

describe('component schema names', () => {
  const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
    components: { schemas: Record<string, unknown> };
  };
  const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])));

  it('the operations were read', () => {
    expect(operationIds).toContain('CreateInstance');
    expect(generatorNames(['CreateInstance'])).toContain('CreateInstanceData');
  });

  it('no component schema is named <operationId>Data|Response(s)|Error(s)', () => {
    const taken = generatorNames(operationIds);
    expect(Object.keys(doc.components.schemas).filter((name) => taken.has(name))).toEqual([]);
  });
});
