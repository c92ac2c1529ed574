import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { EbsDisk } from '../../../openapi/models';
import { call, event, expectError, expectModel, newEmulator, operate } from '../../helpers/emulator-client';

// CreateDisk's InstanceId (attached at once, building → mounting → running in one event),
// ReleaseWithInstance and SnapshotId; DeleteDisk's DeleteSnapshot.

const WEB = 'ins-demand-cpu-ssd'; // running, CN_Hohhot_B, one 96 GB data disk
const DATA = 'disk-demand-cpu-ssd-data';

const ebs = (emu: Emulator, action: string, body?: unknown, params?: Record<string, string>) => call(emu, action, { service: 'ebs', body, params });
const disk = async (emu: Emulator, DiskId: string) => (await ebs(emu, 'DescribeDisk', undefined, { DiskId })).body.Data?.DiskInfo as EbsDisk | undefined;
const create = (emu: Emulator, extra: Record<string, unknown> = {}) => ebs(emu, 'CreateDisk', { AvailableZoneCode: 'CN_Hohhot_B', DiskFeature: 'SSD', Size: 24, ...extra });
const account = (emu: Emulator) => emu.store.account('test-ak')!;
const dataDiskRows = async (emu: Emulator, EcsId: string) =>
  (await call(emu, 'DescribeInstance', { params: { EcsId } })).body.Data.Disk.DataDiskConf as { Id: string; DiskId: string; Size: number }[];
const snapshotStatus = async (emu: Emulator, SnapshotId: string) => (await ebs(emu, 'DescribeSnapshot', undefined, { SnapshotId })).body.Data?.SnapshotInfo?.SnapshotStatus;

async function snapshotOf(emu: Emulator, DiskId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await ebs(emu, 'CreateSnapshot', { DiskId, ...extra });
  expect(r.status, r.text).toBe(200);
  emu.advance(10);
  return r.body.Data.SnapshotId;
}

/** State a refusal must leave as it was: every disk, snapshot and pending transition. */
const world = (emu: Emulator) => JSON.stringify([account(emu).KeptDisks, [...account(emu).Instances.values()].map((i) => i.DataDisks), account(emu).DiskSnapshots, account(emu).Pending]);

