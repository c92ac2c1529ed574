import { z } from '@hono/zod-openapi';
import {
  CopySnapshotCrossAZReq,
  CopySnapshotCrossAZResult,
  CreateImageBySnapshotReq,
  CreateImageResult,
  CreateSnapshotReq,
  DescribeSnapshotChainListReq,
  DescribeSnapshotChainListResult,
  DescribeSnapshotChainReq,
  DescribeSnapshotChainResult,
  CreateSnapshotResult,
  DeleteSnapshotReq,
  DescribeSnapshotListReq,
  DescribeSnapshotListResult,
  DescribeSnapshotQuotaReq,
  DescribeSnapshotQuotaResult,
  DescribeSnapshotReq,
  DescribeSnapshotResult,
  EmptyData,
  EventIdData,
  RenameSnapshotReq,
  RollbackDiskBySnapshotReq,
  fromQueryList,
  fromQueryNumber,
  resourceId,
} from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Disk snapshots and snapshot chains (EBS, served on /ebs/v1).

const ebs = { services: ['ebs'] } as const;
const SnapshotIdParams = DescribeSnapshotReq.pick({ SnapshotId: true });
const listFields = DescribeSnapshotListReq.shape;
const pageQuery = {
  PageNumber: z.preprocess(fromQueryNumber, listFields.PageNumber).openapi({ type: 'integer', minimum: 1, description: 'Page number, default 1.', example: 1 }),
  PageSize: z.preprocess(fromQueryNumber, listFields.PageSize).openapi({ type: 'integer', minimum: 1, description: 'Rows per page, default 20.', example: 20 }),
};

export const describeSnapshotList = defineOperation({
  operationId: 'DescribeSnapshotList',
  upstream: { action: 'DescribeSnapshotList', ...ebs, method: 'GET', paging: { list: 'SnapshotList' }, jsonQueryLists: ['SnapshotIds'] },
  request: DescribeSnapshotListReq,
  result: DescribeSnapshotListResult,
  ids: ['SnapshotIds', 'DiskId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/snapshots',
    tag: TAG.snapshots,
    summary: 'List disk snapshots',
    description:
      'Snapshots of the account, optionally of one zone, region or disk, or only the listed ids (upstream DescribeSnapshotList ' +
      'on /ebs/v1). A page of 20 unless PageNumber / PageSize say otherwise; deleted snapshots are not listed.',
    query: DescribeSnapshotListReq.pick({ AvailableZoneCode: true, RegionCode: true, DiskId: true }).extend({
      SnapshotIds: z.preprocess(fromQueryList, listFields.SnapshotIds).openapi({
        param: { style: 'form', explode: false },
        description: 'Only these snapshot ids, comma-separated (`SnapshotIds=a,b`), at most 100.',
        example: ['s-disk-month-cpu-ssd-sys-seed-01'],
      }),
      ...pageQuery,
    }),
    answer: 'A page of snapshots.',
  },
});

export const describeSnapshotQuota = defineOperation({
  operationId: 'DescribeSnapshotQuota',
  upstream: { action: 'DescribeSnapshotQuota', ...ebs, method: 'GET' },
  request: DescribeSnapshotQuotaReq,
  result: DescribeSnapshotQuotaResult,
  ids: ['DiskId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/snapshots/quota',
    tag: TAG.snapshots,
    summary: "A disk's snapshot quota",
    description: 'How many snapshots one disk may have, has, and may still take (upstream DescribeSnapshotQuota on /ebs/v1). CreateSnapshot is refused at FreeQuota 0.',
    query: DescribeSnapshotQuotaReq,
    notFound: 'DiskNotFound',
    answer: 'The quota.',
  },
});

export const describeSnapshot = defineOperation({
  operationId: 'DescribeSnapshot',
  upstream: { action: 'DescribeSnapshot', ...ebs, method: 'GET' },
  request: DescribeSnapshotReq,
  result: DescribeSnapshotResult,
  ids: ['SnapshotId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/snapshots/{SnapshotId}',
    tag: TAG.snapshots,
    summary: 'One disk snapshot',
    description: 'One snapshot with its status (upstream DescribeSnapshot on /ebs/v1).',
    params: SnapshotIdParams,
    notFound: 'SnapshotNotFound',
    answer: 'The snapshot, under SnapshotInfo.',
  },
});

