import { describePrice } from '../../../openapi/operations/prices';
import { invalidParameter } from '../../errors';
import { findAz, type UnitPrice } from '../../store/catalog';
import { orderedSpec } from '../../state/create-rules';
import { implement } from '../implement';

/**
 * The order's price from the catalogue's table: (cores, memory, cards of the spec + every disk's
 * GB) × unit prices × Number; on demand for one hour, monthly for the whole term of Duration
 * months. The family and spec are checked as an instance order checks them (sold out included).
 */
export const describePriceBehaviour = implement(describePrice, {
  message: '获取价格成功',
  run: (ctx, req) => {
    const catalog = ctx.store.catalog;
    if (!findAz(catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const { family, spec } = orderedSpec(catalog, req);
    const row = catalog.Prices.Specs.find((p) => p.AvailableZoneCode === req.AvailableZoneCode && p.EcsFamilyName === family.EcsFamilyName);
    if (!row) throw invalidParameter('EcsFamilyName', `no price for ${family.EcsFamilyName} in ${req.AvailableZoneCode}`);
    const monthly = req.BillingMethod === '1';
    const of = (u: UnitPrice) => (monthly ? u.Monthly : u.Hourly);
    const disks = [req.SystemDiskInfo, ...(req.DataDiskInfo ?? [])].reduce((sum, d) => sum + d.Size * of(catalog.Prices.Disks[d.DiskFeature]), 0);
    const instance = spec.Cpu * of(row.Cpu) + spec.Ram * of(row.Ram) + spec.Gpu * of(row.Gpu) + disks;
    const total = instance * req.Number * (monthly ? (req.Duration ?? 1) : 1);
    return { PriceUnit: monthly ? '月' : '小时', PriceSymbol: '￥', TotalPrice: Math.round(total * 100) / 100 };
  },
});
