import { extendDiskRoute } from '../../openapi/rest';
import type { GatewayApp } from './respond';
import { accepted } from './respond';

export function registerDiskRoutes(app: GatewayApp): void {
  app.openapi(extendDiskRoute, async (c) => {
    const { DiskId } = c.req.valid('param');
    const { ExtendedSize } = c.req.valid('json');
    return c.json(accepted(c, await c.get('ecs').extendDisk({ DiskId, ExtendedSize }), 'extend_disk'), 202);
  });
}
