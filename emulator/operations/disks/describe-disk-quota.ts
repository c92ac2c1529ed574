import { describeDiskQuota } from '../../../openapi/operations/disks';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { DISK_QUOTA_GB, usedQuotaGb } from '../../store/disks';
import { implement } from '../implement';

/** The zone's SSD quota: what a new disk is checked against. */
export const describeDiskQuotaBehaviour = implement(describeDiskQuota, {
  message: '获取云盘配额成功！',
  run: (ctx, req) => {
    if (!findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const UsedQuota = usedQuotaGb(ctx.account, req.AvailableZoneCode);
    return { QuotaList: [{ TotalQuota: DISK_QUOTA_GB, UsedQuota, FreeQuota: Math.max(0, DISK_QUOTA_GB - UsedQuota), DiskFeature: 'SSD' }] };
  },
});
