import { createRoute } from '@hono/zod-openapi';
import { DescribeEcsFamilyInfoReq, DescribeEcsFamilyInfoResult } from '../models';
import { CacheRequestHeaders, TAG, bearerSecurity, cachedHeaders, commonErrors, notModifiedResponse } from './common';

export const DescribeEcsFamilyInfoQuery = DescribeEcsFamilyInfoReq.pick({ AvailableZoneCode: true, BillingMethod: true });

export const describeEcsFamilyInfoRoute = createRoute({
  operationId: 'DescribeEcsFamilyInfo',
  method: 'get',
  path: '/v1/families',
  tags: [TAG.families],
  summary: 'List instance families and specs of an availability zone',
  description:
    'Instance families (CPU and GPU) with their specs for one availability zone and billing method (upstream ' +
    'DescribeEcsFamilyInfo). Served from the edge cache (soft TTL FAMILIES_TTL_S, default 600 s); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
  security: bearerSecurity,
  request: { query: DescribeEcsFamilyInfoQuery, headers: CacheRequestHeaders },
  responses: {
    200: { description: 'The families.', headers: cachedHeaders, content: { 'application/json': { schema: DescribeEcsFamilyInfoResult } } },
    ...notModifiedResponse,
    ...commonErrors,
  },
});
