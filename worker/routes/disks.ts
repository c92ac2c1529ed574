import { extendDiskRoute } from '../../openapi/rest';
import type { GatewayApp } from './respond';
import { accepted, mutating } from './respond';

export function registerDiskRoutes(app: GatewayApp): void {
  app.openapi(mutating(extendDiskRoute), async (c) => {
    const { DiskId } = c.req.valid('param');
    const { ExtendedSize } = c.req.valid('json');
    return c.json(accepted(c, await c.get('ecs').extendDisk({ DiskId, ExtendedSize })), 202);
  });
}
