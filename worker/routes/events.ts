import { describeTaskEventRoute } from '../../openapi/rest';
import { retryAfterSeconds } from '../events/retry-after';
import { isTerminal, realClock, waitForEvent, type WaitClock } from '../events/wait-for-event';
import type { GatewayApp } from './respond';
import { unwrap } from './respond';

export function registerEventRoutes(app: GatewayApp, clock: WaitClock = realClock): void {
  app.openapi(describeTaskEventRoute, async (c) => {
    const { EventId } = c.req.valid('param');
    const { wait } = c.req.valid('query');
    const ecs = c.get('ecs');
    const deadline = clock.now() + (wait ?? 0) * 1000;
    let result = await ecs.describeTaskEvent({ EventId });
    if (wait !== undefined) result = (await waitForEvent(ecs, EventId, deadline, clock, result)) ?? result;
    const event = unwrap(c, result);
    if (!isTerminal(event)) c.header('Retry-After', String(retryAfterSeconds(event.EventType)));
    return c.json(event, 200);
  });
}
