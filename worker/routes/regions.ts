import type { Context } from 'hono';
import { describeRegionsRoute } from '../../openapi/rest';
import { serveCachedReference, type ReferenceCacheOptions } from '../cache/reference-cache';
import type { GatewayEnv } from '../env';
import type { GatewayApp } from './respond';

/** The regions as the edge cache keeps them: GET /v1/regions and the zone-code join read the same copy. */
export function regionsReference(c: Context<GatewayEnv>): ReferenceCacheOptions {
  return {
    keyParts: ['regions'],
    ttlSeconds: c.get('settings').cacheTtlS.regions,
    forcedRefreshIntervalS: c.get('settings').noCacheRefreshIntervalS,
    load: async () => {
      const result = await c.get('ecs').describeRegions();
      return { body: { RegionGroups: result.data }, upstreamRequestId: result.requestId };
    },
  };
}

export function registerRegionRoutes(app: GatewayApp): void {
  app.openapi(describeRegionsRoute, (c) => serveCachedReference(c, regionsReference(c)));
}
