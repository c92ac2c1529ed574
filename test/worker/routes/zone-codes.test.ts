import { describe, expect, it } from 'vitest';
import { exampleOf, FakeUpstream, jsonAnswer } from '../../helpers/fake-upstream';
import { harness } from '../../helpers/gateway-harness';

// Instance answers carry AvailableZoneCode, joined by AzId from the cached regions (the KV copy
// GET /v1/regions serves), because ChangeInstanceConfigure and CreateInstance take the code. The
// ECS API does not send it; when the regions cannot be read the instance answer goes out without it.

const HOHHOT_B = 'e5aa47be-da46-11ec-bad2-defff767b3b5'; // CN_Hohhot_B in the published DescribeRegions answer
const DONGGUAN_A = 'ab806602-7f44-11ec-a36f-325a386f61c1'; // CN_Dongguan_A there

/** The published DescribeInstance answer, placed in the zone azId. */
function instanceIn(azId: string, extra: Record<string, unknown> = {}) {
  const example = exampleOf('DescribeInstance');
  return { ...example, Data: { ...(example.Data as object), AzId: azId, ...extra } };
}

/** The published DescribeInstanceList answer with one row per zone. */
function listIn(...azIds: string[]) {
  const example = exampleOf('DescribeInstanceList');
  const row = (example.Data as { EcsList: object[] }).EcsList[0]!;
  return { ...example, Data: { EcsList: azIds.map((AzId, i) => ({ ...row, EcsId: `ins-${i}`, AzId })) } };
}

const actions = (h: ReturnType<typeof harness>) => h.upstream.calls.map((c) => c.action);

describe('AvailableZoneCode on instance answers', () => {
  it('DescribeInstance gets the code of its AzId', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer(instanceIn(DONGGUAN_A)));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ AzId: DONGGUAN_A, AvailableZoneCode: 'CN_Dongguan_A' });
  });

  it('every DescribeInstanceList row gets the code of its own AzId', async () => {
    const h = harness();
    h.upstream.on('DescribeInstanceList', () => jsonAnswer(listIn(HOHHOT_B, DONGGUAN_A, HOHHOT_B)));
    const body = (await (await h.request('/v1/instances')).json()) as { EcsList: { AzId: string; AvailableZoneCode?: string }[] };
    expect(body.EcsList.map((r) => r.AvailableZoneCode)).toEqual(['CN_Hohhot_B', 'CN_Dongguan_A', 'CN_Hohhot_B']);
  });

  it('reads the regions through the edge cache GET /v1/regions fills: one DescribeRegions for both', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer(instanceIn(HOHHOT_B)));
    expect((await h.request('/v1/regions')).headers.get('X-Cache')).toBe('MISS');
    for (let i = 0; i < 2; i++) expect(await (await h.request('/v1/instances/ins-1')).json()).toMatchObject({ AvailableZoneCode: 'CN_Hohhot_B' });
    expect((await h.request('/v1/regions')).headers.get('X-Cache')).toBe('HIT');
    expect(actions(h)).toEqual(['DescribeRegions', 'DescribeInstance', 'DescribeInstance']);
  });

  it('an empty list makes no regions call', async () => {
    const h = harness();
    h.upstream.on('DescribeInstanceList', () => jsonAnswer(listIn()));
    expect((await h.request('/v1/instances')).status).toBe(200);
    expect(actions(h)).toEqual(['DescribeInstanceList']);
  });

  it('a failed instance call makes no regions call', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'InstanceNotFound', Msg: 'no such instance' }));
    expect((await h.request('/v1/instances/ins-gone')).status).toBe(404);
    expect(actions(h)).toEqual(['DescribeInstance']);
  });

  for (const [failure, answer] of [
    ['an upstream error', () => jsonAnswer({ Code: 'ServiceUnavailable', Msg: 'later' }, 503)],
    ['a hang past the deadline', FakeUpstream.hang],
    ['a business refusal', () => jsonAnswer({ Code: 'InvalidParameter', Msg: 'no' })],
  ] as const) {
    it(`when the regions cannot be read (${failure}) the instance answers still go out, without the code`, async () => {
      const h = harness();
      h.upstream.on('DescribeRegions', answer);
      h.upstream.on('DescribeInstance', () => jsonAnswer(instanceIn(HOHHOT_B)));
      h.upstream.on('DescribeInstanceList', () => jsonAnswer(listIn(HOHHOT_B)));
      const one = await h.request('/v1/instances/ins-1');
      expect(one.status).toBe(200);
      const detail = (await one.json()) as Record<string, unknown>;
      expect(detail.AzId).toBe(HOHHOT_B);
      expect(detail).not.toHaveProperty('AvailableZoneCode');
      const list = await h.request('/v1/instances');
      expect(list.status).toBe(200);
      expect(((await list.json()) as { EcsList: object[] }).EcsList[0]).not.toHaveProperty('AvailableZoneCode');
    });
  }

  it('an AzId the regions do not list gets no code; a code the upstream sent is kept', async () => {
    const h = harness();
    h.upstream.on('DescribeInstanceList', () => {
      const answer = listIn('az-unknown', HOHHOT_B);
      (answer.Data.EcsList[1] as Record<string, unknown>).AvailableZoneCode = 'CN_Upstream_Said';
      return jsonAnswer(answer);
    });
    const body = (await (await h.request('/v1/instances')).json()) as { EcsList: Record<string, unknown>[] };
    expect(body.EcsList[0]).not.toHaveProperty('AvailableZoneCode');
    expect(body.EcsList[1]!.AvailableZoneCode).toBe('CN_Upstream_Said');
  });
});
