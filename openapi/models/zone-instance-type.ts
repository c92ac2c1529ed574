import { z } from '@hono/zod-openapi';
import { fixedValues } from './common';
import { AvailableZoneCode, bounded, text } from './requests';

// Which specs of an availability zone are on sale (SELL) or sold out
// (SELLOUT). An instance order refuses a sold-out spec.

export const SpecStock = fixedValues(['SELL', 'SELLOUT']).openapi('SpecStock', { description: 'Stock of a spec: `SELL` on sale (销售中), `SELLOUT` sold out (已售罄).', example: 'SELL' });
export type SpecStock = z.infer<typeof SpecStock>;

export const DescribeZoneInstanceTypeReq = z
  .object({
    AvailableZoneCode,
    EcsFamilyName: text(64).optional().openapi({ description: 'Only this family (规格族名称).', example: 'Cpu计算型C4' }),
    Cpu: bounded('Cpu', 1).optional().openapi({ description: 'Only specs with this many CPU cores.', example: 4 }),
    Ram: bounded('Ram', 1).optional().openapi({ description: 'Only specs with this much memory (GB).', example: 8 }),
    Gpu: bounded('Gpu', 0).optional().openapi({ description: 'Only specs with this many GPU cards.', example: 0 }),
  })
  .openapi('DescribeZoneInstanceTypeReq');
export type DescribeZoneInstanceTypeReq = z.infer<typeof DescribeZoneInstanceTypeReq>;

export const ZoneSpec = z
  .object({
    Cpu: z.number().int().openapi({ description: 'CPU cores.', example: 4 }),
    Ram: z.number().int().openapi({ description: 'Memory in GB.', example: 8 }),
    Gpu: z.number().int().openapi({ description: 'GPU cards.', example: 0 }),
    GpuType: z.string().openapi({ description: 'GPU model (GPU类型); empty for CPU specs.', example: '' }),
    SupportGpuDriver: z.string().openapi({ description: 'Supported GPU driver; empty for CPU specs.', example: '' }),
    Status: SpecStock,
    CpuName: z.string().openapi({ description: 'Processor (CPU名称).', example: 'Intel第八代处理器' }),
  })
  .openapi('ZoneSpec');
export type ZoneSpec = z.infer<typeof ZoneSpec>;

export const ZoneInstanceType = z
  .object({
    EcsFamilyName: z.string().openapi({ description: 'Family name.', example: 'Cpu计算型C4' }),
    AvailableZone: z.string().openapi({ description: 'The availability zone display name (not its code).', example: '呼和浩特B' }),
    SpecList: z.array(ZoneSpec).openapi({ description: 'Specs of the family in this zone with their stock.' }),
  })
  .openapi('ZoneInstanceType');
export type ZoneInstanceType = z.infer<typeof ZoneInstanceType>;

export const DescribeZoneInstanceTypeResult = z
  .object({ ZoneInstanceTypes: z.array(ZoneInstanceType).openapi({ description: 'Families of the zone with their specs and stock.' }) })
  .openapi('DescribeZoneInstanceTypeResult');
