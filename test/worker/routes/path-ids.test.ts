import { describe, expect, it } from 'vitest';
import { resolvedDocument as document } from '../../helpers/resolved-document';
import { harness, json } from '../../helpers/gateway-harness';
import { MUTATING_OPERATIONS } from '../../helpers/mutating-routes';
import { OPERATION_BY_ID } from '../../../openapi/operations';

// Path ids reach upstream as validated, not as sent: every operation of the committed document
// with a path parameter is called with the documented example id wrapped in spaces, and the fake
// upstream must see the trimmed id (in the query of a GET, in the JSON body of a POST).

type Operation = { operationId: string; parameters?: { name: string; in: string; example?: unknown; schema?: { example?: unknown } }[]; responses: Record<string, unknown> };
const paths = (document as unknown as { paths: Record<string, Record<string, Operation>> }).paths;

const cases = Object.entries(paths).flatMap(([template, item]) =>
  Object.entries(item).flatMap(([method, op]) =>
    (op.parameters ?? [])
      .filter((p) => p.in === 'path')
      .map((p) => ({
        template,
        method: method.toUpperCase(),
        operationId: op.operationId,
        name: p.name,
        id: String(p.example ?? p.schema?.example),
        // The request field the path parameter carries: its own name unless the declaration renames it.
        field: OPERATION_BY_ID.get(op.operationId)?.rest.paramNames?.[p.name] ?? p.name,
        successStatus: Object.keys(op.responses).includes('202') ? 202 : Number(Object.keys(op.responses).find((s) => s.startsWith('2'))),
      })),
  ),
);

describe('path ids are sent upstream trimmed', () => {
  it('the document has operations with path ids (instances, disks, snapshots, events)', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(['DiskId', 'DiskId', 'EcsId', 'EcsId', 'EcsId', 'EcsId', 'EcsId', 'EventId', 'SnapshotChainId', 'SnapshotId', 'SnapshotId', 'SnapshotId', 'SnapshotId', 'SnapshotId']);
    for (const c of cases) expect(c.id, `${c.operationId} ${c.name} has no documented example`).toMatch(/^(ins|disk|s-disk|sl-disk)-[a-z0-9-]+$|^[0-9a-f-]{36}$/);
  });

  for (const c of cases) {
    it(`${c.method} ${c.template} (${c.operationId}): "%20${c.id}%20" reaches upstream as ${c.field}=${c.id}`, async () => {
      const h = harness();
      const body = MUTATING_OPERATIONS.find((o) => o.operationId === c.operationId)?.body;
      const res = await h.request(c.template.replace(`{${c.name}}`, `%20${encodeURIComponent(c.id)}%20`), {
        method: c.method,
        body: body === undefined ? undefined : json(body),
      });
      expect(res.status, await res.clone().text()).toBe(c.successStatus);
      // DescribeInstance also reads the regions (for the joined zone code); only the operation's own call matters here.
      const calls = h.upstream.calls.filter((call) => call.action !== 'DescribeRegions');
      expect(calls).toHaveLength(1);
      const call = calls[0]!;
      // Where the upstream takes it: the query of an upstream GET, the JSON body of an upstream POST (some REST reads are).
      expect(call.method === 'GET' ? call.query[c.field] : (call.body as Record<string, unknown>)[c.field]).toBe(c.id);
      if (c.field !== c.name) expect(call.method === 'GET' ? call.query[c.name] : (call.body as Record<string, unknown>)[c.name]).toBeUndefined();
    });
  }
});
