import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZoneInstanceType } from '../../../openapi/models';
import { call, ctl, expectError, expectModel, newEmulator } from '../../helpers/emulator-client';

// Valid against the default seed: one on-demand C4 2/4 in CN_Hohhot_B.
const ORDER = {
  AvailableZoneCode: 'CN_Hohhot_B',
  EcsFamilyName: 'Cpu计算型C4',
  Cpu: 2,
  Ram: 4,
  BillingMethod: '0',
  ImageId: 'img-centos-7-9-cn-hohhot-b',
  Password: 'Create-Secret-9!',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 },
  VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' },
  SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
};
const C4_2_4 = { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, Gpu: 0 };

const specs = async (emu: ReturnType<typeof newEmulator>, params: Record<string, string>) => {
  const r = await call(emu, 'DescribeZoneInstanceType', { params });
  expect(r.status, r.text).toBe(200);
  return expectModel(z.array(ZoneInstanceType), r.body.Data);
};

describe('DescribeZoneInstanceType', () => {
  it("lists the zone's families with every spec on sale, the zone by its display name", async () => {
    const rows = await specs(newEmulator(), { AvailableZoneCode: 'CN_Hohhot_B' });
    expect(rows.map((r) => r.EcsFamilyName)).toEqual(expect.arrayContaining(['Cpu计算型C4', '专业渲染型rp3', 'GPU渲染型gr4']));
    expect(new Set(rows.map((r) => r.AvailableZone))).toEqual(new Set(['呼和浩特B']));
    expect(rows.flatMap((r) => r.SpecList.map((s) => s.Status))).not.toContain('SELLOUT');
    const gpu = rows.find((r) => r.EcsFamilyName === '专业渲染型rp3')!.SpecList[0]!;
    expect(gpu).toMatchObject({ Gpu: 1, GpuType: 'NVIDIA RTX A5000', SupportGpuDriver: 'Datacenter' });
  });

  it('filters by family, Cpu, Ram and Gpu (query numbers as decimal text)', async () => {
    const emu = newEmulator();
    const rows = await specs(emu, { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: '4', Ram: '8' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.SpecList.map((s) => [s.Cpu, s.Ram, s.Gpu])).toEqual([[4, 8, 0]]);
    expect(await specs(emu, { AvailableZoneCode: 'CN_Hohhot_B', Gpu: '2' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ EcsFamilyName: '专业渲染型rp3' })]),
    );
    expect((await specs(emu, { AvailableZoneCode: 'CN_Hohhot_B', Gpu: '2' })).flatMap((r) => r.SpecList.map((s) => s.Gpu))).toEqual([2, 2]);
  });

  it('refuses a missing or unknown zone', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeZoneInstanceType'), 400, 'MissingParameter');
    expectError(await call(emu, 'DescribeZoneInstanceType', { params: { AvailableZoneCode: 'CN_Nowhere' } }), 400, 'InvalidParameter', 'AvailableZoneCode');
  });

  it('a spec set sold out through the control API shows SELLOUT, CreateInstance refuses it with SpecSoldOut (409); back on sale it is ordered', async () => {
    const emu = newEmulator();
    const set = await ctl(emu, 'POST', '/stock', { ...C4_2_4, Status: 'SELLOUT' });
    expect(set.status, set.text).toBe(200);
    expect(set.body.SoldOut).toEqual(['CN_Hohhot_B/Cpu计算型C4/2/4/0']);
    const c4 = (await specs(emu, { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4' }))[0]!.SpecList;
    expect(c4.find((s) => s.Cpu === 2)!.Status).toBe('SELLOUT');
    expect(c4.filter((s) => s.Cpu !== 2).every((s) => s.Status === 'SELL')).toBe(true);
    // Stock is per zone: the same spec elsewhere is still on sale.
    const suqian = (await specs(emu, { AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'Cpu计算型C4', Cpu: '2' }))[0]!.SpecList;
    expect(suqian[0]!.Status).toBe('SELL');

    const before = emu.store.account('test-ak')!.Instances.size;
    expectError(await call(emu, 'CreateInstance', { body: ORDER }), 409, 'SpecSoldOut', 'sold out');
    expect(emu.store.account('test-ak')!.Instances.size).toBe(before);

    // Changing an instance to the sold-out spec is refused the same way.
    const change = { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4 };
    expectError(await call(emu, 'ChangeInstanceConfigure', { body: change }), 409, 'SpecSoldOut');

    expect((await ctl(emu, 'POST', '/stock', { ...C4_2_4, Status: 'SELL' })).body.SoldOut).toEqual([]);
    // Back on sale, the spec rule passes and only the status rule is left (the instance runs).
    expectError(await call(emu, 'ChangeInstanceConfigure', { body: change }), 409, 'InvalidInstanceStatus');
    expect((await call(emu, 'CreateInstance', { body: ORDER })).status).toBe(200);
  });

  it('the control API refuses a spec the catalogue does not sell; a reset puts everything back on sale', async () => {
    const emu = newEmulator();
    const noSpec = await ctl(emu, 'POST', '/stock', { ...C4_2_4, Cpu: 3, Status: 'SELLOUT' });
    expect([noSpec.status, noSpec.body.Code]).toEqual([400, 'InvalidParameter']);
    expect(noSpec.body.Msg).toContain('no spec');
    expect((await ctl(emu, 'POST', '/stock', { ...C4_2_4, Status: 'GONE' })).status).toBe(400);
    await ctl(emu, 'POST', '/stock', { ...C4_2_4, Status: 'SELLOUT' });
    await ctl(emu, 'POST', '/reset');
    expect((await ctl(emu, 'GET', '/stock')).body.SoldOut).toEqual([]);
  });
});