export const createSnapshot = defineOperation({
  operationId: 'CreateSnapshot',
  upstream: { action: 'CreateSnapshot', ...ebs, method: 'POST' },
  request: CreateSnapshotReq,
  result: CreateSnapshotResult,
  ids: ['DiskId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/snapshots',
    tag: TAG.snapshots,
    summary: 'Snapshot a cloud disk',
    description:
      'Takes a snapshot of one cloud disk, system or data, of a running or shut-down instance (upstream CreateSnapshot on /ebs/v1). ' +
      'The disk shows `creating_snapshot` and the snapshot `creating` while the event runs; then the snapshot is `running` ' +
      '(`create_fail` if the event failed). Refused when the disk has used its quota (GET /v1/snapshots/quota).',
    body: CreateSnapshotReq.openapi('CreateSnapshotBody'),
    bodyDescription: 'The disk, and optionally the name, how long to keep it and the optimisation option.',
    notFound: 'DiskNotFound',
    events: { create_snapshot: 3 }, // ~10 s
  },
});

export const renameSnapshot = defineOperation({
  operationId: 'RenameSnapshot',
  upstream: { action: 'RenameSnapshot', ...ebs, method: 'POST' },
  request: RenameSnapshotReq,
  result: EmptyData,
  ids: ['SnapshotId'],
  rest: {
    kind: 'sync',
    method: 'patch',
    path: '/v1/snapshots/{SnapshotId}',
    tag: TAG.snapshots,
    summary: 'Rename a snapshot',
    description: 'Changes the name of one snapshot (upstream RenameSnapshot on /ebs/v1). Synchronous.',
    params: SnapshotIdParams,
    body: RenameSnapshotReq.pick({ SnapshotName: true }).openapi('RenameSnapshotBody'),
    bodyDescription: 'The new name.',
    notFound: 'SnapshotNotFound',
    answer: 'Renamed (an empty object).',
  },
});

export const deleteSnapshot = defineOperation({
  operationId: 'DeleteSnapshot',
  upstream: { action: 'DeleteSnapshot', ...ebs, method: 'POST' },
  request: DeleteSnapshotReq,
  result: EventIdData,
  ids: ['SnapshotIds'],
  invalidates: ['DescribeImages'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/snapshots/delete',
    tag: TAG.snapshots,
    summary: 'Delete snapshots',
    description:
      'Deletes snapshots (upstream DeleteSnapshot on /ebs/v1): each shows `deleting` while the event runs, then is gone. ' +
      'DeleteBindImages true also deletes the private images made from them. A snapshot being taken or used for a rollback is refused.',
    body: DeleteSnapshotReq.openapi('DeleteSnapshotBody'),
    bodyDescription: 'The snapshots, and whether their images go too.',
    notFound: 'SnapshotNotFound',
    events: { delete_snapshot: 1 }, // ~5 s
  },
});

export const rollbackDiskBySnapshot = defineOperation({
  operationId: 'RollbackDiskBySnapshot',
  // The document's example sends this spelling, its heading `RollbackDiskBySnapShot`: the emulator takes both.
  upstream: { action: 'RollbackDiskBySnapshot', actionAliases: ['RollbackDiskBySnapShot'], ...ebs, method: 'POST' },
  request: RollbackDiskBySnapshotReq,
  result: EventIdData,
  ids: ['SnapshotId', 'DiskId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/snapshots/{SnapshotId}/rollback',
    tag: TAG.snapshots,
    summary: 'Roll a disk back to a snapshot',
    description:
      'Rolls the disk the snapshot is of back to it (upstream RollbackDiskBySnapshot on /ebs/v1). The instance must be shut down; ' +
      'the disk shows `rollback` and the snapshot `disk_rollback` while the event runs, then the instance is started again unless ' +
      'AutoTurnOnInstance is 0. NewSnapshot takes a snapshot of the disk first.',
    params: SnapshotIdParams,
    body: RollbackDiskBySnapshotReq.omit({ SnapshotId: true }).openapi('RollbackDiskBySnapshotBody'),
    bodyDescription: 'The disk, an optional snapshot to take first, and whether to start the instance after.',
    notFound: 'SnapshotNotFound',
    events: { rollback_disk: 4 }, // ~15 s
  },
});

export const createImageBySnapshot = defineOperation({
  operationId: 'CreateImageBySnapshot',
  upstream: { action: 'CreateImageBySnapshot', ...ebs, method: 'POST' },
  request: CreateImageBySnapshotReq,
  result: CreateImageResult,
  ids: ['SnapshotId'],
  invalidates: ['DescribeImages'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/snapshots/{SnapshotId}/image',
    tag: TAG.snapshots,
    summary: 'Make a private image from a system-disk snapshot',
    description:
      "Makes a private image from a running snapshot of a system disk (upstream CreateImageBySnapshot on /ebs/v1), in the snapshot's " +
      'zone with its OS; listed by GET /v1/images once the event has ended. Answers 202 with the event and the ImageId.',
    params: SnapshotIdParams,
    body: CreateImageBySnapshotReq.omit({ SnapshotId: true }).openapi('CreateImageBySnapshotBody'),
    bodyDescription: 'The image name and the optimisation option.',
    notFound: 'SnapshotNotFound',
    events: { create_image_by_snapshot: 5 }, // ~20 s
  },
});

