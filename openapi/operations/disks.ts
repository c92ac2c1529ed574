import { z } from '@hono/zod-openapi';
import {
  AttachDiskReq,
  CreateDiskReq,
  CreateDiskResult,
  DeleteDiskReq,
  DescribeDiskListReq,
  DescribeDiskListResult,
  DescribeDiskQuotaReq,
  DescribeDiskQuotaResult,
  DescribeDiskReq,
  DescribeDiskResult,
  DescribeEcsAttachDisksReq,
  DescribeEcsAttachDisksResult,
  DiskIdsReq,
  EventIdData,
  ExtendDiskReq,
  fromQueryList,
  fromQueryNumber,
  INPUT_MAXIMA,
} from '../models';
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

const DiskIdsQuery = z
  .preprocess(fromQueryList, DescribeDiskListReq.shape.DiskIds)
  .openapi({ param: { style: 'form', explode: false }, description: 'Only these disk ids, comma-separated (`DiskIds=a,b`).', example: ['disk-demand-cpu-ssd-data'] });

export const createDisk = defineOperation({
  operationId: 'CreateDisk',
  upstream: { action: 'CreateDisk', services: ['ebs'], method: 'POST' },
  request: CreateDiskReq,
  result: CreateDiskResult,
  ids: ['InstanceId', 'SnapshotId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/disks',
    tag: TAG.disks,
    summary: 'Create cloud disks',
    description:
      'Creates 1–100 SSD data disks in one availability zone (upstream CreateDisk on /ebs/v1): a size in GB, a multiple of 8 ' +
      'and at least 24, empty or made from a running data-disk snapshot of the zone (SnapshotId; Size at least its disk\'s). ' +
      'Detached, they pass building → waiting; with InstanceId they are attached at once to that instance of the zone ' +
      '(running or shut down, at most 16 data disks): building → mounting → running. Answers 202 with the new disk ids and the event to poll.',
    body: CreateDiskReq,
    bodyDescription: 'What to create.',
    notFound: 'SnapshotNotFound',
    events: { create_disk: 2 },
    answer: 'Accepted: the disks being created',
  },
});

export const describeDiskList = defineOperation({
  operationId: 'DescribeDiskList',
  upstream: { action: 'DescribeDiskList', services: ['ebs'], method: 'GET', paging: { list: 'DiskList' }, jsonQueryLists: ['DiskIds'] },
  request: DescribeDiskListReq,
  result: DescribeDiskListResult,
  ids: ['DiskIds'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/disks',
    tag: TAG.disks,
    summary: 'List cloud disks',
    description:
      'Cloud disks of the account, system and data, attached or not, optionally filtered by availability zone, region or ' +
      'a list of ids (upstream DescribeDiskList on /ebs/v1). Pages of 20 unless PageSize says otherwise.',
    query: DescribeDiskListReq.pick({ AvailableZoneCode: true, RegionCode: true }).extend({
      DiskIds: DiskIdsQuery,
      PageNumber: z.preprocess(fromQueryNumber, DescribeDiskListReq.shape.PageNumber).openapi({ type: 'integer', minimum: 1, description: 'Page number (default 1).', example: 1 }),
      PageSize: z.preprocess(fromQueryNumber, DescribeDiskListReq.shape.PageSize).openapi({ type: 'integer', minimum: 1, maximum: INPUT_MAXIMA.PageSize, description: 'Rows per page (default 20).', example: 20 }),
    }),
    answer: 'A page of disks.',
  },
});

// Declared before DescribeDisk: /v1/disks/quota is not a disk id.
export const describeDiskQuota = defineOperation({
  operationId: 'DescribeDiskQuota',
  upstream: { action: 'DescribeDiskQuota', services: ['ebs'], method: 'GET' },
  request: DescribeDiskQuotaReq,
  result: DescribeDiskQuotaResult,
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/disks/quota',
    tag: TAG.disks,
    summary: 'Disk quota of a zone',
    description: 'How many GB of SSD disks the availability zone allows, holds and has free (upstream DescribeDiskQuota on /ebs/v1). CreateDisk asks for at most FreeQuota.',
    query: DescribeDiskQuotaReq,
    answer: 'The zone\'s quota.',
  },
});

