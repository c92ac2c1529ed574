import { z } from '@hono/zod-openapi';
import { DescribeTaskEventReq, EventResultData, fromQueryNumber } from '../models';
import { MAX_WAIT_S, TAG } from '../rest/common';
import { defineOperation } from './define';

// The asynchronous events operations start.

export const describeTaskEvent = defineOperation({
  operationId: 'DescribeTaskEvent',
  upstream: { action: 'DescribeEvent', services: ['ecs', 'ebs'], method: 'GET', dataMayBeWrapped: true },
  request: DescribeTaskEventReq,
  result: EventResultData,
  rest: {
    kind: 'read',
    waitsForEvent: true,
    method: 'get',
    path: '/v1/events/{EventId}',
    tag: TAG.events,
    summary: 'Get an asynchronous event and its tasks',
    description:
      'Status of the event an operation started (upstream DescribeEvent): `doing` until every task ends, then `success` ' +
      'or `failed`. Poll the `Location` of a 202 answer, or pass `wait` to have the gateway wait for the end. Instance ' +
      'events are looked up on /ecs/v1, disk events on /ebs/v1.',
    params: DescribeTaskEventReq.pick({ EventId: true }),
    query: z.object({
      wait: z.preprocess(fromQueryNumber, z.number().int().min(1).max(MAX_WAIT_S).optional()).openapi({
        type: 'integer',
        minimum: 1,
        maximum: MAX_WAIT_S,
        description:
          `Wait up to this many seconds (1–${MAX_WAIT_S}) for the event to end: the answer comes as soon as it is \`success\` or \`failed\`, ` +
          'or with its current state when the time runs out. The gateway polls upstream meanwhile (after 1 s, 2 s, 4 s, then every 5 s).',
        example: 20,
      }),
    }),
    notFound: 'EventNotFound',
    answer: 'The event; Retry-After while it has not ended.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeTaskEvent] as const;
