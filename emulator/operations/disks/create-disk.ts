import { createDisk } from '../../../openapi/operations/disks';
import { EmulatorError, invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { DISK_QUOTA_GB, usedQuotaGb } from '../../store/disks';
import { randomId } from '../../store/store';
import type { KeptDiskRecord } from '../../store/types';
import { implement } from '../implement';

/** New SSD data disks, detached in their AZ: building → waiting. The AZ's free quota must hold them all. */
export const createDiskBehaviour = implement(createDisk, {
  message: '云盘创建任务下发成功！',
  run: (ctx, req) => {
    if (!findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const asked = req.Size * req.Number;
    const free = DISK_QUOTA_GB - usedQuotaGb(ctx.account, req.AvailableZoneCode);
    if (asked > free) throw new EmulatorError('QuotaExceeded', `${req.Number} × ${req.Size} GB asked, ${free} GB of SSD quota free in ${req.AvailableZoneCode}`);
    const disks: KeptDiskRecord[] = Array.from({ length: req.Number }, () => {
      const DiskId = randomId('disk-');
      return { DiskId, Name: req.DiskName || DiskId, DiskType: 'data', Size: req.Size, DiskFeature: 'ssd', ReleaseWithInstance: 0, Status: 'building', AvailableZoneCode: req.AvailableZoneCode };
    });
    ctx.account.KeptDisks.push(...disks);
    const event = ctx.machine.start(ctx.account, 'create_disk', disks.map((disk) => ({ disk })));
    return { EventId: event.EventId, DiskIdSet: disks.map((d) => d.DiskId) };
  },
  transitions: {
    create_disk: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '创建云盘',
      disk: { passesThrough: 'building', endsIn: 'waiting' },
    },
  },
});
