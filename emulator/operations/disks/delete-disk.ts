import { deleteDisk } from '../../../openapi/operations/disks';
import type { AccountState, DiskSnapshotRecord } from '../../store/types';
import { implement } from '../implement';
import { assertSnapshotStatus } from '../snapshots/snapshot-rules';
import { disksOrThrow, refuseSystemDisks, requireDiskStatus } from './disk-lookup';

/** The snapshots a delete with its snapshot flag set takes along: the disk's, in every zone, except those kept Forever (非永久保留快照 only). */
const takenAlong = (account: AccountState, diskId: string): DiskSnapshotRecord[] =>
  account.DiskSnapshots.filter((s) => s.DiskId === diskId && s.ReservedTime !== 'Forever');

/**
 * Detached (waiting) data disks go: deleting, then no disk at all. With the snapshot flag set their
 * non-permanent snapshots show deleting too and go with them (and so their chains, once empty);
 * without it every snapshot stays.
 */
export const deleteDiskBehaviour = implement(deleteDisk, {
  message: '云盘删除任务下发成功！',
  run: (ctx, req) => {
    const disks = disksOrThrow(ctx, req.DiskIds);
    refuseSystemDisks(disks, 'deleted');
    requireDiskStatus(disks, 'waiting', 'deleted');
    const snapshots = req.DeleteSnapshot ? disks.flatMap(({ disk }) => takenAlong(ctx.account, disk.DiskId)) : [];
    for (const s of snapshots) assertSnapshotStatus(s, ['running', 'create_fail', 'error'], 'deletion with its disk');
    for (const s of snapshots) s.Status = 'deleting';
    const event = ctx.machine.start(ctx.account, 'delete_disk', disks.map(({ disk }) => ({ disk, extra: { WithSnapshots: req.DeleteSnapshot } })));
    return { EventId: event.EventId };
  },
  transitions: {
    delete_disk: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '删除云盘',
      disk: { passesThrough: 'deleting', endsIn: null },
      onDiskEnd: ({ account, disk, pending }) => {
        account.KeptDisks = account.KeptDisks.filter((d) => d.DiskId !== disk.DiskId);
        if (pending.WithSnapshots) {
          const gone = new Set(takenAlong(account, disk.DiskId));
          account.DiskSnapshots = account.DiskSnapshots.filter((s) => !gone.has(s));
        }
      },
    },
  },
});
