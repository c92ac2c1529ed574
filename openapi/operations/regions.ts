import { z } from '@hono/zod-openapi';
import { RegionGroup } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Regions and availability zones: reference data, cached at the edge.

export const DescribeRegionsResult = z
  .object({ RegionGroups: z.array(RegionGroup).openapi({ description: 'Region groups with their regions and availability zones.' }) })
  .openapi('DescribeRegionsResult');

export const describeRegions = defineOperation({
  operationId: 'DescribeRegions',
  upstream: { action: 'DescribeRegions', services: ['ecs'], method: 'GET' },
  request: z.object({}),
  // Data is the list itself; the REST answer names it.
  result: z.array(RegionGroup),
  rest: {
    kind: 'cached',
    ttl: 'regions',
    method: 'get',
    path: '/v1/regions',
    tag: TAG.regions,
    summary: 'List regions and availability zones',
    description:
      'Region groups, regions and availability zones (upstream DescribeRegions). Served from the edge cache ' +
      '(soft TTL REGIONS_TTL_S, default 3600 s); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
    response: DescribeRegionsResult,
    toBody: (RegionGroups: RegionGroup[]) => ({ RegionGroups }),
    answer: 'The regions.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeRegions] as const;
