import { describeDiskList } from '../../../openapi/operations/disks';
import { findAz } from '../../store/catalog';
import { cloudDisks, toEbsDisk } from '../../store/disks';
import { implement } from '../implement';

/** Rows per page when none is given (the published default). */
const DEFAULT_PAGE_SIZE = 20;

export const describeDiskListBehaviour = implement(describeDiskList, {
  message: '获取云盘列表成功！',
  run: (ctx, req) => {
    const rows = cloudDisks(ctx.account).filter(
      (l) =>
        (!req.AvailableZoneCode || l.AvailableZoneCode === req.AvailableZoneCode) &&
        (!req.RegionCode || findAz(ctx.store.catalog, l.AvailableZoneCode)?.region.RegionCode === req.RegionCode) &&
        (!req.DiskIds?.length || req.DiskIds.includes(l.disk.DiskId)),
    );
    const PageNumber = req.PageNumber ?? 1;
    const PageSize = req.PageSize ?? DEFAULT_PAGE_SIZE;
    const DiskList = rows.slice((PageNumber - 1) * PageSize, PageNumber * PageSize).map((l) => toEbsDisk(ctx.store.catalog, l));
    return { DiskList, PageNumber, PageSize, TotalCount: rows.length };
  },
});
