import { createRoute, z } from '@hono/zod-openapi';
import { TAG, requestIdHeaders } from './common';

export const HealthStatus = z
  .object({
    status: z.literal('ok').openapi({ description: 'Always `ok` when the worker runs.' }),
    configured: z.boolean().openapi({ description: 'Whether upstream credentials and gateway tokens are set.' }),
  })
  .openapi('HealthStatus');

export const healthzRoute = createRoute({
  operationId: 'Healthz',
  method: 'get',
  path: '/healthz',
  tags: [TAG.meta],
  summary: 'Liveness check',
  description: 'Answers without authentication and without calling upstream. `configured` tells whether the API routes can work.',
  security: [],
  responses: { 200: { description: 'The worker runs.', headers: requestIdHeaders, content: { 'application/json': { schema: HealthStatus } } } },
});
