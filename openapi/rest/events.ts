import { createRoute, z } from '@hono/zod-openapi';
import { DescribeTaskEventReq, EventResultData } from '../models';
import { fromQueryNumber } from '../models/query';
import { MAX_WAIT_S, TAG, bearerSecurity, commonErrors, notFoundError, upstreamHeaders } from './common';

export const EventIdParams = DescribeTaskEventReq.pick({ EventId: true });

export const DescribeTaskEventQuery = z.object({
  wait: z
    .preprocess(fromQueryNumber, z.number().int().min(1).max(MAX_WAIT_S).optional())
    .openapi({
      type: 'integer',
      minimum: 1,
      maximum: MAX_WAIT_S,
      description:
        `Wait up to this many seconds (1–${MAX_WAIT_S}) for the event to end: the answer comes as soon as it is \`success\` or \`failed\`, ` +
        'or with its current state when the time runs out. The gateway polls upstream meanwhile (after 1 s, 2 s, 4 s, then every 5 s).',
      example: 20,
    }),
});

const eventHeaders = upstreamHeaders.extend({
  'Retry-After': z.string().optional().openapi({
    description: 'Only while the event has not ended: seconds to wait before polling again (a first interval that suits the event type).',
    example: '3',
  }),
});

export const describeTaskEventRoute = createRoute({
  operationId: 'DescribeTaskEvent',
  method: 'get',
  path: '/v1/events/{EventId}',
  tags: [TAG.events],
  summary: 'Get an asynchronous event and its tasks',
  description:
    'Status of the event an operation started (upstream DescribeEvent): `doing` until every task ends, then `success` ' +
    'or `failed`. Poll the `Location` of a 202 answer, or pass `wait` to have the gateway wait for the end. Instance ' +
    'events are looked up on /ecs/v1, disk events on /ebs/v1.',
  security: bearerSecurity,
  request: { params: EventIdParams, query: DescribeTaskEventQuery },
  responses: {
    200: { description: 'The event; Retry-After while it has not ended.', headers: eventHeaders, content: { 'application/json': { schema: EventResultData } } },
    ...commonErrors,
    ...notFoundError('EventNotFound'),
  },
});
