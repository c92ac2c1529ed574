import { describeInstanceVncUrl } from '../../../openapi/operations/instances';
import { EmulatorError } from '../../errors';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';
import { GUEST_RUNS } from '../../state/guest';
import { consolePath } from './console';

/** A link to the emulator's own console page of the instance; refused while the guest has no console. */
export const describeInstanceVncUrlBehaviour = implement(describeInstanceVncUrl, {
  message: '获取远程连接地址成功！',
  run: (ctx, req) => {
    const instance = instanceOrThrow(ctx, req.EcsId);
    if (!GUEST_RUNS.includes(instance.Status))
      throw new EmulatorError('InvalidInstanceStatus', `instance ${instance.EcsId} is ${instance.Status}: a console needs one of ${GUEST_RUNS.join(', ')}`);
    return { InstanceVncUrl: `${ctx.store.consoleOrigin}${consolePath(instance.EcsId)}` };
  },
});
