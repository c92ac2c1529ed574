import { z } from '@hono/zod-openapi';
import {
  ChangeInstanceConfigureReq,
  CreateInstanceResult,
  CreateInstanceReq,
  DeleteInstanceReq,
  DescribeInstanceListReq,
  DescribeInstanceListResult,
  DescribeInstanceReq,
  DescribeInstanceStatusReq,
  DescribeInstanceStatusResult,
  DescribeInstanceVncUrlResult,
  DescribeInstanceMonitorReq,
  DescribeInstanceMonitorResult,
  EventIdData,
  fromQueryList,
  fromQueryNumber,
  INPUT_MAXIMA,
  InstanceData,
  ModifyInstanceNameResult,
  ModifyInstanceNameReq,
  ModifyInstancePasswordReq,
  OperateInstanceReq,
} from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Elastic cloud server instances: list, read, create, rename, power, spec, password, delete.

const ecs = { services: ['ecs'] } as const;

// EcsIds as `a,b` (or repeated `EcsIds=a&EcsIds=b`), numbers as decimal digits; the rules
// themselves stay those of the request models.
const listFields = DescribeInstanceListReq.shape;
const EcsIdsQuery = (schema: z.ZodType, description: string) =>
  z.preprocess(fromQueryList, schema).openapi({ param: { style: 'form', explode: false }, description, example: ['ins-demand-cpu-ssd'] });
const EcsIdParams = DescribeInstanceReq.pick({ EcsId: true });

export const describeInstanceList = defineOperation({
  operationId: 'DescribeInstanceList',
  upstream: { action: 'DescribeInstanceList', ...ecs, method: 'GET', envelope: 'code', paging: { list: 'EcsList' } },
  request: DescribeInstanceListReq,
  result: DescribeInstanceListResult,
  ids: ['EcsIds'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances',
    tag: TAG.instances,
    summary: 'List instances',
    description:
      'Instances of the account, optionally filtered by availability zone, VPC, a search text or a list of ids ' +
      '(upstream DescribeInstanceList). Without PageNumber / PageSize every row is returned.',
    query: DescribeInstanceListReq.pick({ AvailableZoneCode: true, VpcId: true, SearchInfo: true }).extend({
      EcsIds: EcsIdsQuery(listFields.EcsIds, 'Only these instance ids, comma-separated (`EcsIds=a,b`).'),
      PageNumber: z.preprocess(fromQueryNumber, listFields.PageNumber).openapi({
        type: 'integer',
        minimum: 1,
        maximum: INPUT_MAXIMA.PageNumber,
        description: `Page number, 1–${INPUT_MAXIMA.PageNumber}. Without paging parameters every row is returned.`,
        example: 1,
      }),
      PageSize: z
        .preprocess(fromQueryNumber, listFields.PageSize)
        .openapi({ type: 'integer', minimum: 1, maximum: INPUT_MAXIMA.PageSize, description: `Rows per page (1–${INPUT_MAXIMA.PageSize}).`, example: 20 }),
    }),
    zoneCodes: 'EcsList',
    answer: 'A page of instances.',
  },
});

export const describeInstanceStatus = defineOperation({
  operationId: 'DescribeInstanceStatus',
  // A read, yet a POST with the ids in the body (as the SDK sends it); never retried like the GETs.
  // Its published answer pairs `Code` with `Message`; readers accept either message field.
  upstream: { action: 'DescribeInstanceStatus', ...ecs, method: 'POST' },
  request: DescribeInstanceStatusReq,
  result: DescribeInstanceStatusResult,
  ids: ['EcsIds'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances/status',
    tag: TAG.instances,
    summary: 'Status of several instances',
    description:
      'The status code and display name of each listed instance, keyed by id (upstream DescribeInstanceStatus). ' +
      'Ids the account does not own are left out of the answer.',
    query: z.object({ EcsIds: EcsIdsQuery(DescribeInstanceStatusReq.shape.EcsIds, 'Instance ids, comma-separated (`EcsIds=a,b`), 1–100.') }),
    answer: 'Statuses by instance id.',
  },
});

