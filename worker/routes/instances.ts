import {
  changeInstanceConfigureRoute,
  createInstanceRoute,
  deleteInstanceRoute,
  describeInstanceListRoute,
  describeInstanceRoute,
  describeInstanceStatusRoute,
  modifyInstanceNameRoute,
  modifyInstancePasswordRoute,
  operateInstanceRoute,
} from '../../openapi/rest';
import type { GatewayApp } from './respond';
import { accepted, locationOf, mutating, unwrap } from './respond';
import { withZoneCodes } from './zone-codes';

export function registerInstanceRoutes(app: GatewayApp): void {
  app.openapi(describeInstanceListRoute, async (c) => {
    const page = unwrap(c, await c.get('ecs').describeInstanceList(c.req.valid('query')));
    return c.json({ ...page, EcsList: await withZoneCodes(c, page.EcsList) }, 200);
  });

  // Before /v1/instances/{EcsId}: the concrete path wins.
  app.openapi(describeInstanceStatusRoute, async (c) => {
    const { EcsIds } = c.req.valid('query');
    return c.json(unwrap(c, await c.get('ecs').describeInstanceStatus({ EcsIds })), 200);
  });

  app.openapi(mutating(createInstanceRoute), async (c) => {
    const req = c.req.valid('json');
    c.set('redact', [req.Password]);
    const { EventId, EcsIdSet } = unwrap(c, await c.get('ecs').createInstance(req));
    c.header('Location', locationOf(EventId));
    return c.json({ EventId, EcsIdSet }, 202);
  });

  app.openapi(mutating(deleteInstanceRoute), async (c) => {
    return c.json(accepted(c, await c.get('ecs').deleteInstance(c.req.valid('json'))), 202);
  });

  app.openapi(mutating(modifyInstancePasswordRoute), async (c) => {
    const req = c.req.valid('json');
    c.set('redact', [req.Password]);
    return c.json(accepted(c, await c.get('ecs').modifyInstancePassword(req)), 202);
  });

  app.openapi(describeInstanceRoute, async (c) => {
    const { EcsId } = c.req.valid('param');
    const [instance] = await withZoneCodes(c, [unwrap(c, await c.get('ecs').describeInstance({ EcsId }))]);
    return c.json(instance!, 200);
  });

  app.openapi(mutating(modifyInstanceNameRoute), async (c) => {
    const { EcsId } = c.req.valid('param');
    const { Name } = c.req.valid('json');
    return c.json(unwrap(c, await c.get('ecs').modifyInstanceName({ EcsId, Name })), 200);
  });

  app.openapi(mutating(operateInstanceRoute), async (c) => {
    return c.json(accepted(c, await c.get('ecs').operateInstance(c.req.valid('json'))), 202);
  });

  app.openapi(mutating(changeInstanceConfigureRoute), async (c) => {
    return c.json(accepted(c, await c.get('ecs').changeInstanceConfigure(c.req.valid('json'))), 202);
  });
}
