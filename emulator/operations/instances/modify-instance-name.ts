import { modifyInstanceName } from '../../../openapi/operations/instances';
import { EmulatorError } from '../../errors';
import { assertNotHeld } from '../../state/lifecycle';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';

/** Renaming is metadata only: allowed in every status, except during free shutdown (only start and delete are) and the billing life's held statuses. */
export const modifyInstanceNameBehaviour = implement(modifyInstanceName, {
  message: '修改实例名称成功！',
  run: (ctx, req) => {
    const instance = instanceOrThrow(ctx, req.EcsId);
    assertNotHeld(instance);
    if (instance.NoChargeForShutdown === 1)
      throw new EmulatorError('InvalidInstanceStatus', `instance ${instance.EcsId} is free-shutdown: only start_up_ecs and delete are allowed until it starts`);
    instance.EcsName = req.Name;
    return { EcsId: instance.EcsId, Name: instance.EcsName };
  },
});
