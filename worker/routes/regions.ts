import { describeRegionsRoute } from '../../openapi/rest';
import { serveCachedReference } from '../cache/reference-cache';
import { cacheTtls, noCacheRefreshIntervalS } from '../config';
import type { GatewayApp } from './respond';

export function registerRegionRoutes(app: GatewayApp): void {
  app.openapi(describeRegionsRoute, (c) =>
    serveCachedReference(c, {
      keyParts: ['regions'],
      ttlSeconds: cacheTtls(c.env).regions,
      forcedRefreshIntervalS: noCacheRefreshIntervalS(c.env),
      load: async () => {
        const result = await c.get('ecs').describeRegions();
        return { body: { RegionGroups: result.data }, upstreamRequestId: result.requestId };
      },
    }),
  );
}
