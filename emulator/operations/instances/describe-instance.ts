import { describeInstance } from '../../../openapi/operations/instances';
import { toInstanceData } from '../../store/views';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';

export const describeInstanceBehaviour = implement(describeInstance, {
  message: '获取云服务器详情成功！',
  run: (ctx, req) => toInstanceData(ctx.store.catalog, instanceOrThrow(ctx, req.EcsId), ctx.clock.now()),
});
