import { z } from '@hono/zod-openapi';
import { AccountSubject, DescribeAccountSubjectResult } from '../models';
import { TAG } from '../rest/common';
import { defineOperation } from './define';

// The account: billing subjects and balance.

export const describeAccountSubject = defineOperation({
  operationId: 'DescribeAccountSubject',
  upstream: { action: 'DescribeAccountSubject', services: ['ecs'], method: 'GET' },
  request: z.object({}),
  // Data is the list itself; the REST answer names it.
  result: z.array(AccountSubject),
  rest: {
    kind: 'read',
    method: 'get',
    path: '/v1/account/subjects',
    tag: TAG.account,
    summary: "List the account's billing subjects and their balance",
    description:
      'The billing subjects (test accounts) of the account with their balance, income and validity (upstream DescribeAccountSubject). ' +
      'Their names are the TestAccount values POST /v1/images and POST /v1/images/sync take.',
    response: DescribeAccountSubjectResult,
    toBody: (Subjects: AccountSubject[]) => ({ Subjects }),
    answer: 'The subjects.',
  },
});

/** This file's operations, in the order the docs list them. */
export const declared = [describeAccountSubject] as const;
