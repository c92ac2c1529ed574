import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { DescribeSnapshotQuotaResult, SnapshotInfo } from '../../../openapi/models';
import { call, event, expectError, expectModel, newEmulator, operate, status, type Answer } from '../../helpers/emulator-client';

// Disk snapshots on /ebs/v1 against the default seed.

const WEB = 'ins-demand-cpu-ssd'; // running, CN_Hohhot_B
const DATA = 'disk-demand-cpu-ssd-data'; // its 96 GB data disk
const SYS = 'disk-demand-cpu-ssd-sys';
const LOCAL = 'disk-demand-cpu-local-sys';

const ebs = (emu: Emulator, action: string, o: { body?: unknown; params?: Record<string, string> } = {}) => call(emu, action, { service: 'ebs', ...o });
const account = (emu: Emulator) => emu.store.account('test-ak')!;
const diskStatus = (emu: Emulator, id: string) => [...account(emu).Instances.values()].flatMap((i) => [i.SystemDisk, ...i.DataDisks]).find((d) => d.DiskId === id)!.Status;
const snapshot = async (emu: Emulator, SnapshotId: string) => (await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId } })).body.Data.SnapshotInfo as SnapshotInfo;

async function take(emu: Emulator, body: Record<string, unknown> = { DiskId: DATA }): Promise<{ EventId: string; SnapshotId: string }> {
  const r = await ebs(emu, 'CreateSnapshot', { body });
  expect(r.status, r.text).toBe(200);
  return r.body.Data;
}
async function shutDown(emu: Emulator) {
  expect((await operate(emu, [WEB], 'shutdown_ecs')).status).toBe(200);
  emu.advance(60);
  expect(await status(emu, WEB)).toBe('shutdown');
}

