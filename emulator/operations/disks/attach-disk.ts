import { attachDataDisks } from '../../store/disks';
import { attachDisk } from '../../../openapi/operations/disks';
import { EmulatorError } from '../../errors';
import type { KeptDiskRecord } from '../../store/types';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';
import { assertInstanceTakesDisks, disksOrThrow, requireDiskStatus } from './disk-lookup';

/**
 * Detached (waiting) disks join a running or shut-down instance of their AZ: mounting → running.
 * They are the instance's from the answer on, so a second attach of them is refused at once.
 */
export const attachDiskBehaviour = implement(attachDisk, {
  message: '云盘挂载任务下发成功！',
  run: (ctx, req) => {
    const disks = disksOrThrow(ctx, req.DiskIds);
    const instance = instanceOrThrow(ctx, req.InstanceId);
    requireDiskStatus(disks, 'waiting', 'attached');
    const elsewhere = disks.filter((l) => l.AvailableZoneCode !== instance.AvailableZoneCode);
    if (elsewhere.length)
      throw new EmulatorError('UnsupportedOperation', `disks ${elsewhere.map((l) => l.disk.DiskId).join(',')} are not in ${instance.AvailableZoneCode}, the zone of ${instance.EcsId}`);
    assertInstanceTakesDisks(ctx, instance, disks.length);
    ctx.account.KeptDisks = ctx.account.KeptDisks.filter((d) => !req.DiskIds.includes(d.DiskId));
    // On the instance a disk has the instance's AZ: the detached record's own AZ goes.
    const attached = disks.map(({ disk }) => {
      const { AvailableZoneCode: _own, ...onInstance } = disk as KeptDiskRecord;
      return { ...onInstance, ReleaseWithInstance: req.ReleaseWithInstance };
    });
    attachDataDisks(instance, attached);
    const event = ctx.machine.start(ctx.account, 'mount_disk', attached.map((disk) => ({ instance, disk })));
    return { EventId: event.EventId };
  },
  transitions: {
    mount_disk: {
      allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '挂载云盘',
      disk: { passesThrough: 'mounting', endsIn: 'running' },
    },
  },
});
