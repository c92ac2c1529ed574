import { z } from '@hono/zod-openapi';
import { GATEWAY_PROBLEMS, UPSTREAM_PROBLEMS } from '../errors/catalogue';

// The gateway's one error body (RFC 9457 application/problem+json), shared by every route.

export const ProblemFieldError = z
  .object({
    path: z.string().openapi({ description: 'Where the input failed: `body.`, `query.` or `path.` followed by the field path.', example: 'body.ExtendedSize' }),
    message: z.string().openapi({ description: 'What is wrong with it.', example: 'must be a multiple of 8' }),
  })
  .openapi('ProblemFieldError', { description: 'One failing input of a validation problem.' });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

export const Problem = z
  .object({
    type: z.string().openapi({
      description: 'Relative URI of the problem type, `/problems/<code>`: resolved against the request URL it is the gateway\'s page of the code (status, title, when, what to do); `/problems` lists them all.',
      example: '/problems/InvalidInstanceStatus',
    }),
    title: z.string().openapi({ description: 'Short summary of the problem type.', example: 'Instance status does not allow this operation' }),
    status: z.number().int().openapi({ description: 'HTTP status code of this answer.', example: 409 }),
    detail: z.string().openapi({ description: 'Explanation of this occurrence.', example: 'ins-tevgfaaronl12h11 is shutdown' }),
    code: z.string().openapi({
      description:
        `A gateway code (${Object.keys(GATEWAY_PROBLEMS).join(', ')}) or an upstream ECS error code, kept as given ` +
        `(known: ${Object.keys(UPSTREAM_PROBLEMS).join(', ')}; others are passed through too).`,
      example: 'InvalidInstanceStatus',
    }),
    requestId: z.string().openapi({ description: 'The X-Request-Id of this answer.', example: '5f0c6a0e-8d0b-4a8e-9b7c-1f2d3e4a5b6c' }),
    errors: z.array(ProblemFieldError).optional().openapi({ description: 'Validation problems only: every failing input.' }),
  })
  .openapi('Problem', { description: 'An error answer (RFC 9457 problem details).' });
export type Problem = z.infer<typeof Problem>;
