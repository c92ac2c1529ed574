import { describe, expect, it } from 'vitest';
import { call, ctl, newEmulator } from '../../helpers/emulator-client';

const images = async (emu: ReturnType<typeof newEmulator>, params: Record<string, string> = {}, ak?: string, sk?: string) =>
  (await call(emu, 'DescribeImages', { version: 'v1.1', params, ak, sk })).body.Data.ImageList as { ImageId: string; TemplateType: string; SupportType: string[]; SupportGpuDriver: string; OsType: string; OsSize: number; AvailableZoneCode: string }[];

describe('default seed: networks and images', () => {
  it('each account has a VPC per region with a subnet per AZ; seeded instances live in their AZ subnet', async () => {
    const emu = newEmulator();
    const acct = emu.store.account('test-ak')!;
    expect(acct.Vpcs.map((v) => [v.VpcId, v.Subnets.map((s) => [s.SubnetId, s.AvailableZoneCode])])).toEqual([
      ['vpc-cn-huhhot-e100001', [['subnet-cn-hohhot-b-e100001', 'CN_Hohhot_B']]],
      ['vpc-cn-suqian-e100001', [['subnet-cn-suqian-a-e100001', 'CN_Suqian_A'], ['subnet-cn-suqian-b-e100001', 'CN_Suqian_B']]],
    ]);
    for (const id of ['ins-demand-cpu-ssd', 'ins-demand-gpu-ssd', 'ins-month-gpu-ssd']) {
      const d = (await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data;
      const vpc = acct.Vpcs.find((v) => v.VpcId === d.Pipe.VpcId)!;
      const subnet = vpc.Subnets.find((s) => s.SubnetId === d.Pipe.SubnetId)!;
      expect(subnet.AvailableZoneCode).toBe(d.AvailableZoneCode ?? acct.Instances.get(id)!.AvailableZoneCode);
      const [a, b] = subnet.Cidr.split('.');
      expect(d.Pipe.PrivateNet.startsWith(`${a}.${b}.`)).toBe(true);
    }
  });

  it('another account gets networks and a private image of its own', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,other-ak:other-sk' });
    const other = emu.store.account('other-ak')!;
    expect(other.Vpcs[0]!.VpcId).toBe('vpc-cn-huhhot-e100002');
    const mine = await images(emu, { AvailableZoneCode: 'CN_Hohhot_B' });
    const theirs = await images(emu, { AvailableZoneCode: 'CN_Hohhot_B' }, 'other-ak', 'other-sk');
    expect(mine.filter((i) => i.TemplateType === 'private').map((i) => i.ImageId)).toEqual(['img-private-web-e100001']);
    expect(theirs.filter((i) => i.TemplateType === 'private').map((i) => i.ImageId)).toEqual(['img-private-web-e100002']);
  });

  it('every AZ has public CPU images of several OS types and GPU images for both drivers', async () => {
    const emu = newEmulator();
    for (const az of ['CN_Hohhot_B', 'CN_Suqian_A', 'CN_Suqian_B']) {
      const list = (await images(emu, { AvailableZoneCode: az })).filter((i) => i.TemplateType === 'public');
      expect(list.every((i) => i.AvailableZoneCode === az && i.OsSize > 0)).toBe(true);
      expect(new Set(list.filter((i) => i.SupportType.includes('cpu')).map((i) => i.OsType))).toEqual(new Set(['CentOS', 'Ubuntu', 'Windows']));
      expect(list.filter((i) => i.SupportType.includes('gpu')).map((i) => i.SupportGpuDriver).sort()).toEqual(['Datacenter', 'GeForce']);
    }
  });

  it('seeded instances show a real image of their AZ that suits them', async () => {
    const emu = newEmulator();
    const gpu = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-gpu-ssd' } })).body.Data;
    expect(gpu.OsInfo.ImageId).toBe('img-ubuntu-20-04-gpu-datacenter-cn-suqian-a');
    const cpu = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
    expect(cpu.OsInfo).toMatchObject({ ImageId: 'img-centos-7-9-cn-hohhot-b', ImageName: 'CentOS 7.9 64位', OsType: 'CentOS', Version: '7.9' });
  });

  it('a seed instance naming an image of another AZ, or one that does not suit it, is refused', async () => {
    const emu = newEmulator();
    const wrongAz = await ctl(emu, 'POST', '/reset', { Instances: [{ ImageId: 'img-centos-7-9-cn-suqian-a' }] });
    expect([wrongAz.status, wrongAz.body.Msg]).toEqual([400, expect.stringContaining('ImageId')]);
    const gpuOnCpu = await ctl(emu, 'POST', '/reset', { Instances: [{ ImageId: 'Ubuntu 20.04 64位-GPU-Datacenter' }] });
    expect([gpuOnCpu.status, gpuOnCpu.body.Msg]).toEqual([400, expect.stringContaining('not CPU')]);
    const ok = await ctl(emu, 'POST', '/reset', { Instances: [{ EcsId: 'ins-a', ImageId: 'Ubuntu 22.04 64位' }] });
    expect(ok.status, ok.text).toBe(200);
  });
});
