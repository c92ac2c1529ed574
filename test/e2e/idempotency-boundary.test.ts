import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, createInProcessEcsApi, SEED_IDS, type Emulator } from '../../emulator';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';
import { appliedCalls, emulatorFault, journalCodes } from '../helpers/emulator-client';
import { testEnv, unique } from '../helpers/middleware-app';

// Idempotency at the timeout boundary: a mutating call whose outcome is unknown is never run
// twice under one Idempotency-Key. The emulator's after-phase faults apply the action and then
// lose or delay the answer; its journal counts how often the action really ran.

const TIMEOUT_MS = 300;
let emulator: Emulator;
let env: Env;
let transport: 'wire' | 'in-process';

beforeEach(() => {
  const ak = unique('ak-boundary');
  emulator = createEmulator({ accessKeys: `${ak}:sk-boundary`, clock: 'manual' });
  env = { ...testEnv, CDS_API_HOST: 'emulator.test', CDS_API_SCHEMA: 'http', CDS_SECRET_ID: ak, CDS_SECRET_KEY: 'sk-boundary', GATEWAY_TOKENS: 'dev-token:write', CDS_TIMEOUT_MS: String(TIMEOUT_MS) };
  transport = 'wire';
});

const OPERATE = '/v1/instances/operate';

/** A create from the default seed's image, VPC and subnet, as the README's walk-through sends it. */
const CREATE_BODY = {
  AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0',
  ImageId: 'img-centos-7-9-cn-hohhot-b', Password: 'Boundary-Test-2026!', Name: 'bought-once',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
};

