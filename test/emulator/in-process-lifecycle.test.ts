import { describe, expect, it } from 'vitest';
import { createInProcessEcsApi } from '../../emulator';
import { EcsError } from '../../openapi/ecs-api';
import { ImageInfo } from '../../openapi/models';
import { AK, ctl, expectModel, newEmulator } from '../helpers/emulator-client';

describe('createInProcessEcsApi: the five lifecycle methods', () => {
  it('images → create → running → password → delete → gone, journaled in-process', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    const imgs = await api.describeImages({ AvailableZoneCode: 'CN_Hohhot_B', ImageIds: ['img-ubuntu-22-04-cn-hohhot-b'] });
    expect(imgs.data.ImageList).toHaveLength(1);
    expectModel(ImageInfo, imgs.data.ImageList[0]);
    const { data } = await api.createInstance({
      AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-ubuntu-22-04-cn-hohhot-b', Password: 'In-Process-1',
      SystemDisk: { DiskFeature: 'ssd', Size: 48 }, DataDisk: [{ DiskFeature: 'ssd', Size: 64 }],
      VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
    });
    const [id] = data.EcsIdSet as [string];
    expect((await api.describeInstanceStatus({ EcsIds: [id] })).data.EcsStatus[id]?.Status).toBe('building');
    emu.advance(15);
    expect((await api.describeInstanceStatus({ EcsIds: [id] })).data.EcsStatus[id]?.Status).toBe('running');
    const pw = await api.modifyInstancePassword({ EcsIds: [id], Password: 'In-Process-2' });
    expect((await api.describeTaskEvent({ EventId: pw.data.EventId })).data.EventType).toBe('reset_pwd');
    await api.deleteInstance({ EcsIds: [id] });
    emu.advance(5);
    const gone = await api.describeInstance({ EcsId: id }).then(() => undefined, (e: unknown) => e);
    expect(gone).toBeInstanceOf(EcsError);
    expect((gone as EcsError).code).toBe('InstanceNotFound');
    const journal = (await ctl(emu, 'GET', '/journal')).body.Entries as { Transport: string; Action: string }[];
    expect(journal.every((e) => e.Transport === 'in-process')).toBe(true);
    expect(journal.map((e) => e.Action)).toContain('CreateInstance');
    expect(JSON.stringify(journal)).not.toContain('In-Process-');
  });

  it('a refusal is an EcsError with the upstream code', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    const e = await api.deleteInstance({ EcsIds: ['ins-month-cpu-ssd'] }).then(() => undefined, (x: unknown) => x);
    expect(e).toMatchObject({ kind: 'business', code: 'UnsupportedOperation', httpStatus: 400 });
  });
});