export const describeInstance = defineOperation({
  operationId: 'DescribeInstance',
  upstream: { action: 'DescribeInstance', ...ecs, method: 'GET', envelope: 'code' },
  request: DescribeInstanceReq,
  result: InstanceData,
  ids: ['EcsId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances/{EcsId}',
    tag: TAG.instances,
    summary: 'Get one instance',
    description: 'Full detail of one instance: spec, OS, disks (with their ids for ExtendDisk), network and billing (upstream DescribeInstance).',
    params: EcsIdParams,
    notFound: 'InstanceNotFound',
    zoneCodes: 'self',
    answer: 'The instance.',
  },
});

export const createInstance = defineOperation({
  operationId: 'CreateInstance',
  upstream: { action: 'CreateInstance', ...ecs, method: 'POST' },
  request: CreateInstanceReq,
  result: CreateInstanceResult,
  secrets: ['Password'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/instances',
    tag: TAG.instances,
    summary: 'Create instances',
    description:
      'Buys 1–100 instances of one spec, image, network and billing method (upstream CreateInstance). Every rule the ' +
      'official SDK checks, and every documented limit, is checked before the call (400 ValidationFailed listing each ' +
      'failure). Send an Idempotency-Key: a retried create then never buys a second server. The password is never ' +
      'logged, stored or answered. Answers 202 with the new instance ids and the event to poll (they pass building → running).',
    body: CreateInstanceReq,
    bodyDescription: 'What to create.',
    events: { create_ecs: 4 },
    answer: 'Accepted: the instances being created',
  },
});

export const modifyInstanceName = defineOperation({
  operationId: 'ModifyInstanceName',
  upstream: { action: 'ModifyInstanceName', ...ecs, method: 'POST' },
  request: ModifyInstanceNameReq,
  result: ModifyInstanceNameResult,
  ids: ['EcsId'],
  rest: {
    kind: 'sync',
    method: 'patch',
    path: '/v1/instances/{EcsId}',
    tag: TAG.instances,
    summary: 'Rename an instance',
    description: 'Changes the display name of one instance (upstream ModifyInstanceName). Synchronous.',
    params: EcsIdParams,
    body: ModifyInstanceNameReq.pick({ Name: true }).openapi('ModifyInstanceNameBody'),
    bodyDescription: 'The new name.',
    notFound: 'InstanceNotFound',
    answer: 'Renamed.',
  },
});

export const operateInstance = defineOperation({
  operationId: 'OperateInstance',
  upstream: { action: 'OperateInstance', ...ecs, method: 'POST', envelope: 'code' },
  request: OperateInstanceReq,
  result: EventIdData,
  ids: ['EcsIds'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/instances/operate',
    tag: TAG.instances,
    summary: 'Start, stop or restart instances',
    description:
      'Runs one power operation on one or more instances (upstream OperateInstance). A request that any listed ' +
      'instance cannot take is refused whole (409 InvalidInstanceStatus). `DeleteEip` only matters for ' +
      '`free_shutdown_ecs` and defaults to 0 (keep the public IPs). Answers 202 with the event to poll.',
    body: OperateInstanceReq,
    bodyDescription: 'The operation.',
    notFound: 'InstanceNotFound',
    // start ~8 s, shutdown ~8 s, hard shutdown ~3 s, restart ~12 s, free shutdown ~8 s
    events: { start_up_ecs: 2, shutdown_ecs: 2, hard_shutdown_ecs: 1, restart_ecs: 3, free_shutdown_ecs: 2 },
    eventTypeOf: (req: OperateInstanceReq) => req.OpType,
  },
});

export const changeInstanceConfigure = defineOperation({
  operationId: 'ChangeInstanceConfigure',
  upstream: { action: 'ChangeInstanceConfigure', ...ecs, method: 'POST' },
  request: ChangeInstanceConfigureReq,
  result: EventIdData,
  ids: ['EcsIds'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/instances/change-spec',
    tag: TAG.instances,
    summary: 'Change the spec of shut-down instances',
    description:
      'Moves shut-down instances of one availability zone to another spec (family, CPU, RAM, GPU) (upstream ' +
      'ChangeInstanceConfigure). No CPU↔GPU change; monthly instances may only grow. Answers 202 with the event to poll.',
    body: ChangeInstanceConfigureReq,
    bodyDescription: 'The target spec.',
    notFound: 'InstanceNotFound',
    events: { change_ecs_config: 3 },
  },
});

