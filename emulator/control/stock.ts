import { z } from 'zod';
import { EmulatorError } from '../errors';
import { familiesOfZone, findAz, setStock, specKey, type Catalog } from '../store/catalog';

// `POST /_emulator/stock`: marks one spec of a zone sold out or back on sale. The zone's
// spec list shows it; an instance order refuses a sold-out spec with SpecSoldOut.

export const StockSchema = z
  .object({
    AvailableZoneCode: z.string().min(1),
    EcsFamilyName: z.string().min(1),
    Cpu: z.number().int().min(1),
    Ram: z.number().int().min(1),
    Gpu: z.number().int().min(0).default(0),
    Status: z.enum(['SELL', 'SELLOUT']),
  })
  .strict();

/** Sets the stock of a spec the catalogue sells; an unknown zone, family or spec is refused (400). */
export function applyStock(catalog: Catalog, body: z.output<typeof StockSchema>): { SoldOut: string[] } {
  if (!findAz(catalog, body.AvailableZoneCode)) throw new EmulatorError('InvalidParameter', `AvailableZoneCode: unknown availability zone ${body.AvailableZoneCode}`);
  const family = familiesOfZone(catalog, body.AvailableZoneCode).find((f) => f.EcsFamilyName === body.EcsFamilyName);
  if (!family) throw new EmulatorError('InvalidParameter', `EcsFamilyName: no family ${body.EcsFamilyName} in ${body.AvailableZoneCode}`);
  if (!family.SpecList.some((s) => s.Cpu === body.Cpu && s.Ram === body.Ram && s.Gpu === body.Gpu))
    throw new EmulatorError('InvalidParameter', `Cpu/Ram/Gpu: family ${body.EcsFamilyName} has no spec ${specKey(body)}`);
  setStock(catalog, body, body.Status);
  return { SoldOut: [...catalog.SoldOut] };
}
