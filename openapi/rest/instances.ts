import { createRoute, z } from '@hono/zod-openapi';
import {
  ChangeInstanceConfigureReq,
  CreateInstanceResult,
  CreateInstanceReq,
  DeleteInstanceReq,
  DescribeInstanceStatusReq,
  DescribeInstanceStatusResult,
  ModifyInstancePasswordReq,
  DescribeInstanceListReq,
  DescribeInstanceListResult,
  DescribeInstanceReq,
  fromQueryList,
  fromQueryNumber,
  INPUT_MAXIMA,
  InstanceData,
  ModifyInstanceNameResult,
  ModifyInstanceNameReq,
  OperateInstanceReq,
} from '../models';
import {
  TAG,
  acceptedRequest,
  acceptedResponseOf,
  acceptedResponse,
  bearerSecurity,
  commonErrors,
  mutationHeaders,
  mutationRequest,
  mutationResponses,
  notFoundError,
  upstreamHeaders,
} from './common';

// EcsIds as `a,b` (or repeated `EcsIds=a&EcsIds=b`), numbers as decimal digits; the rules
// themselves stay those of DescribeInstanceListReq.

const listFields = DescribeInstanceListReq.shape;
export const DescribeInstanceListQuery = DescribeInstanceListReq.pick({ AvailableZoneCode: true, VpcId: true, SearchInfo: true }).extend({
  EcsIds: z.preprocess(fromQueryList, listFields.EcsIds).openapi({
    param: { style: 'form', explode: false },
    description: 'Only these instance ids, comma-separated (`EcsIds=a,b`).',
    example: ['ins-demand-cpu-ssd'],
  }),
  PageNumber: z.preprocess(fromQueryNumber, listFields.PageNumber).openapi({
    type: 'integer',
    minimum: 1,
    maximum: INPUT_MAXIMA.PageNumber,
    description: `Page number, 1–${INPUT_MAXIMA.PageNumber}. Without paging parameters every row is returned.`,
    example: 1,
  }),
  PageSize: z.preprocess(fromQueryNumber, listFields.PageSize).openapi({ type: 'integer', minimum: 1, maximum: INPUT_MAXIMA.PageSize, description: `Rows per page (1–${INPUT_MAXIMA.PageSize}).`, example: 20 }),
});

export const EcsIdParams = DescribeInstanceReq.pick({ EcsId: true });
export const ModifyInstanceNameBody = ModifyInstanceNameReq.pick({ Name: true }).openapi('ModifyInstanceNameBody');

export const describeInstanceListRoute = createRoute({
  operationId: 'DescribeInstanceList',
  method: 'get',
  path: '/v1/instances',
  tags: [TAG.instances],
  summary: 'List instances',
  description:
    'Instances of the account, optionally filtered by availability zone, VPC, a search text or a list of ids ' +
    '(upstream DescribeInstanceList). Without PageNumber / PageSize every row is returned.',
  security: bearerSecurity,
  request: { query: DescribeInstanceListQuery },
  responses: {
    200: { description: 'A page of instances.', headers: upstreamHeaders, content: { 'application/json': { schema: DescribeInstanceListResult } } },
    ...commonErrors,
  },
});

export const describeInstanceRoute = createRoute({
  operationId: 'DescribeInstance',
  method: 'get',
  path: '/v1/instances/{EcsId}',
  tags: [TAG.instances],
  summary: 'Get one instance',
  description: 'Full detail of one instance: spec, OS, disks (with their ids for ExtendDisk), network and billing (upstream DescribeInstance).',
  security: bearerSecurity,
  request: { params: EcsIdParams },
  responses: {
    200: { description: 'The instance.', headers: upstreamHeaders, content: { 'application/json': { schema: InstanceData } } },
    ...commonErrors,
    ...notFoundError('InstanceNotFound'),
  },
});

export const modifyInstanceNameRoute = createRoute({
  operationId: 'ModifyInstanceName',
  method: 'patch',
  path: '/v1/instances/{EcsId}',
  tags: [TAG.instances],
  summary: 'Rename an instance',
  description: 'Changes the display name of one instance (upstream ModifyInstanceName). Synchronous.',
  security: bearerSecurity,
  request: { params: EcsIdParams, ...mutationRequest(ModifyInstanceNameBody, 'The new name.') },
  responses: {
    200: { description: 'Renamed.', headers: mutationHeaders, content: { 'application/json': { schema: ModifyInstanceNameResult } } },
    ...mutationResponses('InstanceNotFound'),
  },
});

