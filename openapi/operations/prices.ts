import { DescribePriceResult, DescribePriceReq } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// Price quotes for would-be orders.

export const describePrice = defineOperation({
  operationId: 'DescribePrice',
  upstream: { action: 'DescribePrice', services: ['ecs'], method: 'POST' },
  request: DescribePriceReq,
  result: DescribePriceResult,
  rest: {
    // A read that takes a body: nothing changes, so no Idempotency-Key; a POST, so the write rate limit.
    kind: 'read',
    method: 'post',
    path: '/v1/prices',
    tag: TAG.prices,
    summary: 'Quote the price of an order',
    description:
      'What an order of instances would cost: zone, family and spec, billing method and term, disks and count, with the rules ' +
      'POST /v1/instances checks (upstream DescribePrice). Nothing is ordered: a quote, repeated freely (no Idempotency-Key).',
    body: DescribePriceReq,
    bodyDescription: 'The would-be order.',
    answer: 'The quote.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describePrice] as const;
