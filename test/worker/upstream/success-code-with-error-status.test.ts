import { describe, expect, it } from 'vitest';
import { createEmulator, createInProcessEcsApi } from '../../../emulator';
import { EcsError } from '../../../openapi/ecs-api';
import { upstreamRefusal } from '../../../openapi/errors/ecs-errors';
import { jsonAnswer } from '../../helpers/fake-upstream';
import { harness, json } from '../../helpers/gateway-harness';
import { emulatorFault } from '../../helpers/emulator-client';

// An HTTP error status with the success code contradicts itself: it is neither a result nor a
// refusal to pass on, so it is 502 UpstreamBadResponse, never a problem whose code is `Success`.

type Problem = { status: number; code: string; detail: string };

describe('an error status with code Success', () => {
  for (const [variant, envelope] of [
    ['Code', { Code: 'Success', Msg: 'ok', Data: { EventId: 'ev-1' }, RequestId: 'req-1' }],
    ['code', { code: 'Success', Message: 'ok', Data: { EventId: 'ev-1' }, RequestId: 'req-1' }],
  ] as const) {
    it(`{"${variant}":"Success"} with HTTP 500 on a mutation → 502 UpstreamBadResponse`, async () => {
      const h = harness();
      h.upstream.on('OperateInstance', () => jsonAnswer(envelope, 500));
      const res = await h.request('/v1/instances/operate', { method: 'POST', body: json({ EcsIds: ['ins-1'], OpType: 'restart_ecs' }) });
      expect(res.status).toBe(502);
      const body = (await res.json()) as Problem;
      expect(body.code).toBe('UpstreamBadResponse');
      expect(body.detail).toContain('HTTP 500');
      expect(res.headers.get('Location')).toBeNull();
    });
  }

  it('{"Code":"Success"} with HTTP 404 on a read → 502 UpstreamBadResponse, not a 404', async () => {
    const h = harness();
    h.upstream.on('DescribeInstance', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: {}, RequestId: 'req-2' }, 404));
    const res = await h.request('/v1/instances/ins-1');
    expect(res.status).toBe(502);
    expect(((await res.json()) as Problem).code).toBe('UpstreamBadResponse');
  });

  it('the shared factory never makes a refusal whose code is Success (any transport)', () => {
    const err = upstreamRefusal('Success', 'ok', 500, 'req-3');
    expect([err.kind, err.code, err.httpStatus, err.requestId]).toEqual(['bad_response', 'UpstreamBadResponse', 500, 'req-3']);
    expect(upstreamRefusal('InstanceNotFound', 'no', 404).kind).toBe('business');
  });

  it('in-process: an emulator fault answering code Success with status 500 is a bad response', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    await emulatorFault(emulator, { Action: 'DescribeRegions', Status: 500, Code: 'Success', Times: 1 });
    const ecs = createInProcessEcsApi(emulator, [...emulator.store.accounts.keys()][0]!);
    const err = await ecs.describeRegions().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EcsError);
    expect((err as EcsError).code).toBe('UpstreamBadResponse');
  });
});
