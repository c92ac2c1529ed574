import { createExecutionContext, env as workerEnv, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, createInProcessEcsApi } from '../../emulator';
import type { Emulator } from '../../emulator';
import { EcsError, type EcsApi } from '../../openapi/ecs-api';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';

// The same injected emulator fault must reach the caller as the same problem, whether the gateway
// talks to the emulator over the wire (SignedEcsClient → the emulator's fetch handler) or in
// process (createInProcessEcsApi): both transports build their failures with the same factories.

const TOKEN = 'parity-token';
let emulator: Emulator;
let env: Env;

beforeEach(() => {
  const ak = `ak-parity-${crypto.randomUUID().slice(0, 8)}`;
  emulator = createEmulator({ accessKeys: `${ak}:sk-parity`, clock: 'manual' });
  env = { ...(workerEnv as unknown as Env), CDS_API_HOST: 'emulator.test', CDS_API_SCHEMA: 'http', CDS_SECRET_ID: ak, CDS_SECRET_KEY: 'sk-parity', GATEWAY_TOKENS: `${TOKEN}:write`, CDS_TIMEOUT_MS: '300' };
});

const transports: Record<string, (e: Env) => EcsApi> = {
  wire: (e) => signedEcsClientFromEnv(e, { fetch: (input, init) => emulator.fetch(new Request(input, init)), backoffMs: () => 1 }),
  'in-process': (e) => createInProcessEcsApi(emulator, e.CDS_SECRET_ID!),
};

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const added = await emulator.fetch(new Request('http://emulator/_emulator/faults', { method: 'POST', body: JSON.stringify({ Action: 'OperateInstance', Times: 1, ...fault }), headers: { 'Content-Type': 'application/json' } }));
  expect(added.status).toBeLessThan(300);
}

/** The EcsError the transport itself throws, before the gateway maps it. */
async function errorVia(transport: string, fault: Record<string, unknown>): Promise<{ kind: string; code: string }> {
  await injectFault(fault);
  const err = await transports[transport]!(env)
    .operateInstance({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs', DeleteEip: 0 })
    .then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(EcsError);
  return { kind: (err as EcsError).kind, code: (err as EcsError).code };
}

/** The problem the caller gets through the gateway. */
async function problemVia(transport: string, fault: Record<string, unknown>): Promise<{ status: number; code: string }> {
  await injectFault(fault);
  const app = createGatewayApp({ ecsApiFactory: transports[transport]! });
  const req = new Request('http://gateway.test/v1/instances/operate', {
    method: 'POST',
    body: JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }),
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
  });
  const ctx = createExecutionContext();
  const res = await app.fetch(req, env, ctx);
  await waitOnExecutionContext(ctx);
  const body = (await res.json()) as { status: number; code: string };
  expect(body.status).toBe(res.status);
  return { status: res.status, code: body.code };
}

const faults: [string, Record<string, unknown>, { status: number; code: string }][] = [
  ['a hung call', { Hang: true }, { status: 504, code: 'UpstreamTimeout' }],
  ['an unreadable answer', { Malformed: true }, { status: 502, code: 'UpstreamBadResponse' }],
  ['an upstream 503', { Status: 503 }, { status: 502, code: 'ServiceUnavailable' }],
  ['a status refusal', { Status: 409, Code: 'InvalidInstanceStatus' }, { status: 409, code: 'InvalidInstanceStatus' }],
  ['throttling', { Status: 429, Code: 'Throttling' }, { status: 429, code: 'Throttling' }],
];

describe('the same fault gives the same problem over both transports', () => {
  for (const [name, fault, expected] of faults) {
    it(name, async () => {
      const wire = await problemVia('wire', fault);
      const inProcess = await problemVia('in-process', fault);
      expect(wire).toEqual(expected);
      expect(inProcess).toEqual(expected);
      const thrown = await errorVia('wire', fault);
      expect(thrown.code).toBe(expected.code);
      expect(await errorVia('in-process', fault)).toEqual(thrown);
    });
  }
});
