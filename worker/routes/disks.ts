import { extendDiskRoute } from '../../openapi/rest';
import type { WaitClock } from '../events/wait-for-event';
import type { GatewayApp } from './respond';
import { accepted, accepting } from './respond';

export function registerDiskRoutes(app: GatewayApp, waitClock?: WaitClock): void {
  app.openapi(accepting(extendDiskRoute, waitClock), async (c) => {
    const { DiskId } = c.req.valid('param');
    const { ExtendedSize } = c.req.valid('json');
    return c.json(accepted(c, await c.get('ecs').extendDisk({ DiskId, ExtendedSize }), 'extend_disk'), 202);
  });
}
