import { z } from '@hono/zod-openapi';
import { CreateImageReq, CreateImageResult, DeleteImageReq, DescribeImagesReq, DescribeImagesResult, EventIdData, SyncImageReq, fromQueryList } from '../models';
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
      "on /ecs/v1.1). POST /v1/instances takes an image's ImageId or ImageName. Served from the edge cache (soft TTL " +
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

export const createImage = defineOperation({
  operationId: 'CreateImage',
  upstream: { action: 'CreateImage', services: ['ecs'], method: 'POST' },
  request: CreateImageReq,
  result: CreateImageResult,
  ids: ['EcsId'],
  invalidates: ['DescribeImages'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/images',
    tag: TAG.images,
    summary: 'Create a private image from an instance',
    description:
      'Images a running or shut-down instance (upstream CreateImage on /ecs/v1). The instance shows `creating_image` while ' +
      'the event runs and returns to its status after; the image is listed by GET /v1/images (TemplateType `private`, in the ' +
      "instance's zone) once the event has ended, and POST /v1/instances takes it. Answers 202 with the event and the ImageId.",
    body: CreateImageReq.openapi('CreateImageBody'),
    bodyDescription: 'The instance and the image name.',
    notFound: 'InstanceNotFound',
    events: { create_image: 5 }, // ~20 s
  },
});

export const deleteImage = defineOperation({
  operationId: 'DeleteImage',
  upstream: { action: 'DeleteImage', services: ['ecs'], method: 'POST' },
  request: DeleteImageReq,
  result: EventIdData,
  ids: ['ImageIds'],
  invalidates: ['DescribeImages'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/images/delete',
    tag: TAG.images,
    summary: 'Delete private images',
    description:
      "Deletes private images (upstream DeleteImage on /ecs/v1): one zone's copy with AvailableZoneCode, else every zone's. " +
      'Public images cannot be deleted; an image an instance is being built from, or being made or copied, is refused. ' +
      'The images leave GET /v1/images at once.',
    body: DeleteImageReq.openapi('DeleteImageBody'),
    bodyDescription: 'The images, and optionally the one zone.',
    notFound: 'ImageNotFound',
    events: { delete_image: 1 }, // ~3 s
  },
});

export const syncImage = defineOperation({
  operationId: 'SyncImage',
  upstream: { action: 'SyncImage', services: ['ecs'], method: 'POST' },
  request: SyncImageReq,
  result: EventIdData,
  ids: ['ImageId'],
  invalidates: ['DescribeImages'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/images/sync',
    tag: TAG.images,
    summary: 'Copy a private image to other zones',
    description:
      'Copies a private image to other availability zones (upstream SyncImage on /ecs/v1): each zone gets its own copy, ' +
      'under the same name with an ImageId of its own, listed by GET /v1/images once the event has ended.',
    body: SyncImageReq.openapi('SyncImageBody'),
    bodyDescription: 'The image and the target zones.',
    notFound: 'ImageNotFound',
    events: { sync_image: 4 }, // ~15 s
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeImages, createImage, syncImage, deleteImage] as const;
