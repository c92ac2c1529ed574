import { changeInstanceConfigure } from '../../../openapi/operations/instances';
import { checkChangeConfigure } from '../../state/rules';
import { instancesOrThrow } from '../context';
import { implement } from '../implement';

/** Every spec rule first, then one change_ecs_config task per instance under one event. */
export const changeInstanceConfigureBehaviour = implement(changeInstanceConfigure, {
  message: '云服务器规格修改成功',
  run: (ctx, req) => {
    const instances = instancesOrThrow(ctx, req.EcsIds);
    const spec = checkChangeConfigure(ctx.store.catalog, instances, req);
    ctx.machine.assertCanTake('change_ecs_config', instances);
    const event = ctx.machine.start(ctx.account, 'change_ecs_config', instances.map((instance) => ({ instance, extra: { TargetFamily: req.EcsFamilyName, TargetSpec: spec } })));
    return { EventId: event.EventId };
  },
  transitions: {
    change_ecs_config: {
      allowedFrom: ['shutdown'], passesThrough: 'updating', endsIn: 'shutdown', defaultDurationS: 10, resource: 'ecs', display: '更变云服务器规格',
      onEnd: ({ instance, pending }) => {
        if (!pending.TargetFamily || !pending.TargetSpec) return;
        instance.EcsFamilyName = pending.TargetFamily;
        instance.Spec = { ...pending.TargetSpec };
      },
    },
  },
});
