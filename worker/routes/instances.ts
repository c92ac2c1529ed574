import {
  changeInstanceConfigureRoute,
  describeInstanceListRoute,
  describeInstanceRoute,
  modifyInstanceNameRoute,
  operateInstanceRoute,
} from '../../openapi/rest';
import type { GatewayApp } from './respond';
import { accepted, unwrap } from './respond';

export function registerInstanceRoutes(app: GatewayApp): void {
  app.openapi(describeInstanceListRoute, async (c) => {
    const page = unwrap(c, await c.get('ecs').describeInstanceList(c.req.valid('query')));
    return c.json(page, 200);
  });

  app.openapi(describeInstanceRoute, async (c) => {
    const { EcsId } = c.req.valid('param');
    return c.json(unwrap(c, await c.get('ecs').describeInstance({ EcsId })), 200);
  });

  app.openapi(modifyInstanceNameRoute, async (c) => {
    const { EcsId } = c.req.valid('param');
    const { Name } = c.req.valid('json');
    return c.json(unwrap(c, await c.get('ecs').modifyInstanceName({ EcsId, Name })), 200);
  });

  app.openapi(operateInstanceRoute, async (c) => {
    const req = c.req.valid('json');
    return c.json(accepted(c, await c.get('ecs').operateInstance(req), req.OpType), 202);
  });

  app.openapi(changeInstanceConfigureRoute, async (c) => {
    return c.json(accepted(c, await c.get('ecs').changeInstanceConfigure(c.req.valid('json')), 'change_ecs_config'), 202);
  });
}