describe('CreateSnapshot, DescribeSnapshot, DescribeSnapshotList', () => {
  it('the disk passes through creating_snapshot, the snapshot creating → running; listed by disk, zone and id', async () => {
    const emu = newEmulator();
    const r = await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA, SnapshotName: 'before-upgrade', ReservedTime: 'Forever' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('创建快照任务下发成功！');
    const { EventId, SnapshotId } = r.body.Data;
    expect(SnapshotId).toMatch(new RegExp(`^s-${DATA}-[a-z0-9]{4}-01$`));
    expect(diskStatus(emu, DATA)).toBe('creating_snapshot');
    expect(await status(emu, WEB)).toBe('running');
    const creating = await snapshot(emu, SnapshotId);
    expectModel(SnapshotInfo, creating);
    expect(creating).toMatchObject({ SnapshotStatus: 'creating', SnapshotName: 'before-upgrade', ReservedTime: 'Forever', DiskId: DATA, DiskProperty: 'data', DiskSize: 96, RegionCode: 'CN_Huhhot', AvailableZoneCode: 'CN_Hohhot_B' });

    emu.advance(10);
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('running');
    expect(diskStatus(emu, DATA)).toBe('running');
    expect(await event(emu, EventId, 'ebs')).toMatchObject({ EventStatus: 'success', EventType: 'create_snapshot', TaskList: [{ ResourceId: DATA, ResourceType: 'disk' }] });

    const second = await take(emu, { DiskId: DATA });
    expect(second.SnapshotId).toBe(SnapshotId.replace(/-01$/, '-02')); // one chain per disk
    expect((await snapshot(emu, second.SnapshotId)).SnapshotName).toBe(second.SnapshotId); // default name: the id
    await take(emu, { DiskId: SYS });

    const list = (p: Record<string, string>) => ebs(emu, 'DescribeSnapshotList', { params: p });
    const all = await list({ AvailableZoneCode: 'CN_Hohhot_B' });
    // The seed's two shut-down instances have a snapshot of their system disk each, one of them here.
    expect(all.body).toMatchObject({ Msg: '获取快照列表成功！', PageNumber: 1, PageSize: 20, TotalCount: 4 });
    expect((await list({})).body.TotalCount).toBe(5);
    expect((await list({ DiskId: DATA })).body.TotalCount).toBe(2);
    expect((await list({ SnapshotIds: JSON.stringify([SnapshotId]) })).body.Data.SnapshotList.map((s: SnapshotInfo) => s.SnapshotId)).toEqual([SnapshotId]);
    expect((await list({ AvailableZoneCode: 'CN_Suqian_A' })).body.Data.SnapshotList.map((s: SnapshotInfo) => s.SnapshotId)).toEqual(['s-disk-demand-gpu-ssd-sys-seed-01']);
    expect((await list({ RegionCode: 'CN_Suqian' })).body.TotalCount).toBe(1);
    const page2 = await list({ PageNumber: '3', PageSize: '2' }); // 5 in all
    expect(page2.body).toMatchObject({ PageNumber: 3, PageSize: 2, TotalCount: 5 });
    expect(page2.body.Data.SnapshotList).toHaveLength(1);
    expectError(await list({ AvailableZoneCode: 'CN_Nowhere' }), 400, 'InvalidParameter', 'AvailableZoneCode');
  });

  it('refusals change nothing: unknown disk, local disk, disk busy, instance status, name rules, quota', async () => {
    const emu = newEmulator();
    const refused = async (r: Answer, st: number, code: string, part?: string) => {
      const before = account(emu).DiskSnapshots.length;
      expectError(r, st, code, part);
      expect(account(emu).DiskSnapshots.length).toBe(before);
    };
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: 'disk-nope' } }), 400, 'InvalidParameter', '云盘信息不存在');
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: LOCAL } }), 400, 'UnsupportedOperation', 'local');
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA, SnapshotName: 'auto-1' } }), 400, 'InvalidParameter', 'SnapshotName');
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA, SnapshotName: 'a' } }), 400, 'InvalidParameter', 'SnapshotName');
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA, ReservedTime: 'soon' } }), 400, 'InvalidParameter', 'ReservedTime');
    await refused(await ebs(emu, 'CreateSnapshot', { body: {} }), 400, 'MissingParameter', 'DiskId');
    await take(emu);
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA } }), 409, 'InvalidDiskStatus', 'creating_snapshot');
    emu.advance(10);
    expect((await operate(emu, [WEB], 'restart_ecs')).status).toBe(200);
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA } }), 409, 'InvalidInstanceStatus', 'restarting');
    emu.advance(60);
    for (let n = 2; n <= 10; n++) {
      await take(emu);
      emu.advance(10);
    }
    const quota = await ebs(emu, 'DescribeSnapshotQuota', { params: { DiskId: DATA } });
    expectModel(DescribeSnapshotQuotaResult, quota.body.Data);
    expect(quota.body).toMatchObject({ Msg: '查询快照配额成功！', Data: { DiskId: DATA, TotalQuota: 10, UsedQuota: 10, FreeQuota: 0 } });
    await refused(await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA } }), 409, 'SnapshotQuotaExceeded', '10 of 10');
    expect((await ebs(emu, 'DescribeSnapshotQuota', { params: { DiskId: SYS } })).body.Data).toMatchObject({ UsedQuota: 0, FreeQuota: 10 });
    expectError(await ebs(emu, 'DescribeSnapshotQuota', { params: { DiskId: 'disk-nope' } }), 400, 'InvalidParameter', '云盘信息不存在');
    expectError(await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId: 's-nope' } }), 404, 'SnapshotNotFound');
  });

  it('a failed event leaves the snapshot create_fail, the disk available and the instance as it was', async () => {
    const emu = newEmulator();
    account(emu).Instances.get(WEB)!.FailNextTransition = true;
    const { EventId, SnapshotId } = await take(emu);
    emu.advance(10);
    expect((await event(emu, EventId, 'ebs')).EventStatus).toBe('failed');
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('create_fail');
    expect(diskStatus(emu, DATA)).toBe('running');
    expect(await status(emu, WEB)).toBe('running');
  });
});

