import { describe, expect, it } from 'vitest';
import { GATEWAY_PROBLEMS, UPSTREAM_PROBLEMS } from '../../../openapi/errors/catalogue';
import type { Problem } from '../../../openapi/models';
import { jsonAnswer } from '../../helpers/fake-upstream';
import { harness, json, READ_TOKEN } from '../../helpers/gateway-harness';

// A problem's `type` resolves: GET it (relative to the request URL) and the gateway answers the
// page of that code, written from the error catalogue; /problems lists every code.

const BASE = 'http://gateway.test';
const codes = [...new Set([...Object.keys(GATEWAY_PROBLEMS), ...Object.keys(UPSTREAM_PROBLEMS)])];
/** The catalogue's text as the page shows it (HTML-escaped, backticks as <code>). */
const shown = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/`([^`]+)`/g, '<code>$1</code>');

async function page(h: ReturnType<typeof harness>, type: string): Promise<string> {
  const url = new URL(type, `${BASE}/v1/instances/ins-1`);
  expect(url.origin, 'the type is on the gateway itself').toBe(BASE);
  const res = await h.request(url.pathname, { token: null });
  expect(res.status, type).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
  expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  return res.text();
}

describe('/problems', () => {
  it('the index lists every catalogue code with a link to its page, without a token', async () => {
    const h = harness();
    const html = await page(h, '/problems');
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) expect(html, code).toContain(`<a href="/problems/${code}"><code>${code}</code></a>`);
    expect(html).toContain('href="/docs"');
  });

  it.each(codes)('/problems/%s: status, title, when and what to do of each entry', async (code) => {
    const html = await page(harness(), `/problems/${code}`);
    expect(html).toContain(`<h1><code>${code}</code></h1>`);
    const entries = [GATEWAY_PROBLEMS[code as keyof typeof GATEWAY_PROBLEMS], UPSTREAM_PROBLEMS[code as keyof typeof UPSTREAM_PROBLEMS]].filter(Boolean);
    for (const spec of entries) {
      for (const text of [`<dd class="status">${spec!.status}</dd>`, shown(spec!.title), shown(spec!.when), shown(spec!.whatToDo)]) expect(html).toContain(text);
    }
  });

  it('the type of real problems (gateway, upstream, uncatalogued upstream) answers a page naming the code', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'InstanceNotFound', Msg: 'not found', RequestId: 'req-1' }, 404));
    h.upstream.on('DescribeInstanceList', () => jsonAnswer({ Code: 'SubnetQuotaExceeded', Msg: 'quota', RequestId: 'req-2' }, 400));
    const answers = [
      await h.request('/v1/instances', { token: null }),
      await h.request('/v1/instances/ins-1', { method: 'PATCH', token: READ_TOKEN, body: json({ Name: 'x' }) }),
      await h.request('/v1/disks/disk-1/extend', { method: 'POST', body: json({ ExtendedSize: 7 }) }),
      await h.request('/v1/instances/ins-1'),
      await h.request('/v1/instances'),
      await h.request('/nowhere', { token: null }),
    ];
    const problems = (await Promise.all(answers.map((r) => r.json()))) as Problem[];
    expect(problems.map((p) => p.code)).toEqual(['Unauthorized', 'InsufficientScope', 'ValidationFailed', 'InstanceNotFound', 'SubnetQuotaExceeded', 'NotFound']);
    for (const p of problems) {
      expect(p.type).toBe(`/problems/${p.code}`);
      expect(await page(h, p.type)).toContain(`<h1><code>${p.code}</code></h1>`);
    }
    // The uncatalogued codes' pages give the status the gateway answers them with.
    expect(problems[4]!.status).toBe(400);
    expect(await page(h, problems[4]!.type)).toMatch(/<dd class="status">[^<]*400, 404, 409 or 422/);
    expect(await page(h, '/problems/VpcNotFound')).toContain('<dd class="status">404 (502 when');
  });

  it('a name that is not a code is a 404 problem', async () => {
    const res = await harness().request('/problems/not%20a%20code', { token: null });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).code).toBe('NotFound');
  });
});
