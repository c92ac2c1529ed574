import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { DescribeSnapshotChainResult, SnapshotChainInfo } from '../../../openapi/models';
import { call, ctl, event, expectComplete, expectError, newEmulator } from '../../helpers/emulator-client';

// Snapshot chains, CreateImageBySnapshot and CopySnapshotCrossAZ against the default seed, whose
// shut-down ins-month-cpu-ssd (CN_Hohhot_B) has the running snapshot SEED of its system disk.

const SEED = 's-disk-month-cpu-ssd-sys-seed-01';
const SEED_CHAIN = 'sl-disk-month-cpu-ssd-sys-seed';
const SYS = 'disk-month-cpu-ssd-sys';
const DATA = 'disk-demand-cpu-ssd-data';

const ebs = (emu: Emulator, action: string, o: { body?: unknown; params?: Record<string, string> } = {}) => call(emu, action, { service: 'ebs', ...o });
const images = async (emu: Emulator) => (await call(emu, 'DescribeImages', { version: 'v1.1' })).body.Data.ImageList as { ImageId: string; ImageName: string; TemplateType: string; AvailableZoneCode: string; OsSize: number }[];

describe('DescribeSnapshotChainList, DescribeSnapshotChain', () => {
  it('one chain per disk and zone, with both count spellings in the list; the chain by id or by disk, paged', async () => {
    const emu = newEmulator();
    const list = await ebs(emu, 'DescribeSnapshotChainList', { params: { DiskId: SYS } });
    expect(list.status, list.text).toBe(200);
    expect(list.body).toMatchObject({ Msg: '获取快照链列表成功！', TotalCount: 1, PageNumber: 1, PageSize: 20 });
    const row = list.body.Data.SnapshotChainList[0];
    expectComplete(SnapshotChainInfo, row);
    expect(row).toMatchObject({ SnapshotChainId: SEED_CHAIN, InstanceId: 'ins-month-cpu-ssd', DiskProperty: 'system', SnapshotNum: 1, SnapshotNumber: 1, SnapshotSize: 0, BillingMethod: '0' });
    expect((await ebs(emu, 'DescribeSnapshotChainList', { params: { InstanceId: 'ins-month-cpu-ssd' } })).body.TotalCount).toBe(1);
    expect((await ebs(emu, 'DescribeSnapshotChainList', { params: { AvailableZoneCode: 'CN_Suqian_A' } })).body.Data.SnapshotChainList.map((c: SnapshotChainInfo) => c.DiskId)).toEqual(['disk-demand-gpu-ssd-sys']);
    expectError(await ebs(emu, 'DescribeSnapshotChainList', { params: { AvailableZoneCode: 'CN_Nowhere' } }), 400, 'InvalidParameter', 'AvailableZoneCode');

    for (let n = 0; n < 2; n++) {
      expect((await ebs(emu, 'CreateSnapshot', { body: { DiskId: SYS } })).status).toBe(200);
      emu.advance(10);
    }
    const chain = await ebs(emu, 'DescribeSnapshotChain', { params: { SnapshotChainId: SEED_CHAIN, PageSize: '2', PageNumber: '2' } });
    expect(chain.status, chain.text).toBe(200);
    expect(chain.body).toMatchObject({ Msg: '获取获取快照链详情！', PageNumber: 2, PageSize: 2, TotalCount: 3 });
    expectComplete(DescribeSnapshotChainResult.omit({ PageNumber: true, PageSize: true, TotalCount: true, SnapshotNumber: true }), chain.body.Data);
    expect(chain.body.Data).toMatchObject({ SnapshotChainId: SEED_CHAIN, SnapshotNum: 3, SnapshotSize: '0.00GB' });
    expect(chain.body.Data.SnapshotList.map((s: { SnapshotId: string }) => s.SnapshotId)).toEqual(['s-disk-month-cpu-ssd-sys-seed-03']);
    expect((await ebs(emu, 'DescribeSnapshotChain', { params: { DiskId: SYS } })).body.Data.SnapshotChainId).toBe(SEED_CHAIN);
    expectError(await ebs(emu, 'DescribeSnapshotChain', { params: { SnapshotChainId: 'sl-nope' } }), 404, 'SnapshotNotFound');
    expectError(await ebs(emu, 'DescribeSnapshotChain', { params: {} }), 400, 'MissingParameter', 'SnapshotChainId or DiskId');
  });
});

