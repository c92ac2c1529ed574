import { detachedDisk } from '../../store/disks';
import { detachDisk } from '../../../openapi/operations/disks';
import { implement } from '../implement';
import { disksOrThrow, refuseSystemDisks, requireDiskStatus } from './disk-lookup';

/** Attached (running) data disks leave their instance: unmounting → waiting, detached in its AZ. */
export const detachDiskBehaviour = implement(detachDisk, {
  message: '云盘卸载任务下发成功！',
  run: (ctx, req) => {
    const disks = disksOrThrow(ctx, req.DiskIds);
    refuseSystemDisks(disks, 'detached');
    requireDiskStatus(disks, 'running', 'detached');
    const event = ctx.machine.start(ctx.account, 'unmount_disk', disks.map(({ disk, instance }) => ({ instance: instance!, disk })));
    return { EventId: event.EventId };
  },
  transitions: {
    unmount_disk: {
      allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '卸载云盘',
      disk: { passesThrough: 'unmounting', endsIn: 'waiting' },
      onEnd: ({ account, instance, disk }) => {
        if (!disk) return;
        instance.DataDisks = instance.DataDisks.filter((d) => d !== disk);
        account.KeptDisks.push(detachedDisk(disk, instance.AvailableZoneCode));
      },
    },
  },
});
