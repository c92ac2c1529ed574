import { describeTaskEventRoute } from '../../openapi/rest';
import type { GatewayApp } from './respond';
import { unwrap } from './respond';

export function registerEventRoutes(app: GatewayApp): void {
  app.openapi(describeTaskEventRoute, async (c) => {
    const { EventId } = c.req.valid('param');
    return c.json(unwrap(c, await c.get('ecs').describeTaskEvent({ EventId })), 200);
  });
}
