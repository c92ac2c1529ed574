import { z } from '@hono/zod-openapi';
import { BillingMethod, OpType, binaryFlag } from './common';
import { resourceId } from './ids';

// Request models of the nine SDK methods, with the SDK's own checks. The gateway validates REST
// input with them (or with a pick of them) and the emulator validates wire input with the same.

// Ids of instances, disks and events are short ASCII tokens (ins-…, disk-…, UUIDs). Checking their
// form here answers a wrong id with 400 at once instead of sending it upstream.
export const MAX_IDS_PER_CALL = 100;
/** The largest request body the gateway reads (the emulator has its own, EMULATOR_MAX_BODY_BYTES); a valid one is a few KB. */
export const GATEWAY_MAX_BODY_BYTES = 64 * 1024;
export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

// Numbers are safe integers with these maxima: far above any real instance or disk (upstream
// keeps its own, lower limits), low enough that float arithmetic stays exact (a multiple-of-8
// check on 9007199254740991 would pass otherwise).
export const INPUT_MAXIMA = { Cpu: 1024, Ram: 16_384, Gpu: 64, ExtendedSize: 65_536, PageNumber: 1_000_000, PageSize: 1000 } as const;
export const bounded = (name: keyof typeof INPUT_MAXIMA, min: number) =>
  z
    .number()
    .int({ message: 'must be a safe integer', abort: true })
    .min(min, `must be at least ${min}`)
    .max(INPUT_MAXIMA[name], `must be at most ${INPUT_MAXIMA[name]}`);

const EcsId = resourceId('an instance').openapi({ description: 'Instance id (实例ID).', example: 'ins-demand-cpu-ssd' });
export const EcsIdList = z
  .array(resourceId('an instance'))
  .min(1, 'must list at least one instance id')
  .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} instance ids`)
  .openapi({ description: `Instance ids (实例ID列表), 1–${MAX_IDS_PER_CALL}.`, example: ['ins-demand-cpu-ssd'] });
export const AvailableZoneCode = text(64).min(1, 'must not be empty').openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' });

export const DescribeTaskEventReq = z
  .object({ EventId: resourceId('an event').openapi({ description: 'Event id (事件id).', example: '2d01ed16-1231-11ed-b805-ae32005fa3a1' }) })
  .openapi('DescribeTaskEventReq');
export type DescribeTaskEventReq = z.infer<typeof DescribeTaskEventReq>;

export const DescribeInstanceListReq = z
  .object({
    AvailableZoneCode: text(64).optional().openapi({ description: 'Filter by availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    VpcId: text(128).optional().openapi({ description: 'Filter by VPC id.' }),
    SearchInfo: text(128).optional().openapi({ description: 'Search by instance id, name or private IP (搜索信息), at most 128 characters.' }),
    EcsIds: z
      .array(resourceId('an instance'))
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} instance ids`)
      .optional()
      .openapi({ description: `Only these instance ids (批量实例ID筛选), at most ${MAX_IDS_PER_CALL}.` }),
    PageNumber: bounded('PageNumber', 1).optional().openapi({ description: `Page number, 1–${INPUT_MAXIMA.PageNumber}. Without paging parameters every row is returned.`, example: 1 }),
    PageSize: bounded('PageSize', 1).optional().openapi({ description: `Rows per page (1–${INPUT_MAXIMA.PageSize}).`, example: 20 }),
  })
  .openapi('DescribeInstanceListReq');
export type DescribeInstanceListReq = z.infer<typeof DescribeInstanceListReq>;

export const DescribeInstanceReq = z.object({ EcsId }).openapi('DescribeInstanceReq');
export type DescribeInstanceReq = z.infer<typeof DescribeInstanceReq>;

export const OperateInstanceReq = z
  .object({
    EcsIds: EcsIdList,
    OpType,
    DeleteEip: binaryFlag
      .default(0)
      .openapi({ description: 'Only for free_shutdown_ecs: 1 releases the public IPs, 0 keeps them (公网释放选项).', example: 0 }),
  })
  .openapi('OperateInstanceReq');
