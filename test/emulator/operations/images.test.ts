import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { ImageInfo } from '../../../openapi/models';
import { call, event, expectError, expectModel, newEmulator, operate, status } from '../../helpers/emulator-client';

// CreateImage, DeleteImage and SyncImage against the default seed (account test-ak, CustomerId E100001).

const WEB = 'ins-demand-cpu-ssd'; // running, CN_Hohhot_B, CentOS, 48 GB system disk
const OWN = 'img-private-web-e100001'; // the seed's private image, CN_Hohhot_B
const PUBLIC = 'img-centos-7-9-cn-hohhot-b';

const images = async (emu: Emulator, params: Record<string, string> = {}) =>
  (await call(emu, 'DescribeImages', { version: 'v1.1', params })).body.Data.ImageList as ImageInfo[];
const privateImages = async (emu: Emulator) => (await images(emu)).filter((i) => i.TemplateType === 'private');
const account = (emu: Emulator) => emu.store.account('test-ak')!;

async function createImage(emu: Emulator, body: Record<string, unknown>) {
  const r = await call(emu, 'CreateImage', { body });
  expect(r.status, r.text).toBe(200);
  expect(r.body.Msg).toBe('创建私有镜像成功');
  return r.body.Data as { EventId: string; ImageId: string };
}

describe('CreateImage', () => {
  it('the instance passes through creating_image and returns to its status; the private image is listed once the event ended and CreateInstance takes it', async () => {
    const emu = newEmulator();
    const { EventId, ImageId } = await createImage(emu, { EcsId: WEB, Name: 'web-golden-2026' });
    expect(ImageId).toMatch(/^img-[a-z0-9]{16}$/);
    expect(await status(emu, WEB)).toBe('creating_image');
    expect((await images(emu)).map((i) => i.ImageId)).not.toContain(ImageId);
    expect((await event(emu, EventId)).EventStatus).toBe('doing');

    emu.advance(20);
    expect(await status(emu, WEB)).toBe('running');
    expect(await event(emu, EventId)).toMatchObject({ EventStatus: 'success', EventType: 'create_image', TaskList: [{ ResourceId: WEB, ResourceType: 'ecs' }] });
    const made = (await images(emu)).find((i) => i.ImageId === ImageId)!;
    expectModel(ImageInfo, made);
    expect(made).toMatchObject({ TemplateType: 'private', ImageName: 'web-golden-2026', AvailableZoneCode: 'CN_Hohhot_B', OsType: 'CentOS', OsSize: 48, SupportType: ['cpu'] });

    const created = await call(emu, 'CreateInstance', {
      body: {
        AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId, Password: 'Create-Secret-9!',
        SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
      },
    });
    expect(created.status, created.text).toBe(200);
    const id = created.body.Data.EcsIdSet[0];
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data.OsInfo).toMatchObject({ ImageId, ImageName: 'web-golden-2026' });
  });

  it('a shut-down instance returns to shutdown', async () => {
    const emu = newEmulator();
    expect((await operate(emu, [WEB], 'shutdown_ecs')).status).toBe(200);
    emu.advance(60);
    await createImage(emu, { EcsId: WEB, Name: 'from-shutdown', IsOptimized: 1 });
    expect(await status(emu, WEB)).toBe('creating_image');
    emu.advance(20);
    expect(await status(emu, WEB)).toBe('shutdown');
    expect((await privateImages(emu)).find((i) => i.ImageName === 'from-shutdown')!.IsOptimized).toBe(1);
  });

  it('refusals change nothing: unknown instance, wrong status, a name the zone has, missing Name', async () => {
    const emu = newEmulator();
    const before = (await privateImages(emu)).length;
    expectError(await call(emu, 'CreateImage', { body: { EcsId: 'ins-nope', Name: 'x1' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'CreateImage', { body: { EcsId: WEB, Name: 'web-golden-centos7.9' } }), 400, 'InvalidParameter', 'Name');
    expectError(await call(emu, 'CreateImage', { body: { EcsId: WEB } }), 400, 'MissingParameter', 'Name');
    expect(await status(emu, WEB)).toBe('running');
    await createImage(emu, { EcsId: WEB, Name: 'first' });
    expectError(await call(emu, 'CreateImage', { body: { EcsId: WEB, Name: 'second' } }), 409, 'InvalidInstanceStatus', 'creating_image');
    // A name being made is taken too.
    expectError(await call(emu, 'CreateImage', { body: { EcsId: 'ins-month-cpu-ssd', Name: 'first' } }), 400, 'InvalidParameter', 'Name');
    expect((await privateImages(emu)).length).toBe(before);
  });

  it('a failed event drops the image (FailNextTransition)', async () => {
    const emu = newEmulator();
    account(emu).Instances.get(WEB)!.FailNextTransition = true;
    const { EventId, ImageId } = await createImage(emu, { EcsId: WEB, Name: 'doomed' });
    emu.advance(20);
    expect((await event(emu, EventId)).EventStatus).toBe('failed');
    expect(await status(emu, WEB)).toBe('running');
    expect(account(emu).PrivateImages.map((i) => i.ImageId)).not.toContain(ImageId);
  });
});

describe('DeleteImage', () => {
  it('a private image leaves the listing at once; the event is an image task', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'DeleteImage', { body: { ImageIds: [OWN] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('删除节点镜像成功!');
    expect((await images(emu)).map((i) => i.ImageId)).not.toContain(OWN);
    emu.advance(3);
    expect(await event(emu, r.body.Data.EventId)).toMatchObject({ EventStatus: 'success', EventType: 'delete_image', TaskList: [{ ResourceId: OWN, ResourceType: 'image' }] });
  });

  it('refusals change nothing: public image, unknown image, no copy in the zone, being made, an instance being built from it', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [PUBLIC] } }), 400, 'UnsupportedOperation', 'public');
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: ['img-nope'] } }), 404, 'ImageNotFound');
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [OWN], AvailableZoneCode: 'CN_Suqian_A' } }), 404, 'ImageNotFound', 'CN_Suqian_A');
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [] } }), 400, 'InvalidParameter', 'ImageIds');
    const { ImageId } = await createImage(emu, { EcsId: WEB, Name: 'in-making' });
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [ImageId] } }), 409, 'ImageInUse', 'being made');
    const created = await call(emu, 'CreateInstance', {
      body: {
        AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: OWN, Password: 'Create-Secret-9!',
        SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
      },
    });
    expect(created.status, created.text).toBe(200);
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [OWN] } }), 409, 'ImageInUse', created.body.Data.EcsIdSet[0]);
    expect((await images(emu)).map((i) => i.ImageId)).toContain(OWN);
    emu.advance(60); // built: the image may go now
    expect((await call(emu, 'DeleteImage', { body: { ImageIds: [OWN] } })).status).toBe(200);
  });
});

