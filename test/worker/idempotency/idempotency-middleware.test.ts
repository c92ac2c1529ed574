import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { LEASE_MS, RECORD_TTL_MS, leaseMsFor, storeObjectName, type IdempotencyRecord, type IdempotencyStore } from '../../../worker/idempotency/store';
import { idempotency } from '../../../worker/idempotency/middleware';
import { baseApp, deferred, testEnv, unique } from '../../helpers/middleware-app';

/** The route behind the middleware: counts calls, answers `status`, can be held open. */
class FakeRoute {
  calls = 0;
  status = 202;
  bodies: unknown[] = [];
  gate: Promise<void> | undefined;
}

let route: FakeRoute;
let key: string;

function app() {
  const a = baseApp();
  a.use('/v1/*', idempotency());
  const handler = async (c: import('hono').Context<import('../../../worker/env').GatewayEnv>) => {
    route.calls += 1;
    // The body is still readable after the middleware fingerprinted it.
    route.bodies.push(await c.req.json());
    if (route.gate) await route.gate;
    if (route.status >= 400) {
      return c.json({ code: route.status === 409 ? 'InvalidInstanceStatus' : 'UpstreamUnavailable', n: route.calls }, route.status as 409);
    }
    c.header('Location', `/v1/events/ev-${route.calls}`);
    c.header('X-Upstream-Request-Id', `up-${route.calls}`);
    c.header('X-Request-Id', c.get('requestId'));
    return c.json({ EventId: `ev-${route.calls}` }, route.status as 202);
  };
  a.post('/v1/instances/operate', handler);
  a.post('/v1/instances/change-spec', handler);
  a.patch('/v1/instances/:id', handler);
  return a;
}

function send(body: string, headers: Record<string, string> = {}, path = '/v1/instances/operate', method = 'POST') {
  return app().request(path, { method, body, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers } }, testEnv);
}

function storeFor(callerId: string, k: string): DurableObjectStub<IdempotencyStore> {
  const ns = testEnv.IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
  return ns.get(ns.idFromName(storeObjectName(callerId, k)));
}

const BODY = JSON.stringify({ EcsIds: ['ins-1'], OpType: 'shutdown_ecs', DeleteEip: 0 });

