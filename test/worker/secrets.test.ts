import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rfc3986Encode } from '../helpers/independent-signature';
import { FakeUpstream, jsonAnswer } from '../helpers/fake-upstream';
import { SECRET_KEY, WRITE_TOKEN, harness, json } from '../helpers/gateway-harness';
import type { Harness } from '../helpers/gateway-harness';

// No answer (body or header) and no console line ever contains the secret key, whatever happens.

const forms = [SECRET_KEY, encodeURIComponent(SECRET_KEY), rfc3986Encode(SECRET_KEY), btoa(SECRET_KEY)];
const consoleLines: string[] = [];

beforeEach(() => {
  consoleLines.length = 0;
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

async function exposed(res: Response): Promise<string> {
  const lines: string[] = [];
  res.headers.forEach((v, k) => lines.push(`${k}: ${v}`));
  return lines.join('\n') + '\n' + (await res.text());
}

const scenarios: { name: string; setup: (h: Harness) => void; path: string; method?: string; body?: unknown }[] = [
  { name: 'success', setup: () => {}, path: '/v1/instances/ins-1' },
  { name: 'upstream signature refusal', setup: (h) => h.upstream.on('DescribeRegions', () => jsonAnswer({ Code: 'SignatureDoesNotMatch', Msg: 'no' }, 403)), path: '/v1/regions' },
  { name: 'upstream echoing the secret in its message', setup: (h) => h.upstream.on('DescribeInstance', () => jsonAnswer({ code: 'InvalidParameter', Message: `bad key ${SECRET_KEY}` }, 400)), path: '/v1/instances/ins-1' },
  { name: 'timeout', setup: (h) => h.upstream.on('DescribeInstance', FakeUpstream.hang), path: '/v1/instances/ins-1' },
  { name: 'network error whose message holds the signed URL', setup: (h) => h.upstream.on('DescribeRegions', (call) => { throw new TypeError(`fetch failed: https://upstream.test/ecs/v1?${new URLSearchParams(call.params)} key=${SECRET_KEY}`); }), path: '/v1/regions' },
  { name: 'unreadable answer', setup: (h) => h.upstream.on('OperateInstance', () => new Response('<html>', { status: 500 })), path: '/v1/instances/operate', method: 'POST', body: { EcsIds: ['ins-1'], OpType: 'start_up_ecs' } },
  { name: 'validation failure', setup: () => {}, path: '/v1/disks/d/extend', method: 'POST', body: { ExtendedSize: 3 } },
  { name: 'unknown token', setup: () => {}, path: '/v1/regions' },
];

describe('the secret key never leaks', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const h = harness();
      s.setup(h);
      const res = await h.request(s.path, {
        method: s.method ?? 'GET',
        body: s.body === undefined ? undefined : json(s.body),
        token: s.name === 'unknown token' ? SECRET_KEY : WRITE_TOKEN,
      });
      const text = await exposed(res);
      for (const form of forms) expect(text).not.toContain(form);
      for (const line of consoleLines) for (const form of forms) expect(line).not.toContain(form);
      // The write token is not echoed either.
      expect(text).not.toContain(WRITE_TOKEN);
    });
  }
});
