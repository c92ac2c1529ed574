import type { AzInfo, BillingMethod, FamilyInfo, RegionGroup, RegionInfo, SpecListInfo } from '../../openapi/models';
import { defaultPublicImages } from './images';
import type { FamilyOffer } from './seed';
import type { Catalog, PriceTable, UnitPrice } from './types';

export type { Catalog, PriceTable, UnitPrice };

/** Base unit prices by family; a month costs 600 hours (a sixth off running all 720). */
const FAMILY_UNIT_PRICES: Record<string, { Cpu: number; Ram: number; Gpu: number }> = {
  'Cpu计算型C4': { Cpu: 0.08, Ram: 0.03, Gpu: 0 },
  'Cpu计算型C3': { Cpu: 0.07, Ram: 0.025, Gpu: 0 },
  'Cpu密集计算型I3': { Cpu: 0.09, Ram: 0.03, Gpu: 0 },
  '专业渲染型rp3': { Cpu: 0.08, Ram: 0.03, Gpu: 4.5 },
  '专业渲染型rp2': { Cpu: 0.07, Ram: 0.025, Gpu: 3.8 },
  'GPU渲染型gr4': { Cpu: 0.08, Ram: 0.03, Gpu: 2.6 },
};
const HOURS_PER_MONTH_PRICE = 600;
const unitPrice = (hourly: number, zoneFactor: number): UnitPrice => ({
  Hourly: hourly * zoneFactor,
  Monthly: hourly * zoneFactor * HOURS_PER_MONTH_PRICE,
});

/** Default prices: every zone and family; Suqian's zones a tenth cheaper than Huhhot's. */
export function defaultPrices(regions: RegionGroup[], families: FamilyInfo[]): PriceTable {
  const Specs: PriceTable['Specs'] = [];
  for (const group of regions)
    for (const region of group.RegionList)
      for (const az of region.AzList) {
        const factor = region.RegionCode === 'CN_Suqian' ? 0.9 : 1;
        for (const f of families) {
          const base = FAMILY_UNIT_PRICES[f.EcsFamilyName] ?? { Cpu: 0.08, Ram: 0.03, Gpu: 3 };
          Specs.push({ AvailableZoneCode: az.AvailableZoneCode, EcsFamilyName: f.EcsFamilyName, Cpu: unitPrice(base.Cpu, factor), Ram: unitPrice(base.Ram, factor), Gpu: unitPrice(base.Gpu, factor) });
        }
      }
  return { Specs, Disks: { ssd: unitPrice(0.0015, 1), local: unitPrice(0.001, 1) } };
}

/** What a spec is known by in the stock: zone, family and Cpu/Ram/Gpu. */
export interface SpecRef {
  AvailableZoneCode: string;
  EcsFamilyName: string;
  Cpu: number;
  Ram: number;
  Gpu: number;
}

export const specKey = (s: SpecRef) => `${s.AvailableZoneCode}/${s.EcsFamilyName}/${s.Cpu}/${s.Ram}/${s.Gpu}`;

export const stockOf = (catalog: Catalog, spec: SpecRef): 'SELL' | 'SELLOUT' => (catalog.SoldOut.includes(specKey(spec)) ? 'SELLOUT' : 'SELL');

/** Marks a spec sold out or back on sale. */
export function setStock(catalog: Catalog, spec: SpecRef, status: 'SELL' | 'SELLOUT'): void {
  const key = specKey(spec);
  catalog.SoldOut = catalog.SoldOut.filter((k) => k !== key);
  if (status === 'SELLOUT') catalog.SoldOut.push(key);
}

/** The families sold in a zone for any billing method, each once (the first offer's specs). */
export function familiesOfZone(catalog: Catalog, azCode: string): FamilyInfo[] {
  const byName = new Map<string, FamilyInfo>();
  for (const offer of catalog.Families)
    if (offer.AvailableZoneCode === azCode) for (const f of offer.EcsFamilyInfo) if (!byName.has(f.EcsFamilyName)) byName.set(f.EcsFamilyName, f);
  return [...byName.values()];
}

/** The processor a family's hosts run: the older families (C3, rp2) on the previous generation. */
export const cpuNameOf = (family: string): string => (/[Cc]3|rp2/.test(family) ? 'Intel第八代处理器' : 'Intel第十代处理器');

export interface AzLocation {
  region: RegionInfo;
  az: AzInfo;
}

export function findAz(catalog: Catalog, code: string): AzLocation | undefined {
  for (const group of catalog.Regions)
    for (const region of group.RegionList) {
      const az = region.AzList.find((a) => a.AvailableZoneCode === code);
      if (az) return { region, az };
    }
  return undefined;
}

export function familiesFor(catalog: Catalog, azCode: string, billing: BillingMethod): FamilyInfo[] {
  return catalog.Families.find((o) => o.AvailableZoneCode === azCode && o.BillingMethod === billing)?.EcsFamilyInfo ?? [];
}

