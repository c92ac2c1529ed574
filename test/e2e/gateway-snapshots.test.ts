import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// Disk snapshots through the gateway against the emulator: snapshot a data disk, roll it back,
// rename and delete; each refusal is a problem with its code and changes nothing.

let emulator: Emulator;
let env: Env;
const DATA = 'disk-demand-cpu-ssd-data';
const WEB = SEED_IDS.demandCpuSsd;

const ways = gatewayWays(() => emulator);

beforeEach(() => {
  ({ emulator, env } = freshEmulator('snap'));
});

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
const json = async <T>(r: Response | Promise<Response>) => (await (await r).json()) as T;
const problem = async (r: Response) => [r.status, (await json<{ code: string }>(r)).code];

for (const [way, factory] of ways) {
  describe(`snapshots through the gateway (${way})`, () => {
    it('snapshot → creating → running; shut down; rollback (disk rollback) → instance started; rename; delete', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const res = await gateway('/v1/snapshots', post({ DiskId: DATA, SnapshotName: 'before-change' }));
      expect(res.status).toBe(202);
      expect(res.headers.get('Location')).toMatch(/^\/v1\/events\//);
      const { SnapshotId } = await json<{ SnapshotId: string }>(res);
      const one = () => json<{ SnapshotInfo: { SnapshotStatus: string; SnapshotName: string } }>(gateway(`/v1/snapshots/${SnapshotId}`));
      expect((await one()).SnapshotInfo.SnapshotStatus).toBe('creating');
      emulator.advance(10);
      expect(await json(gateway(res.headers.get('Location')!))).toMatchObject({ EventType: 'create_snapshot', EventStatus: 'success' });
      expect((await one()).SnapshotInfo.SnapshotStatus).toBe('running');
      expect(await json(gateway(`/v1/snapshots?DiskId=${DATA}`))).toMatchObject({ TotalCount: 1, PageNumber: 1, SnapshotList: [{ SnapshotId }] });
      expect(await json(gateway(`/v1/snapshots/quota?DiskId=${DATA}`))).toEqual({ DiskId: DATA, TotalQuota: 10, UsedQuota: 1, FreeQuota: 9 });

      // Rolling back a running instance's disk is refused, and changes nothing.
      expect(await problem(await gateway(`/v1/snapshots/${SnapshotId}/rollback`, post({ DiskId: DATA })))).toEqual([409, 'InvalidInstanceStatus']);
      expect((await gateway('/v1/instances/operate', post({ EcsIds: [WEB], OpType: 'shutdown_ecs' }))).status).toBe(202);
      emulator.advance(60);
      const rollback = await gateway(`/v1/snapshots/${SnapshotId}/rollback`, post({ DiskId: DATA, AutoTurnOnInstance: 1 }));
      expect(rollback.status).toBe(202);
      expect((await one()).SnapshotInfo.SnapshotStatus).toBe('disk_rollback');
      emulator.advance(15);
      expect(await json(gateway(rollback.headers.get('Location')!))).toMatchObject({ EventType: 'rollback_disk', EventStatus: 'success', TaskList: [{ ResourceId: DATA }] });
      expect((await json<{ Status: string }>(gateway(`/v1/instances/${WEB}`))).Status).toBe('running');

      const renamed = await gateway(`/v1/snapshots/${SnapshotId}`, { method: 'PATCH', body: JSON.stringify({ SnapshotName: 'after-change' }) });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toEqual({});
      expect((await one()).SnapshotInfo.SnapshotName).toBe('after-change');

      const deleted = await gateway('/v1/snapshots/delete', post({ SnapshotIds: [SnapshotId] }));
      expect(deleted.status).toBe(202);
      emulator.advance(5);
      expect(await problem(await gateway(`/v1/snapshots/${SnapshotId}`))).toEqual([404, 'SnapshotNotFound']);
    });

    it('refusals are problems with their codes', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      expect(await problem(await gateway('/v1/snapshots', post({ DiskId: 'disk-nope' })))).toEqual([404, 'DiskNotFound']);
      expect(await problem(await gateway('/v1/snapshots', post({ DiskId: 'disk-demand-cpu-local-sys' })))).toEqual([400, 'UnsupportedOperation']);
      expect(await problem(await gateway('/v1/snapshots', post({ DiskId: DATA, SnapshotName: 'auto-x' })))).toEqual([400, 'ValidationFailed']);
      expect(await problem(await gateway('/v1/snapshots/s-nope'))).toEqual([404, 'SnapshotNotFound']);
      expect(await problem(await gateway('/v1/snapshots/quota?DiskId=disk-nope'))).toEqual([404, 'DiskNotFound']);
      const { SnapshotId } = await json<{ SnapshotId: string }>(gateway('/v1/snapshots', post({ DiskId: DATA })));
      expect(await problem(await gateway('/v1/snapshots', post({ DiskId: DATA })))).toEqual([409, 'InvalidDiskStatus']);
      expect(await problem(await gateway('/v1/snapshots/delete', post({ SnapshotIds: [SnapshotId] })))).toEqual([409, 'InvalidSnapshotStatus']);
      expect(await json(gateway(`/v1/snapshots/quota?DiskId=${DATA}`))).toMatchObject({ UsedQuota: 1 });
    });

    it('chains; an image from a system-disk snapshot, usable by CreateInstance; a cross-zone copy', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const SEED = 's-disk-month-cpu-ssd-sys-seed-01';
      const chains = await json<{ SnapshotChainList: { SnapshotChainId: string }[]; TotalCount: number }>(gateway('/v1/snapshot-chains?InstanceId=ins-month-cpu-ssd'));
      expect(chains.SnapshotChainList.map((c) => c.SnapshotChainId)).toEqual(['sl-disk-month-cpu-ssd-sys-seed']);
      expect(await json(gateway('/v1/snapshot-chains/sl-disk-month-cpu-ssd-sys-seed'))).toMatchObject({ SnapshotNum: 1, SnapshotList: [{ SnapshotId: SEED }], TotalCount: 1 });
      expect(await problem(await gateway('/v1/snapshot-chains/sl-nope'))).toEqual([404, 'SnapshotNotFound']);

      const made = await gateway(`/v1/snapshots/${SEED}/image`, post({ ImageName: 'from-seed-snapshot' }));
      expect(made.status).toBe(202);
      const { ImageId } = await json<{ ImageId: string }>(made);
      emulator.advance(20);
      const listed = await json<{ ImageList: { ImageId: string; TemplateType: string }[] }>(gateway('/v1/images?AvailableZoneCode=CN_Hohhot_B'));
      expect(listed.ImageList.find((i) => i.ImageId === ImageId)?.TemplateType).toBe('private');
      const created = await gateway(
        '/v1/instances',
        post({
          AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId, Password: 'Create-Secret-9!',
          SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
        }),
      );
      expect(created.status).toBe(202);
      expect(await problem(await gateway(`/v1/snapshots/${DATA}/image`, post({ ImageName: 'x' })))).toEqual([404, 'SnapshotNotFound']);

      const copied = await gateway(`/v1/snapshots/${SEED}/copy`, post({ AvailableZoneCode: 'CN_Suqian_A' }));
      expect(copied.status).toBe(202);
      const copy = (await json<{ SnapshotId: string }>(copied)).SnapshotId;
      emulator.advance(20);
      expect(await json(gateway(`/v1/snapshots/${copy}`))).toMatchObject({ SnapshotInfo: { AvailableZoneCode: 'CN_Suqian_A', SnapshotStatus: 'running' } });
      expect(await problem(await gateway(`/v1/snapshots/${SEED}/copy`, post({ AvailableZoneCode: 'CN_Hohhot_B' })))).toEqual([400, 'InvalidParameter']);
    });
  });
}
