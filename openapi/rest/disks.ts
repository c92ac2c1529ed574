import { createRoute } from '@hono/zod-openapi';
import { ExtendDiskReq } from '../models';
import { TAG, acceptedRequest, acceptedResponse, bearerSecurity, mutationResponses } from './common';

export const DiskIdParams = ExtendDiskReq.pick({ DiskId: true });
export const ExtendDiskBody = ExtendDiskReq.pick({ ExtendedSize: true }).openapi('ExtendDiskBody');

export const extendDiskRoute = createRoute({
  operationId: 'ExtendDisk',
  method: 'post',
  path: '/v1/disks/{DiskId}/extend',
  tags: [TAG.disks],
  summary: 'Extend a cloud disk',
  description:
    'Grows an `ssd` cloud disk (system or data) to a new total size in GB: a multiple of 8, larger than now ' +
    '(upstream ExtendDisk on /ebs/v1). Local disks cannot be extended. Answers 202 with the event to poll.',
  security: bearerSecurity,
  request: { params: DiskIdParams, ...acceptedRequest(ExtendDiskBody, 'The new size.') },
  responses: { ...acceptedResponse, ...mutationResponses('DiskNotFound') },
});
