import {
  DescribeEcsFamilyInfoReq,
  DescribeTaskEventReq,
  type DescribeEcsFamilyInfoResult,
  type EventResultData,
  type RegionGroup,
} from '../../openapi/models';
import { EmulatorError, invalidParameter } from '../errors';
import { toEventResult } from '../state/events';
import { familiesFor, findAz } from '../store/catalog';
import { parseWith, pickQuery, type ActionHandler } from './context';

// Read-only actions on reference data and events.

export const describeRegions: ActionHandler<Record<string, never>, RegionGroup[]> = {
  message: '获取地域可用区信息成功！',
  fromWire: () => ({}),
  parse: () => ({}),
  run: (ctx) => structuredClone(ctx.store.catalog.Regions),
};

export const describeEcsFamilyInfo: ActionHandler<DescribeEcsFamilyInfoReq, DescribeEcsFamilyInfoResult> = {
  message: '获取云服务器类型成功！',
  fromWire: ({ query }) => pickQuery(query, ['AvailableZoneCode', 'BillingMethod']),
  parse: (input) => parseWith(DescribeEcsFamilyInfoReq, input),
  run: (ctx, req) => {
    if (!findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    return { EcsFamilyInfo: structuredClone(familiesFor(ctx.store.catalog, req.AvailableZoneCode, req.BillingMethod)) };
  },
};

/** DescribeEvent: instance events on /ecs/v1, disk events on /ebs/v1; any other id is not found. */
export const describeEvent: ActionHandler<DescribeTaskEventReq, EventResultData> = {
  message: '获取事件信息成功！',
  fromWire: ({ query }) => pickQuery(query, ['EventId']),
  parse: (input) => parseWith(DescribeTaskEventReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const event = ctx.account.Events.get(req.EventId);
    if (!event || event.Service !== ctx.service) throw new EmulatorError('EventNotFound', `event ${req.EventId} not found`);
    return toEventResult(event);
  },
};
