import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../emulator';
import type { Emulator } from '../../emulator';
import type { EcsApi } from '../../openapi/ecs-api';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// The gateway against the emulator, two ways: over the wire (the real SignedEcsClient whose fetch
// is the emulator's fetch handler, so the emulator checks every signature) and in process (the
// emulator's EcsApi injected through ecsApiFactory). The routes cannot tell the difference.

let emulator: Emulator;
let env: Env;

const ways = gatewayWays(() => emulator);

beforeEach(() => {
  ({ emulator, env } = freshEmulator('emu'));
});

function gatewayWith(factory: (e: Env) => EcsApi) {
  return contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
}

for (const [way, factory] of ways) {
  describe(`gateway ↔ emulator, ${way}`, () => {
    it('restarts an instance and follows its event to success', async () => {
      const gateway = gatewayWith(factory);
      const list = (await (await gateway('/v1/instances')).json()) as { EcsList: { EcsId: string; AvailableZoneCode?: string }[]; TotalCount: number };
      expect(list.EcsList.map((i) => i.EcsId)).toContain(SEED_IDS.demandCpuSsd);
      // Joined by the gateway from the emulator's regions: what change-spec and create take.
      expect(list.EcsList.find((i) => i.EcsId === SEED_IDS.demandCpuSsd)!.AvailableZoneCode).toBe('CN_Hohhot_B');

      const started = await gateway('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'restart_ecs' }) });
      expect(started.status).toBe(202);
      const location = started.headers.get('Location')!;
      expect(((await (await gateway(location)).json()) as { EventStatus: string }).EventStatus).toBe('doing');
      expect(((await (await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`)).json()) as { Status: string }).Status).toBe('restarting');

      const again = await gateway('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [SEED_IDS.demandCpuSsd], OpType: 'shutdown_ecs' }) });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { code: string }).code).toBe('InvalidInstanceStatus');

      emulator.advance(60);
      expect(((await (await gateway(location)).json()) as { EventStatus: string }).EventStatus).toBe('success');
    });

    it('extends a disk and finds its event on /ebs/v1', async () => {
      const gateway = gatewayWith(factory);
      const res = await gateway('/v1/disks/disk-demand-cpu-ssd-data/extend', { method: 'POST', body: JSON.stringify({ ExtendedSize: 128 }) });
      expect(res.status).toBe(202);
      emulator.advance(60);
      const event = (await (await gateway(res.headers.get('Location')!)).json()) as { EventType: string; EventStatus: string };
      expect(event).toMatchObject({ EventType: 'extend_disk', EventStatus: 'success' });
    });

    it('maps emulator refusals: unknown instance 404, local disk 400 UnsupportedOperation, unknown event 404', async () => {
      const gateway = gatewayWith(factory);
      expect((await gateway('/v1/instances/ins-nope')).status).toBe(404);
      const local = await gateway('/v1/disks/disk-demand-cpu-local-sys/extend', { method: 'POST', body: JSON.stringify({ ExtendedSize: 64 }) });
      expect(local.status).toBe(400);
      expect(((await local.json()) as { code: string }).code).toBe('UnsupportedOperation');
      expect((await gateway('/v1/events/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    });
  });
}

describe('gateway ↔ emulator faults (wire)', () => {
  const fault = async (spec: Record<string, unknown>) => {
    const res = await emulator.fetch(new Request('http://emulator.test/_emulator/faults', { method: 'POST', body: JSON.stringify(spec), headers: { 'Content-Type': 'application/json' } }));
    expect(res.ok).toBe(true);
  };

  it('Hang → 504 within CDS_TIMEOUT_MS', async () => {
    const gateway = gatewayWith(ways[0]![1]);
    await fault({ Action: 'DescribeInstance', Hang: true });
    const t0 = Date.now();
    const res = await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`);
    expect(res.status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(300 + 300);
  });

  it('Malformed → 502 UpstreamBadResponse', async () => {
    const gateway = gatewayWith(ways[0]![1]);
    await fault({ Action: 'DescribeRegions', Malformed: true });
    const res = await gateway('/v1/regions');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { code: string }).code).toBe('UpstreamBadResponse');
  });

  it('a wrong secret key → the emulator says SignatureDoesNotMatch → 502', async () => {
    env.CDS_SECRET_KEY = 'not-the-secret';
    const gateway = gatewayWith(ways[0]![1]);
    const res = await gateway('/v1/regions');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { code: string }).code).toBe('SignatureDoesNotMatch');
  });
});