export const copySnapshotCrossAZ = defineOperation({
  operationId: 'CopySnapshotCrossAZ',
  upstream: { action: 'CopySnapshotCrossAZ', ...ebs, method: 'POST' },
  request: CopySnapshotCrossAZReq,
  result: CopySnapshotCrossAZResult,
  ids: ['SnapshotId'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/snapshots/{SnapshotId}/copy',
    tag: TAG.snapshots,
    summary: 'Copy a snapshot to another zone',
    description:
      'Copies a running snapshot to another availability zone (upstream CopySnapshotCrossAZ on /ebs/v1): the copy has an id of ' +
      "its own and starts the disk's chain in that zone; it is `creating`, then `running`. It counts against the disk's quota.",
    params: SnapshotIdParams,
    body: CopySnapshotCrossAZReq.omit({ SnapshotId: true }).openapi('CopySnapshotCrossAZBody'),
    bodyDescription: 'The target zone.',
    notFound: 'SnapshotNotFound',
    events: { copy_snapshot: 5 }, // ~20 s
  },
});

const chainListFields = DescribeSnapshotChainListReq.shape;

export const describeSnapshotChainList = defineOperation({
  operationId: 'DescribeSnapshotChainList',
  upstream: { action: 'DescribeSnapshotChainList', ...ebs, method: 'GET', paging: { list: 'SnapshotChainList' } },
  request: DescribeSnapshotChainListReq,
  result: DescribeSnapshotChainListResult,
  ids: ['DiskId', 'InstanceId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/snapshot-chains',
    tag: TAG.snapshots,
    summary: 'List snapshot chains',
    description:
      "Snapshot chains (one per disk and zone) of the account, optionally of one zone, region, disk or instance's disks " +
      '(upstream DescribeSnapshotChainList on /ebs/v1). A page of 20 unless PageNumber / PageSize say otherwise.',
    query: DescribeSnapshotChainListReq.pick({ AvailableZoneCode: true, RegionCode: true, DiskId: true, InstanceId: true }).extend({
      PageNumber: z.preprocess(fromQueryNumber, chainListFields.PageNumber).openapi({ type: 'integer', minimum: 1, description: 'Page number, default 1.', example: 1 }),
      PageSize: z.preprocess(fromQueryNumber, chainListFields.PageSize).openapi({ type: 'integer', minimum: 1, description: 'Rows per page, default 20.', example: 20 }),
    }),
    answer: 'A page of snapshot chains.',
  },
});

export const describeSnapshotChain = defineOperation({
  operationId: 'DescribeSnapshotChain',
  upstream: { action: 'DescribeSnapshotChain', ...ebs, method: 'GET', paging: { list: 'SnapshotList' } },
  request: DescribeSnapshotChainReq,
  result: DescribeSnapshotChainResult,
  ids: ['SnapshotChainId', 'DiskId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/snapshot-chains/{SnapshotChainId}',
    tag: TAG.snapshots,
    summary: 'One snapshot chain with its snapshots',
    description: 'One chain and a page of its snapshots (upstream DescribeSnapshotChain on /ebs/v1).',
    params: z.object({ SnapshotChainId: resourceId('a snapshot chain').openapi({ description: 'The chain (快照链ID).', example: 'sl-disk-month-cpu-ssd-sys-seed' }) }),
    query: DescribeSnapshotChainReq.pick({}).extend({
      PageNumber: z.preprocess(fromQueryNumber, chainListFields.PageNumber).openapi({ type: 'integer', minimum: 1, description: 'Page number, default 1.', example: 1 }),
      PageSize: z.preprocess(fromQueryNumber, chainListFields.PageSize).openapi({ type: 'integer', minimum: 1, description: 'Rows per page, default 20.', example: 20 }),
    }),
    notFound: 'SnapshotNotFound',
    answer: 'The chain and a page of its snapshots.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [
  describeSnapshotList,
  describeSnapshotQuota,
  describeSnapshot,
  createSnapshot,
  renameSnapshot,
  rollbackDiskBySnapshot,
  deleteSnapshot,
  createImageBySnapshot,
  copySnapshotCrossAZ,
  describeSnapshotChainList,
  describeSnapshotChain,
] as const;
