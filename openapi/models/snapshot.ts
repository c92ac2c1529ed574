import { z } from '@hono/zod-openapi';
import { binaryFlag } from './common';
import { UpstreamId, resourceId } from './ids';
import { INPUT_MAXIMA, MAX_IDS_PER_CALL, text } from './requests';

// Disk snapshots and snapshot chains (/ebs/v1): the requests and what they answer.

const page = (what: 'PageNumber' | 'PageSize') =>
  z
    .number()
    .int({ message: 'must be a safe integer', abort: true })
    .min(1, 'must be at least 1')
    .max(INPUT_MAXIMA[what], `must be at most ${INPUT_MAXIMA[what]}`)
    .optional()
    .openapi({ description: what === 'PageNumber' ? 'Page number (页码), default 1.' : 'Rows per page (每页记录数), default 20.', example: what === 'PageNumber' ? 1 : 20 });

const SnapshotId = resourceId('a snapshot').openapi({ description: 'Snapshot id (快照ID), `s-disk-…`.', example: 's-disk-month-cpu-ssd-sys-seed-01' });
const DiskId = resourceId('a disk').openapi({ description: 'Cloud disk id (云盘ID).', example: 'disk-demand-cpu-ssd-data' });
const zone = text(64).min(1, 'must not be empty');

/** 2–max characters of letters, digits, 汉字 and '-', not starting with `auto` (reserved for automatic snapshots). */
const snapshotName = (max: number) =>
  z
    .string()
    .min(2, 'must be at least 2 characters')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9\u4e00-\u9fa5-]+$/, 'may hold only letters, digits, 汉字 and -')
    .refine((s) => !s.toLowerCase().startsWith('auto'), 'must not start with auto (reserved for automatic snapshots)');

/** `Forever`, or a whole number of days. */
const ReservedTime = z
  .string()
  .regex(/^(Forever|[1-9][0-9]{0,4})$/, 'must be Forever or a whole number of days (1–99999)')
  .openapi({ description: 'How long the snapshot is kept (快照保留时间): `Forever`, or days; default `1`.', example: '1' });

export const SnapshotInfo = z
  .object({
    SnapshotId: z.string().openapi({ description: 'Snapshot id (快照ID).', example: 's-disk-demand-cpu-ssd-data-a1b2-01' }),
    SnapshotName: z.string().openapi({ description: 'Snapshot name (快照名称); the id unless one was given.', example: 'before-upgrade' }),
    DiskId: z.string().openapi({ description: 'Disk the snapshot is of (云盘ID).', example: 'disk-demand-cpu-ssd-data' }),
    DiskName: z.string().openapi({ description: 'Disk name (云盘名称).' }),
    DiskProperty: z.string().openapi({ description: 'system (系统盘) or data (数据盘).', example: 'data' }),
    DiskSize: z.number().int().openapi({ description: 'Disk size in GB when the snapshot was taken (盘容量).', example: 96 }),
    CreateTime: z.string().openapi({ description: 'Creation time (快照创建时间), China time `YYYY-MM-DD HH:mm:ss`.', example: '2026-01-15 10:30:00' }),
    ReservedTime: z.string().openapi({ description: '`Forever` or days kept (快照保留时间).', example: '1' }),
    SnapshotStatus: z.string().openapi({ description: 'Snapshot status (快照状态): creating, create_fail, running, deleting, disk_rollback, error, ….', example: 'running' }),
    RegionCode: z.string().openapi({ description: 'Region code (地域Code).', example: 'CN_Huhhot' }),
    AvailableZoneCode: z.string().openapi({ description: 'Availability zone code (可用区Code).', example: 'CN_Hohhot_B' }),
    IsOptimized: z.number().int().optional().openapi({ description: 'Optimisation option on: 1, off: 0 (优化加速); one published answer (DescribeSnapshotChain) leaves it out.', example: 0 }),
  })
  .openapi('SnapshotInfo', { description: 'One disk snapshot (快照).' });
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

const pagingFields = {
  PageNumber: z.number().int().openapi({ description: 'Page number of this answer.', example: 1 }),
  PageSize: z.number().int().openapi({ description: 'Rows per page.', example: 20 }),
  TotalCount: z.number().int().openapi({ description: 'Rows matching the filters, all pages.', example: 1 }),
};

