import { z } from '@hono/zod-openapi';
import { CreateInstanceDataDisk, CreateInstanceSystemDisk, monthlyDurationRule, orderFields } from './create-instance';

// A price quote: what an order would cost. The order's fields keep the instance order's rules (the
// same schemas); the family may be left out (the first family of the zone with the spec).

export const DescribePriceReq = orderFields
  .extend({
    EcsFamilyName: orderFields.shape.EcsFamilyName.optional(),
    SystemDiskInfo: CreateInstanceSystemDisk,
    DataDiskInfo: z.array(CreateInstanceDataDisk.pick({ DiskFeature: true, Size: true })).max(16, 'must list at most 16 data disks').optional().openapi({ description: 'Data disks of each instance.' }),
  })
  .superRefine((v, ctx) => monthlyDurationRule(v, ctx))
  .openapi('DescribePriceReq', { description: 'The would-be order: zone, spec, billing, term, disks and count.' });
export type DescribePriceReq = z.input<typeof DescribePriceReq>;

export const DescribePriceResult = z
  .object({
    PriceUnit: z.string().openapi({ description: 'What TotalPrice covers: `小时` (one hour, on demand) or `月` (the whole monthly term of Duration months).', example: '小时' }),
    PriceSymbol: z.string().openapi({ description: 'Currency symbol.', example: '￥' }),
    TotalPrice: z.number().openapi({ description: 'Price of the whole order (every instance with its disks), two decimals.', example: 0.93 }),
  })
  .openapi('DescribePriceResult');
export type DescribePriceResult = z.infer<typeof DescribePriceResult>;
