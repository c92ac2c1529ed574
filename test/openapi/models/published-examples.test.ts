import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import examples from '../../fixtures/upstream-response-examples.json';
import {
  CopySnapshotCrossAZResult,
  CreateImageResult,
  DescribeSnapshotChainListResult,
  DescribeSnapshotChainResult,
  CreateSnapshotResult,
  DescribeSnapshotListResult,
  DescribeSnapshotQuotaResult,
  DescribeSnapshotResult,
  EmptyData,
  DescribeEcsFamilyInfoResult,
  EventIdData, EventResultData, InstanceData, InstanceSimpleInfo, ModifyInstanceNameResult, RegionGroup,
} from '../../../openapi/models';

// The real upstream is the source of truth: the shared models (which the emulator serves) must
// accept every published example, including event types this product never starts.

const ex = examples.examples;
const accepts = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
};

describe('the shared models accept the published upstream examples', () => {
  it('DescribeRegions, DescribeEcsFamilyInfo', () => {
    accepts(z.array(RegionGroup), ex.DescribeRegions[0]!.Data);
    accepts(DescribeEcsFamilyInfoResult, ex.DescribeEcsFamilyInfo[0]!.Data);
  });

  it('DescribeInstanceList and DescribeInstance (ssd and local disk features)', () => {
    accepts(z.object({ EcsList: z.array(InstanceSimpleInfo) }), ex.DescribeInstanceList[0]!.Data);
    accepts(InstanceData, ex.DescribeInstance[0]!.Data);
  });

  it('DescribeEvent in both published forms, with upstream-only event types (create_ecs, unmount_disk)', () => {
    const events = ex.DescribeEvent.map((e) => (Array.isArray(e.Data) ? e.Data[0] : e.Data));
    for (const e of events) accepts(EventResultData, e);
    expect(events.map((e) => (e as { EventType: string }).EventType).sort()).toEqual(['create_ecs', 'unmount_disk']);
  });

  it('the operations answering an event id or the new name', () => {
    for (const a of ['OperateInstance', 'ChangeInstanceConfigure', 'ExtendDisk'] as const) accepts(EventIdData, ex[a][0]!.Data);
    accepts(ModifyInstanceNameResult, ex.ModifyInstanceName[0]!.Data);
  });

  it('images and snapshots', () => {
    accepts(CreateImageResult, ex.CreateImage[0]!.Data);
    for (const a of ['DeleteImage', 'SyncImage', 'RollbackDiskBySnapshot', 'DeleteSnapshot'] as const) accepts(EventIdData, ex[a][0]!.Data);
    const list = ex.DescribeSnapshotList[0]!;
    // Paging sits next to Data; the client folds it in.
    accepts(DescribeSnapshotListResult, { ...list.Data, PageNumber: list.PageNumber, PageSize: list.PageSize, TotalCount: list.TotalCount });
    accepts(DescribeSnapshotResult, ex.DescribeSnapshot[0]!.Data);
    accepts(CreateSnapshotResult, ex.CreateSnapshot[0]!.Data);
    accepts(EmptyData, ex.RenameSnapshot[0]!.Data);
    accepts(DescribeSnapshotQuotaResult, ex.DescribeSnapshotQuota[0]!.Data);
    for (const a of ['DescribeSnapshotChainList', 'DescribeSnapshotChain'] as const) {
      const e = ex[a][0]!;
      accepts(a === 'DescribeSnapshotChain' ? DescribeSnapshotChainResult : DescribeSnapshotChainListResult, { ...e.Data, PageNumber: e.PageNumber, PageSize: e.PageSize, TotalCount: e.TotalCount });
    }
    accepts(CreateImageResult, ex.CreateImageBySnapshot[0]!.Data);
    accepts(CopySnapshotCrossAZResult, ex.CopySnapshotCrossAZ[0]!.Data);
  });
});
