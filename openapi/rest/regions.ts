import { createRoute, z } from '@hono/zod-openapi';
import { RegionGroup } from '../models';
import { CacheRequestHeaders, TAG, bearerSecurity, cachedHeaders, commonErrors, notModifiedResponse } from './common';

export const DescribeRegionsResult = z
  .object({ RegionGroups: z.array(RegionGroup).openapi({ description: 'Region groups with their regions and availability zones.' }) })
  .openapi('DescribeRegionsResult');

export const describeRegionsRoute = createRoute({
  operationId: 'DescribeRegions',
  method: 'get',
  path: '/v1/regions',
  tags: [TAG.regions],
  summary: 'List regions and availability zones',
  description:
    'Region groups, regions and availability zones (upstream DescribeRegions). Served from the edge cache ' +
    '(soft TTL REGIONS_TTL_S, default 3600 s); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
  security: bearerSecurity,
  request: { headers: CacheRequestHeaders },
  responses: {
    200: { description: 'The regions.', headers: cachedHeaders, content: { 'application/json': { schema: DescribeRegionsResult } } },
    ...notModifiedResponse,
    ...commonErrors,
  },
});
