import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../openapi/operations';
import { READ_TOKEN, WRITE_TOKEN, harness, json } from '../../helpers/gateway-harness';
import { MUTATING_OPERATIONS } from '../../helpers/mutating-routes';

// Auth on every mutating operation of the committed document (the list is derived, not written
// here): no token → 401, a read token → 403 InsufficientScope, a write token → the success status.
// None of the refused calls reaches upstream.

describe('the list of mutating operations', () => {
  it('holds every operation whose upstream action is a POST', () => {
    const upstreamPosts = OPERATIONS.filter((op) => op.upstream.method === 'POST' && !op.operationId.startsWith('Describe'))
      .map((op) => op.operationId)
      .sort();
    expect(MUTATING_OPERATIONS.map((o) => o.operationId).sort()).toEqual(upstreamPosts);
  });
});

for (const op of MUTATING_OPERATIONS) {
  const request = (token: string | null) => {
    const h = harness();
    return { h, res: h.request(op.path, { method: op.method, body: op.body === undefined ? undefined : json(op.body), token }) };
  };

  describe(`auth on ${op.method} ${op.template} (${op.operationId})`, () => {
    it('no token → 401 Unauthorized, upstream not called', async () => {
      const { h, res } = request(null);
      const r = await res;
      expect(r.status).toBe(401);
      expect(((await r.json()) as { code: string }).code).toBe('Unauthorized');
      expect(h.upstream.calls).toHaveLength(0);
    });

    it('read token → 403 InsufficientScope, upstream not called', async () => {
      const { h, res } = request(READ_TOKEN);
      const r = await res;
      expect(r.status).toBe(403);
      expect(((await r.json()) as { code: string }).code).toBe('InsufficientScope');
      expect(r.headers.get('WWW-Authenticate')).toContain('error="insufficient_scope"');
      expect(h.upstream.calls).toHaveLength(0);
    });

    it(`write token → ${op.successStatus}, one upstream call`, async () => {
      const { h, res } = request(WRITE_TOKEN);
      const r = await res;
      expect(r.status, await r.clone().text()).toBe(op.successStatus);
      expect(h.upstream.calls).toHaveLength(1);
      expect(h.upstream.calls[0]!.action).toBe(OPERATIONS.find((o) => o.operationId === op.operationId)!.upstream.action);
    });
  });
}
