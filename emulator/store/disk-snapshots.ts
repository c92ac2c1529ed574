import type { AccountState, DiskSnapshotRecord } from './types';

// The seed's disk snapshots: each instance seeded shut down with a cloud system disk has one
// running snapshot of it, `s-<disk id>-seed-01`, so a rollback can be tried at once.

export const seedSnapshotId = (diskId: string) => `s-${diskId}-seed-01`;

export function defaultDiskSnapshots(account: AccountState): DiskSnapshotRecord[] {
  return [...account.Instances.values()]
    .filter((i) => i.Status === 'shutdown' && i.SystemDisk.DiskFeature === 'ssd')
    .map((i) => ({
      SnapshotId: seedSnapshotId(i.SystemDisk.DiskId),
      ChainId: `sl-${i.SystemDisk.DiskId}-seed`,
      SnapshotName: 'seed-baseline',
      DiskId: i.SystemDisk.DiskId,
      DiskName: i.SystemDisk.Name,
      DiskProperty: 'system' as const,
      DiskSize: i.SystemDisk.Size,
      CreateTime: i.CreateTime,
      ReservedTime: 'Forever',
      Status: 'running' as const,
      AvailableZoneCode: i.AvailableZoneCode,
      IsOptimized: 0 as const,
      EcsId: i.EcsId,
      Os: { ...i.Os },
    }));
}
