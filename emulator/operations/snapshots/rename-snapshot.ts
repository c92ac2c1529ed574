import { renameSnapshot } from '../../../openapi/operations/snapshots';
import { implement } from '../implement';
import { snapshotOrThrow } from './snapshot-rules';

/** Synchronous; any listed snapshot may be renamed. */
export const renameSnapshotBehaviour = implement(renameSnapshot, {
  message: '快照名称更改成功！',
  run: (ctx, req) => {
    snapshotOrThrow(ctx.account, req.SnapshotId).SnapshotName = req.SnapshotName;
    return {};
  },
});
