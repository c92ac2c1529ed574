import type { Context } from 'hono';
import { sha256 } from 'hono/utils/crypto';
import type { EcsApi, EcsResult } from '../../openapi/ecs-api';
import { OPERATIONS, methodNameOf, type OperationDeclaration } from '../../openapi/operations';
import type { CachedRest } from '../../openapi/operations/define';
import type { GatewayEnv } from '../env';
import { validFromOf } from './invalidation';
import type { ReferenceCacheOptions } from './reference-cache';

/** Cached operations some mutation's declaration invalidates (an image made: the images list). */
const INVALIDATED: ReadonlySet<string> = new Set(OPERATIONS.flatMap((op) => op.invalidates ?? []));

/** Calls an operation on the request's EcsApi by its declaration. */
export function callOperation(ecs: EcsApi, op: OperationDeclaration, req: Record<string, unknown>): Promise<EcsResult<unknown>> {
  const method = (ecs as unknown as Record<string, (r: unknown) => Promise<EcsResult<unknown>>>)[methodNameOf(op.operationId)]!;
  return method(req);
}

/** The 2xx body of an operation's data: its declaration's `toBody`, or the data itself. */
export const bodyOf = (op: OperationDeclaration, data: unknown): unknown => (op.rest.toBody ? (op.rest.toBody as (d: unknown) => unknown)(data) : data);

/**
 * How a cached operation is kept in the edge cache: keyed by the account, the operationId and
 * its declared key parts; its declared soft TTL. GET routes and joins (zone codes) read one copy.
 */
export async function referenceOf(c: Context<GatewayEnv, any, any>, op: OperationDeclaration, req: Record<string, unknown>): Promise<ReferenceCacheOptions> {
  const rest = op.rest as CachedRest;
  const parts = await Promise.all(((rest.cacheKey as ((r: unknown) => readonly (string | readonly string[] | undefined)[]) | undefined)?.(req) ?? []).map(keyPart));
  return {
    keyParts: [op.operationId, ...parts],
    // Only operations some declaration invalidates pay the marker's KV read.
    validFrom: INVALIDATED.has(op.operationId) ? await validFromOf(c, op.operationId) : 0,
    ttlSeconds: c.get('settings').cacheTtlS[rest.ttl],
    forcedRefreshIntervalS: c.get('settings').noCacheRefreshIntervalS,
    load: async () => {
      const result = await callOperation(c.get('ecs'), op, req);
      return { body: bodyOf(op, result.data), upstreamRequestId: result.requestId };
    },
  };
}

/** Up to 100 ids would make a KV key too long: a list is keyed by its SHA-256. */
async function keyPart(part: string | readonly string[] | undefined): Promise<string> {
  if (part === undefined) return '';
  if (typeof part === 'string') return part;
  return part.length ? (await sha256(JSON.stringify(part)))! : '';
}