describe('CreateDisk with InstanceId', () => {
  it('the disks are the instance\'s from the answer on: building → mounting → running in one create_disk event, EcsId set', async () => {
    const emu = newEmulator();
    const r = await create(emu, { InstanceId: WEB, Number: 2, DiskName: 'pvc-1' });
    expect(r.status, r.text).toBe(200);
    const [a, b] = r.body.Data.DiskIdSet as string[];
    expect(await disk(emu, a!)).toMatchObject({ Status: 'building', EcsId: WEB, ReleaseWithInstance: 1, Order: 2 });
    expect((await dataDiskRows(emu, WEB)).map((d) => d.DiskId)).toEqual([DATA, a, b]);
    emu.advance(2);
    expect(await disk(emu, a!)).toMatchObject({ Status: 'mounting', StatusDisplay: '挂载中', EcsId: WEB });
    emu.advance(2);
    const done = expectModel(EbsDisk, await disk(emu, b!));
    expect(done).toMatchObject({ Status: 'running', EcsId: WEB, EcsName: 'web-01', Order: 3, DiskName: 'pvc-1', AvailableZoneCode: 'CN_Hohhot_B' });
    const ev = await event(emu, r.body.Data.EventId, 'ebs');
    expect(ev).toMatchObject({ EventType: 'create_disk', EventStatus: 'success' });
    expect(ev.TaskList.map((t: { ResourceId: string }) => t.ResourceId).sort()).toEqual([a, b].sort());
    const attached = (await ebs(emu, 'DescribeEcsAttachDisks', undefined, { InstanceId: WEB })).body.Data.DiskList as EbsDisk[];
    expect(attached.map((d) => [d.DiskId, d.Status])).toEqual([
      ['disk-demand-cpu-ssd-sys', 'running'],
      [DATA, 'running'],
      [a, 'running'],
      [b, 'running'],
    ]);
    // Not kept detached anywhere: a second attach of it is refused.
    expect(account(emu).KeptDisks.some((d) => d.DiskId === a)).toBe(false);
    expectError(await ebs(emu, 'AttachDisk', { DiskIds: [a], InstanceId: WEB }), 409, 'InvalidDiskStatus', 'running');
  });

  it('a chained path settles in order even when nothing reads in between (one jump past the end)', async () => {
    const emu = newEmulator();
    const [id] = (await create(emu, { InstanceId: WEB })).body.Data.DiskIdSet as string[];
    emu.advance(60);
    expect(await disk(emu, id!)).toMatchObject({ Status: 'running', EcsId: WEB });
    expect(account(emu).Pending).toEqual([]);
  });

  it('an empty InstanceId (as SDKs send unset fields) creates detached disks: building → waiting, ReleaseWithInstance 0', async () => {
    const emu = newEmulator();
    const [id] = (await create(emu, { InstanceId: '', ReleaseWithInstance: 1 })).body.Data.DiskIdSet as string[];
    emu.advance(2);
    expect((await disk(emu, id!))!.Status).toBe('building');
    emu.advance(2);
    expect(await disk(emu, id!)).toMatchObject({ Status: 'waiting', EcsId: '', ReleaseWithInstance: 0 });
  });

  it('refuses, changing nothing: another zone, an unknown instance, a status AttachDisk refuses, a 17th data disk', async () => {
    const emu = newEmulator();
    const before = world(emu);
    expectError(await create(emu, { InstanceId: 'ins-demand-gpu-ssd' }), 400, 'UnsupportedOperation', 'CN_Suqian_A');
    expectError(await create(emu, { InstanceId: 'ins-nope' }), 404, 'InstanceNotFound', 'ins-nope');
    expectError(await create(emu, { InstanceId: WEB, Number: 16 }), 409, 'QuotaExceeded', '16');
    expect(world(emu)).toBe(before);
    expect((await operate(emu, [WEB], 'restart_ecs')).status).toBe(200);
    const restarting = world(emu);
    expectError(await create(emu, { InstanceId: WEB }), 409, 'InvalidInstanceStatus', 'restarting');
    expect(world(emu)).toBe(restarting);
    emu.advance(12);
    expect((await create(emu, { InstanceId: WEB, Number: 15 })).status).toBe(200); // 1 + 15 = 16
  });

  it('ReleaseWithInstance is honoured when the instance is deleted: 1 (the default) goes with it, 0 is kept, waiting', async () => {
    const emu = newEmulator();
    const [goes] = (await create(emu, { InstanceId: WEB })).body.Data.DiskIdSet as string[];
    const [kept] = (await create(emu, { InstanceId: WEB, ReleaseWithInstance: 0 })).body.Data.DiskIdSet as string[];
    emu.advance(4);
    expect((await disk(emu, kept!))!.ReleaseWithInstance).toBe(0);
    expect((await call(emu, 'DeleteInstance', { body: { EcsIds: [WEB] } })).status).toBe(200);
    emu.advance(5);
    expect(await disk(emu, goes!)).toBeUndefined();
    expect(await disk(emu, kept!)).toMatchObject({ Status: 'waiting', EcsId: '', AvailableZoneCode: 'CN_Hohhot_B' });
  });
});

describe('CreateDisk with SnapshotId', () => {
  it('a running data-disk snapshot of the zone makes the disks: the snapshot shows disk_creating, then running again', async () => {
    const emu = newEmulator();
    const snap = await snapshotOf(emu, DATA);
    const r = await create(emu, { SnapshotId: snap, Size: 96 });
    expect(r.status, r.text).toBe(200);
    expect(await snapshotStatus(emu, snap)).toBe('disk_creating');
    // Busy making a disk: neither deleted nor used for a second disk meanwhile.
    expectError(await ebs(emu, 'DeleteSnapshot', { SnapshotIds: [snap] }), 409, 'InvalidSnapshotStatus');
    expectError(await create(emu, { SnapshotId: snap, Size: 96 }), 409, 'InvalidSnapshotStatus', 'disk_creating');
    emu.advance(4);
    expect(await snapshotStatus(emu, snap)).toBe('running');
    expect(await disk(emu, r.body.Data.DiskIdSet[0])).toMatchObject({ Status: 'waiting', Size: 96 });
    // Attached at once from a snapshot, larger than the source.
    const both = await create(emu, { SnapshotId: snap, Size: 128, InstanceId: WEB });
    expect(both.status, both.text).toBe(200);
    emu.advance(4);
    expect(await disk(emu, both.body.Data.DiskIdSet[0])).toMatchObject({ Status: 'running', Size: 128, EcsId: WEB });
    expect(await snapshotStatus(emu, snap)).toBe('running');
  });

  it('refuses, changing nothing: an unknown snapshot, one not running, a system-disk snapshot, another zone, a size under the source disk', async () => {
    const emu = newEmulator();
    const snap = await snapshotOf(emu, DATA);
    const taking = (await ebs(emu, 'CreateSnapshot', { DiskId: 'disk-month-gpu-ssd-data' })).body.Data.SnapshotId as string;
    const before = world(emu);
    expectError(await create(emu, { SnapshotId: 's-nope' }), 404, 'SnapshotNotFound', 's-nope');
    expectError(await create(emu, { SnapshotId: taking, Size: 512, AvailableZoneCode: 'CN_Suqian_B' }), 409, 'InvalidSnapshotStatus', 'creating');
    expectError(await create(emu, { SnapshotId: 's-disk-month-cpu-ssd-sys-seed-01', Size: 48 }), 400, 'InvalidParameter', 'system disk');
    expectError(await create(emu, { SnapshotId: snap, Size: 96, AvailableZoneCode: 'CN_Suqian_A' }), 400, 'InvalidParameter', 'CN_Hohhot_B');
    expectError(await create(emu, { SnapshotId: snap, Size: 88 }), 400, 'InvalidParameter', 'at least 96');
    expect(world(emu)).toBe(before);
  });
});