export const modifyInstancePassword = defineOperation({
  operationId: 'ModifyInstancePassword',
  upstream: { action: 'ModifyInstancePassword', ...ecs, method: 'POST' },
  request: ModifyInstancePasswordReq,
  result: EventIdData,
  ids: ['EcsIds'],
  secrets: ['Password'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/instances/password',
    tag: TAG.instances,
    summary: 'Change the login password of instances',
    description:
      'Sets a new administrator password on one or more instances (upstream ModifyInstancePassword). The password is ' +
      'never logged, stored or answered; a validation error says what is wrong without repeating it. Answers 202 with the event to poll.',
    body: ModifyInstancePasswordReq,
    bodyDescription: 'The instances and their new password.',
    notFound: 'InstanceNotFound',
    events: { reset_pwd: 1 },
  },
});

export const deleteInstance = defineOperation({
  operationId: 'DeleteInstance',
  upstream: { action: 'DeleteInstance', ...ecs, method: 'POST' },
  request: DeleteInstanceReq,
  result: EventIdData,
  ids: ['EcsIds'],
  rest: {
    kind: 'accepted',
    method: 'post',
    path: '/v1/instances/delete',
    tag: TAG.instances,
    summary: 'Delete instances',
    description:
      'Deletes one or more instances (upstream DeleteInstance); data disks marked ReleaseWithInstance go with them. ' +
      '`DeleteEip` 1 also releases their public IPs, 0 (default) only unbinds them. Answers 202 with the event to poll.',
    body: DeleteInstanceReq,
    bodyDescription: 'The instances to delete.',
    notFound: 'InstanceNotFound',
    events: { delete_ecs: 2 },
  },
});

export const describeInstanceVncUrl = defineOperation({
  operationId: 'DescribeInstanceVncUrl',
  upstream: { action: 'DescribeInstanceVncUrl', ...ecs, method: 'GET' },
  request: DescribeInstanceReq,
  result: DescribeInstanceVncUrlResult,
  ids: ['EcsId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances/{EcsId}/vnc-url',
    tag: TAG.instances,
    summary: "Get the address of an instance's remote console",
    description:
      'The address of the remote (VNC) console page of a running instance (upstream DescribeInstanceVncUrl). An instance without a ' +
      'console (shut down, building, …) answers 409 InvalidInstanceStatus.',
    params: EcsIdParams,
    notFound: 'InstanceNotFound',
    refusedByStatus: true,
    answer: 'The console address.',
  },
});

const monitorFields = DescribeInstanceMonitorReq.shape;

export const describeInstanceMonitor = defineOperation({
  operationId: 'DescribeInstanceMonitor',
  // A read, yet a POST with a JSON body upstream; never retried like the GETs.
  upstream: { action: 'DescribeInstanceMonitor', ...ecs, method: 'POST' },
  request: DescribeInstanceMonitorReq,
  result: DescribeInstanceMonitorResult,
  ids: ['EcsId'],
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/instances/{EcsId}/metrics',
    tag: TAG.instances,
    summary: "Read an instance's metrics",
    description:
      'CPU, memory, load, network, disk and GPU metrics of one instance over a time window: the last TimeInterval hours, or ' +
      'StartTime–EndTime (China time) (upstream DescribeInstanceMonitor). Each series is parallel `Time` / `Value` arrays.',
    params: EcsIdParams,
    query: DescribeInstanceMonitorReq.pick({ TimeInterval: true, StartTime: true, EndTime: true }).extend({
      Indicators: z
        .preprocess(fromQueryList, monitorFields.Indicators)
        .openapi({ param: { style: 'form', explode: false }, description: 'Metrics to read, comma-separated; default all.', example: ['CpuUsage', 'Load'] }),
    }),
    notFound: 'InstanceNotFound',
    answer: 'The series by metric name.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [
  describeInstanceList,
  describeInstanceStatus,
  describeInstance,
  createInstance,
  modifyInstanceName,
  operateInstance,
  changeInstanceConfigure,
  modifyInstancePassword,
  deleteInstance,
  describeInstanceVncUrl,
  describeInstanceMonitor,
] as const;
