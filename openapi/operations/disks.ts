import { EventIdData, ExtendDiskReq } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Cloud disks (EBS, served on /ebs/v1).

const DiskIdParams = ExtendDiskReq.pick({ DiskId: true });

export const extendDisk = defineOperation({
  operationId: 'ExtendDisk',
  upstream: { action: 'ExtendDisk', services: ['ebs'], method: 'POST' },
  request: ExtendDiskReq,
  result: EventIdData,
  ids: ['DiskId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/disks/{DiskId}/extend',
    tag: TAG.disks,
    summary: 'Extend a cloud disk',
    description:
      'Grows an `ssd` cloud disk (system or data) to a new total size in GB: a multiple of 8, larger than now ' +
      '(upstream ExtendDisk on /ebs/v1). Local disks cannot be extended. Answers 202 with the event to poll.',
    params: DiskIdParams,
    body: ExtendDiskReq.pick({ ExtendedSize: true }).openapi('ExtendDiskBody'),
    bodyDescription: 'The new size.',
    notFound: 'DiskNotFound',
    events: { extend_disk: 2 }, // ~6 s
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [extendDisk] as const;
