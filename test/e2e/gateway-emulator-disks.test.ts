import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// A cloud disk's whole life through the gateway against the emulator, over the wire and in process.

let emulator: Emulator;
let env: Env;

const ways = gatewayWays(() => emulator);

beforeEach(() => {
  ({ emulator, env } = freshEmulator('disk'));
});

type Disk = { DiskId: string; Status: string; EcsId: string; Order?: number };

for (const [way, factory] of ways) {
  describe(`cloud disks through the gateway, ${way}`, () => {
    it('create → waiting → attach → running on the instance → detach → waiting → delete → 404', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const post = (path: string, body: unknown) => gateway(path, { method: 'POST', body: JSON.stringify(body) });
      const disk = async (id: string) => (await (await gateway(`/v1/disks/${id}`)).json()) as { DiskInfo: Disk };
      const eventOf = async (res: Response) => ((await (await gateway(res.headers.get('Location')!)).json()) as { EventStatus: string; EventType: string });

      const quota = (await (await gateway('/v1/disks/quota?AvailableZoneCode=CN_Hohhot_B')).json()) as { QuotaList: { FreeQuota: number }[] };
      expect(quota.QuotaList[0]!.FreeQuota).toBeGreaterThanOrEqual(24);

      const created = await post('/v1/disks', { AvailableZoneCode: 'CN_Hohhot_B', DiskName: 'pvc-data', DiskFeature: 'SSD', Size: 24 });
      expect(created.status, await created.clone().text()).toBe(202);
      const [id] = ((await created.json()) as { DiskIdSet: string[] }).DiskIdSet;
      expect((await disk(id!)).DiskInfo.Status).toBe('building');
      emulator.advance(4);
      expect(await eventOf(created)).toMatchObject({ EventType: 'create_disk', EventStatus: 'success' });
      expect((await disk(id!)).DiskInfo).toMatchObject({ Status: 'waiting', EcsId: '' });
      const listed = (await (await gateway(`/v1/disks?DiskIds=${id},disk-demand-cpu-ssd-data`)).json()) as { DiskList: Disk[]; TotalCount: number };
      expect(listed.DiskList.map((d) => d.DiskId).sort()).toEqual([id, 'disk-demand-cpu-ssd-data'].sort());

      const attached = await post('/v1/disks/attach', { DiskIds: [id], InstanceId: SEED_IDS.demandCpuSsd, ReleaseWithInstance: 0 });
      expect(attached.status, await attached.clone().text()).toBe(202);
      expect((await disk(id!)).DiskInfo.Status).toBe('mounting');
      emulator.advance(4);
      expect((await eventOf(attached)).EventStatus).toBe('success');
      expect((await disk(id!)).DiskInfo).toMatchObject({ Status: 'running', EcsId: SEED_IDS.demandCpuSsd, Order: 2 });
      // On the instance: its disks (DescribeEcsAttachDisks, sent upstream as InstanceId) and its DataDiskConf rows.
      const onInstance = (await (await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}/disks`)).json()) as { DiskList: Disk[] };
      expect(onInstance.DiskList.map((d) => [d.DiskId, d.Status])).toEqual([
        ['disk-demand-cpu-ssd-sys', 'running'],
        ['disk-demand-cpu-ssd-data', 'running'],
        [id, 'running'],
      ]);
      const instance = (await (await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`)).json()) as { Disk: { DataDiskConf: { DiskId?: string }[] } };
      expect(instance.Disk.DataDiskConf.map((d) => d.DiskId)).toEqual(['disk-demand-cpu-ssd-data', id]);

      const busy = await post('/v1/disks/delete', { DiskIds: [id] });
      expect(busy.status).toBe(409);
      expect(((await busy.json()) as { code: string }).code).toBe('InvalidDiskStatus');

      const detached = await post('/v1/disks/detach', { DiskIds: [id] });
      expect(detached.status).toBe(202);
      emulator.advance(4);
      expect(await eventOf(detached)).toMatchObject({ EventType: 'unmount_disk', EventStatus: 'success' });
      expect((await disk(id!)).DiskInfo).toMatchObject({ Status: 'waiting', EcsId: '' });

      const deleted = await post('/v1/disks/delete', { DiskIds: [id] });
      expect(deleted.status).toBe(202);
      emulator.advance(4);
      expect((await eventOf(deleted)).EventStatus).toBe('success');
      const gone = await gateway(`/v1/disks/${id}`);
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { code: string }).code).toBe('DiskNotFound');
      const noInstance = await gateway('/v1/instances/ins-nope/disks');
      expect([noInstance.status, ((await noInstance.json()) as { code: string }).code]).toEqual([404, 'InstanceNotFound']);
    });

    it('a disk created attached (building → mounting → running in one event) goes with its instance when ReleaseWithInstance is 1', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const post = (path: string, body: unknown) => gateway(path, { method: 'POST', body: JSON.stringify(body) });
      const disk = async (id: string) => gateway(`/v1/disks/${id}`);
      const created = await post('/v1/disks', { AvailableZoneCode: 'CN_Hohhot_B', DiskFeature: 'SSD', Size: 24, InstanceId: SEED_IDS.demandCpuSsd });
      expect(created.status, await created.clone().text()).toBe(202);
      const [id] = ((await created.json()) as { DiskIdSet: string[] }).DiskIdSet;
      expect(((await (await disk(id!)).json()) as { DiskInfo: Disk }).DiskInfo).toMatchObject({ Status: 'building', EcsId: SEED_IDS.demandCpuSsd });
      emulator.advance(2);
      expect(((await (await disk(id!)).json()) as { DiskInfo: Disk }).DiskInfo.Status).toBe('mounting');
      emulator.advance(2);
      expect(((await (await gateway(created.headers.get('Location')!)).json()) as { EventType: string; EventStatus: string })).toMatchObject({ EventType: 'create_disk', EventStatus: 'success' });
      expect(((await (await disk(id!)).json()) as { DiskInfo: Disk }).DiskInfo).toMatchObject({ Status: 'running', EcsId: SEED_IDS.demandCpuSsd });
      expect((await post('/v1/instances/delete', { EcsIds: [SEED_IDS.demandCpuSsd] })).status).toBe(202);
      emulator.advance(5);
      expect((await disk(id!)).status).toBe(404);
    });
  });
}
