import { describe, expect, it } from 'vitest';
import { harness, json } from '../../helpers/gateway-harness';
import { MUTATING_OPERATIONS } from '../../helpers/mutating-routes';

// Idempotency-Key on every mutating operation of the committed document (the list is derived,
// not written here): the same key and body replay the first answer without a second upstream
// call; the same key with another body is 422 IdempotencyKeyReused.

for (const op of MUTATING_OPERATIONS) {
  describe(`Idempotency-Key on ${op.method} ${op.template} (${op.operationId})`, () => {
    const send = (h: ReturnType<typeof harness>, key: string, body: unknown) =>
      h.request(op.path, { method: op.method, body: json(body), headers: { 'Idempotency-Key': key } });

    it('the same key and body replay the first answer; upstream is called once', async () => {
      const h = harness();
      const key = crypto.randomUUID();
      const first = await send(h, key, op.body);
      expect(first.status, await first.clone().text()).toBe(op.successStatus);
      expect(first.headers.get('Idempotent-Replayed')).toBeNull();
      const replay = await send(h, key, op.body);
      expect(replay.status).toBe(op.successStatus);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      expect(replay.headers.get('Location')).toBe(first.headers.get('Location'));
      expect(await replay.json()).toEqual(await first.json());
      expect(h.upstream.calls).toHaveLength(1);
    });

    it('the same key with another body → 422 IdempotencyKeyReused; upstream is called once', async () => {
      const h = harness();
      const key = crypto.randomUUID();
      expect((await send(h, key, op.body)).status).toBe(op.successStatus);
      const reused = await send(h, key, { ...op.body, Unexpected: 1 });
      expect(reused.status).toBe(422);
      expect(((await reused.json()) as { code: string }).code).toBe('IdempotencyKeyReused');
      expect(h.upstream.calls).toHaveLength(1);
    });
  });
}
