import { createRoute, z } from '@hono/zod-openapi';
import { DescribeImagesReq, DescribeImagesResult } from '../models';
import { CacheRequestHeaders, TAG, bearerSecurity, cachedHeaders, commonErrors, notFoundError, notModifiedResponse } from './common';
import { fromQueryList } from '../models/query';

export const DescribeImagesQuery = DescribeImagesReq.pick({ AvailableZoneCode: true }).extend({
  ImageIds: z.preprocess(fromQueryList, DescribeImagesReq.shape.ImageIds).openapi({
    param: { style: 'form', explode: false },
    description: 'Only these image ids, comma-separated (`ImageIds=a,b`), at most 100.',
    example: ['img-centos-7-9-cn-hohhot-b'],
  }),
});

export const describeImagesRoute = createRoute({
  operationId: 'DescribeImages',
  method: 'get',
  path: '/v1/images',
  tags: [TAG.images],
  summary: 'List images',
  description:
    'Public and private images, optionally of one availability zone or only the listed ids (upstream DescribeImages ' +
    'on /ecs/v1.1). CreateInstance takes an image\'s ImageId or ImageName. Served from the edge cache (soft TTL ' +
    'IMAGES_TTL_S, default 600 s, one copy per query); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
  security: bearerSecurity,
  request: { query: DescribeImagesQuery, headers: CacheRequestHeaders },
  responses: {
    200: { description: 'The images.', headers: cachedHeaders, content: { 'application/json': { schema: DescribeImagesResult } } },
    ...notModifiedResponse,
    ...commonErrors,
    ...notFoundError(),
  },
});
