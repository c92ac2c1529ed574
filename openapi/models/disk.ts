import { z } from '@hono/zod-openapi';
import { binaryFlag, fixedValues } from './common';
import { UpstreamId, resourceId } from './ids';
import { INPUT_MAXIMA, MAX_IDS_PER_CALL, text } from './requests';

// Cloud disks (EBS): request and answer models of the disk operations on /ebs/v1.

/** EBS writes the feature upper-case (ECS writes `ssd`); SSD is the only one it sells. */
export const EbsDiskFeature = fixedValues(['SSD']).openapi({ description: 'Disk feature (云盘类型): only SSD.', example: 'SSD' });

export const MIN_DISK_SIZE = 24;
export const MAX_DATA_DISKS = 16;

const DiskId = resourceId('a disk').openapi({ description: 'Disk id (云盘ID).', example: 'disk-demand-cpu-ssd-data' });
export const DiskIdList = z
  .array(resourceId('a disk'))
  .min(1, 'must list at least one disk id')
  .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} disk ids`)
  .openapi({ description: `Disk ids (云盘ID列表), 1–${MAX_IDS_PER_CALL}.`, example: ['disk-demand-cpu-ssd-data'] });

// 2–40 characters: letters, 中文, digits and . _ : - ( ); the first a letter (or 中文).
const DISK_NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._:()-]{1,39}$/;
export const DiskName = z
  .string()
  .regex(DISK_NAME, 'must be 2–40 letters, 中文, digits or . _ : - ( ), starting with a letter')
  .openapi({ description: 'Disk name (云盘名称): 2–40 characters, letters, 中文, digits or `._:-()`, starting with a letter.', example: 'data-01' });

export const CreateDiskReq = z
  .object({
    AvailableZoneCode: text(64).min(1, 'must not be empty').openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    // The published sample sends "": no name, the upstream picks one.
    DiskName: z.union([z.literal(''), DiskName]).optional().openapi({ description: 'Disk name (云盘名称); absent or empty: a default name.', example: 'data-01' }),
    DiskFeature: EbsDiskFeature,
    Size: z
      .number()
      .int({ message: 'must be a safe integer', abort: true })
      .min(MIN_DISK_SIZE, `must be at least ${MIN_DISK_SIZE}`)
      .max(INPUT_MAXIMA.ExtendedSize, `must be at most ${INPUT_MAXIMA.ExtendedSize}`)
      .multipleOf(8, 'must be a multiple of 8')
      .openapi({ description: `Size in GB (云盘大小): a multiple of 8, at least ${MIN_DISK_SIZE}.`, example: 24, multipleOf: 8 }),
    Number: z
      .number()
      .int({ message: 'must be a safe integer', abort: true })
      .min(1, 'must be at least 1')
      .max(MAX_IDS_PER_CALL, `must be at most ${MAX_IDS_PER_CALL}`)
      .default(1)
      .openapi({ description: `How many disks (创建数量), 1–${MAX_IDS_PER_CALL}; default 1.`, example: 1 }),
    BillingMethod: fixedValues(['0']).default('0').openapi({ description: 'Billing method (计费方式): only "0", on demand.', example: '0' }),
    InstanceId: z
      .union([z.literal(''), resourceId('an instance')])
      .optional()
      .openapi({ description: 'Attach the new disks at once to this instance (挂载到云主机的实例ID), of the same availability zone; absent or empty: detached.', example: 'ins-demand-cpu-ssd' }),
    ReleaseWithInstance: binaryFlag
      .optional()
      .openapi({ description: 'With InstanceId: 1 (default) the disks go when the instance is deleted; 0 they are kept, detached. Ignored without InstanceId.', example: 1 }),
    SnapshotId: z
      .union([z.literal(''), resourceId('a snapshot')])
      .optional()
      .openapi({ description: 'Make the disks from this data-disk snapshot (快照ID): running, of the same availability zone, Size at least its disk\'s size.', example: 's-disk-xftwc38r6ja63wr8-zg0y-01' }),
  })
  .openapi('CreateDiskReq');
export type CreateDiskReq = z.infer<typeof CreateDiskReq>;

export const CreateDiskResult = z
  .object({
    EventId: UpstreamId.openapi({ description: 'Event to poll (事件ID).', example: '2d01ed16-1231-11ed-b805-ae32005fa3a1' }),
    DiskIdSet: z.array(z.string()).openapi({ description: 'Ids of the new disks (云盘ID列表).', example: ['disk-8q6wrg5qdomw1t3i'] }),
  })
  .openapi('CreateDiskResult');

export const DescribeDiskReq = z.object({ DiskId }).openapi('DescribeDiskReq');
export type DescribeDiskReq = z.infer<typeof DescribeDiskReq>;

export const DescribeDiskListReq = z
  .object({
    AvailableZoneCode: text(64).optional().openapi({ description: 'Only disks of this availability zone (可用区代码).', example: 'CN_Hohhot_B' }),
    RegionCode: text(64).optional().openapi({ description: 'Only disks of this region (区域代码).', example: 'CN_Huhhot' }),
    DiskIds: z.array(resourceId('a disk')).max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} disk ids`).optional().openapi({ description: 'Only these disk ids.' }),
    PageNumber: z.number().int().min(1).max(INPUT_MAXIMA.PageNumber).optional().openapi({ description: 'Page number (default 1).', example: 1 }),
    PageSize: z.number().int().min(1).max(INPUT_MAXIMA.PageSize).optional().openapi({ description: 'Rows per page (default 20).', example: 20 }),
  })
  .openapi('DescribeDiskListReq');
export type DescribeDiskListReq = z.infer<typeof DescribeDiskListReq>;

