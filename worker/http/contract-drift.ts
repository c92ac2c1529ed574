import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { honoPath } from './hono-path';
import type { GatewayEnv } from '../env';

// Contract drift: the upstream's Data reaches clients mostly as it came, so each 2xx JSON answer
// of the API is checked against the response schema the OpenAPI document gives it — after the
// answer is sent (waitUntil), so no latency is added and the answer is never changed. A mismatch
// logs ONE `upstream_contract_drift` line naming the paths that differ, never their values.

interface ResponseContract {
  operationId: string;
  schemas: Map<number, z.ZodType>;
}

/** The JSON line logged for an answer that does not match its documented schema. */
export interface DriftLine {
  event: 'upstream_contract_drift';
  requestId: string;
  operationId: string;
  status: number;
  /** Where the answer differs (e.g. `EcsList.0.Status`) and how (the zod issue code), without values. */
  paths: { path: string; issue: string }[];
}

/** Hono path syntax (`/v1/instances/:EcsId`) of an OpenAPI path (`/v1/instances/{EcsId}`). */

/** Method + Hono path → operationId and the zod schema of each JSON success answer. */
function contractsOf(app: OpenAPIHono<GatewayEnv>): Map<string, ResponseContract> {
  const contracts = new Map<string, ResponseContract>();
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const { route } = def;
    const schemas = new Map<number, z.ZodType>();
    for (const [status, response] of Object.entries(route.responses ?? {})) {
      const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']?.schema;
      if (Number(status) < 300 && schema && typeof (schema as z.ZodType).safeParse === 'function') schemas.set(Number(status), schema as z.ZodType);
    }
    if (schemas.size) contracts.set(`${route.method.toUpperCase()} ${honoPath(route.path)}`, { operationId: route.operationId ?? route.path, schemas });
  }
  return contracts;
}

/** The drift line for `body` answered by `contract` with `status`, or undefined when it matches. */
export function driftOf(contract: ResponseContract, status: number, body: unknown, requestId: string): DriftLine | undefined {
  const schema = contract.schemas.get(status);
  if (!schema) return undefined;
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  const paths = result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', issue: i.code }));
  return { event: 'upstream_contract_drift', requestId, operationId: contract.operationId, status, paths };
}

/**
 * Checks each 2xx JSON answer of a documented route after it was sent. `app`: the gateway app
 * (its registry holds the documented schemas; read on first use, once every route is registered).
 */
export function contractDrift(app: OpenAPIHono<GatewayEnv>): MiddlewareHandler<GatewayEnv> {
  let contracts: Map<string, ResponseContract> | undefined;
  return async (c, next) => {
    await next();
    const status = c.res.status;
    if (status < 200 || status >= 300 || !c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    // A copy (cache HIT or STALE, an Idempotency-Key replay) was checked when it came from upstream:
    // checking it again costs every hot request a parse and can only repeat the same line.
    if (c.res.headers.get('X-Cache')?.match(/^(HIT|STALE)/) || c.res.headers.get('Idempotent-Replayed')) return;
    // After next(), routePath is the handler's own path pattern.
    const contract = (contracts ??= contractsOf(app)).get(`${c.req.method} ${c.req.routePath}`);
    if (!contract) return;
    const answer = c.res.clone();
    const requestId = c.get('requestId');
    const check = (async () => {
      const line = driftOf(contract, status, await answer.json().catch(() => undefined), requestId);
      if (line) console.log(JSON.stringify(line));
    })();
    try {
      c.executionCtx.waitUntil(check);
    } catch {
      // No execution context (a plain app.request): the check still runs, just not awaited.
    }
  };
}
