import {
  DescribeInstanceListReq,
  DescribeInstanceReq,
  ModifyInstanceNameReq,
  fromQueryList,
  fromQueryNumber,
  type DescribeInstanceListResult,
  type InstanceData,
  type ModifyInstanceNameData,
} from '../../openapi/models';
import { toInstanceData, toSimpleInfo } from '../store/views';
import { instanceOrThrow, parseWith, pickQuery, type ActionHandler } from './context';

/** Rows per page when a caller pages without giving PageSize. */
export const DEFAULT_PAGE_SIZE = 20;

/** PageNumber/PageSize: "0" means unset (SDKs send zero values). */
const paging = (v: string | undefined) => {
  const n = fromQueryNumber(v);
  return n === 0 ? undefined : n;
};

export const describeInstanceList: ActionHandler<DescribeInstanceListReq, DescribeInstanceListResult> = {
  message: '获取云服务器列表成功！',
  fromWire: ({ query }) => {
    const q = pickQuery(query, ['AvailableZoneCode', 'VpcId', 'SearchInfo', 'EcsIds', 'PageNumber', 'PageSize']);
    const ids = fromQueryList(q.EcsIds) as string[] | undefined;
    return { ...q, EcsIds: ids?.length ? ids : undefined, PageNumber: paging(q.PageNumber), PageSize: paging(q.PageSize) };
  },
  parse: (input) => parseWith(DescribeInstanceListReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const search = req.SearchInfo?.toLowerCase();
    const rows = [...ctx.account.Instances.values()].filter(
      (i) =>
        (!req.AvailableZoneCode || i.AvailableZoneCode === req.AvailableZoneCode) &&
        (!req.VpcId || i.VpcId === req.VpcId) &&
        (!req.EcsIds || req.EcsIds.includes(i.EcsId)) &&
        (!search || i.EcsId.toLowerCase().includes(search) || i.EcsName.toLowerCase().includes(search) || i.PrivateNet.includes(search)),
    );
    const TotalCount = rows.length;
    // No paging parameters: every row, on page 1 of size TotalCount.
    if (req.PageNumber === undefined && req.PageSize === undefined)
      return { EcsList: rows.map((r) => toSimpleInfo(ctx.store.catalog, ctx.account, r)), PageNumber: 1, PageSize: TotalCount, TotalCount };
    const PageNumber = req.PageNumber ?? 1;
    const PageSize = req.PageSize ?? DEFAULT_PAGE_SIZE;
    const page = rows.slice((PageNumber - 1) * PageSize, PageNumber * PageSize);
    return { EcsList: page.map((r) => toSimpleInfo(ctx.store.catalog, ctx.account, r)), PageNumber, PageSize, TotalCount };
  },
};

export const describeInstance: ActionHandler<DescribeInstanceReq, InstanceData> = {
  message: '获取云服务器详情成功！',
  fromWire: ({ query }) => pickQuery(query, ['EcsId']),
  parse: (input) => parseWith(DescribeInstanceReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    return toInstanceData(ctx.store.catalog, instanceOrThrow(ctx, req.EcsId), ctx.clock.now());
  },
};

/** Renaming is metadata only: allowed in every status (also during free shutdown). */
export const modifyInstanceName: ActionHandler<ModifyInstanceNameReq, ModifyInstanceNameData> = {
  message: '修改实例名称成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(ModifyInstanceNameReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instance = instanceOrThrow(ctx, req.EcsId);
    instance.EcsName = req.Name;
    return { EcsId: instance.EcsId, Name: instance.EcsName };
  },
};
