import { describeInstanceList } from '../../../openapi/operations/instances';
import { toSimpleInfo } from '../../store/views';
import { implement } from '../implement';

/** Rows per page when a caller pages without giving PageSize. */
export const DEFAULT_PAGE_SIZE = 20;

export const describeInstanceListBehaviour = implement(describeInstanceList, {
  message: '获取云服务器列表成功！',
  run: (ctx, req) => {
    const search = req.SearchInfo?.toLowerCase();
    const rows = [...ctx.account.Instances.values()].filter(
      (i) =>
        (!req.AvailableZoneCode || i.AvailableZoneCode === req.AvailableZoneCode) &&
        (!req.VpcId || i.VpcId === req.VpcId) &&
        (!req.EcsIds?.length || req.EcsIds.includes(i.EcsId)) &&
        (!search || i.EcsId.toLowerCase().includes(search) || i.EcsName.toLowerCase().includes(search) || i.PrivateNet.includes(search)),
    );
    const TotalCount = rows.length;
    const view = (r: (typeof rows)[number]) => toSimpleInfo(ctx.store.catalog, ctx.account, r);
    // No paging parameters: every row, on page 1 of size TotalCount.
    if (req.PageNumber === undefined && req.PageSize === undefined) return { EcsList: rows.map(view), PageNumber: 1, PageSize: TotalCount, TotalCount };
    const PageNumber = req.PageNumber ?? 1;
    const PageSize = req.PageSize ?? DEFAULT_PAGE_SIZE;
    return { EcsList: rows.slice((PageNumber - 1) * PageSize, PageNumber * PageSize).map(view), PageNumber, PageSize, TotalCount };
  },
});