describe('SyncImage', () => {
  it('copies appear per zone once the event ended, each with its own id; DeleteImage with a zone deletes that copy, without one every copy', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'SyncImage', { body: { ImageId: OWN, AvailableZoneCodes: ['CN_Suqian_A', 'CN_Suqian_B'] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('同步私有镜像成功！');
    expect((await privateImages(emu)).length).toBe(1);
    emu.advance(15);
    const copies = (await privateImages(emu)).filter((i) => i.ImageName === 'web-golden-centos7.9');
    expect(copies.map((i) => i.AvailableZoneCode).sort()).toEqual(['CN_Hohhot_B', 'CN_Suqian_A', 'CN_Suqian_B']);
    expect(new Set(copies.map((i) => i.ImageId)).size).toBe(3);
    expect(await event(emu, r.body.Data.EventId)).toMatchObject({ EventStatus: 'success', EventType: 'sync_image' });

    expect((await call(emu, 'DeleteImage', { body: { ImageIds: [OWN], AvailableZoneCode: 'CN_Suqian_A' } })).status).toBe(200);
    expect((await privateImages(emu)).map((i) => i.AvailableZoneCode).sort()).toEqual(['CN_Hohhot_B', 'CN_Suqian_B']);
    expect((await call(emu, 'DeleteImage', { body: { ImageIds: [OWN] } })).status).toBe(200);
    expect(await privateImages(emu)).toEqual([]);
  });

  it('refusals change nothing: public, unknown, unknown zone, a zone that has it, while copying it cannot be deleted', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'SyncImage', { body: { ImageId: PUBLIC, AvailableZoneCodes: ['CN_Suqian_A'] } }), 400, 'UnsupportedOperation');
    expectError(await call(emu, 'SyncImage', { body: { ImageId: 'img-nope', AvailableZoneCodes: ['CN_Suqian_A'] } }), 404, 'ImageNotFound');
    expectError(await call(emu, 'SyncImage', { body: { ImageId: OWN, AvailableZoneCodes: ['CN_Nowhere'] } }), 400, 'InvalidParameter', 'CN_Nowhere');
    expectError(await call(emu, 'SyncImage', { body: { ImageId: OWN, AvailableZoneCodes: ['CN_Hohhot_B'] } }), 400, 'InvalidParameter', 'already');
    expect(account(emu).PrivateImages.length).toBe(1);
    expect((await call(emu, 'SyncImage', { body: { ImageId: OWN, AvailableZoneCodes: ['CN_Suqian_A'] } })).status).toBe(200);
    expectError(await call(emu, 'DeleteImage', { body: { ImageIds: [OWN] } }), 409, 'ImageInUse');
  });
});