/** One gateway request; `done` resolves once the work it left running (waitUntil) has ended. */
function send(key: string, body: unknown = { EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs' }, path = OPERATE, extra: Record<string, string> = {}): { res: Promise<Response>; done: Promise<void> } {
  const app = createGatewayApp({
    ecsApiFactory: (e) =>
      transport === 'wire'
        ? signedEcsClientFromEnv(e, { fetch: (input, i) => emulator.fetch(new Request(input, i)), lateAnswerMs: 1_500 })
        : createInProcessEcsApi(emulator, e.CDS_SECRET_ID!),
  });
  const headers = { Authorization: 'Bearer dev-token', 'Content-Type': 'application/json', 'Idempotency-Key': key, ...extra };
  const ctx = createExecutionContext();
  const res = Promise.resolve(app.fetch(new Request(`http://gateway.test${path}`, { method: 'POST', body: JSON.stringify(body), headers }), env, ctx));
  return { res, done: res.then(() => waitOnExecutionContext(ctx)) };
}

const problemCode = async (res: Response) => ((await res.clone().json()) as { code?: string }).code;

/** Servers of the emulator's world with this name (its state, not the gateway's word). */
const serversNamed = (name: string) => [...emulator.core.store.accounts.values()].flatMap((a) => [...a.Instances.values()]).filter((i) => i.EcsName === name);

describe('Idempotency-Key at the timeout boundary (over the wire)', () => {
  it('upstream succeeds after the deadline: 504, then 409 in flight, then the late answer replayed; the action ran once', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', DelayMs: 800, Times: 1 });
    const key = unique('late-success');
    const first = send(key);
    const timedOut = await first.res;
    expect(timedOut.status).toBe(504);
    expect(await problemCode(timedOut)).toBe('UpstreamTimeout');

    const whileUnknown = await send(key).res;
    expect(whileUnknown.status).toBe(409);
    expect(await problemCode(whileUnknown)).toBe('IdempotencyKeyInFlight');
    expect(whileUnknown.headers.get('Retry-After')).toBe('1');

    await first.done; // the late answer has arrived and is recorded
    const replay = await send(key).res;
    expect(replay.status).toBe(202);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    const { EventId } = (await replay.json()) as { EventId: string };
    expect(replay.headers.get('Location')).toBe(`/v1/events/${EventId}`);
    expect([...emulator.core.store.accounts.values()].flatMap((a) => [...a.Events.keys()])).toEqual([EventId]);
    const again = await send(key).res;
    expect(await again.json()).toEqual({ EventId });
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
    expect(journalCodes(emulator, 'OperateInstance')).toEqual(['Success']);
  });

  it('a retry with Prefer: wait after a late success polls the real event (not the recorded answer) and answers 200 once it ended', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', DelayMs: 800, Times: 1 });
    const key = unique('late-then-wait');
    const first = send(key);
    expect((await first.res).status).toBe(504);
    await first.done; // the late answer is recorded: the next retry resumes from it
    emulator.advance(60); // the shutdown has ended
    const started = Date.now();
    const waited = await send(key, undefined, OPERATE, { Prefer: 'wait=3' }).res;
    expect(waited.status, await waited.clone().text()).toBe(200);
    expect(waited.headers.get('Preference-Applied')).toBe('wait=3');
    expect(((await waited.json()) as { EventStatus: string }).EventStatus).toBe('success');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(journalCodes(emulator, 'DescribeEvent').length).toBeGreaterThan(0);
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('upstream hangs after acting: the outcome stays unknown, the 504 is replayed, the action never runs again', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', Hang: true, Times: 1 });
    const key = unique('hang');
    const first = send(key);
    expect((await first.res).status).toBe(504);
    expect((await send(key).res).status).toBe(409);
    await first.done; // the kept-alive call gave up (lateAnswerMs)
    const replay = await send(key).res;
    expect(replay.status).toBe(504);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('an unreadable answer after acting is unknown: the 502 is replayed, never re-executed', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', Malformed: true, Times: 1 });
    const key = unique('malformed');
    const first = await send(key).res;
    expect(first.status).toBe(502);
    expect(await problemCode(first)).toBe('UpstreamBadResponse');
    const retry = await send(key).res;
    expect(retry.status).toBe(502);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('a business refusal with a 4xx (throttled before the action) releases the key: the retry runs and succeeds, the action ran once', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Status: 429, Code: 'Throttling', Times: 1 });
    const key = unique('before-refusal');
    expect((await send(key).res).status).toBe(429);
    const retry = await send(key).res;
    expect(retry.status).toBe(202);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
    expect(journalCodes(emulator, 'OperateInstance')).toEqual(['Throttling', 'Success']);
  });

  it('create: a 503 after the server was bought is unknown; the same-key retry replays the 502 and one server exists', async () => {
    await emulatorFault(emulator, { Action: 'CreateInstance', Status: 503, Code: 'ServiceUnavailable', Phase: 'after', Times: 1 });
    const key = unique('create-after-503');
    const first = await send(key, CREATE_BODY, '/v1/instances').res;
    expect(first.status).toBe(502);
    const retry = await send(key, CREATE_BODY, '/v1/instances').res;
    expect(retry.status).toBe(502);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(serversNamed('bought-once')).toHaveLength(1);
    expect(appliedCalls(emulator, 'CreateInstance')).toBe(1);
    expect(journalCodes(emulator, 'CreateInstance')).toEqual(['ServiceUnavailable']);
  });

  it('operate: a 503 after the action ran is unknown; the same-key retry replays the 502, not 409 InvalidInstanceStatus', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Status: 503, Code: 'ServiceUnavailable', Phase: 'after', Times: 1 });
    const key = unique('operate-after-503');
    expect((await send(key).res).status).toBe(502);
    const retry = await send(key).res;
    expect(retry.status).toBe(502);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await problemCode(retry)).toBe('ServiceUnavailable');
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('a 503 before the action is unknown too (the gateway cannot tell it from one after): replayed, never run again', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const key = unique('before-503');
    expect((await send(key).res).status).toBe(502);
    const retry = await send(key).res;
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([502, 'true']);
    expect(journalCodes(emulator, 'OperateInstance')).toEqual(['ServiceUnavailable']);
  });

  it('a business refusal that arrives after the deadline releases the key: nothing ran, the retry runs once', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', DelayMs: 800, Status: 429, Code: 'Throttling', Times: 1 });
    const key = unique('late-refusal');
    const first = send(key);
    expect((await first.res).status).toBe(504);
    expect((await send(key).res).status).toBe(409);
    await first.done;
    const retry = await send(key).res;
    expect(retry.status).toBe(202);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
    expect(journalCodes(emulator, 'OperateInstance')).toEqual(['Throttling', 'Success']);
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('a 5xx that arrives after the deadline keeps the outcome unknown: the 504 is replayed, never run again', async () => {
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', DelayMs: 800, Status: 503, Code: 'ServiceUnavailable', Times: 1 });
    const key = unique('late-503');
    const first = send(key);
    expect((await first.res).status).toBe(504);
    await first.done;
    const retry = await send(key).res;
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([504, 'true']);
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('create: an after-phase 503 is unknown; the same-key retry replays, one server exists', async () => {
    transport = 'in-process';
    await emulatorFault(emulator, { Action: 'CreateInstance', Status: 503, Code: 'ServiceUnavailable', Phase: 'after', Times: 1 });
    const key = unique('in-process-create-503');
    expect((await send(key, CREATE_BODY, '/v1/instances').res).status).toBe(502);
    const retry = await send(key, CREATE_BODY, '/v1/instances').res;
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([502, 'true']);
    expect(serversNamed('bought-once')).toHaveLength(1);
  });
});

describe('Idempotency-Key at the boundary (in-process)', () => {
  it('a hang after acting is unknown: the 504 is replayed, never re-executed', async () => {
    transport = 'in-process';
    await emulatorFault(emulator, { Action: 'OperateInstance', Phase: 'after', Hang: true, Times: 1 });
    const key = unique('in-process-hang');
    expect((await send(key).res).status).toBe(504);
    const retry = await send(key).res;
    expect(retry.status).toBe(504);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(appliedCalls(emulator, 'OperateInstance')).toBe(1);
  });

  it('create: an after-phase 503 is unknown; the same-key retry replays, one server exists', async () => {
    transport = 'in-process';
    await emulatorFault(emulator, { Action: 'CreateInstance', Status: 503, Code: 'ServiceUnavailable', Phase: 'after', Times: 1 });
    const key = unique('in-process-create-503');
    expect((await send(key, CREATE_BODY, '/v1/instances').res).status).toBe(502);
    const retry = await send(key, CREATE_BODY, '/v1/instances').res;
    expect([retry.status, retry.headers.get('Idempotent-Replayed')]).toEqual([502, 'true']);
    expect(serversNamed('bought-once')).toHaveLength(1);
  });
});
