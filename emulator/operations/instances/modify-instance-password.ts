import { modifyInstancePassword } from '../../../openapi/operations/instances';
import { instancesOrThrow } from '../context';
import { implement } from '../implement';

/** Allowed from running and shutdown (not during free shutdown); the status does not change. Only the fact that it changed is kept. */
export const modifyInstancePasswordBehaviour = implement(modifyInstancePassword, {
  message: '云服务器管理员用户密码修改任务下发成功！',
  run: (ctx, req) => {
    const instances = instancesOrThrow(ctx, req.EcsIds);
    ctx.machine.assertCanTake('reset_pwd', instances);
    const event = ctx.machine.start(ctx.account, 'reset_pwd', instances.map((instance) => ({ instance })));
    return { EventId: event.EventId };
  },
  transitions: {
    // The guest agent changes the password: the instance must be up or cleanly down, and keeps its status.
    reset_pwd: { allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 3, resource: 'ecs', display: '重置密码' },
  },
});
