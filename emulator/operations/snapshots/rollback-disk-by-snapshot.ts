import { rollbackDiskBySnapshot } from '../../../openapi/operations/snapshots';
import { invalidParameter } from '../../errors';
import { implement } from '../implement';
import { assertQuota, assertSnapshotStatus, newSnapshot, setSnapshotStatus, snapshotDiskOrThrow, snapshotOrThrow } from './snapshot-rules';

/**
 * The disk the snapshot is of goes back to it. Its instance must be shut down (a disk's content
 * cannot change under a running system); the disk shows rollback and the snapshot disk_rollback,
 * then the instance is started unless AutoTurnOnInstance is 0. NewSnapshot takes a snapshot of the
 * disk first, under the same event (it is running when the rollback ends).
 */
export const rollbackDiskBySnapshotBehaviour = implement(rollbackDiskBySnapshot, {
  message: '通过快照回滚云盘任务下发成功',
  run: (ctx, req) => {
    const snapshot = snapshotOrThrow(ctx.account, req.SnapshotId);
    if (snapshot.DiskId !== req.DiskId) throw invalidParameter('DiskId', `snapshot ${snapshot.SnapshotId} is of disk ${snapshot.DiskId}, not ${req.DiskId}`);
    assertSnapshotStatus(snapshot, ['running'], 'a rollback');
    const { instance, disk } = snapshotDiskOrThrow(ctx, req.DiskId);
    if (snapshot.AvailableZoneCode !== instance.AvailableZoneCode)
      throw invalidParameter('SnapshotId', `snapshot ${snapshot.SnapshotId} is a copy in ${snapshot.AvailableZoneCode}; the disk is in ${instance.AvailableZoneCode}`);
    ctx.machine.assertCanTake('rollback_disk', [instance]);
    if (req.NewSnapshot) assertQuota(ctx.account, disk.DiskId);
    const taken = req.NewSnapshot && newSnapshot(ctx, instance, disk, { name: req.NewSnapshot.SnapshotName, reserved: req.NewSnapshot.ReservedTime });
    snapshot.Status = 'disk_rollback';
    const event = ctx.machine.start(ctx.account, 'rollback_disk', [
      { instance, disk, extra: { SnapshotId: snapshot.SnapshotId, NewSnapshotId: taken ? taken.SnapshotId : undefined, AutoTurnOn: req.AutoTurnOnInstance ?? 1, PriorStatus: instance.Status } },
    ]);
    return { EventId: event.EventId };
  },
  transitions: {
    rollback_disk: {
      allowedFrom: ['shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 15, resource: 'disk', display: '快照回滚云盘', disk: { passesThrough: 'rollback', endsIn: null },
      onSettle: ({ account, instance, pending, failed }) => {
        setSnapshotStatus(account, pending.SnapshotId, 'running');
        // The snapshot taken first: ready with the rollback, failed with it.
        setSnapshotStatus(account, pending.NewSnapshotId, failed ? 'create_fail' : 'running');
        if (!instance) return;
        if (failed) instance.Status = pending.PriorStatus ?? instance.Status;
        else if (pending.AutoTurnOn === 1) instance.Status = 'running';
      },
    },
  },
});