describe('RenameSnapshot, DeleteSnapshot', () => {
  it('rename is synchronous with empty Data; refusals name the rule', async () => {
    const emu = newEmulator();
    const { SnapshotId } = await take(emu);
    const r = await ebs(emu, 'RenameSnapshot', { body: { SnapshotId, SnapshotName: '更改后的名称001' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Msg: '快照名称更改成功！', Data: {} });
    expect((await snapshot(emu, SnapshotId)).SnapshotName).toBe('更改后的名称001');
    expectError(await ebs(emu, 'RenameSnapshot', { body: { SnapshotId, SnapshotName: 'autox' } }), 400, 'InvalidParameter', 'auto');
    expectError(await ebs(emu, 'RenameSnapshot', { body: { SnapshotId, SnapshotName: 'x'.repeat(127) } }), 400, 'InvalidParameter', '126');
    expectError(await ebs(emu, 'RenameSnapshot', { body: { SnapshotId: 's-nope', SnapshotName: 'ok-name' } }), 404, 'SnapshotNotFound');
    expect((await snapshot(emu, SnapshotId)).SnapshotName).toBe('更改后的名称001');
  });

  it('delete: deleting, then gone and off the quota; refused while creating or deleting', async () => {
    const emu = newEmulator();
    const { SnapshotId } = await take(emu);
    expectError(await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SnapshotId] } }), 409, 'InvalidSnapshotStatus', 'creating');
    emu.advance(10);
    const r = await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SnapshotId] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('快照删除下发任务成功！');
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('deleting');
    expectError(await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SnapshotId] } }), 409, 'InvalidSnapshotStatus', 'deleting');
    emu.advance(5);
    expectError(await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId } }), 404, 'SnapshotNotFound');
    expect(await event(emu, r.body.Data.EventId, 'ebs')).toMatchObject({ EventStatus: 'success', EventType: 'delete_snapshot', TaskList: [{ ResourceId: SnapshotId, ResourceType: 'snapshot' }] });
    expect((await ebs(emu, 'DescribeSnapshotQuota', { params: { DiskId: DATA } })).body.Data.UsedQuota).toBe(0);
    expectError(await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: ['s-nope'] } }), 404, 'SnapshotNotFound');
    expectError(await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [] } }), 400, 'InvalidParameter', 'SnapshotIds');
  });
});

describe('RollbackDiskBySnapshot', () => {
  async function ready(emu: Emulator) {
    const { SnapshotId } = await take(emu);
    emu.advance(10);
    await shutDown(emu);
    return SnapshotId;
  }

  it('disk rollback, snapshot disk_rollback; the instance is started after (AutoTurnOnInstance default 1)', async () => {
    const emu = newEmulator();
    const SnapshotId = await ready(emu);
    const r = await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: DATA, SnapshotId } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('通过快照回滚云盘任务下发成功');
    expect(diskStatus(emu, DATA)).toBe('rollback');
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('disk_rollback');
    expect(await status(emu, WEB)).toBe('shutdown');
    expectError(await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SnapshotId] } }), 409, 'InvalidSnapshotStatus', 'disk_rollback');
    emu.advance(15);
    expect(await status(emu, WEB)).toBe('running'); // (a call settles what is due)
    expect(diskStatus(emu, DATA)).toBe('running');
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('running');
    expect(await event(emu, r.body.Data.EventId, 'ebs')).toMatchObject({ EventStatus: 'success', EventType: 'rollback_disk' });
  });

  it('AutoTurnOnInstance 0 leaves it shut down; NewSnapshot takes one first; the heading spelling RollbackDiskBySnapShot is accepted too', async () => {
    const emu = newEmulator();
    const SnapshotId = await ready(emu);
    const r = await ebs(emu, 'RollbackDiskBySnapShot', { body: { DiskId: DATA, SnapshotId, AutoTurnOnInstance: 0, NewSnapshot: { SnapshotName: 'before-rollback' } } });
    expect(r.status, r.text).toBe(200);
    const taken = account(emu).DiskSnapshots.find((s) => s.SnapshotName === 'before-rollback')!;
    expect(taken.Status).toBe('creating');
    emu.advance(15);
    expect(await status(emu, WEB)).toBe('shutdown');
    expect((await snapshot(emu, taken.SnapshotId)).SnapshotStatus).toBe('running');
  });

  it('refusals change nothing: instance running, wrong disk, snapshot not running, unknown snapshot', async () => {
    const emu = newEmulator();
    const { SnapshotId } = await take(emu);
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: DATA, SnapshotId } }), 409, 'InvalidSnapshotStatus', 'creating');
    emu.advance(10);
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: DATA, SnapshotId } }), 409, 'InvalidInstanceStatus', 'running');
    await shutDown(emu);
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: SYS, SnapshotId } }), 400, 'InvalidParameter', 'DiskId');
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: DATA, SnapshotId: 's-nope' } }), 404, 'SnapshotNotFound');
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: DATA } }), 400, 'MissingParameter', 'SnapshotId');
    expect(diskStatus(emu, DATA)).toBe('running');
    expect((await snapshot(emu, SnapshotId)).SnapshotStatus).toBe('running');
    expect(await status(emu, WEB)).toBe('shutdown');
  });
});
