import { describe, expect, it } from 'vitest';
import committed from '../../openapi/openapi.json';
import { resolvedDocument } from '../helpers/resolved-document';
import { buildOpenApiDocument } from '../../openapi/document';
import { OPERATIONS } from '../../openapi/operations';
import { harness } from '../helpers/gateway-harness';

// openapi/openapi.json is generated and committed; it must equal what the code produces now.

const STALE = 'openapi/openapi.json is stale: run `npm run openapi` and commit the result';

describe('OpenAPI document', () => {
  it('keeps shared answers, headers and header parameters once, as components (under 300 lines per operation)', () => {
    const text = JSON.stringify(committed, null, 2);
    const operations = Object.values(committed.paths).flatMap((item) => Object.values(item)).length;
    expect(text.split('\n').length / operations).toBeLessThan(300);
    for (const item of Object.values(committed.paths) as Record<string, { responses: Record<string, { $ref?: string; headers?: Record<string, { $ref?: string }> }> }>[])
      for (const op of Object.values(item))
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 300) expect(response.$ref, status).toMatch(/^#\/components\/responses\//);
          for (const header of Object.values(response.headers ?? {})) expect(header.$ref).toMatch(/^#\/components\/headers\//);
        }
  });

  it('the committed document equals the one generated from the route definitions', () => {
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument())), STALE).toEqual(committed);
  });

  it('the document the worker serves at /openapi.json is the committed one', async () => {
    const res = await harness().request('/openapi.json', { token: null });
    expect(await res.json(), STALE).toEqual(committed);
  });

  it('has one operation per SDK method, operationId = SDK method name, all secured but /healthz', () => {
    const ops = Object.values(committed.paths).flatMap((item) => Object.values(item as Record<string, { operationId: string; security?: unknown[] }>));
    const ids = ops.map((o) => o.operationId).sort();
    expect(ids).toEqual([...OPERATIONS.map((op) => op.operationId), 'Healthz'].sort());
    for (const op of ops) expect(op.operationId === 'Healthz' ? op.security : op.security ?? committed.security).toEqual(op.operationId === 'Healthz' ? [] : [{ bearerAuth: [] }]);
    expect(committed.openapi).toBe('3.1.0');
    expect(committed.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('every 202 documents Location, every answer X-Request-Id, every error problem+json', () => {
    for (const item of Object.values(resolvedDocument.paths)) {
      for (const op of Object.values(item as Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> }>)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (status === '202') expect(response.headers).toHaveProperty('Location');
          if (Number(status) >= 400) {
            expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
            expect(response.headers).toHaveProperty('X-Request-Id');
          }
        }
      }
    }
  });

  it('documents the edge policy: 304 on cached routes, Idempotency-Key on mutating routes', () => {
    type Op = { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown>; content?: unknown }> };
    const ops = Object.values(resolvedDocument.paths).flatMap((item) => Object.entries(item as Record<string, Op>));
    const headerParams = (op: Op) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    for (const [, op] of ops.filter(([, op]) => '304' in op.responses)) {
      expect(headerParams(op)).toEqual(['if-none-match', 'cache-control']);
      expect(op.responses['304']!.content).toBeUndefined();
      for (const status of ['200', '304']) expect(Object.keys(op.responses[status]!.headers!)).toEqual(expect.arrayContaining(['ETag', 'X-Cache', 'Cache-Control']));
    }
    // Exactly the cached routes (those taking If-None-Match) document 304, so generated clients type it.
    const ids = (list: [string, Op][]) => list.map(([, op]) => (op as Op & { operationId: string }).operationId).sort();
    const cached = ops.filter(([, op]) => headerParams(op).includes('if-none-match'));
    expect(ids(cached)).toEqual(['DescribeEcsFamilyInfo', 'DescribeImages', 'DescribeRegions', 'DescribeZoneInstanceType']);
    expect(ids(ops.filter(([, op]) => '304' in op.responses))).toEqual(ids(cached));
    // A POST read (the price quote) changes nothing: no Idempotency-Key, no 409/422 of the key store.
    const postReads = ops.filter(([method, op]) => method === 'post' && (op as Op & { operationId: string }).operationId === 'DescribePrice');
    expect(postReads).toHaveLength(1);
    for (const [, op] of postReads) {
      expect(headerParams(op)).not.toContain('idempotency-key');
      expect(op.responses).not.toHaveProperty('422');
    }
    const mutating = ops.filter(([method, op]) => (method === 'post' || method === 'patch') && !postReads.some(([, read]) => read === op));
    expect(mutating).toHaveLength(OPERATIONS.filter((o) => o.rest.kind === 'sync' || o.rest.kind === 'accepted').length);
    for (const [, op] of mutating) {
      expect(headerParams(op)).toContain('idempotency-key');
      for (const status of ['409', '422', '503']) expect(op.responses).toHaveProperty(status);
      const success = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
      for (const status of [success, '400', '404', '409']) expect(op.responses[status]!.headers).toHaveProperty('Idempotent-Replayed');
    }
  });

  it('documents waiting: every 202 route takes Prefer and may answer 200 with the event and its 202 fields; the event route takes ?wait', () => {
    type Op = { operationId: string; parameters?: { name: string; in: string; schema?: Record<string, unknown> }[]; responses: Record<string, { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: unknown }> }> };
    const ops = Object.values(resolvedDocument.paths).flatMap((item) => Object.values(item as Record<string, Op>));
    const headerParams = (op: Op) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    const asynchronous = ops.filter((op) => '202' in op.responses);
    expect(asynchronous.map((op) => op.operationId).sort()).toEqual(OPERATIONS.filter((o) => o.rest.kind === 'accepted').map((o) => o.operationId).sort());
    for (const op of asynchronous) {
      expect(headerParams(op)).toContain('prefer');
      expect(op.responses['202']!.headers!['Retry-After']!.required).toBe(true);
      // The waited 200 is the event, with the 202's own schema where it holds more than the EventId.
      const accepted = op.responses['202']!.content!['application/json']!.schema as { $ref: string };
      const event = { $ref: '#/components/schemas/EventResultData' };
      expect(op.responses['200']!.content!['application/json']!.schema).toEqual(accepted.$ref.endsWith('/EventIdData') ? event : { allOf: [event, accepted] });
      for (const header of ['Preference-Applied', 'Location']) expect(op.responses['200']!.headers![header]!.required).toBe(true);
    }
    for (const op of ops.filter((op) => !('202' in op.responses))) expect(headerParams(op)).not.toContain('prefer');
    const event = ops.find((op) => op.operationId === 'DescribeTaskEvent')!;
    expect(event.parameters!.find((p) => p.name === 'wait')).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 60 } });
    expect(event.responses['200']!.headers).toHaveProperty('Retry-After');
  });
});
