import {
  DescribeInstanceListReq,
  DescribeInstanceReq,
  DescribeInstanceStatusReq,
  INSTANCE_STATUS_DISPLAY,
  ModifyInstanceNameReq,
  fromQueryList,
  fromQueryNumber,
  type DescribeInstanceListResult,
  type DescribeInstanceStatusResult,
  type InstanceData,
  type ModifyInstanceNameResult,
} from '../../openapi/models';
import { toInstanceData, toSimpleInfo } from '../store/views';
import { EmulatorError } from '../errors';
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

/** Renaming is metadata only: allowed in every status, except during free shutdown (only start and delete are). */
export const modifyInstanceName: ActionHandler<ModifyInstanceNameReq, ModifyInstanceNameResult> = {
  message: '修改实例名称成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(ModifyInstanceNameReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instance = instanceOrThrow(ctx, req.EcsId);
    if (instance.NoChargeForShutdown === 1)
      throw new EmulatorError('InvalidInstanceStatus', `instance ${instance.EcsId} is free-shutdown: only start_up_ecs and delete are allowed until it starts`);
    instance.EcsName = req.Name;
    return { EcsId: instance.EcsId, Name: instance.EcsName };
  },
};

/**
 * The status of each listed instance the caller owns. Ids it does not own (another account's,
 * deleted or never created) are left out of the map rather than refused: a poller sees a deleted
 * instance disappear.
 */
export const describeInstanceStatus: ActionHandler<DescribeInstanceStatusReq, DescribeInstanceStatusResult> = {
  message: '获取云服务器状态成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(DescribeInstanceStatusReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const EcsStatus: DescribeInstanceStatusResult['EcsStatus'] = {};
    for (const id of req.EcsIds) {
      const i = ctx.account.Instances.get(id);
      if (i) EcsStatus[id] = { Status: i.Status, StatusDisplay: INSTANCE_STATUS_DISPLAY[i.Status] };
    }
    return { EcsStatus };
  },
};
