import { z } from '@hono/zod-openapi';
import { DescribeImagesReq, DescribeImagesResult, fromQueryList } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Operating system images: public ones and the account's own.

export const describeImages = defineOperation({
  operationId: 'DescribeImages',
  upstream: { action: 'DescribeImages', services: ['ecs'], version: 'v1.1', method: 'GET', paging: { list: 'ImageList' }, jsonQueryLists: ['ImageIds'] },
  request: DescribeImagesReq,
  result: DescribeImagesResult,
  ids: ['ImageIds'],
  rest: {
    kind: 'cached',
    ttl: 'images',
    cacheKey: (req: DescribeImagesReq) => [req.AvailableZoneCode ?? '', req.ImageIds ?? ''],
    method: 'get',
    path: '/v1/images',
    tag: TAG.images,
    summary: 'List images',
    description:
      'Public and private images, optionally of one availability zone or only the listed ids (upstream DescribeImages ' +
      "on /ecs/v1.1). CreateInstance takes an image's ImageId or ImageName. Served from the edge cache (soft TTL " +
      'IMAGES_TTL_S, default 600 s, one copy per query); `Cache-Control: no-cache` forces a refresh, `If-None-Match` may answer 304.',
    query: DescribeImagesReq.pick({ AvailableZoneCode: true }).extend({
      ImageIds: z.preprocess(fromQueryList, DescribeImagesReq.shape.ImageIds).openapi({
        param: { style: 'form', explode: false },
        description: 'Only these image ids, comma-separated (`ImageIds=a,b`), at most 100.',
        example: ['img-centos-7-9-cn-hohhot-b'],
      }),
    }),
    answer: 'The images.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeImages] as const;
