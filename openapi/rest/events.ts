import { createRoute } from '@hono/zod-openapi';
import { DescribeTaskEventReq, EventResultData } from '../models';
import { TAG, bearerSecurity, commonErrors, notFoundError, upstreamHeaders } from './common';

export const EventIdParams = DescribeTaskEventReq.pick({ EventId: true });

export const describeTaskEventRoute = createRoute({
  operationId: 'DescribeTaskEvent',
  method: 'get',
  path: '/v1/events/{EventId}',
  tags: [TAG.events],
  summary: 'Get an asynchronous event and its tasks',
  description:
    'Status of the event an operation started (upstream DescribeEvent): `doing` until every task ends, then `success` ' +
    'or `failed`. Poll the `Location` of a 202 answer. Instance events are looked up on /ecs/v1, disk events on /ebs/v1.',
  security: bearerSecurity,
  request: { params: EventIdParams },
  responses: {
    200: { description: 'The event.', headers: upstreamHeaders, content: { 'application/json': { schema: EventResultData } } },
    ...commonErrors,
    ...notFoundError('EventNotFound'),
  },
});
