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
import type { WaitClock } from '../events/wait-for-event';
import type { GatewayApp } from './respond';
import { accepted, accepting, mutating, pollHeaders, unwrap } from './respond';
import { withZoneCodes } from './zone-codes';

export function registerInstanceRoutes(app: GatewayApp, waitClock?: WaitClock): void {
  app.openapi(describeInstanceListRoute, async (c) => {
    const page = unwrap(c, await c.get('ecs').describeInstanceList(c.req.valid('query')));
    return c.json({ ...page, EcsList: await withZoneCodes(c, page.EcsList) }, 200);
  });

  // Before /v1/instances/{EcsId}: the concrete path wins.
  app.openapi(describeInstanceStatusRoute, async (c) => {
    const { EcsIds } = c.req.valid('query');
    return c.json(unwrap(c, await c.get('ecs').describeInstanceStatus({ EcsIds })), 200);
  });

  app.openapi(accepting(createInstanceRoute, waitClock), async (c) => {
    const req = c.req.valid('json');
    c.set('redact', [req.Password]);
    const { EventId, EcsIdSet } = unwrap(c, await c.get('ecs').createInstance(req));
    pollHeaders(c, EventId, 'create_ecs');
    return c.json({ EventId, EcsIdSet }, 202);
  });

  app.openapi(accepting(deleteInstanceRoute, waitClock), async (c) => {
    return c.json(accepted(c, await c.get('ecs').deleteInstance(c.req.valid('json')), 'delete_ecs'), 202);
  });

  app.openapi(accepting(modifyInstancePasswordRoute, waitClock), async (c) => {
    const req = c.req.valid('json');
    c.set('redact', [req.Password]);
    return c.json(accepted(c, await c.get('ecs').modifyInstancePassword(req), 'reset_pwd'), 202);
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

  app.openapi(accepting(operateInstanceRoute, waitClock), async (c) => {
    const req = c.req.valid('json');
    return c.json(accepted(c, await c.get('ecs').operateInstance(req), req.OpType), 202);
  });

  app.openapi(accepting(changeInstanceConfigureRoute, waitClock), async (c) => {
    return c.json(accepted(c, await c.get('ecs').changeInstanceConfigure(c.req.valid('json')), 'change_ecs_config'), 202);
  });
}
