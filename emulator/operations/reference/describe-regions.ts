import { describeRegions } from '../../../openapi/operations/regions';
import { implement } from '../implement';

export const describeRegionsBehaviour = implement(describeRegions, {
  message: '获取地域可用区信息成功！',
  run: (ctx) => structuredClone(ctx.store.catalog.Regions),
});
