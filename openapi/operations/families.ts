import { DescribeEcsFamilyInfoReq, DescribeEcsFamilyInfoResult } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Instance families and their specs: reference data, cached at the edge.

export const describeEcsFamilyInfo = defineOperation({
  operationId: 'DescribeEcsFamilyInfo',
  upstream: { action: 'DescribeEcsFamilyInfo', services: ['ecs'], method: 'GET' },
  request: DescribeEcsFamilyInfoReq,
  result: DescribeEcsFamilyInfoResult,
  rest: {
    kind: 'cached',
    ttl: 'families',
    cacheKey: (req: DescribeEcsFamilyInfoReq) => [req.AvailableZoneCode, req.BillingMethod],
    method: 'get',
    path: '/v1/families',
    tag: TAG.families,
    summary: 'List instance families and specs of an availability zone',
    description:
      'Instance families (CPU and GPU) with their specs for one availability zone and billing method (upstream ' +
      'DescribeEcsFamilyInfo). Served from the edge cache (soft TTL FAMILIES_TTL_S, default 600 s); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
    query: DescribeEcsFamilyInfoReq.pick({ AvailableZoneCode: true, BillingMethod: true }),
    answer: 'The families.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeEcsFamilyInfo] as const;
