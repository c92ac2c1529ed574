import { describeSnapshotChain } from '../../../openapi/operations/snapshots';
import { EmulatorError } from '../../errors';
import { findDiskIn } from '../../store/store';
import { implement } from '../implement';
import { chainsOf, pageOf, toChainInfo } from './chains';
import { toSnapshotInfo } from './snapshot-rules';

/**
 * One chain, by SnapshotChainId or by DiskId (the chain in the disk's own zone), with a page of its
 * snapshots; its size is a string with its unit, as the document's example.
 */
export const describeSnapshotChainBehaviour = implement(describeSnapshotChain, {
  message: '获取获取快照链详情！',
  run: (ctx, req) => {
    if (!req.SnapshotChainId && !req.DiskId) throw new EmulatorError('MissingParameter', 'SnapshotChainId or DiskId: one is required');
    const zone = req.DiskId ? findDiskIn(ctx.account, req.DiskId)?.instance.AvailableZoneCode : undefined;
    const chain = chainsOf(ctx.account).find((c) =>
      req.SnapshotChainId ? c[0]!.ChainId === req.SnapshotChainId && (!req.DiskId || c[0]!.DiskId === req.DiskId) : c[0]!.DiskId === req.DiskId && (!zone || c[0]!.AvailableZoneCode === zone),
    );
    if (!chain) throw new EmulatorError('SnapshotNotFound', `snapshot chain ${req.SnapshotChainId ?? `of disk ${req.DiskId}`} not found`);
    const info = toChainInfo(ctx.store.catalog, ctx.account, chain);
    const { rows, ...paging } = pageOf(chain, req);
    return { ...info, SnapshotSize: `${info.SnapshotSize.toFixed(2)}GB`, SnapshotList: rows.map((s) => toSnapshotInfo(ctx.store.catalog, s)), ...paging };
  },
});
