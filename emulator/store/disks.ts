import type { EbsDisk } from '../../openapi/models';
import { findAz, type Catalog } from './catalog';
import type { AccountState, DiskRecord, DiskStatus, InstanceRecord, KeptDiskRecord } from './types';

/** SSD quota of each AZ in GB (the published example's total). */
export const DISK_QUOTA_GB = 10_240;

export const DISK_STATUS_DISPLAY: Readonly<Record<DiskStatus, string>> = {
  building: '创建中', build_fail: '创建失败', waiting: '待挂载', mounting: '挂载中', running: '使用中',
  unmounting: '卸载中', updating: '更新中', deleting: '删除中', error: '错误', creating_snapshot: '创建快照中', rollback: '回滚中',
};

/** A cloud disk wherever it is: on an instance, or detached in its AZ. */
export interface LocatedDisk {
  disk: DiskRecord;
  instance?: InstanceRecord;
  AvailableZoneCode: string;
}

/** Every cloud (ssd) disk of the account: local disks are not EBS disks. */
export function cloudDisks(account: AccountState): LocatedDisk[] {
  const attached = [...account.Instances.values()].flatMap((instance) =>
    [instance.SystemDisk, ...instance.DataDisks].map((disk) => ({ disk, instance, AvailableZoneCode: instance.AvailableZoneCode })),
  );
  const detached = account.KeptDisks.map((disk) => ({ disk, AvailableZoneCode: disk.AvailableZoneCode }));
  return [...attached, ...detached].filter((l) => l.disk.DiskFeature === 'ssd');
}

export const locateDisk = (account: AccountState, diskId: string): LocatedDisk | undefined => cloudDisks(account).find((l) => l.disk.DiskId === diskId);

/** GB of SSD disks the AZ holds: what its quota has used. */
export const usedQuotaGb = (account: AccountState, zone: string): number =>
  cloudDisks(account).filter((l) => l.AvailableZoneCode === zone).reduce((sum, l) => sum + l.disk.Size, 0);

/** A data disk's slot on its instance (worlds saved before slots were kept: its place in the list). */
const slotOf = (instance: InstanceRecord, disk: DiskRecord): number => disk.Order ?? instance.DataDisks.indexOf(disk) + 1;

/**
 * Puts data disks on an instance, each in the lowest free slot. A slot is the device's SCSI LUN
 * (clients find the disk in the guest by it), so it stays put while the disk is attached.
 */
export function attachDataDisks(instance: InstanceRecord, disks: DiskRecord[]): void {
  const taken = new Set(instance.DataDisks.map((d) => slotOf(instance, d)));
  for (const disk of disks) {
    let slot = 1;
    while (taken.has(slot)) slot++;
    taken.add(slot);
    disk.Order = slot;
    instance.DataDisks.push(disk);
  }
}

/** The record of a disk leaving its instance: it keeps the instance's AZ, and its slot goes. */
export function detachedDisk({ Order: _slot, ...disk }: DiskRecord, AvailableZoneCode: string): KeptDiskRecord {
  return { ...disk, AvailableZoneCode };
}

/** The EBS view of a disk; Order is its slot on the instance (system 0, data 1–16), 0 detached. */
export function toEbsDisk(catalog: Catalog, { disk, instance, AvailableZoneCode }: LocatedDisk): EbsDisk {
  const order = !instance || disk.DiskType === 'system' ? 0 : slotOf(instance, disk);
  return {
    DiskId: disk.DiskId,
    DiskName: disk.Name,
    Size: disk.Size,
    EcsId: instance?.EcsId ?? '',
    EcsName: instance?.EcsName ?? '',
    BillingMethod: instance?.BillingMethod ?? '0',
    ReleaseWithInstance: disk.ReleaseWithInstance,
    RegionCode: findAz(catalog, AvailableZoneCode)?.region.RegionCode ?? '',
    AvailableZoneCode,
    Status: disk.Status,
    StatusDisplay: DISK_STATUS_DISPLAY[disk.Status],
    DiskFeature: 'SSD',
    Property: disk.DiskType,
    Order: order,
  };
}
