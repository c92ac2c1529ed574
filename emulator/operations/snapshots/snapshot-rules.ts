import type { SnapshotInfo } from '../../../openapi/models';
import { EmulatorError } from '../../errors';
import { chinaTime } from '../../state/clock';
import { findAz } from '../../store/catalog';
import { findDiskIn } from '../../store/store';
import type { AccountState, Catalog, DiskRecord, DiskSnapshotRecord, InstanceRecord, SnapshotStatus } from '../../store/types';
import type { OperationContext } from '../context';
import { diskNotFound } from '../disks/disk-lookup';

/** Snapshots one disk may have (the quota's TotalQuota, the document's example). */
export const SNAPSHOTS_PER_DISK = 10;

/**
 * The next snapshot of the disk in the zone: its chain (`sl-<disk id>-<4 chars>`, one per disk and
 * zone, fixed by its first snapshot) and id `s-<disk id>-<the chain's 4 chars>-<NN>`.
 */
export function nextSnapshotId(account: AccountState, diskId: string, zone: string): { SnapshotId: string; ChainId: string } {
  const chain = account.DiskSnapshots.filter((s) => s.DiskId === diskId && s.AvailableZoneCode === zone);
  const ChainId = chain[0]?.ChainId ?? `sl-${diskId}-${Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')}`;
  const n = Math.max(0, ...chain.map((s) => Number(s.SnapshotId.match(/-(\d+)$/)?.[1] ?? 0))) + 1;
  return { ChainId, SnapshotId: `s-${ChainId.slice(3)}-${String(n).padStart(2, '0')}` };
}

/** Snapshots that count against the disk's quota: every one still listed. */
export const usedQuota = (account: AccountState, diskId: string) => account.DiskSnapshots.filter((s) => s.DiskId === diskId).length;

export function snapshotOrThrow(account: AccountState, snapshotId: string): DiskSnapshotRecord {
  const s = account.DiskSnapshots.find((x) => x.SnapshotId === snapshotId);
  if (!s) throw new EmulatorError('SnapshotNotFound', `snapshot ${snapshotId} not found`);
  return s;
}

/** Refuses unless the snapshot is in one of the statuses. */
export function assertSnapshotStatus(s: DiskSnapshotRecord, allowed: readonly SnapshotStatus[], doing: string): void {
  if (!allowed.includes(s.Status)) throw new EmulatorError('InvalidSnapshotStatus', `snapshot ${s.SnapshotId} is ${s.Status}; ${doing} needs ${allowed.join(' or ')}`);
}

/** A cloud disk of an instance, ready for a snapshot operation; refusals name the rule. */
export function snapshotDiskOrThrow(ctx: OperationContext, diskId: string): { instance: InstanceRecord; disk: DiskRecord } {
  const found = findDiskIn(ctx.account, diskId);
  if (!found) {
    if (ctx.account.KeptDisks.some((d) => d.DiskId === diskId)) throw new EmulatorError('UnsupportedOperation', `disk ${diskId} is detached: the emulator snapshots and rolls back attached disks only`);
    throw diskNotFound([diskId]);
  }
  if (found.disk.DiskFeature !== 'ssd') throw new EmulatorError('UnsupportedOperation', `disk ${diskId} is a local disk: only cloud (ssd) disks have snapshots`);
  if (found.disk.Status !== 'running' && found.disk.Status !== 'waiting') throw new EmulatorError('InvalidDiskStatus', `disk ${diskId} is ${found.disk.Status}; wait for its event to end`);
  return found;
}

/** Refuses a snapshot the disk's quota has no room for (`extra` more than one: a rollback's new snapshot). */
export function assertQuota(account: AccountState, diskId: string, adding = 1): void {
  const used = usedQuota(account, diskId);
  if (used + adding > SNAPSHOTS_PER_DISK) throw new EmulatorError('SnapshotQuotaExceeded', `disk ${diskId} has ${used} of ${SNAPSHOTS_PER_DISK} snapshots; delete one first`);
}

/** A new snapshot of the disk, `creating`. */
export function newSnapshot(ctx: OperationContext, instance: InstanceRecord, disk: DiskRecord, o: { name?: string; reserved?: string; optimized?: 0 | 1 }): DiskSnapshotRecord {
  const { SnapshotId, ChainId } = nextSnapshotId(ctx.account, disk.DiskId, instance.AvailableZoneCode);
  const s: DiskSnapshotRecord = {
    SnapshotId,
    ChainId,
    SnapshotName: o.name ?? SnapshotId,
    DiskId: disk.DiskId,
    DiskName: disk.Name,
    DiskProperty: disk.DiskType,
    DiskSize: disk.Size,
    CreateTime: ctx.clock.now(),
    ReservedTime: o.reserved ?? '1',
    Status: 'creating',
    AvailableZoneCode: instance.AvailableZoneCode,
    IsOptimized: o.optimized ?? 0,
    EcsId: instance.EcsId,
    ...(disk.DiskType === 'system' && { Os: { ...instance.Os } }),
  };
  ctx.account.DiskSnapshots.push(s);
  return s;
}

export function toSnapshotInfo(catalog: Catalog, s: DiskSnapshotRecord): SnapshotInfo {
  return {
    SnapshotId: s.SnapshotId,
    SnapshotName: s.SnapshotName,
    DiskId: s.DiskId,
    DiskName: s.DiskName,
    DiskProperty: s.DiskProperty,
    DiskSize: s.DiskSize,
    CreateTime: chinaTime(s.CreateTime),
    ReservedTime: s.ReservedTime,
    SnapshotStatus: s.Status,
    RegionCode: findAz(catalog, s.AvailableZoneCode)?.region.RegionCode ?? '',
    AvailableZoneCode: s.AvailableZoneCode,
    IsOptimized: s.IsOptimized,
  };
}

/** Sets the status of the snapshot the transition names, if it still exists. */
export function setSnapshotStatus(account: AccountState, snapshotId: string | undefined, status: SnapshotStatus): void {
  const s = account.DiskSnapshots.find((x) => x.SnapshotId === snapshotId);
  if (s) s.Status = status;
}
