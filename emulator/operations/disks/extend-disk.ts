import { extendDisk } from '../../../openapi/operations/disks';
import { EmulatorError } from '../../errors';
import { checkExtendDisk } from '../../state/rules';
import { findDiskIn } from '../../store/store';
import { implement } from '../implement';
import { diskNotFound } from './disk-lookup';

/** An ssd disk of a running or shut-down instance grows to the new total size; one extension at a time. */
export const extendDiskBehaviour = implement(extendDisk, {
  message: '云盘扩容任务下发成功！',
  run: (ctx, req) => {
    const found = findDiskIn(ctx.account, req.DiskId);
    if (!found) {
      if (ctx.account.KeptDisks.some((d) => d.DiskId === req.DiskId)) throw new EmulatorError('UnsupportedOperation', `disk ${req.DiskId} is detached: the emulator extends attached disks only`);
      throw diskNotFound([req.DiskId]);
    }
    checkExtendDisk(found.disk, req.ExtendedSize);
    if (found.disk.Status === 'updating') throw new EmulatorError('InvalidDiskStatus', `disk ${req.DiskId} is updating; wait for its extension to finish`);
    ctx.machine.assertCanTake('extend_disk', [found.instance]);
    const event = ctx.machine.start(ctx.account, 'extend_disk', [{ instance: found.instance, disk: found.disk, extra: { NewSize: req.ExtendedSize } }]);
    return { EventId: event.EventId };
  },
  transitions: {
    extend_disk: {
      allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 6, resource: 'disk', display: '云盘扩容',
      onEnd: ({ disk, pending }) => {
        if (disk && pending.NewSize) disk.Size = pending.NewSize;
      },
    },
  },
});
