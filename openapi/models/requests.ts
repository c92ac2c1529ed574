import { z } from '@hono/zod-openapi';
import { BillingMethod, OpType } from './common';

// Request models of the nine SDK methods, with the SDK's own checks. The gateway validates REST
// input with them (or with a pick of them) and the emulator validates wire input with the same.

const EcsId = z.string().min(1, 'must not be empty').openapi({ description: 'Instance id (实例ID).', example: 'ins-tevgfaaronl12h11' });
const EcsIdList = z
  .array(z.string().min(1, 'must not be empty'))
  .min(1, 'must list at least one instance id')
  .openapi({ description: 'Instance ids (实例ID列表).', example: ['ins-tevgfaaronl12h11'] });

export const DescribeTaskEventReq = z
  .object({ EventId: z.string().min(1, 'must not be empty').openapi({ description: 'Event id (事件id).' }) })
  .openapi('DescribeTaskEventReq');
export type DescribeTaskEventReq = z.infer<typeof DescribeTaskEventReq>;

export const DescribeInstanceListReq = z
  .object({
    AvailableZoneCode: z.string().optional().openapi({ description: 'Filter by availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    VpcId: z.string().optional().openapi({ description: 'Filter by VPC id.' }),
    SearchInfo: z.string().optional().openapi({ description: 'Search by instance id, name or private IP (搜索信息).' }),
    EcsIds: z.array(z.string().min(1)).optional().openapi({ description: 'Only these instance ids (批量实例ID筛选).' }),
    PageNumber: z.number().int().min(1).optional().openapi({ description: 'Page number, from 1. Without paging parameters every row is returned.', example: 1 }),
    PageSize: z.number().int().min(1).max(1000).optional().openapi({ description: 'Rows per page (1–1000).', example: 20 }),
  })
  .openapi('DescribeInstanceListReq');
export type DescribeInstanceListReq = z.infer<typeof DescribeInstanceListReq>;

export const DescribeInstanceReq = z.object({ EcsId }).openapi('DescribeInstanceReq');
export type DescribeInstanceReq = z.infer<typeof DescribeInstanceReq>;

export const OperateInstanceReq = z
  .object({
    EcsIds: EcsIdList,
    OpType,
    DeleteEip: z
      .union([z.literal(0), z.literal(1)])
      .default(0)
      .openapi({ description: 'Only for free_shutdown_ecs: 1 releases the public IPs, 0 keeps them (公网释放选项).', example: 0 }),
  })
  .openapi('OperateInstanceReq');
export type OperateInstanceReq = z.input<typeof OperateInstanceReq>;

export const ModifyInstanceNameReq = z
  .object({
    EcsId,
    Name: z.string().trim().min(1, 'must not be empty').max(64).openapi({ description: 'New instance name (新实例名称), 1–64 characters.', example: 'web-01' }),
  })
  .openapi('ModifyInstanceNameReq');
export type ModifyInstanceNameReq = z.infer<typeof ModifyInstanceNameReq>;

export const DescribeEcsFamilyInfoReq = z
  .object({
    AvailableZoneCode: z.string().min(1, 'must not be empty').openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    BillingMethod,
  })
  .openapi('DescribeEcsFamilyInfoReq');
export type DescribeEcsFamilyInfoReq = z.infer<typeof DescribeEcsFamilyInfoReq>;

export const ChangeInstanceConfigureReq = z
  .object({
    EcsIds: EcsIdList,
    AvailableZoneCode: z.string().min(1, 'must not be empty').openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    EcsFamilyName: z.string().min(1, 'must not be empty').openapi({ description: 'Target family name (实例规格族名称).', example: 'Cpu计算型C4' }),
    Cpu: z.number().int().min(1).openapi({ description: 'Target CPU cores (CPU核心数), at least 1.', example: 4 }),
    Ram: z.number().int().min(1).openapi({ description: 'Target memory in GB (内存大小), at least 1.', example: 8 }),
    Gpu: z.number().int().min(0).default(0).openapi({ description: 'Target GPU cards (GPU数量); 0 for CPU instances.', example: 0 }),
  })
  .openapi('ChangeInstanceConfigureReq');
export type ChangeInstanceConfigureReq = z.input<typeof ChangeInstanceConfigureReq>;

export const ExtendDiskReq = z
  .object({
    DiskId: z.string().min(1, 'must not be empty').openapi({ description: 'Disk id (磁盘ID).', example: 'disk-dj3g8odrnwqdrybj' }),
    ExtendedSize: z
      .number()
      .int()
      .positive()
      .multipleOf(8, 'must be a multiple of 8')
      .openapi({ description: 'New total size in GB (扩展后的大小): a multiple of 8, larger than the current size.', example: 96, multipleOf: 8 }),
  })
  .openapi('ExtendDiskReq');
export type ExtendDiskReq = z.infer<typeof ExtendDiskReq>;
