import { jsonAnswer } from '../http/json-newline';
import type { Context } from 'hono';
import { OPERATIONS, OPERATION_BY_ID, type OperationDeclaration } from '../../openapi/operations';
import { routeOf } from '../../openapi/rest';
import { bodyOf, callOperation, referenceOf } from '../cache/operation-reference';
import { invalidateCached } from '../cache/invalidation';
import { serveCachedReference } from '../cache/reference-cache';
import type { GatewayEnv } from '../env';
import { readEvent } from '../events/read-event';
import type { WaitClock } from '../events/wait-for-event';
import type { GatewayApp } from './respond';
import { pollHeaders, unwrap, withIdempotency, withIdempotencyAndWait } from './respond';
import { withZoneCodes } from './zone-codes';

// Every operation's REST route, served by its kind: read, cached read, sync mutation, accepted
// mutation. A declaration's named options (zoneCodes, waitsForEvent, toBody, cacheKey) are the
// only special cases; no route is written by hand.

type AnyContext = Context<GatewayEnv, any, any>;

/** Concrete paths first: `/v1/instances/status` must be matched before `/v1/instances/{EcsId}`. */
const byConcreteness = (a: OperationDeclaration, b: OperationDeclaration) => templated(a.rest.path) - templated(b.rest.path);
const templated = (path: string) => (path.match(/\{/g) ?? []).length;

export function registerOperationRoutes(app: GatewayApp, waitClock?: WaitClock): void {
  for (const op of [...(OPERATIONS as readonly OperationDeclaration[])].sort(byConcreteness)) {
    const route = routeOf(op);
    const kind = op.rest.kind;
    const wrapped = kind === 'accepted' ? withIdempotencyAndWait(route, waitClock) : kind === 'sync' ? withIdempotency(route) : route;
    app.openapi(wrapped, (c: AnyContext) => handle(c, op, waitClock));
  }
}

/** The upstream request: path parameters, query and body together, as the request model names them. */
function requestOf(c: AnyContext, op: OperationDeclaration): Record<string, unknown> {
  const rest = op.rest;
  const named = (input: object) => (rest.paramNames ? Object.fromEntries(Object.entries(input).map(([k, v]) => [rest.paramNames![k] ?? k, v])) : input);
  return {
    ...(rest.params && named(c.req.valid('param') as object)),
    ...(rest.query && named(c.req.valid('query') as object)),
    ...((rest.kind === 'sync' || rest.kind === 'accepted' || (rest.kind === 'read' && rest.body)) && (c.req.valid('json') as object)),
  };
}

const call = (c: AnyContext, op: OperationDeclaration, req: Record<string, unknown>) => callOperation(c.get('ecs'), op, req);

async function body(c: AnyContext, op: OperationDeclaration, data: unknown): Promise<unknown> {
  const shaped = bodyOf(op, data);
  const where = op.rest.zoneCodes;
  if (!where) return shaped;
  if (where === 'self') return (await withZoneCodes(c, [shaped as { AzId: string }]))[0];
  const record = shaped as Record<string, { AzId: string }[]>;
  return { ...record, [where]: await withZoneCodes(c, record[where] ?? []) };
}

/** An accepted mutation invalidates the account's cached copies its declaration names. */
async function invalidates(c: AnyContext, op: OperationDeclaration): Promise<void> {
  if (!op.invalidates?.length) return;
  const ttl = (id: string) => {
    const cached = OPERATION_BY_ID.get(id)?.rest;
    return cached?.kind === 'cached' ? c.get('settings').cacheTtlS[cached.ttl] : 0;
  };
  await invalidateCached(c, op.invalidates, ttl);
}

async function handle(c: AnyContext, op: OperationDeclaration, waitClock?: WaitClock): Promise<Response> {
  const rest = op.rest;
  const req = requestOf(c, op);
  if (op.secrets?.length) c.set('redact', op.secrets.map((f) => req[f]).filter((v): v is string => typeof v === 'string'));
  switch (rest.kind) {
    case 'read': {
      if (rest.waitsForEvent) return readEvent(c, req as { EventId: string; wait?: number }, waitClock);
      const data = unwrap(c, await call(c, op, req));
      return jsonAnswer(c, await body(c, op, data), 200);
    }
    case 'cached':
      return serveCachedReference(c, await referenceOf(c, op, req));
    case 'sync': {
      const data = unwrap(c, await call(c, op, req));
      await invalidates(c, op);
      return jsonAnswer(c, await body(c, op, data), 200);
    }
    case 'accepted': {
      const data = unwrap(c, await call(c, op, req)) as { EventId: string };
      await invalidates(c, op);
      const [onlyType] = Object.keys(rest.events);
      const eventType = rest.eventTypeOf ? (rest.eventTypeOf as (r: unknown) => string)(req) : onlyType!;
      pollHeaders(c, data.EventId, eventType);
      return jsonAnswer(c, await body(c, op, data), 202);
    }
  }
}
