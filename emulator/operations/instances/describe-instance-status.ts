import { describeInstanceStatus } from '../../../openapi/operations/instances';
import { INSTANCE_STATUS_DISPLAY, type DescribeInstanceStatusResult } from '../../../openapi/models';
import { implement } from '../implement';

/**
 * The status of each listed instance the caller owns. Ids it does not own (another account's,
 * deleted or never created) are left out of the map rather than refused: a poller sees a deleted
 * instance disappear.
 */
export const describeInstanceStatusBehaviour = implement(describeInstanceStatus, {
  message: '获取云服务器状态成功！',
  run: (ctx, req) => {
    const EcsStatus: DescribeInstanceStatusResult['EcsStatus'] = {};
    for (const id of req.EcsIds) {
      const i = ctx.account.Instances.get(id);
      if (i) EcsStatus[id] = { Status: i.Status, StatusDisplay: INSTANCE_STATUS_DISPLAY[i.Status] };
    }
    return { EcsStatus };
  },
});
