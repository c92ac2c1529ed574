import { z } from '@hono/zod-openapi';
import { DescribeEcsFamilyInfoReq, DescribeEcsFamilyInfoResult, DescribeZoneInstanceTypeReq, DescribeZoneInstanceTypeResult, fromQueryNumber, ZoneInstanceType } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Instance families, their specs and the specs' stock: reference data, cached at the edge.

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

// The query's numbers are decimal text; the rules stay the request model's.
const zoneFields = DescribeZoneInstanceTypeReq.shape;
const numberQuery = <S extends z.ZodType>(schema: S, description: string, example: number) =>
  z.preprocess(fromQueryNumber, schema).openapi({ type: 'integer', description, example });

export const describeZoneInstanceType = defineOperation({
  operationId: 'DescribeZoneInstanceType',
  upstream: { action: 'DescribeZoneInstanceType', services: ['ecs'], method: 'GET' },
  request: DescribeZoneInstanceTypeReq,
  // Data is the list itself; the REST answer names it.
  result: z.array(ZoneInstanceType),
  rest: {
    kind: 'cached',
    ttl: 'families',
    cacheKey: (req: DescribeZoneInstanceTypeReq) => [req.AvailableZoneCode, req.EcsFamilyName, String(req.Cpu ?? ''), String(req.Ram ?? ''), String(req.Gpu ?? '')],
    method: 'get',
    path: '/v1/families/specs',
    tag: TAG.families,
    summary: 'List the specs of an availability zone with their stock',
    description:
      'Families of one availability zone with each spec and whether it is on sale (`SELL`) or sold out (`SELLOUT`), optionally ' +
      'filtered by family, CPU, memory and GPU (upstream DescribeZoneInstanceType). A sold-out spec cannot be ordered. Served from the ' +
      'edge cache (soft TTL FAMILIES_TTL_S, default 600 s); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
    query: DescribeZoneInstanceTypeReq.pick({ AvailableZoneCode: true, EcsFamilyName: true }).extend({
      Cpu: numberQuery(zoneFields.Cpu, 'Only specs with this many CPU cores.', 4),
      Ram: numberQuery(zoneFields.Ram, 'Only specs with this much memory (GB).', 8),
      Gpu: numberQuery(zoneFields.Gpu, 'Only specs with this many GPU cards.', 0),
    }),
    response: DescribeZoneInstanceTypeResult,
    toBody: (ZoneInstanceTypes: ZoneInstanceType[]) => ({ ZoneInstanceTypes }),
    answer: 'The families and specs with their stock.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeEcsFamilyInfo, describeZoneInstanceType] as const;
