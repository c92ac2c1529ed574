import { describe, expect, it } from 'vitest';
import { ImageInfo } from '../../../openapi/models';
import { call, expectError, expectModel, newEmulator } from '../../helpers/emulator-client';

const images = (emu: ReturnType<typeof newEmulator>, params: Record<string, string> = {}) => call(emu, 'DescribeImages', { version: 'v1.1', params });
const ids = (r: { body: { Data: { ImageList: { ImageId: string }[] } } }) => r.body.Data.ImageList.map((i) => i.ImageId);

describe('DescribeImages (GET /ecs/v1.1)', () => {
  it('every image, complete ImageInfo, with paging beside Data', async () => {
    const emu = newEmulator();
    const r = await images(emu);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Code: 'Success', Msg: '获取镜像信息成功！', PageNumber: 1, TotalCount: 16, PageSize: 16 });
    for (const i of r.body.Data.ImageList) expectModel(ImageInfo, i);
  });

  it('AvailableZoneCode filters; an unknown AZ is InvalidParameter', async () => {
    const emu = newEmulator();
    const r = await images(emu, { AvailableZoneCode: 'CN_Suqian_B' });
    expect(new Set(r.body.Data.ImageList.map((i: { AvailableZoneCode: string }) => i.AvailableZoneCode))).toEqual(new Set(['CN_Suqian_B']));
    expect(r.body.Data.ImageList.map((i: { AzName: string }) => i.AzName)[0]).toBe('宿迁B');
    expectError(await images(emu, { AvailableZoneCode: 'CN_Nowhere' }), 400, 'InvalidParameter', 'AvailableZoneCode');
  });

  it('ImageIds is a JSON array string; bad JSON or a non-array is InvalidParameter', async () => {
    const emu = newEmulator();
    expect(ids(await images(emu, { ImageIds: '["img-centos-7-9-cn-hohhot-b","img-private-web-e100001","img-unknown"]' }))).toEqual([
      'img-centos-7-9-cn-hohhot-b',
      'img-private-web-e100001',
    ]);
    expectError(await images(emu, { ImageIds: 'img-centos-7-9-cn-hohhot-b' }), 400, 'InvalidParameter', 'ImageIds');
    expectError(await images(emu, { ImageIds: '{"a":1}' }), 400, 'InvalidParameter', 'ImageIds');
    expectError(await images(emu, { ImageIds: '[1,2]' }), 400, 'InvalidParameter', 'ImageIds');
  });
});
