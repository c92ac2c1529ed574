import {
  DescribeEcsFamilyInfoReq,
  DescribeImagesReq,
  type DescribeImagesResult,
  DescribeTaskEventReq,
  type DescribeEcsFamilyInfoResult,
  type EventResultData,
  type RegionGroup,
} from '../../openapi/models';
import { EmulatorError, invalidParameter } from '../errors';
import { toEventResult } from '../state/events';
import { familiesFor, findAz } from '../store/catalog';
import { imagesOf } from '../store/images';
import { toImageInfo } from '../store/views';
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

/** `ImageIds` travels as a JSON array string (`["img-a","img-b"]`); anything else is InvalidParameter. */
function imageIdsFromQuery(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidParameter('ImageIds', 'must be a JSON array of image ids, e.g. ["img-a","img-b"]');
  }
}

/** DescribeImages (/ecs/v1.1): public images and the caller's own, filtered by AZ and ids. */
export const describeImages: ActionHandler<DescribeImagesReq, DescribeImagesResult> = {
  message: '获取镜像信息成功！',
  fromWire: ({ query }) => {
    const q = pickQuery(query, ['AvailableZoneCode', 'ImageIds']);
    return { AvailableZoneCode: q.AvailableZoneCode, ImageIds: imageIdsFromQuery(q.ImageIds) };
  },
  parse: (input) => parseWith(DescribeImagesReq, input),
  run: (ctx, req) => {
    const az = req.AvailableZoneCode;
    if (az && !findAz(ctx.store.catalog, az)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${az}`);
    const images = imagesOf(ctx.store.catalog, ctx.account).filter(
      (i) => (!az || i.AvailableZoneCode === az) && (!req.ImageIds?.length || req.ImageIds.includes(i.ImageId)),
    );
    return { ImageList: images.map((i) => toImageInfo(ctx.store.catalog, i)) };
  },
};
