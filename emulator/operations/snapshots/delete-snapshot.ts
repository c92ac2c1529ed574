import { deleteSnapshot } from '../../../openapi/operations/snapshots';
import { EmulatorError } from '../../errors';
import { implement } from '../implement';
import { assertSnapshotStatus, snapshotOrThrow } from './snapshot-rules';

/**
 * Snapshots show deleting, then are gone (not listed). One being taken, used for a rollback or
 * already deleting is refused, the whole batch with it. DeleteBindImages also deletes, at once,
 * the private images made from them.
 */
export const deleteSnapshotBehaviour = implement(deleteSnapshot, {
  message: '快照删除下发任务成功！',
  run: (ctx, req) => {
    const dup = req.SnapshotIds.filter((id, i) => req.SnapshotIds.indexOf(id) !== i);
    if (dup.length) throw new EmulatorError('InvalidParameter', `SnapshotIds: duplicate id ${[...new Set(dup)].join(',')}`);
    const doomed = req.SnapshotIds.map((id) => snapshotOrThrow(ctx.account, id));
    for (const s of doomed) assertSnapshotStatus(s, ['running', 'create_fail', 'error'], 'deletion');
    const ids = new Set(doomed.map((s) => s.SnapshotId));
    if (req.DeleteBindImages) {
      const bound = ctx.account.PrivateImages.filter((i) => i.SourceSnapshotId && ids.has(i.SourceSnapshotId));
      const making = bound.filter((i) => i.Making);
      if (making.length) throw new EmulatorError('ImageInUse', `images ${making.map((i) => i.ImageId).join(',')} are being made from the snapshots`);
      ctx.account.PrivateImages = ctx.account.PrivateImages.filter((i) => !bound.includes(i));
    }
    for (const s of doomed) s.Status = 'deleting';
    const event = ctx.machine.start(ctx.account, 'delete_snapshot', doomed.map((s) => ({ resourceId: s.SnapshotId, extra: { SnapshotId: s.SnapshotId } })));
    return { EventId: event.EventId };
  },
  transitions: {
    delete_snapshot: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 5, resource: 'snapshot', display: '删除快照',
      onSettle: ({ account, pending, failed }) => {
        if (failed) {
          const s = account.DiskSnapshots.find((x) => x.SnapshotId === pending.SnapshotId);
          if (s) s.Status = 'error';
        } else account.DiskSnapshots = account.DiskSnapshots.filter((x) => x.SnapshotId !== pending.SnapshotId);
      },
    },
  },
});
