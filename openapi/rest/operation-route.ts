import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import type { OperationDeclaration } from '../operations';
import {
  CacheRequestHeaders,
  acceptedAnswers,
  acceptedMutationRequest,
  bearerSecurity,
  cachedHeaders,
  commonErrors,
  eventHeaders,
  mutationHeaders,
  syncMutationRequest,
  mutationResponses,
  notFoundError,
  notModifiedResponse,
  readBodyErrors,
  statusConflictError,
  upstreamHeaders,
} from './common';

// The REST route of an operation, by its kind: the worker serves exactly these, and the document
// lists exactly these.

const json = (schema: z.ZodType) => ({ 'application/json': { schema } }) as const;

/** The OpenAPI route of one declaration. */
export function routeOf(op: OperationDeclaration): RouteConfig {
  const rest = op.rest;
  const schema = rest.response ?? op.result;
  const common = {
    operationId: op.operationId,
    method: rest.method,
    path: rest.path,
    tags: [rest.tag],
    summary: rest.summary,
    description: rest.description,
    security: bearerSecurity,
  };
  const where = { ...(rest.params && { params: rest.params }), ...(rest.query && { query: rest.query }) };
  switch (rest.kind) {
    case 'read':
      return createRoute({
        ...common,
        request: { ...where, ...(rest.body && { body: { required: true, description: rest.bodyDescription, content: json(rest.body) } }) },
        responses: {
          200: { description: rest.answer ?? 'The answer.', headers: rest.waitsForEvent ? eventHeaders : upstreamHeaders, content: json(schema) },
          ...commonErrors,
          ...notFoundError(rest.notFound),
          ...(rest.refusedByStatus && statusConflictError),
          ...(rest.body && readBodyErrors),
        },
      });
    case 'cached':
      return createRoute({
        ...common,
        request: { ...where, headers: CacheRequestHeaders },
        responses: {
          200: { description: rest.answer ?? 'The answer.', headers: cachedHeaders, content: json(schema) },
          ...notModifiedResponse,
          ...commonErrors,
          ...notFoundError(rest.notFound),
        },
      });
    case 'sync':
      return createRoute({
        ...common,
        request: { ...where, ...syncMutationRequest(rest.body, rest.bodyDescription) },
        responses: { 200: { description: rest.answer ?? 'Done.', headers: mutationHeaders, content: json(schema) }, ...mutationResponses(rest.notFound) },
      });
    case 'accepted':
      return createRoute({
        ...common,
        request: { ...where, ...acceptedMutationRequest(rest.body, rest.bodyDescription) },
        responses: { ...acceptedAnswers(schema as never, rest.answer), ...mutationResponses(rest.notFound) },
      });
  }
}
