import { describe, expect, it } from 'vitest';
import document from '../../../openapi/openapi.json';
import { WRITE_TOKEN, harness, json } from '../../helpers/gateway-harness';

// Rate limits on every route of the committed document (the list is derived, not written here):
// with the binding of its scope refusing, each route answers 429 RateLimited and calls nothing
// upstream; with the other scope's binding refusing, it is not limited. A limiter mounted on some
// paths only fails here.

const deny: RateLimit = { limit: async () => ({ success: false }) };
const allow: RateLimit = { limit: async () => ({ success: true }) };

const routes = Object.entries((document as { paths: Record<string, Record<string, { operationId: string }>> }).paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([template, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), template, operationId: op.operationId })));

const concrete = (template: string) => template.replace(/\{[^}]+\}/g, 'id-1');

describe('rate limits cover every route', () => {
  it('the document has routes of both scopes', () => {
    expect(routes.filter((r) => r.method === 'GET').length).toBeGreaterThan(3);
    expect(routes.filter((r) => r.method !== 'GET').length).toBeGreaterThan(3);
  });

  for (const route of routes) {
    const scope = route.method === 'GET' ? 'read' : 'write';
    const send = (limits: { READ_RATE_LIMITER: RateLimit; WRITE_RATE_LIMITER: RateLimit }) => {
      const h = harness(limits);
      const init = route.method === 'GET' ? {} : { method: route.method, body: json({}) };
      return { h, res: h.request(concrete(route.template), { token: WRITE_TOKEN, ...init }) };
    };

    it(`${route.method} ${route.template} (${route.operationId}): limited by the ${scope} binding, not the other`, async () => {
      const limited = send(scope === 'read' ? { READ_RATE_LIMITER: deny, WRITE_RATE_LIMITER: allow } : { READ_RATE_LIMITER: allow, WRITE_RATE_LIMITER: deny });
      const r = await limited.res;
      expect(r.status).toBe(429);
      expect(((await r.json()) as { code: string }).code).toBe('RateLimited');
      expect(limited.h.upstream.calls).toHaveLength(0);
      const other = send(scope === 'read' ? { READ_RATE_LIMITER: allow, WRITE_RATE_LIMITER: deny } : { READ_RATE_LIMITER: deny, WRITE_RATE_LIMITER: allow });
      expect((await other.res).status).not.toBe(429);
    });
  }
});
