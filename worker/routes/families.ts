import { describeEcsFamilyInfoRoute } from '../../openapi/rest';
import { serveCachedReference } from '../cache/reference-cache';
import type { GatewayApp } from './respond';

export function registerFamilyRoutes(app: GatewayApp): void {
  app.openapi(describeEcsFamilyInfoRoute, (c) => {
    const { AvailableZoneCode, BillingMethod } = c.req.valid('query');
    return serveCachedReference(c, {
      keyParts: ['families', AvailableZoneCode, BillingMethod],
      ttlSeconds: c.get('settings').cacheTtlS.families,
      forcedRefreshIntervalS: c.get('settings').noCacheRefreshIntervalS,
      load: async () => {
        const result = await c.get('ecs').describeEcsFamilyInfo({ AvailableZoneCode, BillingMethod });
        return { body: { EcsFamilyInfo: result.data.EcsFamilyInfo }, upstreamRequestId: result.requestId };
      },
    });
  });
}