beforeEach(() => {
  route = new FakeRoute();
  key = unique('key');
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body without calling the route again', async () => {
    const first = await send(BODY);
    expect(first.status).toBe(202);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const firstBody = await first.json();

    const again = await send(BODY);
    expect(again.status).toBe(202);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(again.headers.get('Location')).toBe('/v1/events/ev-1');
    expect(again.headers.get('X-Upstream-Request-Id')).toBe('up-1');
    expect(again.headers.get('Content-Type')).toMatch(/^application\/json/);
    // Per-exchange headers are not replayed.
    expect(again.headers.get('X-Request-Id')).toBeNull();
    expect(route.calls).toBe(1);
  });

  it('ignores JSON key order and whitespace in the body', async () => {
    await send('{"EcsIds":["ins-1"],"OpType":"shutdown_ecs","DeleteEip":0}');
    const again = await send('{ "DeleteEip": 0, "OpType": "shutdown_ecs",\n "EcsIds": ["ins-1"] }');
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(route.calls).toBe(1);
  });

  it('answers 422 IdempotencyKeyReused for the same key with another body or path', async () => {
    await send(BODY);
    const other = await send(JSON.stringify({ EcsIds: ['ins-2'], OpType: 'shutdown_ecs', DeleteEip: 0 }));
    expect(other.status).toBe(422);
    expect(other.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await other.json()).toMatchObject({ status: 422, code: 'IdempotencyKeyReused' });
    const otherPath = await send(BODY, {}, '/v1/instances/change-spec');
    expect(otherPath.status).toBe(422);
    expect(route.calls).toBe(1);
  });

  it('answers 409 IdempotencyKeyInFlight to a duplicate while the first runs, then replays', async () => {
    const gate = deferred();
    route.gate = gate.promise;
    const first = send(BODY);
    while (route.calls === 0) await new Promise((r) => setTimeout(r, 5));

    const duplicate = await send(BODY);
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('Retry-After')).toBe('1');
    expect(await duplicate.json()).toMatchObject({ status: 409, code: 'IdempotencyKeyInFlight' });

    gate.resolve();
    expect((await first).status).toBe(202);
    const later = await send(BODY);
    expect(later.headers.get('Idempotent-Replayed')).toBe('true');
    expect(route.calls).toBe(1);
  });

  it('of many simultaneous duplicates exactly one reaches the route', async () => {
    const gate = deferred();
    route.gate = gate.promise;
    const all = Promise.all(Array.from({ length: 5 }, () => send(BODY)));
    while (route.calls === 0) await new Promise((r) => setTimeout(r, 5));
    gate.resolve();
    const answers = await all;
    const statuses = answers.map((r) => r.status).sort();
    const detail = JSON.stringify(await Promise.all(answers.map(async (r) => [r.status, r.headers.get('Idempotent-Replayed'), await r.text()])));
    expect(route.calls, detail).toBe(1);
    expect(statuses.every((s) => s === 202 || s === 409), detail).toBe(true);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
  });

  it('begin() is exclusive: of concurrent first calls to a fresh object exactly one proceeds', async () => {
    const ns = testEnv.IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
    for (let round = 0; round < 40; round++) {
      const stub = ns.get(ns.idFromName(unique('race')));
      const results = await Promise.all(Array.from({ length: 5 }, () => stub.begin('fp')));
      expect(results.filter((r) => r.outcome === 'proceed').length, `round ${round}: ${JSON.stringify(results)}`).toBe(1);
    }
  });

  it('scopes keys to the caller: two callers with one key are independent', async () => {
    const a = await send(BODY, { 'X-Test-Caller': 'caller-a' });
    const b = await send(BODY, { 'X-Test-Caller': 'caller-b' });
    expect(a.headers.get('Idempotent-Replayed')).toBeNull();
    expect(b.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await b.json()).toEqual({ EventId: 'ev-2' });
    expect(route.calls).toBe(2);
  });

  it('rejects a key over 255 characters or with control characters with 400', async () => {
    key = 'k'.repeat(256);
    const tooLong = await send(BODY);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ code: 'InvalidIdempotencyKey' });
    key = `${unique('k')}\tx`;
    expect((await send(BODY)).status).toBe(400);
    expect(route.calls).toBe(0);

    key = `${unique('k')}-`.padEnd(255, 'x');
    expect((await send(BODY)).status).toBe(202);
  });

  it('passes requests without the header straight through', async () => {
    const init = { method: 'POST', body: BODY, headers: { 'Content-Type': 'application/json' } };
    await app().request('/v1/instances/operate', init, testEnv);
    const second = await app().request('/v1/instances/operate', init, testEnv);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    expect(route.calls).toBe(2);
  });

  it('works on PATCH', async () => {
    await send('{"Name":"web-1"}', {}, '/v1/instances/ins-1', 'PATCH');
    const again = await send('{"Name":"web-1"}', {}, '/v1/instances/ins-1', 'PATCH');
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(route.calls).toBe(1);
  });

  it('does not store 5xx answers: the key is released and a retry runs again', async () => {
    route.status = 502;
    expect((await send(BODY)).status).toBe(502);
    route.status = 202;
    const retry = await send(BODY);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
    expect((await send(BODY)).headers.get('Idempotent-Replayed')).toBe('true');
    expect(route.calls).toBe(2);
  });

  it('releases the key when the route throws', async () => {
    const a = baseApp();
    a.use('/v1/*', idempotency());
    let calls = 0;
    a.post('/v1/boom', () => {
      calls += 1;
      throw new Error('boom');
    });
    const init = { method: 'POST', body: '{}', headers: { 'Idempotency-Key': key } };
    expect((await a.request('/v1/boom', init, testEnv)).status).toBe(500);
    expect((await a.request('/v1/boom', init, testEnv)).status).toBe(500);
    expect(calls).toBe(2);
  });

  it('stores and replays a final 4xx answer (e.g. 409 InvalidInstanceStatus)', async () => {
    route.status = 409;
    const first = await send(BODY);
    expect(first.status).toBe(409);
    const again = await send(BODY);
    expect(again.status).toBe(409);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual({ code: 'InvalidInstanceStatus', n: 1 });
    expect(route.calls).toBe(1);
  });

  it('forgets a record after 24 h (lazily on read, and by the alarm)', async () => {
    await send(BODY);
    const stub = storeFor('caller-a', key);
    const record = await runInDurableObject(stub, (_i, state) => state.storage.get<IdempotencyRecord>('record'));
    expect(record?.state).toBe('completed');
    if (record?.state !== 'completed') return;
    expect(record.expiresAt - record.storedAt).toBe(RECORD_TTL_MS);

    // Age the record past its 24 h.
    await runInDurableObject(stub, async (_i, state) => {
      await state.storage.put('record', { ...record, expiresAt: Date.now() - 1 });
    });
    const after = await send(BODY);
    expect(after.headers.get('Idempotent-Replayed')).toBeNull();
    expect(route.calls).toBe(2);

    // The alarm deletes an expired record outright.
    await runInDurableObject(stub, async (_i, state) => {
      const current = await state.storage.get<IdempotencyRecord>('record');
      await state.storage.put('record', { ...current, expiresAt: Date.now() - 1 });
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_i, state) => state.storage.get('record'))).toBeUndefined();
  });

  it('an alarm before expiry keeps the record and re-arms', async () => {
    await send(BODY);
    const stub = storeFor('caller-a', key);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const record = await runInDurableObject(stub, (_i, state) => state.storage.get<IdempotencyRecord>('record'));
    expect(record?.state).toBe('completed');
    const alarm = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).toBe(record?.state === 'completed' ? record.expiresAt : -1);
    await runInDurableObject(stub, (_i, state) => state.storage.deleteAlarm());
  });

  it('the lease outlives the upstream deadline, however long CDS_TIMEOUT_MS is', async () => {
    expect(leaseMsFor(10_000)).toBe(LEASE_MS);
    expect(leaseMsFor(120_000)).toBeGreaterThan(120_000);
    const stub = storeFor('caller-lease', key);
    const before = Date.now();
    expect((await stub.begin('fp', leaseMsFor(120_000))).outcome).toBe('proceed');
    const record = await runInDurableObject(stub, (_i, state) => state.storage.get<IdempotencyRecord>('record'));
    expect(record?.state === 'in_flight' && record.leaseUntil - before).toBeGreaterThanOrEqual(150_000);
    await runInDurableObject(stub, (_i, state) => state.storage.deleteAlarm());
  });

  it('frees a key whose in-flight lease ran out (a crashed request does not block it forever)', async () => {
    const stub = storeFor('caller-a', key);
    const begun = await stub.begin('some-fingerprint');
    expect(begun.outcome).toBe('proceed');
    const dup = await stub.begin('some-fingerprint');
    expect(dup.outcome).toBe('in_flight');
    await runInDurableObject(stub, async (_i, state) => {
      const current = await state.storage.get<IdempotencyRecord>('record');
      await state.storage.put('record', { ...current, leaseUntil: Date.now() - 1 });
    });
    const again = await stub.begin('some-fingerprint');
    expect(again.outcome).toBe('proceed');
    // The crashed request's token no longer completes the record.
    if (begun.outcome === 'proceed') {
      expect(await stub.complete(begun.lockToken, { status: 202, headers: {}, body: '' })).toBe(false);
    }
    await runInDurableObject(stub, (_i, state) => state.storage.deleteAlarm());
  });
});
