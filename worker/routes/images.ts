import { sha256 } from 'hono/utils/crypto';
import { describeImagesRoute } from '../../openapi/rest';
import { serveCachedReference } from '../cache/reference-cache';
import type { GatewayApp } from './respond';

/** Up to 100 ids would make a KV key too long: the id list is keyed by its SHA-256. */
async function idsKeyPart(ids: readonly string[] | undefined): Promise<string> {
  if (!ids?.length) return '';
  return (await sha256(JSON.stringify(ids)))!;
}

export function registerImageRoutes(app: GatewayApp): void {
  app.openapi(describeImagesRoute, async (c) => {
    const { AvailableZoneCode, ImageIds } = c.req.valid('query');
    const ids = ImageIds?.length ? ImageIds : undefined;
    return serveCachedReference(c, {
      keyParts: ['images', AvailableZoneCode ?? '', await idsKeyPart(ids)],
      ttlSeconds: c.get('settings').cacheTtlS.images,
      forcedRefreshIntervalS: c.get('settings').noCacheRefreshIntervalS,
      load: async () => {
        const result = await c.get('ecs').describeImages({ AvailableZoneCode: AvailableZoneCode || undefined, ImageIds: ids });
        return { body: { ImageList: result.data.ImageList }, upstreamRequestId: result.requestId };
      },
    });
  });
}