/** A stable UUID-shaped id derived from a name (FNV-1a), so SpecFamilyId never changes between resets. */
const stableIds = new Map<string, string>();
const utf8 = new TextEncoder();

export function stableId(name: string): string {
  // Views ask for the same few names (families, specs) on every row: compute each once.
  let id = stableIds.get(name);
  if (id !== undefined) return id;
  const bytes = utf8.encode(name);
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  stableIds.set(name, id);
  return id;
}

const cpu = (Cpu: number, Ram: number): SpecListInfo => ({ GpuShowType: '', GpuTypeId: '', Cpu, Ram, Gpu: 0, SupportGpuDriver: '' });
const A5000 = { GpuShowType: 'NVIDIA RTX A5000', GpuTypeId: '6d103608-79ba-11ec-b4f5-0456e530f43e', SupportGpuDriver: 'Datacenter' };
const RTX4090 = { GpuShowType: 'NVIDIA GeForce RTX 4090', GpuTypeId: '8e1c2a4e-5b7d-11ee-9c1a-0242ac120002', SupportGpuDriver: 'GeForce' };

/**
 * Default families, the same in every AZ and billing method: CPU families on cloud disks (C4, C3),
 * a local-disk CPU family (I3), two GPU families sharing the Datacenter driver (rp3, rp2) and one
 * GPU family on the GeForce driver (gr4), so every spec-change rule can be exercised.
 */
export const DEFAULT_FAMILIES: FamilyInfo[] = [
  { EcsFamilyName: 'Cpu计算型C4', SpecList: [cpu(2, 4), cpu(4, 8), cpu(8, 16), cpu(16, 32)] },
  { EcsFamilyName: 'Cpu计算型C3', SpecList: [cpu(4, 8), cpu(8, 16)] },
  { EcsFamilyName: 'Cpu密集计算型I3', SpecList: [cpu(4, 4), cpu(8, 8), cpu(16, 16)] },
  { EcsFamilyName: '专业渲染型rp3', SpecList: [{ ...A5000, Cpu: 16, Ram: 32, Gpu: 1 }, { ...A5000, Cpu: 32, Ram: 64, Gpu: 2 }] },
  { EcsFamilyName: '专业渲染型rp2', SpecList: [{ ...A5000, Cpu: 16, Ram: 32, Gpu: 1 }, { ...A5000, Cpu: 32, Ram: 64, Gpu: 2 }] },
  { EcsFamilyName: 'GPU渲染型gr4', SpecList: [{ ...RTX4090, Cpu: 16, Ram: 64, Gpu: 1 }] },
];

/** The default local-disk family (I3); every other default family runs on cloud (ssd) disks. */
export const DEFAULT_LOCAL_DISK_FAMILIES = ['Cpu密集计算型I3'];

export const DEFAULT_REGIONS: RegionGroup[] = [
  {
    RegionGroupId: '408fd19e-fa78-11e6-bd9a-30b49e091019',
    RegionGroupName: '中国',
    RegionList: [
      {
        RegionId: 'cdc9be22-a6f8-11eb-be28-ca1003d55bcc',
        RegionName: '呼和浩特',
        RegionCode: 'CN_Huhhot',
        AzList: [{ AzId: 'e5aa47be-da46-11ec-bad2-defff767b3b5', AzName: '呼和浩特B', AvailableZoneCode: 'CN_Hohhot_B' }],
      },
      {
        RegionId: '39c6ed64-8d5f-11ec-9247-5293695d0ddd',
        RegionName: '宿迁',
        RegionCode: 'CN_Suqian',
        AzList: [
          { AzId: 'f7c3c7a6-8d5f-11ec-9311-5293695d0ddd', AzName: '宿迁A', AvailableZoneCode: 'CN_Suqian_A' },
          { AzId: '09a38804-c1ee-11ec-bd22-4641dfd57315', AzName: '宿迁B', AvailableZoneCode: 'CN_Suqian_B' },
        ],
      },
    ],
  },
];

export function defaultCatalog(): Catalog {
  const Families: FamilyOffer[] = [];
  for (const group of DEFAULT_REGIONS)
    for (const region of group.RegionList)
      for (const az of region.AzList)
        for (const billing of ['0', '1'] as const)
          Families.push({ AvailableZoneCode: az.AvailableZoneCode, BillingMethod: billing, EcsFamilyInfo: structuredClone(DEFAULT_FAMILIES) });
  const catalog: Catalog = { Regions: structuredClone(DEFAULT_REGIONS), Families, Images: [], LocalDiskFamilies: [...DEFAULT_LOCAL_DISK_FAMILIES], SoldOut: [], Prices: defaultPrices(DEFAULT_REGIONS, DEFAULT_FAMILIES) };
  catalog.Images = defaultPublicImages(catalog);
  return catalog;
}
