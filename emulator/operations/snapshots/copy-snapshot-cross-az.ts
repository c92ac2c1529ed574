import { copySnapshotCrossAZ } from '../../../openapi/operations/snapshots';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { implement } from '../implement';
import { assertQuota, assertSnapshotStatus, nextSnapshotId, setSnapshotStatus, snapshotOrThrow } from './snapshot-rules';

/**
 * A running snapshot is copied to another zone: the copy starts (or extends) the disk's chain
 * there, is creating, then running; it counts against the disk's quota.
 */
export const copySnapshotCrossAZBehaviour = implement(copySnapshotCrossAZ, {
  message: '快照复制成功！',
  run: (ctx, req) => {
    const source = snapshotOrThrow(ctx.account, req.SnapshotId);
    assertSnapshotStatus(source, ['running'], 'a copy');
    const zone = req.AvailableZoneCode;
    if (!findAz(ctx.store.catalog, zone)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${zone}`);
    if (zone === source.AvailableZoneCode) throw invalidParameter('AvailableZoneCode', `snapshot ${source.SnapshotId} is in ${zone} already`);
    assertQuota(ctx.account, source.DiskId);
    const { SnapshotId, ChainId } = nextSnapshotId(ctx.account, source.DiskId, zone);
    ctx.account.DiskSnapshots.push({ ...source, ...(source.Os && { Os: { ...source.Os } }), SnapshotId, ChainId, SnapshotName: SnapshotId, AvailableZoneCode: zone, CreateTime: ctx.clock.now(), Status: 'creating' });
    const event = ctx.machine.start(ctx.account, 'copy_snapshot', [{ resourceId: SnapshotId, extra: { SnapshotId } }]);
    return { EventId: event.EventId, SnapshotId };
  },
  transitions: {
    copy_snapshot: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 20, resource: 'snapshot', display: '跨可用区复制快照',
      onSettle: ({ account, pending, failed }) => setSnapshotStatus(account, pending.SnapshotId, failed ? 'create_fail' : 'running'),
    },
  },
});