export type OperateInstanceReq = z.infer<typeof OperateInstanceReq>;

export const ModifyInstanceNameReq = z
  .object({
    EcsId,
    Name: z.string().trim().min(1, 'must not be empty').max(64).openapi({ description: 'New instance name (新实例名称), 1–64 characters.', example: 'web-01' }),
  })
  .openapi('ModifyInstanceNameReq');
export type ModifyInstanceNameReq = z.infer<typeof ModifyInstanceNameReq>;

export const DescribeEcsFamilyInfoReq = z
  .object({
    AvailableZoneCode,
    BillingMethod,
  })
  .openapi('DescribeEcsFamilyInfoReq');
export type DescribeEcsFamilyInfoReq = z.infer<typeof DescribeEcsFamilyInfoReq>;

export const ChangeInstanceConfigureReq = z
  .object({
    EcsIds: EcsIdList,
    AvailableZoneCode,
    EcsFamilyName: text(64).min(1, 'must not be empty').openapi({ description: 'Target family name (实例规格族名称).', example: 'Cpu计算型C4' }),
    Cpu: bounded('Cpu', 1).openapi({ description: `Target CPU cores (CPU核心数), 1–${INPUT_MAXIMA.Cpu}.`, example: 4 }),
    Ram: bounded('Ram', 1).openapi({ description: `Target memory in GB (内存大小), 1–${INPUT_MAXIMA.Ram}.`, example: 8 }),
    Gpu: bounded('Gpu', 0).default(0).openapi({ description: `Target GPU cards (GPU数量), 0–${INPUT_MAXIMA.Gpu}; 0 for CPU instances.`, example: 0 }),
  })
  .openapi('ChangeInstanceConfigureReq');
export type ChangeInstanceConfigureReq = z.infer<typeof ChangeInstanceConfigureReq>;

export const ExtendDiskReq = z
  .object({
    DiskId: resourceId('a disk').openapi({ description: 'Disk id (磁盘ID).', example: 'disk-demand-cpu-ssd-data' }),
    ExtendedSize: bounded('ExtendedSize', 8)
      .multipleOf(8, 'must be a multiple of 8')
      .openapi({ description: `New total size in GB (扩展后的大小): a multiple of 8, larger than the current size, at most ${INPUT_MAXIMA.ExtendedSize}.`, example: 104, multipleOf: 8 }),
  })
  .openapi('ExtendDiskReq');
export type ExtendDiskReq = z.infer<typeof ExtendDiskReq>;

export const DeleteInstanceReq = z
  .object({
    EcsIds: EcsIdList,
    DeleteEip: binaryFlag
      .default(0)
      .openapi({ description: '1 also releases the public IPs bound to the instances, 0 only unbinds them (default).', example: 0 }),
  })
  .openapi('DeleteInstanceReq');
export type DeleteInstanceReq = z.input<typeof DeleteInstanceReq>;

/**
 * A login password. The public documents give no composition rule, so only presence and length
 * are checked here; the messages never repeat the value.
 */
export const MAX_PASSWORD_LENGTH = 128;
export const Password = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
  .openapi({
    description: `Login password (登录密码), 1–${MAX_PASSWORD_LENGTH} characters. A secret: never logged, stored or answered.`,
    format: 'password',
    example: 'Ecs-Demo-2026!',
  });

export const ModifyInstancePasswordReq = z
  .object({ EcsIds: EcsIdList, Password })
  .openapi('ModifyInstancePasswordReq');
export type ModifyInstancePasswordReq = z.infer<typeof ModifyInstancePasswordReq>;

export const DescribeInstanceStatusReq = z.object({ EcsIds: EcsIdList }).openapi('DescribeInstanceStatusReq');
export type DescribeInstanceStatusReq = z.infer<typeof DescribeInstanceStatusReq>;
