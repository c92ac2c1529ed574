import { DISK_GONE_MESSAGE } from '../../../openapi/upstream/error-codes';
import { EmulatorError } from '../../errors';
import { locateDisk, type LocatedDisk } from '../../store/disks';
import type { DiskStatus, InstanceRecord } from '../../store/types';
import { MAX_DATA_DISKS } from '../../../openapi/models';
import type { OperationContext } from '../context';

/**
 * The answer to a disk the account does not hold, as the upstream gives it: InvalidParameter with
 * 云盘信息不存在 in the message (what the CSI driver looks for to call a disk gone). The gateway
 * turns it into 404 DiskNotFound (openapi/upstream/error-codes.ts, UPSTREAM_ERROR_QUIRKS).
 */
export const diskNotFound = (ids: readonly string[]) => new EmulatorError('InvalidParameter', `${DISK_GONE_MESSAGE}: ${ids.join(',')}`);

export function diskOrThrow(ctx: OperationContext, diskId: string): LocatedDisk {
  const found = locateDisk(ctx.account, diskId);
  if (!found) throw diskNotFound([diskId]);
  return found;
}

/** All listed disks, or the missing-disk answer naming every missing one; duplicates are refused. */
export function disksOrThrow(ctx: OperationContext, ids: readonly string[]): LocatedDisk[] {
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) throw new EmulatorError('InvalidParameter', `DiskIds: duplicate id ${[...new Set(dup)].join(',')}`);
  const found = ids.map((id) => locateDisk(ctx.account, id));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length) throw diskNotFound(missing);
  return found as LocatedDisk[];
}

/** System disks go only with their instance: never detached nor deleted on their own. */
export function refuseSystemDisks(disks: readonly LocatedDisk[], what: string): void {
  const system = disks.filter((l) => l.disk.DiskType === 'system');
  if (system.length) throw new EmulatorError('UnsupportedOperation', `disks ${system.map((l) => l.disk.DiskId).join(',')} are system disks; they cannot be ${what}`);
}

/** Every listed disk is in the status the operation starts from. */
export function requireDiskStatus(disks: readonly LocatedDisk[], status: DiskStatus, what: string): void {
  const wrong = disks.filter((l) => l.disk.Status !== status);
  if (wrong.length)
    throw new EmulatorError('InvalidDiskStatus', `disks can be ${what} only when ${status}: ${wrong.map((l) => `${l.disk.DiskId} is ${l.disk.Status}`).join('; ')}`);
}

/** The instance takes `count` more data disks now: a status an attach starts from, at most 16 data disks in all. */
export function assertInstanceTakesDisks(ctx: OperationContext, instance: InstanceRecord, count: number): void {
  ctx.machine.assertCanTake('mount_disk', [instance]);
  if (instance.DataDisks.length + count > MAX_DATA_DISKS)
    throw new EmulatorError('QuotaExceeded', `${instance.EcsId} holds ${instance.DataDisks.length} data disks; at most ${MAX_DATA_DISKS}`);
}
