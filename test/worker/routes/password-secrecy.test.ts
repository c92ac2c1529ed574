import { env as workerEnv, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../openapi/models';
import type { Env } from '../../../worker/env';
import { storeObjectName } from '../../../worker/idempotency/idempotency-key';
import type { IdempotencyStore } from '../../../worker/idempotency/idempotency-store';
import { jsonAnswer } from '../helpers/fake-upstream';
import { WRITE_TOKEN, harness, json, type Harness } from '../helpers/gateway';

// A password (CreateInstance, ModifyInstancePassword) goes upstream in the body and nowhere
// else: not in an answer, a problem detail, a console line or the Idempotency-Key record.

const PASSWORD = 'Sekret-Pw-91c7e4';
const createBody = (password: unknown = PASSWORD) => ({
  AvailableZoneCode: 'CN_Hohhot_B',
  EcsFamilyName: 'Cpu计算型C4',
  Cpu: 2,
  Ram: 4,
  BillingMethod: '0',
  ImageId: 'img-1',
  Password: password,
  SystemDisk: { DiskFeature: 'ssd', Size: 48 },
  VpcInfo: { VpcId: 'vpc-1' },
  SubnetInfo: { SubnetId: 'subnet-1' },
});

let logged: string[];
beforeEach(() => {
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name} ${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

/** The whole answer as text: status line, every header and the body. */
async function answerText(res: Response): Promise<string> {
  const headers: string[] = [];
  res.headers.forEach((v, k) => headers.push(`${k}: ${v}`));
  return `${res.status} ${headers.join('\n')}\n${await res.text()}`;
}

const post = (h: Harness, path: string, body: unknown, headers: Record<string, string> = {}) => h.request(path, { method: 'POST', body: json(body), headers });

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function idempotencyRecord(key: string): Promise<unknown> {
  const ns = (workerEnv as unknown as Env).IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
  const callerId = (await sha256Hex(WRITE_TOKEN)).slice(0, 32);
  const stub = ns.get(ns.idFromName(storeObjectName(callerId, key)));
  return runInDurableObject(stub, (_i, state) => state.storage.get('record'));
}

describe('a password never leaves the upstream call', () => {
  it('create and password change: sent upstream, absent from the answers and from every console line', async () => {
    const h = harness();
    h.upstream.on('CreateInstance', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { EventId: 'ev-1', EcsIdSet: ['ins-1'] }, RequestId: 'r1' }));
    h.upstream.on('ModifyInstancePassword', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { EventId: 'ev-2' }, RequestId: 'r2' }));
    const created = await post(h, '/v1/instances', createBody());
    const changed = await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: PASSWORD });
    expect([created.status, changed.status]).toEqual([202, 202]);
    expect(await answerText(created)).not.toContain(PASSWORD);
    expect(await answerText(changed)).not.toContain(PASSWORD);
    expect(h.upstream.calls.map((c) => (c.body as { Password: string }).Password)).toEqual([PASSWORD, PASSWORD]);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('a validation error on Password says what is wrong without repeating the value', async () => {
    const h = harness();
    const tooLong = `${PASSWORD}${'x'.repeat(128)}`;
    for (const [path, body] of [
      ['/v1/instances', createBody(tooLong)],
      ['/v1/instances/password', { EcsIds: ['ins-1'], Password: tooLong }],
      ['/v1/instances/password', { EcsIds: 'ins-1', Password: tooLong }],
    ] as const) {
      const res = await post(h, path, body);
      expect(res.status).toBe(400);
      const text = await answerText(res);
      expect(text).not.toContain(PASSWORD);
      const problem = JSON.parse(text.slice(text.indexOf('\n{') + 1)) as Problem;
      expect(problem.errors).toContainEqual({ path: 'body.Password', message: 'must be at most 128 characters' });
    }
    // A password of the wrong type: the message names the type, not the value.
    const res = await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: 91_734_562 });
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([{ path: 'body.Password', message: 'must be a string' }]);
    expect(JSON.stringify(problem)).not.toContain('91734562');
    expect(h.upstream.calls).toHaveLength(0);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('an upstream error message that echoes the password is passed on with the password cut out', async () => {
    const h = harness();
    const echo = () => jsonAnswer({ Code: 'InvalidParameter', Msg: `Password ${PASSWORD} is too weak`, RequestId: 'u1' }, 400);
    h.upstream.on('CreateInstance', echo).on('ModifyInstancePassword', echo);
    for (const [path, body] of [
      ['/v1/instances', createBody()],
      ['/v1/instances/password', { EcsIds: ['ins-1'], Password: PASSWORD }],
    ] as const) {
      const res = await post(h, path, body);
      expect(res.status).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe('InvalidParameter');
      expect(problem.detail).toBe('Password [redacted] is too weak');
    }
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('an unexpected failure logs no request content', async () => {
    const h = harness();
    h.upstream.on('ModifyInstancePassword', () => {
      throw new TypeError(`fetch failed for ${PASSWORD}`);
    });
    const res = await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: PASSWORD });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(await answerText(res)).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });

  it('the Idempotency-Key record keeps a fingerprint and the answer, never the body or the password', async () => {
    const h = harness();
    h.upstream.on('CreateInstance', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { EventId: 'ev-1', EcsIdSet: ['ins-1'] }, RequestId: 'r1' }));
    h.upstream.on('ModifyInstancePassword', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { EventId: 'ev-2' }, RequestId: 'r2' }));
    const keys = [`pw-${crypto.randomUUID()}`, `pw-${crypto.randomUUID()}`, `pw-${crypto.randomUUID()}`];
    expect((await post(h, '/v1/instances', createBody(), { 'Idempotency-Key': keys[0]! })).status).toBe(202);
    expect((await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: PASSWORD }, { 'Idempotency-Key': keys[1]! })).status).toBe(202);
    // A refused request is stored too (a final 4xx): its problem must not hold the value either.
    expect((await post(h, '/v1/instances/password', { EcsIds: [], Password: PASSWORD }, { 'Idempotency-Key': keys[2]! })).status).toBe(400);
    for (const key of keys) {
      const record = (await idempotencyRecord(key)) as { state: string; fingerprint: string; response: { body: string } };
      expect(record.state).toBe('completed');
      expect(record.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const stored = JSON.stringify(record);
      expect(stored).not.toContain(PASSWORD);
      expect(stored).not.toContain('EcsFamilyName'); // no trace of the request body
    }
    // The replay answers from the record: still no password.
    const replay = await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: PASSWORD }, { 'Idempotency-Key': keys[1]! });
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await answerText(replay)).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(PASSWORD);
  });
});
