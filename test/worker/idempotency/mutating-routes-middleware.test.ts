import { describe, expect, it } from 'vitest';
import { MUTATING_ROUTES } from '../../../openapi/document';
import { OPERATIONS } from '../../../openapi/operations';
import { harness } from '../../helpers/gateway-harness';

// The Idempotency-Key middleware hangs on each mutating route itself (its `middleware` option):
// generated from the list of routes that document the header, so a new one cannot be forgotten.

describe('every mutating route checks its Idempotency-Key', () => {
  it('the list holds every mutating route', () => {
    // Every sync and accepted operation, and nothing else.
    expect(MUTATING_ROUTES.map((r) => r.operationId).sort()).toEqual(OPERATIONS.filter((o) => o.rest.kind === 'sync' || o.rest.kind === 'accepted').map((o) => o.operationId).sort());
    expect(MUTATING_ROUTES.length).toBeGreaterThan(15);
  });

  for (const route of MUTATING_ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}: a malformed key → 400 InvalidIdempotencyKey before validation`, async () => {
      const h = harness();
      const path = route.path.replace(/\{\w+\}/g, 'res-1');
      const res = await h.request(path, { method: route.method.toUpperCase(), body: '{}', headers: { 'Idempotency-Key': 'k'.repeat(256) } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('InvalidIdempotencyKey');
      expect(h.upstream.calls).toHaveLength(0);
    });
  }
});