/** The example of attach and delete: the default seed's detached disk. */
const DetachedDiskIds = DiskIdList.openapi({ example: ['disk-spare-hohhot-b'] });

export const AttachDiskReq = z
  .object({
    DiskIds: DetachedDiskIds,
    InstanceId: resourceId('an instance').openapi({ description: 'Instance to attach to (实例ID), in the disks\' AZ.', example: 'ins-demand-cpu-ssd' }),
    ReleaseWithInstance: binaryFlag.default(1).openapi({ description: '1 (default): the disks go when the instance is deleted; 0: they are kept, detached.', example: 0 }),
  })
  .openapi('AttachDiskReq');
export type AttachDiskReq = z.infer<typeof AttachDiskReq>;

export const DiskIdsReq = z.object({ DiskIds: DiskIdList }).openapi('DiskIdsReq');
export type DiskIdsReq = z.infer<typeof DiskIdsReq>;

export const DeleteDiskReq = z
  .object({ DiskIds: DetachedDiskIds, DeleteSnapshot: binaryFlag.default(0).openapi({ description: '1 also deletes the disks\' non-permanent snapshots (default 0).', example: 0 }) })
  .openapi('DeleteDiskReq');
export type DeleteDiskReq = z.infer<typeof DeleteDiskReq>;

export const EbsDisk = z
  .object({
    DiskId: z.string().openapi({ description: 'Disk id (云盘ID).', example: 'disk-demand-cpu-ssd-data' }),
    DiskName: z.string().openapi({ description: 'Disk name (云盘名称).' }),
    Size: z.number().int().openapi({ description: 'Size in GB (云盘大小).', example: 96 }),
    EcsId: z.string().openapi({ description: 'Instance it is attached to (实例ID); "" when detached.', example: 'ins-demand-cpu-ssd' }),
    EcsName: z.string().openapi({ description: 'That instance\'s name; "" when detached.' }),
    BillingMethod: z.string().openapi({ description: 'Billing method (计费方式): "0" on demand, "1" monthly.', example: '0' }),
    ReleaseWithInstance: z.number().int().openapi({ description: '1: goes with its instance; 0: kept, detached.', example: 0 }),
    RegionCode: z.string().openapi({ description: 'Region code (区域代码).', example: 'CN_Huhhot' }),
    AvailableZoneCode: z.string().openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' }),
    Status: z.string().openapi({ description: 'Disk status (云盘状态): building, waiting (detached), mounting, running (attached), unmounting, updating, deleting, error.', example: 'running' }),
    StatusDisplay: z.string().openapi({ description: 'Status display name.', example: '使用中' }),
    DiskFeature: z.string().openapi({ description: 'Disk feature (云盘类型).', example: 'SSD' }),
    Property: z.string().openapi({ description: 'system or data (云盘属性).', example: 'data' }),
    // Not in the published answers; the CSI node plugin reads it to find the device.
    Order: z.number().int().optional().openapi({ description: 'Slot on its instance: 0 the system disk, 1–16 data disks; 0 when detached.', example: 1 }),
  })
  .openapi('EbsDisk', { description: 'A cloud disk as the EBS service answers it (DiskInfo / DiskList rows).' });
export type EbsDisk = z.infer<typeof EbsDisk>;

export const DescribeDiskResult = z.object({ DiskInfo: EbsDisk }).openapi('DescribeDiskResult');
export const DescribeDiskListResult = z
  .object({
    DiskList: z.array(EbsDisk).openapi({ description: 'The disks of this page.' }),
    PageNumber: z.number().int().openapi({ description: 'Page number of this answer.', example: 1 }),
    PageSize: z.number().int().openapi({ description: 'Rows per page.', example: 20 }),
    TotalCount: z.number().int().openapi({ description: 'Rows matching the filters, all pages.', example: 1 }),
  })
  .openapi('DescribeDiskListResult');

export const DescribeDiskQuotaReq = z
  .object({ AvailableZoneCode: text(64).min(1, 'must not be empty').openapi({ description: 'Availability zone code (可用区代码).', example: 'CN_Hohhot_B' }) })
  .openapi('DescribeDiskQuotaReq');
export type DescribeDiskQuotaReq = z.infer<typeof DescribeDiskQuotaReq>;

export const DiskQuota = z
  .object({
    TotalQuota: z.number().int().openapi({ description: 'Quota of the zone in GB (总配额).', example: 10240 }),
    UsedQuota: z.number().int().openapi({ description: 'GB the zone\'s disks hold (已用配额).', example: 9760 }),
    FreeQuota: z.number().int().openapi({ description: 'GB still free (剩余配额): the most new disks may add up to.', example: 480 }),
    DiskFeature: z.string().openapi({ description: 'Disk feature the quota is for.', example: 'SSD' }),
  })
  .openapi('DiskQuota');
export const DescribeDiskQuotaResult = z
  .object({ QuotaList: z.array(DiskQuota).openapi({ description: 'One quota per disk feature (SSD first).' }) })
  .openapi('DescribeDiskQuotaResult');

export const DescribeEcsAttachDisksReq = z
  .object({ InstanceId: resourceId('an instance').openapi({ description: 'Instance id (云主机ID).', example: 'ins-demand-cpu-ssd' }) })
  .openapi('DescribeEcsAttachDisksReq');
export type DescribeEcsAttachDisksReq = z.infer<typeof DescribeEcsAttachDisksReq>;

export const DescribeEcsAttachDisksResult = z
  .object({ DiskList: z.array(EbsDisk).openapi({ description: 'The cloud disks attached to the instance: its system disk (when a cloud disk) and its data disks, in slot order.' }) })
  .openapi('DescribeEcsAttachDisksResult');
