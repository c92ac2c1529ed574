import { describeSnapshotChainList } from '../../../openapi/operations/snapshots';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { implement } from '../implement';
import { chainsOf, pageOf, toChainInfo } from './chains';

/** Chains filtered by zone, region, disk and the disk's current instance; the list row carries both count spellings. */
export const describeSnapshotChainListBehaviour = implement(describeSnapshotChainList, {
  message: '获取快照链列表成功！',
  run: (ctx, req) => {
    if (req.AvailableZoneCode && !findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    const rows = chainsOf(ctx.account)
      .map((chain) => toChainInfo(ctx.store.catalog, ctx.account, chain))
      .filter(
        (c) =>
          (!req.AvailableZoneCode || c.AvailableZoneCode === req.AvailableZoneCode) &&
          (!req.RegionCode || c.RegionCode === req.RegionCode) &&
          (!req.DiskId || c.DiskId === req.DiskId) &&
          (!req.InstanceId || c.InstanceId === req.InstanceId),
      )
      .map((c) => ({ ...c, SnapshotNumber: c.SnapshotNum }));
    const { rows: SnapshotChainList, ...paging } = pageOf(rows, req);
    return { SnapshotChainList, ...paging };
  },
});