describe('DeleteDisk with DeleteSnapshot', () => {
  /** A data disk of WEB with two snapshots (one kept for 1 day, one Forever), then detached. */
  async function detachedWithSnapshots(emu: Emulator) {
    const [id] = (await create(emu, { InstanceId: WEB })).body.Data.DiskIdSet as string[];
    emu.advance(4);
    const daily = await snapshotOf(emu, id!);
    const forever = await snapshotOf(emu, id!, { ReservedTime: 'Forever' });
    expect((await ebs(emu, 'DetachDisk', { DiskIds: [id] })).status).toBe(200);
    emu.advance(4);
    return { id: id!, daily, forever };
  }
  const chainsOf = async (emu: Emulator, DiskId: string) =>
    ((await ebs(emu, 'DescribeSnapshotChainList', undefined, { DiskId })).body.Data.SnapshotChainList ?? []) as { SnapshotNum: number }[];

  it('DeleteSnapshot: 1 takes the disk\'s non-permanent snapshots along (deleting, then gone); Forever ones stay, and so does their chain', async () => {
    const emu = newEmulator();
    const { id, daily, forever } = await detachedWithSnapshots(emu);
    const r = await ebs(emu, 'DeleteDisk', { DiskIds: [id], DeleteSnapshot: 1 });
    expect(r.status, r.text).toBe(200);
    expect(await snapshotStatus(emu, daily)).toBe('deleting');
    expect(await snapshotStatus(emu, forever)).toBe('running');
    emu.advance(4);
    expect(await disk(emu, id)).toBeUndefined();
    expect(await snapshotStatus(emu, daily)).toBeUndefined();
    expect(await snapshotStatus(emu, forever)).toBe('running');
    expect((await chainsOf(emu, id)).map((c) => c.SnapshotNum)).toEqual([1]);
  });

  it('a disk whose snapshots are all non-permanent leaves no chain behind', async () => {
    const emu = newEmulator();
    const { id, forever } = await detachedWithSnapshots(emu);
    expect((await ebs(emu, 'DeleteSnapshot', { SnapshotIds: [forever] })).status).toBe(200);
    emu.advance(5);
    expect((await ebs(emu, 'DeleteDisk', { DiskIds: [id], DeleteSnapshot: 1 })).status).toBe(200);
    emu.advance(4);
    expect(await chainsOf(emu, id)).toEqual([]);
    expect(account(emu).DiskSnapshots.some((s) => s.DiskId === id)).toBe(false);
  });

  it('without DeleteSnapshot (default 0) every snapshot of the disk stays', async () => {
    const emu = newEmulator();
    const { id, daily, forever } = await detachedWithSnapshots(emu);
    expect((await ebs(emu, 'DeleteDisk', { DiskIds: [id] })).status).toBe(200);
    emu.advance(4);
    expect(await disk(emu, id)).toBeUndefined();
    expect([await snapshotStatus(emu, daily), await snapshotStatus(emu, forever)]).toEqual(['running', 'running']);
    expect((await chainsOf(emu, id)).map((c) => c.SnapshotNum)).toEqual([2]);
  });
});