export const DescribeSnapshotListReq = z
  .object({
    AvailableZoneCode: zone.optional().openapi({ description: 'Only snapshots of this zone (可用区Code).', example: 'CN_Hohhot_B' }),
    RegionCode: text(64).optional().openapi({ description: 'Only snapshots of this region (地域Code).', example: 'CN_Huhhot' }),
    DiskId: DiskId.optional(),
    SnapshotIds: z
      .array(resourceId('a snapshot'))
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} snapshot ids`)
      .optional()
      .openapi({ description: `Only these snapshots (快照id列表), at most ${MAX_IDS_PER_CALL}.` }),
    PageNumber: page('PageNumber'),
    PageSize: page('PageSize'),
  })
  .openapi('DescribeSnapshotListReq');
export type DescribeSnapshotListReq = z.infer<typeof DescribeSnapshotListReq>;

export const DescribeSnapshotListResult = z
  .object({ SnapshotList: z.array(SnapshotInfo).openapi({ description: 'The snapshots of this page (快照列表).' }), ...pagingFields })
  .openapi('DescribeSnapshotListResult');
export type DescribeSnapshotListResult = z.infer<typeof DescribeSnapshotListResult>;

export const DescribeSnapshotReq = z.object({ SnapshotId }).openapi('DescribeSnapshotReq');
export type DescribeSnapshotReq = z.infer<typeof DescribeSnapshotReq>;

export const DescribeSnapshotResult = z.object({ SnapshotInfo }).openapi('DescribeSnapshotResult');
export type DescribeSnapshotResult = z.infer<typeof DescribeSnapshotResult>;

export const CreateSnapshotReq = z
  .object({
    DiskId,
    SnapshotName: snapshotName(128).optional().openapi({ description: 'Name (快照名称), 2–128 letters, digits, 汉字 or `-`, not starting with `auto`; default the snapshot id.', example: 'before-upgrade' }),
    ReservedTime: ReservedTime.optional(),
    IsOptimized: binaryFlag.optional().openapi({ description: '1 turns on the optimisation option (优化加速), 0 off (default).', example: 0 }),
  })
  .openapi('CreateSnapshotReq');
export type CreateSnapshotReq = z.infer<typeof CreateSnapshotReq>;

export const CreateSnapshotResult = z
  .object({
    EventId: UpstreamId.openapi({ description: 'Event id; poll it at GET /v1/events/{EventId}.', example: '639e2f92-4f8f-11ed-ae23-be26ad5c0652' }),
    SnapshotId: UpstreamId.openapi({ description: 'Id of the new snapshot (快照id).', example: 's-disk-demand-cpu-ssd-data-a1b2-01' }),
  })
  .openapi('CreateSnapshotResult', { description: 'The event and the snapshot being taken.' });
export type CreateSnapshotResult = z.infer<typeof CreateSnapshotResult>;

export const RollbackDiskBySnapshotReq = z
  .object({
    DiskId: DiskId.openapi({ description: 'Disk to roll back (要回滚的云盘ID): the disk the snapshot is of.', example: 'disk-month-cpu-ssd-sys' }),
    SnapshotId,
    NewSnapshot: z
      .object({ SnapshotName: snapshotName(128).optional(), ReservedTime: ReservedTime.optional() })
      .optional()
      .openapi({ description: 'Take a snapshot of the disk as it is first (新快照信息); it counts against the quota.', example: { SnapshotName: 'before-rollback', ReservedTime: '1' } }),
    AutoTurnOnInstance: binaryFlag.optional().openapi({ description: 'Start the instance when the rollback ends: 1 (default) or 0 (是否自动开启云主机电源).', example: 1 }),
  })
  .openapi('RollbackDiskBySnapshotReq');
export type RollbackDiskBySnapshotReq = z.infer<typeof RollbackDiskBySnapshotReq>;

export const RenameSnapshotReq = z
  .object({
    SnapshotId,
    SnapshotName: snapshotName(126).openapi({ description: 'New name (快照名称), 2–126 letters, digits, 汉字 or `-`, not starting with `auto`.', example: 'after-upgrade' }),
  })
  .openapi('RenameSnapshotReq');
export type RenameSnapshotReq = z.infer<typeof RenameSnapshotReq>;

export const EmptyData = z.object({}).openapi('EmptyData', { description: 'No data (`{}`).' });

export const DeleteSnapshotReq = z
  .object({
    SnapshotIds: z
      .array(resourceId('a snapshot'))
      .min(1, 'must list at least one snapshot id')
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} snapshot ids`)
      .openapi({ description: `Snapshots to delete (快照列表), 1–${MAX_IDS_PER_CALL}.`, example: ['s-disk-month-cpu-ssd-sys-seed-01'] }),
    DeleteBindImages: z.boolean().optional().openapi({ description: 'true also deletes the images made from them (删除快照关联的镜像); default false.', example: false }),
  })
  .openapi('DeleteSnapshotReq');
