import { describeSnapshotQuota } from '../../../openapi/operations/snapshots';
import { diskNotFound } from '../disks/disk-lookup';
import { findDiskIn } from '../../store/store';
import { implement } from '../implement';
import { SNAPSHOTS_PER_DISK, usedQuota } from './snapshot-rules';

/** Per disk: every snapshot still listed counts, the deleting ones included. */
export const describeSnapshotQuotaBehaviour = implement(describeSnapshotQuota, {
  message: '查询快照配额成功！',
  run: (ctx, req) => {
    if (!findDiskIn(ctx.account, req.DiskId) && !ctx.account.KeptDisks.some((d) => d.DiskId === req.DiskId)) throw diskNotFound([req.DiskId]);
    const UsedQuota = usedQuota(ctx.account, req.DiskId);
    return { DiskId: req.DiskId, TotalQuota: SNAPSHOTS_PER_DISK, UsedQuota, FreeQuota: Math.max(0, SNAPSHOTS_PER_DISK - UsedQuota) };
  },
});
