import { createSnapshot } from '../../../openapi/operations/snapshots';
import { implement } from '../implement';
import { assertQuota, newSnapshot, setSnapshotStatus, snapshotDiskOrThrow } from './snapshot-rules';

/**
 * A cloud disk of a running or shut-down instance is snapshotted: the disk shows creating_snapshot
 * and the snapshot creating, then running (create_fail when the event fails; the instance keeps its status).
 */
export const createSnapshotBehaviour = implement(createSnapshot, {
  message: '创建快照任务下发成功！',
  run: (ctx, req) => {
    const { instance, disk } = snapshotDiskOrThrow(ctx, req.DiskId);
    ctx.machine.assertCanTake('create_snapshot', [instance]);
    assertQuota(ctx.account, disk.DiskId);
    const s = newSnapshot(ctx, instance, disk, { name: req.SnapshotName, reserved: req.ReservedTime, optimized: req.IsOptimized });
    const event = ctx.machine.start(ctx.account, 'create_snapshot', [{ instance, disk, extra: { SnapshotId: s.SnapshotId, PriorStatus: instance.Status } }]);
    return { EventId: event.EventId, SnapshotId: s.SnapshotId };
  },
  transitions: {
    create_snapshot: {
      allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 10, resource: 'disk', display: '创建快照', disk: { passesThrough: 'creating_snapshot', endsIn: null },
      onSettle: ({ account, instance, pending, failed }) => {
        setSnapshotStatus(account, pending.SnapshotId, failed ? 'create_fail' : 'running');
        // A failed snapshot fails the snapshot, not the instance.
        if (failed && instance && pending.PriorStatus) instance.Status = pending.PriorStatus;
      },
    },
  },
});
