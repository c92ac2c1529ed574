import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { call, ctl, event, expectError, newEmulator, status } from '../../helpers/emulator-client';

// Valid against the default seed: one on-demand C4 2/4 with a data disk in CN_Hohhot_B.
const BASE = {
  AvailableZoneCode: 'CN_Hohhot_B',
  EcsFamilyName: 'Cpu计算型C4',
  Cpu: 2,
  Ram: 4,
  BillingMethod: '0',
  ImageId: 'img-centos-7-9-cn-hohhot-b',
  Password: 'Create-Secret-9!',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 },
  DataDisk: [{ DiskFeature: 'ssd', Size: 96 }],
  VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' },
  SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
};
const SUQIAN_A = { AvailableZoneCode: 'CN_Suqian_A', VpcInfo: { VpcId: 'vpc-cn-suqian-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-suqian-a-e100001' } };
const GPU = { ...SUQIAN_A, EcsFamilyName: '专业渲染型rp3', Cpu: 16, Ram: 32, Gpu: 1, ImageId: 'img-ubuntu-20-04-gpu-datacenter-cn-suqian-a', SystemDisk: { DiskFeature: 'ssd', Size: 96 } };

const create = (emu: Emulator, over: Record<string, unknown> = {}) => call(emu, 'CreateInstance', { body: { ...BASE, ...over } });
const detail = async (emu: Emulator, id: string) => (await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data;
const count = (emu: Emulator) => emu.store.account('test-ak')!.Instances.size;

/** Accepted (200 with ids) or refused with InvalidParameter naming `field`, nothing created. */
async function refused(emu: Emulator, over: Record<string, unknown>, field: string) {
  const before = count(emu);
  expectError(await create(emu, over), 400, 'InvalidParameter', field);
  expect(count(emu)).toBe(before);
}
async function accepted(emu: Emulator, over: Record<string, unknown>) {
  const r = await create(emu, over);
  expect(r.status, r.text).toBe(200);
  return r.body.Data as { EventId: string; EcsIdSet: string[] };
}

describe('CreateInstance', () => {
  it('building → running in 15 s under one create_ecs event, one task per instance', async () => {
    const emu = newEmulator();
    const r = await create(emu, { Number: 2 });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Code: 'Success', Msg: '创建云服务器任务下发成功' });
    const { EventId, EcsIdSet } = r.body.Data;
    expect(EcsIdSet).toHaveLength(2);
    for (const id of EcsIdSet) expect(await status(emu, id)).toBe('building');
    const e = await event(emu, EventId);
    expect(e).toMatchObject({ EventType: 'create_ecs', EventTypeDisplay: '创建云服务器', EventStatus: 'doing' });
    expect(e.TaskList.map((t: { ResourceId: string }) => t.ResourceId).sort()).toEqual([...EcsIdSet].sort());
    emu.advance(14);
    expect(await status(emu, EcsIdSet[0])).toBe('building');
    emu.advance(1);
    for (const id of EcsIdSet) expect(await status(emu, id)).toBe('running');
    expect((await event(emu, EventId)).EventStatus).toBe('success');
  });

  it('the new instance shows what was asked: spec, image, network, disks with ids and ReleaseWithInstance', async () => {
    const emu = newEmulator();
    const { EcsIdSet } = await accepted(emu, { DataDisk: [{ DiskFeature: 'ssd', Size: 96, ReleaseWithInstance: 0 }, { DiskFeature: 'ssd', Size: 64 }] });
    const d = await detail(emu, EcsIdSet[0]!);
    expect(d.EcsRule).toMatchObject({ Name: 'Cpu计算型C4', CpuNum: 2, Ram: 4, Gpu: 0 });
    expect(d.OsInfo.ImageId).toBe('img-centos-7-9-cn-hohhot-b');
    expect(d.Pipe).toMatchObject({ VpcId: 'vpc-cn-huhhot-e100001', SubnetId: 'subnet-cn-hohhot-b-e100001' });
    expect(d.Pipe.PrivateNet).toMatch(/^10\.16\./);
    expect(d.Disk.SystemDiskConf).toMatchObject({ Size: 48, DiskFeature: 'ssd', DiskId: expect.stringMatching(/^disk-/) });
    expect(d.Disk.DataDiskConf.map((x: { Id: string; Size: number; ReleaseWithInstance: number }) => [x.Id.startsWith('disk-'), x.Size, x.ReleaseWithInstance])).toEqual([
      [true, 96, 0],
      [true, 64, 1],
    ]);
    expect(d.BillingInfo.BillingMethod).toBe('0');
  });

  it('a FailNextTransition fault set while it builds ends the creation failed (status failed)', async () => {
    const emu = newEmulator();
    const { EventId, EcsIdSet } = await accepted(emu, { Number: 2 });
    const f = await ctl(emu, 'POST', '/faults', { EcsId: EcsIdSet[0], FailNextTransition: true });
    expect(f.status, f.text).toBe(201);
    emu.advance(15);
    expect(await status(emu, EcsIdSet[0]!)).toBe('failed');
    expect(await status(emu, EcsIdSet[1]!)).toBe('running');
    expect((await event(emu, EventId)).EventStatus).toBe('failed');
  });

  it('AZ, family and spec must exist for the AZ and billing method', async () => {
    const emu = newEmulator();
    await refused(emu, { AvailableZoneCode: 'CN_Nowhere_Z' }, 'AvailableZoneCode');
    await refused(emu, { EcsFamilyName: 'No such family' }, 'EcsFamilyName');
    await refused(emu, { Cpu: 3 }, 'Cpu/Ram/Gpu');
    const reset = await ctl(emu, 'POST', '/reset', {
      Families: [{ AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '0', EcsFamilyInfo: [{ EcsFamilyName: 'Cpu计算型C4', SpecList: [{ Cpu: 2, Ram: 4, Gpu: 0, GpuShowType: '', GpuTypeId: '', SupportGpuDriver: '' }] }] }],
    });
    expect(reset.status, reset.text).toBe(200);
    await accepted(emu, {});
    await refused(emu, { BillingMethod: '1' }, 'EcsFamilyName');
  });

  it('the image must exist in that AZ, by ImageId or ImageName', async () => {
    const emu = newEmulator();
    await accepted(emu, { ImageId: 'Ubuntu 22.04 64位' });
    await accepted(emu, { ImageId: 'img-private-web-e100001', SystemDisk: { DiskFeature: 'ssd', Size: 48 } });
    await refused(emu, { ImageId: 'img-centos-7-9-cn-suqian-a' }, 'ImageId');
    await refused(emu, { ImageId: 'img-nope' }, 'ImageId');
  });

  it('another account cannot use a private image, nor a VPC or subnet, of this one', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,other-ak:other-sk' });
    const as = (over: Record<string, unknown>) => call(emu, 'CreateInstance', { body: { ...BASE, ...over }, ak: 'other-ak', sk: 'other-sk' });
    const own = { VpcInfo: { VpcId: 'vpc-cn-huhhot-e100002' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100002' } };
    expect((await as(own)).status).toBe(200);
    expectError(await as({ ...own, ImageId: 'img-private-web-e100001' }), 400, 'InvalidParameter', 'ImageId');
    expectError(await as({}), 400, 'InvalidParameter', 'VpcInfo.VpcId');
    expectError(await as({ SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' }, VpcInfo: own.VpcInfo }), 400, 'InvalidParameter', 'SubnetInfo.SubnetId');
  });

  it('the image suits CPU vs GPU and the GPU driver', async () => {
    const emu = newEmulator();
    await accepted(emu, GPU);
    await refused(emu, { ...GPU, ImageId: 'img-centos-7-9-cn-suqian-a' }, 'ImageId');
    await refused(emu, { ImageId: 'img-ubuntu-20-04-gpu-datacenter-cn-hohhot-b' }, 'ImageId');
    await refused(emu, { ...GPU, ImageId: 'img-windows-10-gpu-geforce-cn-suqian-a' }, 'GeForce');
    await accepted(emu, { ...GPU, EcsFamilyName: 'GPU渲染型gr4', Cpu: 16, Ram: 64, ImageId: 'img-windows-10-gpu-geforce-cn-suqian-a' });
  });

  it('system disk: local only for local-disk families; size at least the image OsSize', async () => {
    const emu = newEmulator();
    const i3 = { EcsFamilyName: 'Cpu密集计算型I3', Cpu: 4, Ram: 4, DataDisk: [] };
    await accepted(emu, { ...i3, SystemDisk: { DiskFeature: 'local', Size: 48 } });
    await refused(emu, { SystemDisk: { DiskFeature: 'local', Size: 48 } }, 'SystemDisk.DiskFeature');
    await accepted(emu, { ImageId: 'img-windows-2019-cn-hohhot-b', SystemDisk: { DiskFeature: 'ssd', Size: 40 } });
    await refused(emu, { ImageId: 'img-windows-2019-cn-hohhot-b', SystemDisk: { DiskFeature: 'ssd', Size: 32 } }, 'SystemDisk.Size');
  });

  it('data disks do not mix local and cloud; local data disks only for local-disk families', async () => {
    const emu = newEmulator();
    const i3 = { EcsFamilyName: 'Cpu密集计算型I3', Cpu: 4, Ram: 4, SystemDisk: { DiskFeature: 'local', Size: 48 } };
    await accepted(emu, { ...i3, DataDisk: [{ DiskFeature: 'local', Size: 96 }, { DiskFeature: 'local', Size: 96 }] });
    await refused(emu, { ...i3, DataDisk: [{ DiskFeature: 'local', Size: 96 }, { DiskFeature: 'ssd', Size: 96 }] }, 'DataDisk');
    await refused(emu, { DataDisk: [{ DiskFeature: 'local', Size: 96 }] }, 'DataDisk.DiskFeature');
  });

  it('VPC and subnet exist, are in the AZ region / AZ, and the subnet is in the VPC', async () => {
    const emu = newEmulator();
    await accepted(emu, { ...SUQIAN_A, ImageId: 'img-centos-7-9-cn-suqian-a' });
    await refused(emu, { VpcInfo: { VpcId: 'vpc-nope' } }, 'VpcInfo.VpcId');
    await refused(emu, { VpcInfo: { VpcId: 'vpc-cn-suqian-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-suqian-a-e100001' } }, 'VpcInfo.VpcId');
    await refused(emu, { SubnetInfo: { SubnetId: 'subnet-nope' } }, 'SubnetInfo.SubnetId');
    const suqianA = { ...SUQIAN_A, ImageId: 'img-centos-7-9-cn-suqian-a' };
    await refused(emu, { ...suqianA, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' } }, 'belongs to VPC');
    await refused(emu, { ...suqianA, SubnetInfo: { SubnetId: 'subnet-cn-suqian-b-e100001' } }, 'is in CN_Suqian_B');
  });

  it('Number 1–100; IpAddress count = Number, in the subnet and free', async () => {
    const emu = newEmulator();
    const { EcsIdSet } = await accepted(emu, { Number: 2, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001', IpAddress: ['10.16.5.1', '10.16.5.2'] } });
    expect((await detail(emu, EcsIdSet[1]!)).Pipe.PrivateNet).toBe('10.16.5.2');
    await refused(emu, { Number: 0 }, 'Number');
    await refused(emu, { Number: 101 }, 'Number');
    await refused(emu, { Number: 2, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001', IpAddress: ['10.16.6.1'] } }, 'IpAddress');
    await refused(emu, { SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001', IpAddress: ['10.17.0.50'] } }, 'SubnetInfo.IpAddress.0');
    await refused(emu, { SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001', IpAddress: ['10.16.5.1'] } }, 'already in use');
  });

  it('monthly: Duration at most 36 and a multiple of 12 above 12; the term sets EndBillTime', async () => {
    const emu = newEmulator();
    const monthly = { BillingMethod: '1', DataDisk: [] };
    const { EcsIdSet } = await accepted(emu, { ...monthly, Duration: 24, IsToMonth: 0 });
    const created = emu.store.account('test-ak')!.Instances.get(EcsIdSet[0]!)!;
    const end = new Date(created.BillEnd!);
    const start = new Date(created.CreateTime);
    expect((end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth()).toBe(24);
    await accepted(emu, { ...monthly, Duration: 7 });
    await refused(emu, { ...monthly, Duration: 18 }, 'Duration');
    await refused(emu, { ...monthly, Duration: 48 }, 'Duration');
    // On demand, Duration means nothing and is not checked against the monthly rules.
    await accepted(emu, { Duration: 18 });
  });

  it('PubnetInfo: a public address per entry; Qos > 0 for fixed bandwidth; bandwidth type matches billing', async () => {
    const emu = newEmulator();
    const { EcsIdSet } = await accepted(emu, { PubnetInfo: [{ SubnetId: 'pub-subnet-1', BandwidthType: 'Bandwidth', Qos: 20, BandwidthConfName: '电信', IpType: '' }] });
    const eips = Object.values((await detail(emu, EcsIdSet[0]!)).Pipe.EipInfo as Record<string, { EipIp: string; CurrentUseQos: number; ConfName: string }>).filter((e) => e.EipIp);
    expect(eips.map((e) => [e.CurrentUseQos, e.ConfName])).toEqual([[20, '电信']]);
    await refused(emu, { PubnetInfo: [{ SubnetId: 'pub-subnet-1', BandwidthType: 'Bandwidth', Qos: 0 }] }, 'Qos');
    await refused(emu, { PubnetInfo: [{ SubnetId: 'pub-subnet-1', BandwidthType: 'BandwidthMonth', Qos: 10 }] }, 'BandwidthType');
    await refused(emu, { PubnetInfo: [{ SubnetId: 'pub-subnet-1' }] }, 'BandwidthType');
    await refused(emu, { Number: 2, PubnetInfo: [{ SubnetId: 'pub-subnet-1', EipIds: ['eip-1'] }] }, 'EipIds');
    await accepted(emu, { PubnetInfo: [{ SubnetId: 'pub-subnet-1', BandwidthType: 'Traffic' }] });
  });

  it('security groups: the account own ones only', async () => {
    const emu = newEmulator();
    await accepted(emu, { SecurityGroups: [{ SecurityGroupId: 'sg-default-e100001' }] });
    await refused(emu, { SecurityGroups: [{ SecurityGroupId: 'sg-nope' }] }, 'SecurityGroups.0.SecurityGroupId');
  });

  it('names: ecs-<date> without Name; Name + StartNumber numbers them; Name alone is shared', async () => {
    const emu = newEmulator();
    const names = async (over: Record<string, unknown>) => {
      const { EcsIdSet } = await accepted(emu, over);
      return Promise.all(EcsIdSet.map(async (id) => (await detail(emu, id)).EcsName));
    };
    const today = new Date(emu.clock.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    expect(await names({ Name: '' })).toEqual([`ecs-${today}`]);
    expect(await names({ Name: 'web', StartNumber: 7, Number: 3 })).toEqual(['web7', 'web8', 'web9']);
    expect(await names({ Name: 'api', Number: 2 })).toEqual(['api', 'api']);
  });

  it('missing or malformed fields are answered with MissingParameter / InvalidParameter', async () => {
    const emu = newEmulator();
    const { Password: _pw, ...noPassword } = BASE;
    expectError(await call(emu, 'CreateInstance', { body: noPassword }), 400, 'MissingParameter', 'Password');
    await refused(emu, { BillingMethod: '3' }, 'BillingMethod');
    await refused(emu, { DataDisk: [{ DiskFeature: 'ssd', Size: 96, ReleaseWithInstance: 1 }], BillingMethod: '1' }, 'ReleaseWithInstance');
  });
});
