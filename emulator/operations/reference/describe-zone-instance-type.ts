import { describeZoneInstanceType } from '../../../openapi/operations/families';
import type { ZoneInstanceType } from '../../../openapi/models';
import { invalidParameter } from '../../errors';
import { cpuNameOf, familiesOfZone, findAz, stockOf } from '../../store/catalog';
import { implement } from '../implement';

/** The zone's families (any billing method) and their specs with the stock; filters narrow the specs, families left empty go. */
export const describeZoneInstanceTypeBehaviour = implement(describeZoneInstanceType, {
  message: '获取可用区实例规格成功',
  run: (ctx, req) => {
    const found = findAz(ctx.store.catalog, req.AvailableZoneCode);
    if (!found) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const rows: ZoneInstanceType[] = [];
    for (const family of familiesOfZone(ctx.store.catalog, req.AvailableZoneCode)) {
      if (req.EcsFamilyName !== undefined && family.EcsFamilyName !== req.EcsFamilyName) continue;
      const specs = family.SpecList.filter((s) => (req.Cpu ?? s.Cpu) === s.Cpu && (req.Ram ?? s.Ram) === s.Ram && (req.Gpu ?? s.Gpu) === s.Gpu);
      if (!specs.length) continue;
      rows.push({
        EcsFamilyName: family.EcsFamilyName,
        AvailableZone: found.az.AzName,
        SpecList: specs.map((s) => ({
          Cpu: s.Cpu,
          Ram: s.Ram,
          Gpu: s.Gpu,
          GpuType: s.GpuShowType,
          SupportGpuDriver: s.SupportGpuDriver,
          Status: stockOf(ctx.store.catalog, { AvailableZoneCode: req.AvailableZoneCode, EcsFamilyName: family.EcsFamilyName, ...s }),
          CpuName: cpuNameOf(family.EcsFamilyName),
        })),
      });
    }
    return rows;
  },
});