export type DeleteSnapshotReq = z.infer<typeof DeleteSnapshotReq>;

export const DescribeSnapshotQuotaReq = z.object({ DiskId }).openapi('DescribeSnapshotQuotaReq');
export type DescribeSnapshotQuotaReq = z.infer<typeof DescribeSnapshotQuotaReq>;

export const DescribeSnapshotQuotaResult = z
  .object({
    DiskId: z.string().openapi({ description: 'The disk (云盘ID).', example: 'disk-demand-cpu-ssd-data' }),
    TotalQuota: z.number().int().openapi({ description: 'Most snapshots the disk may have (快照数量上限).', example: 10 }),
    UsedQuota: z.number().int().openapi({ description: 'Snapshots the disk has (已创建的快照数量).', example: 2 }),
    FreeQuota: z.number().int().openapi({ description: 'Snapshots it may still take (剩余可创建的快照数量); 0: none.', example: 8 }),
  })
  .openapi('DescribeSnapshotQuotaResult');
export type DescribeSnapshotQuotaResult = z.infer<typeof DescribeSnapshotQuotaResult>;

// Snapshot chains: one per disk and zone, holding its snapshots.

const chainFields = {
  SnapshotChainId: z.string().openapi({ description: 'Snapshot chain id (快照链ID), `sl-disk-…`.', example: 'sl-disk-month-cpu-ssd-sys-seed' }),
  DiskId: z.string().openapi({ description: 'Disk of the chain (云盘ID).', example: 'disk-month-cpu-ssd-sys' }),
  DiskName: z.string().openapi({ description: 'Disk name (云盘名称).' }),
  DiskProperty: z.string().openapi({ description: 'system (系统盘) or data (数据盘).', example: 'system' }),
  DiskSize: z.number().int().openapi({ description: 'Disk size in GB (盘容量).', example: 48 }),
  InstanceId: z.string().openapi({ description: "The disk's instance (云主机ID); empty when detached.", example: 'ins-month-cpu-ssd' }),
  InstanceName: z.string().openapi({ description: "The instance's name (云主机名称); empty when detached." }),
  SnapshotNum: z.number().int().optional().openapi({ description: 'Snapshots in the chain (该快照链下的快照数量), as the document\'s tables name it.', example: 1 }),
  SnapshotNumber: z.number().int().optional().openapi({ description: 'The same count, as the list example names it; the emulator answers both in lists.', example: 1 }),
  SnapshotSize: z.union([z.number(), z.string()]).openapi({ description: 'Chain size in GB (快照链容量): a number in lists, a string with its unit (`46.47GB`) in one chain\'s answer.', example: 0 }),
  BillingMethod: z.string().openapi({ description: '0 on demand, 1 monthly, 2 per use (计费方式).', example: '0' }),
  RegionCode: z.string().optional().openapi({ description: 'Region code (地域Code).', example: 'CN_Huhhot' }),
  AvailableZoneCode: z.string().optional().openapi({ description: 'Availability zone code (可用区Code).', example: 'CN_Hohhot_B' }),
};

export const SnapshotChainInfo = z.object(chainFields).openapi('SnapshotChainInfo', { description: 'One snapshot chain (快照链).' });
export type SnapshotChainInfo = z.infer<typeof SnapshotChainInfo>;

