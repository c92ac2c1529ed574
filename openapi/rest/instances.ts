import { createRoute, z } from '@hono/zod-openapi';
import {
  ChangeInstanceConfigureReq,
  DescribeInstanceListReq,
  DescribeInstanceListResult,
  DescribeInstanceReq,
  INPUT_MAXIMA,
  InstanceData,
  ModifyInstanceNameData,
  ModifyInstanceNameReq,
  OperateInstanceReq,
} from '../models';
import {
  TAG,
  acceptedResponse,
  bearerSecurity,
  commonErrors,
  mutationHeaders,
  mutationRequest,
  mutationResponses,
  notFoundError,
  upstreamHeaders,
} from './common';

// Query strings carry text: numbers are read with Number(), EcsIds as `a,b` (or repeated
// `EcsIds=a&EcsIds=b`). The rules themselves stay those of DescribeInstanceListReq.
// Only plain decimal digits become numbers ("0x10", "1e3" and "2.5" stay strings and fail).
const fromQueryNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : v) : v);
const fromQueryList = (v: unknown) =>
  typeof v === 'string' || Array.isArray(v)
    ? ([] as string[]).concat(v as string | string[]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)
    : v;

const listFields = DescribeInstanceListReq.shape;
export const DescribeInstanceListQuery = DescribeInstanceListReq.pick({ AvailableZoneCode: true, VpcId: true, SearchInfo: true }).extend({
  EcsIds: z.preprocess(fromQueryList, listFields.EcsIds).openapi({
    param: { style: 'form', explode: false },
    description: 'Only these instance ids, comma-separated (`EcsIds=a,b`).',
    example: ['ins-tevgfaaronl12h11'],
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
    ...notFoundError('Instance'),
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
    200: { description: 'Renamed.', headers: mutationHeaders, content: { 'application/json': { schema: ModifyInstanceNameData } } },
    ...mutationResponses('Instance'),
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
  request: mutationRequest(OperateInstanceReq, 'The operation.'),
  responses: { ...acceptedResponse, ...mutationResponses('Instance') },
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
  request: mutationRequest(ChangeInstanceConfigureReq, 'The target spec.'),
  responses: { ...acceptedResponse, ...mutationResponses('Instance') },
});