export const operateInstanceRoute = createRoute({
  operationId: 'OperateInstance',
  method: 'post',
  path: '/v1/instances/operate',
  tags: [TAG.instances],
  summary: 'Start, stop or restart instances',
  description:
    'Runs one power operation on one or more instances (upstream OperateInstance). A request that any listed ' +
    'instance cannot take is refused whole (409 InvalidInstanceStatus). `DeleteEip` only matters for ' +
    '`free_shutdown_ecs` and defaults to 0 (keep the public IPs). Answers 202 with the event to poll.',
  security: bearerSecurity,
  request: acceptedRequest(OperateInstanceReq, 'The operation.'),
  responses: { ...acceptedResponse, ...mutationResponses('InstanceNotFound') },
});

export const changeInstanceConfigureRoute = createRoute({
  operationId: 'ChangeInstanceConfigure',
  method: 'post',
  path: '/v1/instances/change-spec',
  tags: [TAG.instances],
  summary: 'Change the spec of shut-down instances',
  description:
    'Moves shut-down instances of one availability zone to another spec (family, CPU, RAM, GPU) (upstream ' +
    'ChangeInstanceConfigure). No CPU↔GPU change; monthly instances may only grow. Answers 202 with the event to poll.',
  security: bearerSecurity,
  request: acceptedRequest(ChangeInstanceConfigureReq, 'The target spec.'),
  responses: { ...acceptedResponse, ...mutationResponses('InstanceNotFound') },
});

export const DescribeInstanceStatusQuery = z.object({
  EcsIds: z.preprocess(fromQueryList, DescribeInstanceStatusReq.shape.EcsIds).openapi({
    param: { style: 'form', explode: false },
    description: 'Instance ids, comma-separated (`EcsIds=a,b`), 1–100.',
    example: ['ins-demand-cpu-ssd'],
  }),
});

// A concrete path: declared (and registered) before /v1/instances/{EcsId}, which it wins over.
export const describeInstanceStatusRoute = createRoute({
  operationId: 'DescribeInstanceStatus',
  method: 'get',
  path: '/v1/instances/status',
  tags: [TAG.instances],
  summary: 'Status of several instances',
  description:
    'The status code and display name of each listed instance, keyed by id (upstream DescribeInstanceStatus). ' +
    'Ids the account does not own are left out of the answer.',
  security: bearerSecurity,
  request: { query: DescribeInstanceStatusQuery },
  responses: {
    200: { description: 'Statuses by instance id.', headers: upstreamHeaders, content: { 'application/json': { schema: DescribeInstanceStatusResult } } },
    ...commonErrors,
  },
});

export const createInstanceRoute = createRoute({
  operationId: 'CreateInstance',
  method: 'post',
  path: '/v1/instances',
  tags: [TAG.instances],
  summary: 'Create instances',
  description:
    'Buys 1–100 instances of one spec, image, network and billing method (upstream CreateInstance). Every rule the ' +
    'official SDK checks, and every documented limit, is checked before the call (400 ValidationFailed listing each ' +
    'failure). Send an Idempotency-Key: a retried create then never buys a second server. The password is never ' +
    'logged, stored or answered. Answers 202 with the new instance ids and the event to poll (they pass building → running).',
  security: bearerSecurity,
  request: acceptedRequest(CreateInstanceReq, 'What to create.'),
  responses: { ...acceptedResponseOf(CreateInstanceResult, 'Accepted: the instances being created'), ...mutationResponses() },
});

export const deleteInstanceRoute = createRoute({
  operationId: 'DeleteInstance',
  method: 'post',
  path: '/v1/instances/delete',
  tags: [TAG.instances],
  summary: 'Delete instances',
  description:
    'Deletes one or more instances (upstream DeleteInstance); data disks marked ReleaseWithInstance go with them. ' +
    '`DeleteEip` 1 also releases their public IPs, 0 (default) only unbinds them. Answers 202 with the event to poll.',
  security: bearerSecurity,
  request: acceptedRequest(DeleteInstanceReq, 'The instances to delete.'),
  responses: { ...acceptedResponse, ...mutationResponses('InstanceNotFound') },
});

export const modifyInstancePasswordRoute = createRoute({
  operationId: 'ModifyInstancePassword',
  method: 'post',
  path: '/v1/instances/password',
  tags: [TAG.instances],
  summary: 'Change the login password of instances',
  description:
    'Sets a new administrator password on one or more instances (upstream ModifyInstancePassword). The password is ' +
    'never logged, stored or answered; a validation error says what is wrong without repeating it. Answers 202 with the event to poll.',
  security: bearerSecurity,
  request: acceptedRequest(ModifyInstancePasswordReq, 'The instances and their new password.'),
  responses: { ...acceptedResponse, ...mutationResponses('InstanceNotFound') },
});