export const DescribeSnapshotChainListReq = z
  .object({
    AvailableZoneCode: zone.optional().openapi({ description: 'Only chains of this zone (可用区Code).', example: 'CN_Hohhot_B' }),
    RegionCode: text(64).optional().openapi({ description: 'Only chains of this region (地域Code).', example: 'CN_Huhhot' }),
    DiskId: DiskId.optional(),
    InstanceId: resourceId('an instance').optional().openapi({ description: "Only chains of this instance's disks (云主机ID).", example: 'ins-month-cpu-ssd' }),
    PageNumber: page('PageNumber'),
    PageSize: page('PageSize'),
  })
  .openapi('DescribeSnapshotChainListReq');
export type DescribeSnapshotChainListReq = z.infer<typeof DescribeSnapshotChainListReq>;

export const DescribeSnapshotChainListResult = z
  .object({ SnapshotChainList: z.array(SnapshotChainInfo).openapi({ description: 'The chains of this page (快照链列表).' }), ...pagingFields })
  .openapi('DescribeSnapshotChainListResult');
export type DescribeSnapshotChainListResult = z.infer<typeof DescribeSnapshotChainListResult>;

export const DescribeSnapshotChainReq = z
  .object({
    SnapshotChainId: resourceId('a snapshot chain').optional().openapi({ description: 'The chain (快照链ID); or DiskId.', example: 'sl-disk-month-cpu-ssd-sys-seed' }),
    DiskId: DiskId.optional().openapi({ description: "The disk whose chain (in the disk's zone) to read (云盘ID); or SnapshotChainId." }),
    PageNumber: page('PageNumber'),
    PageSize: page('PageSize'),
  })
  .openapi('DescribeSnapshotChainReq');
export type DescribeSnapshotChainReq = z.infer<typeof DescribeSnapshotChainReq>;

export const DescribeSnapshotChainResult = z
  .object({ ...chainFields, SnapshotList: z.array(SnapshotInfo).openapi({ description: 'The chain\'s snapshots of this page (快照列表).' }), ...pagingFields })
  .openapi('DescribeSnapshotChainResult');
export type DescribeSnapshotChainResult = z.infer<typeof DescribeSnapshotChainResult>;

export const CreateImageBySnapshotReq = z
  .object({
    SnapshotId: SnapshotId.openapi({ description: 'A running snapshot of a system disk (快照ID).', example: 's-disk-month-cpu-ssd-sys-seed-01' }),
    ImageName: text(128).min(1, 'must not be empty').openapi({ description: 'Image name (镜像名称), 1–128 characters, unused in the zone.', example: 'from-snapshot-2026' }),
    IsOptimized: binaryFlag.optional().openapi({ description: '1 turns on the optimisation option (优化加速), 0 off (default).', example: 0 }),
  })
  .openapi('CreateImageBySnapshotReq');
export type CreateImageBySnapshotReq = z.infer<typeof CreateImageBySnapshotReq>;

export const CopySnapshotCrossAZReq = z
  .object({
    SnapshotId: SnapshotId.openapi({ description: 'A running snapshot (快照ID).', example: 's-disk-month-cpu-ssd-sys-seed-01' }),
    AvailableZoneCode: zone.openapi({ description: 'Zone to copy it to (目标可用区Code), another than its own.', example: 'CN_Suqian_A' }),
  })
  .openapi('CopySnapshotCrossAZReq');
export type CopySnapshotCrossAZReq = z.infer<typeof CopySnapshotCrossAZReq>;

export const CopySnapshotCrossAZResult = z
  .object({
    EventId: UpstreamId.openapi({ description: 'Event id; poll it at GET /v1/events/{EventId}.', example: '11c4ad90-122c-11ed-b996-7ae483eaf4a2' }),
    SnapshotId: UpstreamId.openapi({ description: 'Id of the copy in the target zone (复制到目标可用区后的快照ID).', example: 's-disk-month-cpu-ssd-sys-x7k2-01' }),
  })
  .openapi('CopySnapshotCrossAZResult');
export type CopySnapshotCrossAZResult = z.infer<typeof CopySnapshotCrossAZResult>;
