import { describeRegionsRoute } from '../../openapi/rest';
import { serveCachedReference } from '../cache/reference-cache';
import type { GatewayApp } from './respond';

export function registerRegionRoutes(app: GatewayApp): void {
  app.openapi(describeRegionsRoute, (c) =>
    serveCachedReference(c, {
      keyParts: ['regions'],
      ttlSeconds: c.get('settings').cacheTtlS.regions,
      forcedRefreshIntervalS: c.get('settings').noCacheRefreshIntervalS,
      load: async () => {
        const result = await c.get('ecs').describeRegions();
        return { body: { RegionGroups: result.data }, upstreamRequestId: result.requestId };
      },
    }),
  );
}
