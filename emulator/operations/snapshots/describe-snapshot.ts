import { describeSnapshot } from '../../../openapi/operations/snapshots';
import { implement } from '../implement';
import { snapshotOrThrow, toSnapshotInfo } from './snapshot-rules';

export const describeSnapshotBehaviour = implement(describeSnapshot, {
  message: '获取快照详情成功！',
  run: (ctx, req) => ({ SnapshotInfo: toSnapshotInfo(ctx.store.catalog, snapshotOrThrow(ctx.account, req.SnapshotId)) }),
});
