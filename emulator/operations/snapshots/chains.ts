import type { SnapshotChainInfo } from '../../../openapi/models';
import { findAz } from '../../store/catalog';
import { findDiskIn } from '../../store/store';
import type { AccountState, Catalog, DiskSnapshotRecord } from '../../store/types';

// Snapshot chains are not stored: a chain is the snapshots sharing a ChainId (one disk, one zone).

/** Every chain of the account, in the order of their first snapshots. */
export function chainsOf(account: AccountState): DiskSnapshotRecord[][] {
  const byId = new Map<string, DiskSnapshotRecord[]>();
  for (const s of account.DiskSnapshots) byId.set(s.ChainId, [...(byId.get(s.ChainId) ?? []), s]);
  return [...byId.values()];
}

/** The chain's row; the emulator holds no data, so its size is 0. */
export function toChainInfo(catalog: Catalog, account: AccountState, chain: DiskSnapshotRecord[]): SnapshotChainInfo & { SnapshotSize: number } {
  const first = chain[0]!;
  const instance = findDiskIn(account, first.DiskId)?.instance;
  return {
    SnapshotChainId: first.ChainId,
    DiskId: first.DiskId,
    DiskName: first.DiskName,
    DiskProperty: first.DiskProperty,
    DiskSize: first.DiskSize,
    InstanceId: instance?.EcsId ?? '',
    InstanceName: instance?.EcsName ?? '',
    SnapshotNum: chain.length,
    SnapshotSize: 0,
    BillingMethod: '0',
    RegionCode: findAz(catalog, first.AvailableZoneCode)?.region.RegionCode ?? '',
    AvailableZoneCode: first.AvailableZoneCode,
  };
}

/** One page of rows: 1 and 20 unless given. */
export function pageOf<T>(rows: readonly T[], req: { PageNumber?: number; PageSize?: number }) {
  const PageNumber = req.PageNumber ?? 1;
  const PageSize = req.PageSize ?? 20;
  return { rows: rows.slice((PageNumber - 1) * PageSize, PageNumber * PageSize), PageNumber, PageSize, TotalCount: rows.length };
}
