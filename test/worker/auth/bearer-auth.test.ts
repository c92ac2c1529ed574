import { describe, expect, it } from 'vitest';
import { findToken, parseTokenList } from '../../../worker/auth/tokens';
import { READ_TOKEN, WRITE_TOKEN, harness, json } from '../../helpers/gateway-harness';

const scopeOf = async (source: string, presented: string) => (await findToken(source, presented)).scope;

/** A gateway-made X-Request-Id (crypto.randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The auth matrix: no token / unknown token / read token / write token × GET / POST / PATCH, and
// the "not configured" answer for each missing setting.

type Who = 'none' | 'unknown' | 'read' | 'write';
const tokenOf: Record<Who, string | null> = { none: null, unknown: 'not-a-token', read: READ_TOKEN, write: WRITE_TOKEN };

const calls = {
  GET: { path: '/v1/instances/ins-1', body: undefined },
  POST: { path: '/v1/instances/operate', body: json({ EcsIds: ['ins-1'], OpType: 'start_up_ecs' }) },
  PATCH: { path: '/v1/instances/ins-1', body: json({ Name: 'web-01' }) },
} as const;

const expected: Record<Who, Record<keyof typeof calls, number>> = {
  none: { GET: 401, POST: 401, PATCH: 401 },
  unknown: { GET: 401, POST: 401, PATCH: 401 },
  read: { GET: 200, POST: 403, PATCH: 403 },
  write: { GET: 200, POST: 202, PATCH: 200 },
};

const codes: Record<number, string> = { 401: '', 403: 'InsufficientScope' };

describe('auth matrix', () => {
  for (const who of Object.keys(expected) as Who[]) {
    for (const method of Object.keys(calls) as (keyof typeof calls)[]) {
      const status = expected[who][method];
      it(`${who} token, ${method} → ${status}`, async () => {
        const h = harness();
        const res = await h.request(calls[method].path, { method, body: calls[method].body, token: tokenOf[who] });
        expect(res.status).toBe(status);
        expect(res.headers.get('X-Request-Id')).toMatch(UUID);
        if (status >= 400) {
          expect(res.headers.get('Content-Type')).toBe('application/problem+json');
          const body = (await res.json()) as { code: string };
          expect(body.code).toBe(status === 403 ? codes[403] : who === 'none' ? 'Unauthorized' : 'InvalidToken');
          expect(h.upstream.calls).toHaveLength(0);
        } else {
          // The operation's one call (an instance read also reads the regions for the joined zone code).
          expect(h.upstream.calls.filter((c) => c.action !== 'DescribeRegions')).toHaveLength(1);
        }
        if (status === 401) expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="ecs-edge-gateway"/);
      });
    }
  }

  it('a malformed Authorization header (Basic, or Bearer without a token) is 401', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', `${WRITE_TOKEN}`]) {
      const res = await harness().request('/v1/regions', { headers: { Authorization: header }, token: null });
      expect(res.status, header).toBe(401);
    }
  });

  it('a token that is a prefix or an extension of a real token is unknown', async () => {
    for (const token of [WRITE_TOKEN.slice(0, -1), WRITE_TOKEN + 'x', WRITE_TOKEN.toUpperCase()]) {
      const res = await harness().request('/v1/regions', { token });
      expect(res.status, token).toBe(401);
    }
  });
});

describe('not configured → 500 NotConfigured, never an open door', () => {
  for (const missing of ['CDS_SECRET_ID', 'CDS_SECRET_KEY', 'GATEWAY_TOKENS'] as const) {
    it(`without ${missing}`, async () => {
      const h = harness({ [missing]: '' });
      for (const [method, call] of Object.entries(calls)) {
        const res = await h.request(call.path, { method, body: call.body });
        expect(res.status).toBe(500);
        expect(res.headers.get('Content-Type')).toBe('application/problem+json');
        const body = (await res.json()) as { code: string; detail: string };
        expect(body.code).toBe('NotConfigured');
        expect(body.detail).toContain(missing);
      }
      expect(h.upstream.calls).toHaveLength(0);
      const health = await h.request('/healthz', { token: null });
      expect(await health.json()).toEqual({ status: 'ok', configured: false });
    });
  }

  it('GATEWAY_TOKENS without one valid entry counts as missing', async () => {
    const res = await harness({ GATEWAY_TOKENS: 'a:admin, :write,b' }).request('/v1/regions');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('NotConfigured');
  });
});

describe('token list', () => {
  it('parses token:scope pairs, splitting at the last colon and ignoring bad entries', () => {
    expect(parseTokenList(' a:read, b:c:write ,x:admin, :read, y,')).toEqual([
      { token: 'a', scope: 'read' },
      { token: 'b:c', scope: 'write' },
    ]);
  });

  it('ignores an entry without a scope instead of cutting a token out of it', () => {
    // "admin:read,write": the second entry has no colon; it must not become token "writ".
    expect(parseTokenList('admin:read,write,read')).toEqual([{ token: 'admin', scope: 'read' }]);
  });

  it('an entry without a scope grants nothing', async () => {
    expect(await scopeOf('admin:read,write', 'writ')).toBeUndefined();
    expect(await scopeOf('admin:read,write', 'write')).toBeUndefined();
    expect(await scopeOf('admin:read,write', 'admin')).toBe('read');
  });

  it('looks up scopes by digest', async () => {
    expect(await scopeOf('a:read,b:write', 'b')).toBe('write');
    expect(await scopeOf('a:read,b:write', 'a')).toBe('read');
    expect(await scopeOf('a:read,b:write', 'c')).toBeUndefined();
  });
});
