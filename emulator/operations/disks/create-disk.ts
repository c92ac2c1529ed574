import type { CreateDiskReq } from '../../../openapi/models';
import { createDisk } from '../../../openapi/operations/disks';
import { EmulatorError, invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { attachDataDisks, DISK_QUOTA_GB, usedQuotaGb } from '../../store/disks';
import { randomId } from '../../store/store';
import type { AccountState, DiskRecord, DiskSnapshotRecord, InstanceRecord, KeptDiskRecord } from '../../store/types';
import { instanceOrThrow, type OperationContext } from '../context';
import { implement } from '../implement';
import { assertSnapshotStatus, setSnapshotStatus, snapshotOrThrow } from '../snapshots/snapshot-rules';
import { assertInstanceTakesDisks } from './disk-lookup';

/**
 * New SSD data disks in their AZ, empty or made from a data-disk snapshot. Detached they pass
 * building → waiting; with InstanceId they are the instance's from the answer on and pass
 * building → mounting → running in the same event. The AZ's free quota must hold them all.
 */
export const createDiskBehaviour = implement(createDisk, {
  message: '云盘创建任务下发成功！',
  run: (ctx, req) => {
    if (!findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const instance = req.InstanceId ? attachTarget(ctx, req.InstanceId, req) : undefined;
    const snapshot = req.SnapshotId ? sourceSnapshot(ctx.account, req.SnapshotId, req) : undefined;
    const asked = req.Size * req.Number;
    const free = DISK_QUOTA_GB - usedQuotaGb(ctx.account, req.AvailableZoneCode);
    if (asked > free) throw new EmulatorError('QuotaExceeded', `${req.Number} × ${req.Size} GB asked, ${free} GB of SSD quota free in ${req.AvailableZoneCode}`);
    // ReleaseWithInstance means something only for a disk created attached; there it defaults to 1.
    const ReleaseWithInstance = instance ? (req.ReleaseWithInstance ?? 1) : 0;
    const disks: DiskRecord[] = Array.from({ length: req.Number }, () => {
      const DiskId = randomId('disk-');
      return { DiskId, Name: req.DiskName || DiskId, DiskType: 'data', Size: req.Size, DiskFeature: 'ssd', ReleaseWithInstance, Status: 'building' };
    });
    if (instance) attachDataDisks(instance, disks);
    else ctx.account.KeptDisks.push(...disks.map((d): KeptDiskRecord => Object.assign(d, { AvailableZoneCode: req.AvailableZoneCode })));
    if (snapshot) snapshot.Status = 'disk_creating';
    const extra = snapshot && { SnapshotId: snapshot.SnapshotId };
    const event = ctx.machine.start(ctx.account, 'create_disk', disks.map((disk) => ({ instance, disk, extra })));
    return { EventId: event.EventId, DiskIdSet: disks.map((d) => d.DiskId) };
  },
  transitions: {
    create_disk: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 4, resource: 'disk', display: '创建云盘',
      disk: { passesThrough: 'building', endsIn: 'waiting' },
      diskWithInstance: { passesThrough: ['building', 'mounting'], endsIn: 'running' },
      // The source snapshot is free again once its disks are made (or failed).
      onDiskEnd: ({ account, pending }) => releaseSnapshot(account, pending.SnapshotId),
      onSettle: ({ account, pending }) => releaseSnapshot(account, pending.SnapshotId),
    },
  },
});

/** The instance the new disks join: same AZ, a status an attach starts from, room for them among its 16 data disks. */
function attachTarget(ctx: OperationContext, ecsId: string, req: CreateDiskReq): InstanceRecord {
  const instance = instanceOrThrow(ctx, ecsId);
  if (instance.AvailableZoneCode !== req.AvailableZoneCode)
    throw new EmulatorError('UnsupportedOperation', `${instance.EcsId} is in ${instance.AvailableZoneCode}, not ${req.AvailableZoneCode}: a disk attaches only to an instance of its zone`);
  assertInstanceTakesDisks(ctx, instance, req.Number);
  return instance;
}

/** A running data-disk snapshot of the zone, no larger than the disks asked for. */
function sourceSnapshot(account: AccountState, snapshotId: string, req: CreateDiskReq): DiskSnapshotRecord {
  const s = snapshotOrThrow(account, snapshotId);
  if (s.DiskProperty !== 'data') throw invalidParameter('SnapshotId', `${snapshotId} is a snapshot of a system disk; only data-disk snapshots make disks`);
  assertSnapshotStatus(s, ['running'], 'creating a disk from it');
  if (s.AvailableZoneCode !== req.AvailableZoneCode) throw invalidParameter('SnapshotId', `${snapshotId} is in ${s.AvailableZoneCode}, not ${req.AvailableZoneCode}`);
  if (req.Size < s.DiskSize) throw invalidParameter('Size', `must be at least ${s.DiskSize}, the size of the disk snapshot ${snapshotId} was taken of`);
  return s;
}

function releaseSnapshot(account: AccountState, snapshotId: string | undefined): void {
  if (account.DiskSnapshots.find((s) => s.SnapshotId === snapshotId)?.Status === 'disk_creating') setSnapshotStatus(account, snapshotId, 'running');
}
