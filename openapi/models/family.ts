import { z } from '@hono/zod-openapi';

export const SpecListInfo = z
  .object({
    GpuShowType: z.string().openapi({ description: 'GPU model shown to users (GPU显示类型); empty for CPU specs.', example: 'NVIDIA RTX A5000' }),
    GpuTypeId: z.string().openapi({ description: 'GPU type id (GPU类型ID); empty for CPU specs.', example: '6d103608-79ba-11ec-b4f5-0456e530f43e' }),
    Cpu: z.number().int().openapi({ description: 'CPU cores (CPU核心数).', example: 16 }),
    Ram: z.number().int().openapi({ description: 'Memory in GB (内存大小).', example: 32 }),
    Gpu: z.number().int().openapi({ description: 'GPU cards (GPU数量).', example: 1 }),
    SupportGpuDriver: z.string().openapi({ description: 'Supported GPU driver (支持的GPU驱动); empty for CPU specs.', example: 'Datacenter' }),
  })
  .openapi('SpecListInfo');
export type SpecListInfo = z.infer<typeof SpecListInfo>;

export const FamilyInfo = z
  .object({
    EcsFamilyName: z.string().openapi({ description: 'Instance family name (ECS规格族名称).', example: 'Cpu计算型C4' }),
    SpecList: z.array(SpecListInfo).openapi({ description: 'Specs of the family (规格列表).' }),
  })
  .openapi('FamilyInfo');
export type FamilyInfo = z.infer<typeof FamilyInfo>;
