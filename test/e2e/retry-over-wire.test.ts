import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED_IDS, type Emulator } from '../../emulator';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';
import { checkAgainstDocument } from '../helpers/contract-check';
import { emulatorFault, journalCodes } from '../helpers/emulator-client';
import { testEnv, unique } from '../helpers/middleware-app';

// Upstream resilience (timeouts, GET retries) over the real wire: the gateway's own SignedEcsClient and
// Transport, whose fetch is the emulator's fetch handler (so every retry is signed anew and
// checked), and the emulator's journal counting the attempts.

let emulator: Emulator;
let env: Env;

beforeEach(() => {
  const ak = unique('ak-retry');
  emulator = createEmulator({ accessKeys: `${ak}:sk-retry`, clock: 'manual' });
  env = { ...testEnv, CDS_API_HOST: 'emulator.test', CDS_API_SCHEMA: 'http', CDS_SECRET_ID: ak, CDS_SECRET_KEY: 'sk-retry', GATEWAY_TOKENS: 'dev-token:write', CDS_TIMEOUT_MS: '2000' };
});

async function gateway(path: string, init: RequestInit = {}): Promise<Response> {
  // Backoff of 1 ms: the retry policy is under test, not the jitter.
  const app = createGatewayApp({ ecsApiFactory: (e) => signedEcsClientFromEnv(e, { fetch: (input, i) => emulator.fetch(new Request(input, i)), backoffMs: () => 1 }) });
  const headers = new Headers(init.headers);
  headers.set('Authorization', 'Bearer dev-token');
  if (init.body) headers.set('Content-Type', 'application/json');
  const req = new Request(`http://gateway.test${path}`, { ...init, headers });
  const ctx = createExecutionContext();
  const res = await app.fetch(req, env, ctx);
  await waitOnExecutionContext(ctx);
  expect((await checkAgainstDocument(req, res)).errors).toEqual([]);
  return res;
}

const unavailable = (times: number, action = 'DescribeInstanceList') => emulatorFault(emulator, { Action: action, Status: 503, Code: 'ServiceUnavailable', Times: times });

describe('GET retries over the wire (SignedEcsClient → emulator.fetch)', () => {
  it('one 503 → retried once → 200; the journal shows two DescribeInstanceList calls', async () => {
    await unavailable(1);
    const res = await gateway('/v1/instances');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { TotalCount: number }).TotalCount).toBe(5);
    expect(journalCodes(emulator, 'DescribeInstanceList')).toEqual(['ServiceUnavailable', 'Success']);
  });

  it('three 503s → two retries, then 502 with the upstream code; exactly three calls', async () => {
    await unavailable(3);
    const res = await gateway('/v1/instances');
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ status: 502, code: 'ServiceUnavailable' });
    expect(journalCodes(emulator, 'DescribeInstanceList')).toEqual(['ServiceUnavailable', 'ServiceUnavailable', 'ServiceUnavailable']);
  });

  it('a POST answered 503 is not retried: one OperateInstance call, 502', async () => {
    await unavailable(1, 'OperateInstance');
    const res = await gateway('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'restart_ecs' }) });
    expect(res.status).toBe(502);
    expect(journalCodes(emulator, 'OperateInstance')).toEqual(['ServiceUnavailable']);
  });

  it('DelayMs beyond CDS_TIMEOUT_MS → 504 UpstreamTimeout within the deadline, not retried', async () => {
    env.CDS_TIMEOUT_MS = '300';
    await emulatorFault(emulator, { Action: 'DescribeInstanceList', DelayMs: 2000 });
    const t0 = Date.now();
    const res = await gateway('/v1/instances');
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ status: 504, code: 'UpstreamTimeout' });
    expect(Date.now() - t0).toBeLessThan(1000);
    // The emulator saw the client give up (the delayed call was aborted) and no second attempt.
    expect(journalCodes(emulator, 'DescribeInstanceList')).toHaveLength(1);
  });
});