describe('CreateImageBySnapshot', () => {
  it('a system-disk snapshot becomes a private image once the event ended; DeleteSnapshot with DeleteBindImages takes it along', async () => {
    const emu = newEmulator();
    const r = await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId: SEED, ImageName: 'from-snapshot' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('系统盘快照创建镜像成功！');
    const { ImageId, EventId } = r.body.Data;
    expect((await images(emu)).map((i) => i.ImageId)).not.toContain(ImageId);
    emu.advance(20);
    expect(await event(emu, EventId, 'ebs')).toMatchObject({ EventStatus: 'success', EventType: 'create_image_by_snapshot', TaskList: [{ ResourceId: SEED, ResourceType: 'snapshot' }] });
    expect((await images(emu)).find((i) => i.ImageId === ImageId)).toMatchObject({ ImageName: 'from-snapshot', TemplateType: 'private', AvailableZoneCode: 'CN_Hohhot_B', OsSize: 48 });

    // Without DeleteBindImages the image stays; with it, it goes at once.
    const { SnapshotId } = (await ebs(emu, 'CreateSnapshot', { body: { DiskId: SYS } })).body.Data;
    emu.advance(10);
    const second = (await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId, ImageName: 'second-from-snapshot' } })).body.Data.ImageId;
    emu.advance(20);
    expect((await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SnapshotId] } })).status).toBe(200);
    expect((await images(emu)).map((i) => i.ImageId)).toContain(second);
    expect((await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SEED], DeleteBindImages: true } })).status).toBe(200);
    expect((await images(emu)).map((i) => i.ImageId)).not.toContain(ImageId);
  });

  it('refusals change nothing: data-disk snapshot, snapshot not running, a name the zone has, unknown snapshot', async () => {
    const emu = newEmulator();
    const before = (await images(emu)).length;
    const { SnapshotId } = (await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA } })).body.Data;
    emu.advance(10);
    expectError(await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId, ImageName: 'x-data' } }), 400, 'UnsupportedOperation', 'data disk');
    expectError(await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId: SEED, ImageName: 'web-golden-centos7.9' } }), 400, 'InvalidParameter', 'ImageName');
    expectError(await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId: 's-nope', ImageName: 'x' } }), 404, 'SnapshotNotFound');
    expect((await ebs(emu, 'DeleteSnapshot', { body: { SnapshotIds: [SEED] } })).status).toBe(200);
    expectError(await ebs(emu, 'CreateImageBySnapshot', { body: { SnapshotId: SEED, ImageName: 'x-deleting' } }), 409, 'InvalidSnapshotStatus', 'deleting');
    expect((await images(emu)).length).toBe(before);
  });
});

describe('CopySnapshotCrossAZ', () => {
  it('the copy starts the disk\'s chain in the target zone: creating → running, on the quota; a rollback cannot use it', async () => {
    const emu = newEmulator();
    const r = await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId: SEED, AvailableZoneCode: 'CN_Suqian_A' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('快照复制成功！');
    const copy = r.body.Data.SnapshotId as string;
    expect(copy).toMatch(new RegExp(`^s-${SYS}-[a-z0-9]{4}-01$`));
    const info = async () => (await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId: copy } })).body.Data.SnapshotInfo;
    expect(await info()).toMatchObject({ SnapshotStatus: 'creating', AvailableZoneCode: 'CN_Suqian_A', RegionCode: 'CN_Suqian', DiskId: SYS });
    emu.advance(20);
    expect((await info()).SnapshotStatus).toBe('running');
    expect(await event(emu, r.body.Data.EventId, 'ebs')).toMatchObject({ EventStatus: 'success', EventType: 'copy_snapshot' });
    expect((await ebs(emu, 'DescribeSnapshotChainList', { params: { DiskId: SYS } })).body.TotalCount).toBe(2);
    expect((await ebs(emu, 'DescribeSnapshotQuota', { params: { DiskId: SYS } })).body.Data.UsedQuota).toBe(2);
    expectError(await ebs(emu, 'RollbackDiskBySnapshot', { body: { DiskId: SYS, SnapshotId: copy } }), 400, 'InvalidParameter', 'CN_Suqian_A');
  });

  it('refusals change nothing: same zone, unknown zone, unknown snapshot, snapshot not running', async () => {
    const emu = newEmulator();
    const count = () => emu.store.account('test-ak')!.DiskSnapshots.length;
    const before = count();
    expectError(await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId: SEED, AvailableZoneCode: 'CN_Hohhot_B' } }), 400, 'InvalidParameter', 'already');
    expectError(await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId: SEED, AvailableZoneCode: 'CN_Nowhere' } }), 400, 'InvalidParameter', 'CN_Nowhere');
    expectError(await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId: 's-nope', AvailableZoneCode: 'CN_Suqian_A' } }), 404, 'SnapshotNotFound');
    expectError(await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId: SEED } }), 400, 'MissingParameter', 'AvailableZoneCode');
    expect(count()).toBe(before);
    const { SnapshotId } = (await ebs(emu, 'CreateSnapshot', { body: { DiskId: DATA } })).body.Data;
    expectError(await ebs(emu, 'CopySnapshotCrossAZ', { body: { SnapshotId, AvailableZoneCode: 'CN_Suqian_A' } }), 409, 'InvalidSnapshotStatus', 'creating');
    expect(count()).toBe(before + 1);
  });
});

describe('faults aimed at a snapshot or image id', () => {
  it('strike only the calls naming that id, as a per-instance fault does', async () => {
    const emu = newEmulator();
    expect((await ctl(emu, 'POST', '/faults', { Action: 'DescribeSnapshot', EcsId: SEED, Status: 503 })).status).toBeLessThan(300);
    expectError(await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId: SEED } }), 503, 'ServiceUnavailable');
    expect((await ebs(emu, 'DescribeSnapshot', { params: { SnapshotId: 's-disk-demand-gpu-ssd-sys-seed-01' } })).status).toBe(200);
    expect((await ctl(emu, 'POST', '/faults', { Action: 'DeleteImage', EcsId: 'img-private-web-e100001', Status: 500 })).status).toBeLessThan(300);
    expect((await call(emu, 'DeleteImage', { body: { ImageIds: ['img-private-web-e100001'] } })).status).toBe(500);
    expect((await images(emu)).map((i) => i.ImageId)).toContain('img-private-web-e100001');
  });
});
