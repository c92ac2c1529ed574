import { operateInstance } from '../../../openapi/operations/instances';
import { supportsFreeShutdown } from '../../state/transitions';
import { instancesOrThrow } from '../context';
import { implement } from '../implement';

/** The five power operations: every listed instance must be able to take it, or nothing starts. */
export const operateInstanceBehaviour = implement(operateInstance, {
  message: '批量操作云服务器任务下发成功！',
  run: (ctx, req) => {
    const instances = instancesOrThrow(ctx, req.EcsIds);
    ctx.machine.assertCanTake(req.OpType, instances);
    const event = ctx.machine.start(ctx.account, req.OpType, instances.map((instance) => ({ instance, extra: { DeleteEip: req.DeleteEip } })));
    return { EventId: event.EventId };
  },
  transitions: {
    start_up_ecs: {
      allowedFrom: ['shutdown'], passesThrough: 'starting_up', endsIn: 'running', defaultDurationS: 8, resource: 'ecs', display: '开机云服务器',
      onEnd: ({ instance }) => void (instance.NoChargeForShutdown = 0),
    },
    shutdown_ecs: { allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8, resource: 'ecs', display: '关机云服务器' },
    hard_shutdown_ecs: { allowedFrom: ['running', 'restarting', 'starting_up'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 3, resource: 'ecs', display: '强制关机云服务器' },
    restart_ecs: { allowedFrom: ['running'], passesThrough: 'restarting', endsIn: 'running', defaultDurationS: 12, resource: 'ecs', display: '重启云服务器' },
    free_shutdown_ecs: {
      allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8, resource: 'ecs', display: '关机不计费',
      // Not eligible: an ordinary shutdown that keeps charging and keeps the addresses.
      onEnd: ({ instance, pending }) => {
        if (!supportsFreeShutdown(instance)) return;
        instance.NoChargeForShutdown = 1;
        if (pending.DeleteEip === 1) instance.PublicIps = [];
      },
    },
  },
});
