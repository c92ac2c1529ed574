import { deleteDisk } from '../../../openapi/operations/disks';
import { implement } from '../implement';
import { disksOrThrow, refuseSystemDisks, requireDiskStatus } from './disk-lookup';

/** Detached (waiting) data disks go: deleting, then no disk at all. */
export const deleteDiskBehaviour = implement(deleteDisk, {
  message: '云盘删除任务下发成功！',
  run: (ctx, req) => {
    const disks = disksOrThrow(ctx, req.DiskIds);
    refuseSystemDisks(disks, 'deleted');
    requireDiskStatus(disks, 'waiting', 'deleted');
    const event = ctx.machine.start(ctx.account, 'delete_disk', disks.map(({ disk }) => ({ disk })));
    return { EventId: event.EventId };
  },
  transitions: {
    delete_disk: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '删除云盘',
      disk: { passesThrough: 'deleting', endsIn: null },
      onDiskEnd: ({ account, disk }) => void (account.KeptDisks = account.KeptDisks.filter((d) => d.DiskId !== disk.DiskId)),
    },
  },
});
