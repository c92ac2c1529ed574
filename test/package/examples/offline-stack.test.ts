import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOfflineStack, type OfflineStack } from 'ecs-edge-gateway/testing';

let stack: OfflineStack;
beforeAll(async () => {
  stack = await startOfflineStack({ clock: 'manual' }); // the gateway on Miniflare + an in-process emulator
});
afterAll(() => stack.dispose());

test('restart an instance and wait for its event', async () => {
  const { data, response } = await stack.client.POST('/v1/instances/operate', {
    body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' },
  });
  expect(response.status).toBe(202);
  await stack.emulator.advanceClock(12); // a restart takes 12 s of emulator time: no real waiting
  const event = await stack.client.waitForEvent(data!.EventId, { timeoutMs: 5000 });
  expect(event.EventStatus).toBe('success');
});

test('an injected fault reaches your code as a problem+json answer', async () => {
  await stack.emulator.addFault({ Action: 'DescribeInstance', Status: 503 });
  const { error, response } = await stack.client.GET('/v1/instances/{EcsId}', {
    params: { path: { EcsId: 'ins-demand-cpu-ssd' } },
  });
  expect(response.status).toBe(502);
  expect(error?.code).toBe('ServiceUnavailable');
  await stack.emulator.clearFaults();
});

test('the gateway retries GETs twice: a fault must strike 3 times (Times: 3) to reach your code', async () => {
  const describe = () => stack.client.GET('/v1/instances/{EcsId}', { params: { path: { EcsId: 'ins-demand-cpu-ssd' } } });
  await stack.emulator.addFault({ Action: 'DescribeInstance', Status: 503, Times: 1 });
  expect((await describe()).response.status).toBe(200); // the retry got through
  await stack.emulator.addFault({ Action: 'DescribeInstance', Status: 503, Times: 3 });
  expect((await describe()).response.status).toBe(502);
  // Action is typed as the upstream action names (DescribeEvent, not the SDK's DescribeTaskEvent).
  // @ts-expect-error not an action name
  await expect(stack.emulator.addFault({ Action: 'DescribeInstances', Status: 503 })).rejects.toThrow();
});

test('the journal lists the calls the gateway made upstream', async () => {
  const calls = await stack.emulator.journal();
  expect(calls.map((c) => c.Action)).toContain('OperateInstance');
  expect(calls.find((c) => c.Action === 'DescribeInstance')?.Status).toBe(503);
});

test('each stack starts fresh: its own emulator, KV cache and idempotency records', async () => {
  const other = await startOfflineStack();
  try {
    const res = await other.fetch('/v1/instances/ins-demand-cpu-ssd', { headers: { Authorization: `Bearer ${other.token}` } });
    expect(res.status).toBe(200);
    // A fresh emulator: only this stack's calls (the instance, and the regions its zone code is joined from).
    expect((await other.emulator.journal()).map((c) => c.Action).sort()).toEqual(['DescribeInstance', 'DescribeRegions']);
  } finally {
    await other.dispose();
  }
});
