import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { requestOf } from '../../../emulator/dispatch';
import { EbsDisk } from '../../../openapi/models';
import { describeDisk as describeDiskOp, describeEcsAttachDisks as describeEcsAttachDisksOp } from '../../../openapi/operations/disks';
import { call, event, expectError, expectModel, newEmulator } from '../../helpers/emulator-client';

const ebs = (emu: Emulator, action: string, body?: unknown, params?: Record<string, string>) => call(emu, action, { service: 'ebs', body, params });
const describeDisk = (emu: Emulator, DiskId: string) => ebs(emu, 'DescribeDisk', undefined, { DiskId });
const diskStatus = async (emu: Emulator, DiskId: string) => (await describeDisk(emu, DiskId)).body.Data.DiskInfo;
const create = (emu: Emulator, extra: Record<string, unknown> = {}) =>
  ebs(emu, 'CreateDisk', { AvailableZoneCode: 'CN_Hohhot_B', DiskName: 'data-01', DiskFeature: 'SSD', Size: 24, ...extra });

async function newDisk(emu: Emulator): Promise<string> {
  const r = await create(emu);
  expect(r.status, r.text).toBe(200);
  emu.advance(4);
  return r.body.Data.DiskIdSet[0];
}

describe('cloud disks (EBS)', () => {
  it('create: building → waiting (4 s), detached in its AZ, event create_disk on /ebs/v1', async () => {
    const emu = newEmulator();
    const r = await create(emu, { Number: 2 });
    expect(r.body).toMatchObject({ Code: 'Success', Msg: '云盘创建任务下发成功！' });
    const [a, b] = r.body.Data.DiskIdSet;
    expect(b).toBeDefined();
    expect(await diskStatus(emu, a)).toMatchObject({ Status: 'building', StatusDisplay: '创建中', EcsId: '' });
    emu.advance(4);
    const info = expectModel(EbsDisk, await diskStatus(emu, a));
    expect(info).toMatchObject({ Status: 'waiting', StatusDisplay: '待挂载', EcsId: '', EcsName: '', Size: 24, DiskName: 'data-01', DiskFeature: 'SSD', Property: 'data', Order: 0, AvailableZoneCode: 'CN_Hohhot_B', RegionCode: 'CN_Huhhot' });
    expect(await event(emu, r.body.Data.EventId, 'ebs')).toMatchObject({ EventType: 'create_disk', EventStatus: 'success' });
  });

  it('a data disk keeps its slot (Order, the SCSI LUN clients find it by) when another detaches; the freed slot is taken next', async () => {
    const emu = newEmulator();
    const [a, b, c] = [await newDisk(emu), await newDisk(emu), await newDisk(emu)];
    const order = async (id: string) => (await diskStatus(emu, id)).Order;
    await ebs(emu, 'AttachDisk', { DiskIds: [a, b], InstanceId: 'ins-demand-cpu-ssd' });
    emu.advance(4);
    expect([await order(a), await order(b)]).toEqual([2, 3]);
    await ebs(emu, 'DetachDisk', { DiskIds: [a] });
    emu.advance(4);
    expect(await order(b)).toBe(3);
    await ebs(emu, 'AttachDisk', { DiskIds: [c], InstanceId: 'ins-demand-cpu-ssd' });
    emu.advance(4);
    expect([await order(c), await order(b)]).toEqual([2, 3]);
  });

  it('create refuses a size not a multiple of 8 or under 24, a feature other than SSD, a bad name, and more than the free quota', async () => {
    const emu = newEmulator();
    expectError(await create(emu, { Size: 30 }), 400, 'InvalidParameter', 'multiple of 8');
    expectError(await create(emu, { Size: 16 }), 400, 'InvalidParameter', 'at least 24');
    expectError(await create(emu, { DiskFeature: 'ssd' }), 400, 'InvalidParameter', 'DiskFeature');
    expectError(await create(emu, { DiskName: '1abc' }), 400, 'InvalidParameter', 'DiskName');
    expectError(await create(emu, { DiskName: 'a' }), 400, 'InvalidParameter', 'DiskName');
    expectError(await create(emu, { DiskName: 'a'.repeat(41) }), 400, 'InvalidParameter', 'DiskName');
    expect((await create(emu, { DiskName: '' })).status).toBe(200); // the published sample's empty name: a default one
    expectError(await create(emu, { Size: 8192, Number: 2 }), 409, 'QuotaExceeded');
  });

  it('attach: waiting → mounting → running on the instance with a slot; detach: unmounting → waiting; delete: deleting → gone', async () => {
    const emu = newEmulator();
    const id = await newDisk(emu);
    const a = await ebs(emu, 'AttachDisk', { DiskIds: [id], InstanceId: 'ins-demand-cpu-ssd', ReleaseWithInstance: 0 });
    expect(a.body).toMatchObject({ Code: 'Success', Msg: '云盘挂载任务下发成功！' });
    expect(await diskStatus(emu, id)).toMatchObject({ Status: 'mounting', EcsId: 'ins-demand-cpu-ssd' });
    emu.advance(4);
    expect(await diskStatus(emu, id)).toMatchObject({ Status: 'running', StatusDisplay: '使用中', EcsId: 'ins-demand-cpu-ssd', EcsName: 'web-01', Order: 2, ReleaseWithInstance: 0 });
    expect((await event(emu, a.body.Data.EventId, 'ebs')).EventType).toBe('mount_disk');
    const ids = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data.Disk.DataDiskConf.map((d: { Id: string }) => d.Id);
    expect(ids).toContain(id);

    const d = await ebs(emu, 'DetachDisk', { DiskIds: [id] });
    expect(d.body.Msg).toBe('云盘卸载任务下发成功！');
    expect((await diskStatus(emu, id)).Status).toBe('unmounting');
    emu.advance(4);
    expect(await diskStatus(emu, id)).toMatchObject({ Status: 'waiting', EcsId: '', Order: 0 });
    expect((await event(emu, d.body.Data.EventId, 'ebs')).EventType).toBe('unmount_disk');

    const x = await ebs(emu, 'DeleteDisk', { DiskIds: [id] });
    expect(x.body.Msg).toBe('云盘删除任务下发成功！');
    expect((await diskStatus(emu, id)).Status).toBe('deleting');
    emu.advance(4);
    expectError(await describeDisk(emu, id), 400, 'InvalidParameter', '云盘信息不存在');
    expect((await event(emu, x.body.Data.EventId, 'ebs'))).toMatchObject({ EventType: 'delete_disk', EventStatus: 'success' });
  });

  it('attach refuses a disk that is not waiting, another AZ, an instance that is not running or shut down, and a 17th data disk', async () => {
    const emu = newEmulator();
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: ['disk-demand-cpu-ssd-data'], InstanceId: 'ins-demand-gpu-ssd' }), 409, 'InvalidDiskStatus', 'running');
    const other = (await create(emu, { AvailableZoneCode: 'CN_Suqian_A' })).body.Data.DiskIdSet[0];
    emu.advance(4);
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: [other], InstanceId: 'ins-demand-cpu-ssd' }), 400, 'UnsupportedOperation', 'CN_Hohhot_B');
    const id = await newDisk(emu);
    await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' } });
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: [id], InstanceId: 'ins-demand-cpu-ssd' }), 409, 'InvalidInstanceStatus');
    emu.advance(12);
    const many = (await create(emu, { Number: 15 })).body.Data.DiskIdSet;
    emu.advance(4);
    expect((await ebs(emu, 'AttachDisk', { DiskIds: many, InstanceId: 'ins-demand-cpu-ssd' })).status).toBe(200); // 1 + 15 = 16
    emu.advance(4);
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: [id], InstanceId: 'ins-demand-cpu-ssd' }), 409, 'QuotaExceeded', '16');
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: ['disk-nope'], InstanceId: 'ins-demand-cpu-ssd' }), 400, 'InvalidParameter', '云盘信息不存在: disk-nope');
  });

  it('system disks are never detached or deleted; an attached disk is not deleted', async () => {
    const emu = newEmulator();
    expectError(await ebs(emu, 'DetachDisk', { DiskIds: ['disk-demand-cpu-ssd-sys'] }), 400, 'UnsupportedOperation', 'system');
    expectError(await ebs(emu, 'DeleteDisk', { DiskIds: ['disk-demand-cpu-ssd-sys'] }), 400, 'UnsupportedOperation', 'system');
    expectError(await ebs(emu, 'DeleteDisk', { DiskIds: ['disk-demand-cpu-ssd-data'] }), 409, 'InvalidDiskStatus', 'waiting');
  });

  it('DescribeDiskList: system and data disks, filtered by zone and ids, paged; DiskIds as the JSON list string the upstream takes', async () => {
    const emu = newEmulator();
    const all = await ebs(emu, 'DescribeDiskList');
    expect(all.body.Data.DiskList.map((d: { DiskId: string }) => d.DiskId)).toContain('disk-demand-cpu-ssd-sys');
    expect(all.body).toMatchObject({ PageNumber: 1, PageSize: 20 });
    const two = await ebs(emu, 'DescribeDiskList', undefined, { DiskIds: '["disk-demand-cpu-ssd-sys","disk-demand-cpu-ssd-data"]', PageSize: '1' });
    expect(two.body).toMatchObject({ TotalCount: 2, PageSize: 1 });
    expect(two.body.Data.DiskList).toHaveLength(1);
    const suqian = await ebs(emu, 'DescribeDiskList', undefined, { AvailableZoneCode: 'CN_Suqian_B' });
    expect(suqian.body.TotalCount).toBeGreaterThan(0);
    expect(suqian.body.TotalCount).toBeLessThan(all.body.TotalCount);
    expect(suqian.body.Data.DiskList.every((d: { AvailableZoneCode: string }) => d.AvailableZoneCode === 'CN_Suqian_B')).toBe(true);
  });

  it("DescribeEcsAttachDisks: the instance's cloud disks, by InstanceId (the parameter table) or EcsId (the document's example), query or JSON body", async () => {
    const emu = newEmulator();
    const attached = (params?: Record<string, string>) => ebs(emu, 'DescribeEcsAttachDisks', undefined, params);
    const byInstanceId = await attached({ InstanceId: 'ins-demand-cpu-ssd' });
    expect(byInstanceId.body).toMatchObject({ Code: 'Success', Msg: '获取实例挂载的云盘信息成功！' });
    const rows = (byInstanceId.body.Data.DiskList as unknown[]).map((d) => expectModel(EbsDisk, d));
    expect(rows.map((d) => [d.DiskId, d.Property, d.Status, d.EcsId, d.Order])).toEqual([
      ['disk-demand-cpu-ssd-sys', 'system', 'running', 'ins-demand-cpu-ssd', 0],
      ['disk-demand-cpu-ssd-data', 'data', 'running', 'ins-demand-cpu-ssd', 1],
    ]);
    expect((await attached({ EcsId: 'ins-demand-cpu-ssd' })).body.Data).toEqual(byInstanceId.body.Data);
    // A JSON body (as the Go SDK sends a GET's parameters) is read the same way.
    expect(requestOf(describeEcsAttachDisksOp, { wire: { query: {}, body: { EcsId: 'ins-demand-cpu-ssd' } } })).toEqual({ InstanceId: 'ins-demand-cpu-ssd' });
    // Both sent: the documented InstanceId wins.
    expect((await attached({ InstanceId: 'ins-demand-cpu-ssd', EcsId: 'ins-demand-gpu-ssd' })).body.Data).toEqual(byInstanceId.body.Data);
    // A local-disk instance has no cloud disks.
    expect((await attached({ InstanceId: 'ins-demand-cpu-local' })).body.Data.DiskList).toEqual([]);
    expectError(await attached({ InstanceId: 'ins-nope' }), 404, 'InstanceNotFound', 'ins-nope');
    expectError(await attached(), 400, 'MissingParameter', 'InstanceId');

    // A new disk shows up once attached, and leaves with its detach.
    const id = await newDisk(emu);
    await ebs(emu, 'AttachDisk', { DiskIds: [id], InstanceId: 'ins-demand-cpu-ssd' });
    expect((await attached({ InstanceId: 'ins-demand-cpu-ssd' })).body.Data.DiskList.at(-1)).toMatchObject({ DiskId: id, Status: 'mounting', Order: 2 });
    emu.advance(4);
    await ebs(emu, 'DetachDisk', { DiskIds: [id] });
    emu.advance(4);
    expect((await attached({ InstanceId: 'ins-demand-cpu-ssd' })).body.Data.DiskList.map((d: { DiskId: string }) => d.DiskId)).not.toContain(id);
  });

  it("DescribeInstance's DataDiskConf follows the disk machine: rows carry DiskId (and Id); attach, extend and detach show up there", async () => {
    const emu = newEmulator();
    const rows = async () =>
      (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data.Disk.DataDiskConf as { Id: string; DiskId: string; Size: number; ReleaseWithInstance: number }[];
    expect((await rows()).map((d) => [d.DiskId, d.Id])).toEqual([['disk-demand-cpu-ssd-data', 'disk-demand-cpu-ssd-data']]);
    const id = await newDisk(emu);
    await ebs(emu, 'AttachDisk', { DiskIds: [id], InstanceId: 'ins-demand-cpu-ssd', ReleaseWithInstance: 0 });
    expect((await rows()).map((d) => d.DiskId)).toEqual(['disk-demand-cpu-ssd-data', id]);
    emu.advance(4);
    expect((await rows()).at(-1)).toMatchObject({ DiskId: id, Id: id, Size: 24, ReleaseWithInstance: 0 });
    await ebs(emu, 'ExtendDisk', { DiskId: id, ExtendedSize: 48 });
    emu.advance(6);
    expect((await rows()).at(-1)).toMatchObject({ DiskId: id, Size: 48 });
    expect((await diskStatus(emu, id)).Size).toBe(48);
    await ebs(emu, 'DetachDisk', { DiskIds: [id] });
    emu.advance(4);
    expect((await rows()).map((d) => d.DiskId)).toEqual(['disk-demand-cpu-ssd-data']);
  });

  it('a GET whose parameters come in a JSON body (as the Go SDK sends DescribeDisk) is read like the query', () => {
    expect(requestOf(describeDiskOp, { wire: { query: {}, body: { DiskId: 'disk-demand-cpu-ssd-data' } } })).toEqual({ DiskId: 'disk-demand-cpu-ssd-data' });
  });
});

describe('DescribeDiskQuota', () => {
  it("the zone's SSD quota: used grows with a new disk, and CreateDisk may take exactly what is free", async () => {
    const emu = newEmulator();
    const quota = async () => (await ebs(emu, 'DescribeDiskQuota', undefined, { AvailableZoneCode: 'CN_Hohhot_B' })).body.Data.QuotaList[0];
    const before = await quota();
    expect(before).toMatchObject({ TotalQuota: 10240, DiskFeature: 'SSD' });
    expect(before.UsedQuota + before.FreeQuota).toBe(before.TotalQuota);
    await newDisk(emu);
    const after = await quota();
    expect(after.UsedQuota).toBe(before.UsedQuota + 24);
    expectError(await create(emu, { Size: after.FreeQuota + 8 }), 409, 'QuotaExceeded');
    expect((await create(emu, { Size: after.FreeQuota })).status).toBe(200);
    expect((await quota()).FreeQuota).toBe(0);
    expectError(await ebs(emu, 'DescribeDiskQuota', undefined, { AvailableZoneCode: 'CN_Nowhere' }), 400, 'InvalidParameter', 'AvailableZoneCode');
  });
});