export const describeDisk = defineOperation({
  operationId: 'DescribeDisk',
  upstream: { action: 'DescribeDisk', services: ['ebs'], method: 'GET' },
  request: DescribeDiskReq,
  result: DescribeDiskResult,
  ids: ['DiskId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/disks/{DiskId}',
    tag: TAG.disks,
    summary: 'Get a cloud disk',
    description: 'One cloud disk: its size, status (waiting = detached, running = attached), the instance it is attached to and its slot there (upstream DescribeDisk on /ebs/v1).',
    params: DescribeDiskReq,
    notFound: 'DiskNotFound',
    answer: 'The disk.',
  },
});

export const attachDisk = defineOperation({
  operationId: 'AttachDisk',
  upstream: { action: 'AttachDisk', services: ['ebs'], method: 'POST' },
  request: AttachDiskReq,
  result: EventIdData,
  ids: ['DiskIds', 'InstanceId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/disks/attach',
    tag: TAG.disks,
    summary: 'Attach cloud disks',
    description:
      'Attaches detached (waiting) disks to a running or shut-down instance of their availability zone, at most 16 data ' +
      'disks per instance (upstream AttachDisk on /ebs/v1). Answers 202 with the event to poll (mounting → running).',
    body: AttachDiskReq,
    bodyDescription: 'The disks and the instance.',
    notFound: 'DiskNotFound',
    events: { mount_disk: 2 },
  },
});

export const detachDisk = defineOperation({
  operationId: 'DetachDisk',
  upstream: { action: 'DetachDisk', services: ['ebs'], method: 'POST' },
  request: DiskIdsReq,
  result: EventIdData,
  ids: ['DiskIds'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/disks/detach',
    tag: TAG.disks,
    summary: 'Detach cloud disks',
    description: 'Detaches attached (running) data disks; a system disk never (upstream DetachDisk on /ebs/v1). Answers 202 with the event to poll (unmounting → waiting).',
    body: DiskIdsReq,
    bodyDescription: 'The disks.',
    notFound: 'DiskNotFound',
    events: { unmount_disk: 2 },
  },
});

export const deleteDisk = defineOperation({
  operationId: 'DeleteDisk',
  upstream: { action: 'DeleteDisk', services: ['ebs'], method: 'POST' },
  request: DeleteDiskReq,
  result: EventIdData,
  ids: ['DiskIds'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/disks/delete',
    tag: TAG.disks,
    summary: 'Delete cloud disks',
    description: 'Deletes detached (waiting) data disks; a system disk never (upstream DeleteDisk on /ebs/v1). Answers 202 with the event to poll; the disks are gone when it ends.',
    body: DeleteDiskReq,
    bodyDescription: 'The disks.',
    notFound: 'DiskNotFound',
    events: { delete_disk: 2 },
  },
});

export const describeEcsAttachDisks = defineOperation({
  operationId: 'DescribeEcsAttachDisks',
  // The parameter table says InstanceId; the document's example sends EcsId.
  upstream: { action: 'DescribeEcsAttachDisks', services: ['ebs'], method: 'GET', paramAliases: { EcsId: 'InstanceId' } },
  request: DescribeEcsAttachDisksReq,
  result: DescribeEcsAttachDisksResult,
  ids: ['InstanceId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances/{EcsId}/disks',
    tag: TAG.disks,
    summary: "An instance's cloud disks",
    description:
      'The cloud disks attached to one instance, system and data, with their status and size (upstream DescribeEcsAttachDisks on ' +
      '/ebs/v1). Local disks are not cloud disks and are not listed; an instance without any answers an empty list.',
    params: z.object({ EcsId: DescribeEcsAttachDisksReq.shape.InstanceId }),
    paramNames: { EcsId: 'InstanceId' },
    notFound: 'InstanceNotFound',
    answer: "The instance's disks.",
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [createDisk, describeDiskList, describeDiskQuota, describeDisk, describeEcsAttachDisks, attachDisk, detachDisk, extendDisk, deleteDisk] as const;
