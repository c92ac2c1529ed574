import { describeSnapshotList } from '../../../openapi/operations/snapshots';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { implement } from '../implement';
import { toSnapshotInfo } from './snapshot-rules';

/** The account's snapshots, filtered by zone, region, disk and ids; a page of 20 by default. */
export const describeSnapshotListBehaviour = implement(describeSnapshotList, {
  message: '获取快照列表成功！',
  run: (ctx, req) => {
    if (req.AvailableZoneCode && !findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const rows = ctx.account.DiskSnapshots.map((s) => toSnapshotInfo(ctx.store.catalog, s)).filter(
      (s) =>
        (!req.AvailableZoneCode || s.AvailableZoneCode === req.AvailableZoneCode) &&
        (!req.RegionCode || s.RegionCode === req.RegionCode) &&
        (!req.DiskId || s.DiskId === req.DiskId) &&
        (!req.SnapshotIds?.length || req.SnapshotIds.includes(s.SnapshotId)),
    );
    const PageNumber = req.PageNumber ?? 1;
    const PageSize = req.PageSize ?? 20;
    return { SnapshotList: rows.slice((PageNumber - 1) * PageSize, PageNumber * PageSize), PageNumber, PageSize, TotalCount: rows.length };
  },
});
