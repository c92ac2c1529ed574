import { describe, expect, it } from 'vitest';
import { call, ctl, expectError, newEmulator } from '../../helpers/emulator-client';

// C4 in Huhhot: 0.08 per core-hour, 0.03 per GB-hour, ssd 0.0015 per GB-hour; a month is 600 hours.
const QUOTE = { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', SystemDiskInfo: { DiskFeature: 'ssd', Size: 40 } };
const price = (emu: ReturnType<typeof newEmulator>, over: Record<string, unknown> = {}) => call(emu, 'DescribePrice', { body: { ...QUOTE, ...over } });

describe('DescribePrice', () => {
  it('on demand: one hour of the spec and its disks, times Number', async () => {
    const emu = newEmulator();
    const r = await price(emu);
    expect(r.status, r.text).toBe(200);
    // 2×0.08 + 4×0.03 + 40×0.0015 = 0.34
    expect(r.body.Data).toEqual({ PriceUnit: '小时', PriceSymbol: '￥', TotalPrice: 0.34 });
    // + a 100 GB data disk (0.15), three instances
    expect((await price(emu, { DataDiskInfo: [{ DiskFeature: 'ssd', Size: 100 }], Number: 3 })).body.Data.TotalPrice).toBe(1.47);
  });

  it('monthly: 600 hours a month for Duration months; per zone (Suqian a tenth cheaper); GPU cards priced', async () => {
    const emu = newEmulator();
    expect((await price(emu, { BillingMethod: '1', Duration: 2 })).body.Data).toEqual({ PriceUnit: '月', PriceSymbol: '￥', TotalPrice: 408 });
    expect((await price(emu, { AvailableZoneCode: 'CN_Suqian_A' })).body.Data.TotalPrice).toBe(0.31);
    const gpu = await price(emu, { EcsFamilyName: '专业渲染型rp3', Cpu: 16, Ram: 32, Gpu: 1 });
    // 16×0.08 + 32×0.03 + 4.5 + 0.06
    expect(gpu.body.Data.TotalPrice).toBe(6.8);
    // Without a family: the first family of the zone with the spec (C4 2/4).
    expect((await price(emu, { EcsFamilyName: undefined })).body.Data.TotalPrice).toBe(0.34);
  });

  it("CreateInstance's rules: unknown spec, bad Duration, missing system disk, sold-out spec", async () => {
    const emu = newEmulator();
    expectError(await price(emu, { Cpu: 3 }), 400, 'InvalidParameter', 'no spec');
    expectError(await price(emu, { BillingMethod: '1', Duration: 13 }), 400, 'InvalidParameter', 'multiple of 12');
    expectError(await price(emu, { SystemDiskInfo: undefined }), 400, 'MissingParameter', 'SystemDiskInfo');
    expectError(await price(emu, { AvailableZoneCode: 'CN_Nowhere' }), 400, 'InvalidParameter', 'AvailableZoneCode');
    await ctl(emu, 'POST', '/stock', { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, Status: 'SELLOUT' });
    expectError(await price(emu), 409, 'SpecSoldOut');
  });
});
