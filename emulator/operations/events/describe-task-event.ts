import { describeTaskEvent } from '../../../openapi/operations/events';
import { EmulatorError } from '../../errors';
import { toEventResult } from '../../state/events';
import { implement } from '../implement';

/** Instance events on /ecs/v1, disk events on /ebs/v1; any other id is not found. */
export const describeTaskEventBehaviour = implement(describeTaskEvent, {
  message: '获取事件信息成功！',
  run: (ctx, req) => {
    const event = ctx.account.Events.get(req.EventId);
    if (!event || event.Service !== ctx.service) throw new EmulatorError('EventNotFound', `event ${req.EventId} not found`);
    return toEventResult(event, ctx.machine.display);
  },
});
