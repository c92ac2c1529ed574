import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import examples from '../../fixtures/upstream-response-examples.json';
import {
  EventIdData,
  EventResultData,
  FamilyInfo,
  ModifyInstanceNameResult,
  RegionGroup,
} from '../../../openapi/models';
import { AK, UpstreamInstanceData, UpstreamInstanceSimpleInfo, call, expectError, expectModel, keysOf, newEmulator } from '../../helpers/emulator-client';

const ex = examples.examples;
/** Envelope keys of a published example, without Data's content. */
const envelopeKeys = (o: object) => keysOf(o).filter((k) => k !== 'RequestId');
const ours = (o: object) => keysOf(o).filter((k) => k !== 'RequestId');

describe('every action answers the published envelope and complete models', () => {
  it('DescribeRegions: Code/Msg envelope, ≥2 regions with the seed AZs', async () => {
    const r = await call(newEmulator(), 'DescribeRegions');
    expect(r.status).toBe(200);
    expect(ours(r.body)).toEqual(envelopeKeys(ex.DescribeRegions[0]!));
    expect(typeof r.body.RequestId).toBe('string');
    const groups = expectModel(z.array(RegionGroup), r.body.Data);
    const azs = groups.flatMap((g) => g.RegionList.flatMap((reg) => reg.AzList.map((a) => a.AvailableZoneCode)));
    expect(groups[0]!.RegionList.length).toBeGreaterThanOrEqual(2);
    expect(azs).toEqual(expect.arrayContaining(['CN_Hohhot_B', 'CN_Suqian_A', 'CN_Suqian_B']));
  });

  it('DescribeEcsFamilyInfo: CPU and GPU families per AZ and billing method', async () => {
    const emu = newEmulator();
    for (const az of ['CN_Hohhot_B', 'CN_Suqian_A', 'CN_Suqian_B'])
      for (const billing of ['0', '1']) {
        const r = await call(emu, 'DescribeEcsFamilyInfo', { params: { AvailableZoneCode: az, BillingMethod: billing } });
        expect(r.status).toBe(200);
        expect(ours(r.body)).toEqual(envelopeKeys(ex.DescribeEcsFamilyInfo[0]!));
        const fams = expectModel(z.array(FamilyInfo), r.body.Data.EcsFamilyInfo);
        expect(fams.some((f) => f.SpecList.some((s) => s.Gpu > 0))).toBe(true);
        expect(fams.some((f) => f.SpecList.some((s) => s.Gpu === 0))).toBe(true);
      }
  });

  it('DescribeEcsFamilyInfo: bad input names the field', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeEcsFamilyInfo', { params: { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '2' } }), 400, 'InvalidParameter', 'BillingMethod');
    expectError(await call(emu, 'DescribeEcsFamilyInfo', { params: { AvailableZoneCode: 'CN_Nowhere', BillingMethod: '0' } }), 400, 'InvalidParameter', 'AvailableZoneCode');
    expectError(await call(emu, 'DescribeEcsFamilyInfo', { params: { BillingMethod: '0' } }), 400, 'MissingParameter', 'AvailableZoneCode');
  });

  it('DescribeInstanceList: lower-case envelope, paging at top level, all rows without paging', async () => {
    const r = await call(newEmulator(), 'DescribeInstanceList');
    expect(r.status).toBe(200);
    expect(ours(r.body)).toEqual(envelopeKeys(ex.DescribeInstanceList[0]!));
    expect(r.body.code).toBe('Success');
    expect(r.body.CodeMsg).toBe('success');
    expect(r.body.Message).toBe('获取云服务器列表成功！');
    expect(r.body).toMatchObject({ PageNumber: 1, PageSize: 5, TotalCount: 5 });
    const rows = r.body.Data.EcsList as unknown[];
    expect(rows).toHaveLength(5);
    for (const row of rows) expectModel(UpstreamInstanceSimpleInfo, row);
  });

  it('DescribeInstanceList: paging, EcsIds, AZ, VPC and SearchInfo filters', async () => {
    const emu = newEmulator();
    const p1 = await call(emu, 'DescribeInstanceList', { params: { PageNumber: '1', PageSize: '2' } });
    const p3 = await call(emu, 'DescribeInstanceList', { params: { PageNumber: '3', PageSize: '2' } });
    expect(p1.body).toMatchObject({ PageNumber: 1, PageSize: 2, TotalCount: 5 });
    expect(p1.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-demand-cpu-ssd', 'ins-demand-cpu-local']);
    expect(p3.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-month-gpu-ssd']);
    const onlyPage = await call(emu, 'DescribeInstanceList', { params: { PageNumber: '2' } });
    expect(onlyPage.body).toMatchObject({ PageNumber: 2, PageSize: 20, TotalCount: 5 });
    expect(onlyPage.body.Data.EcsList).toEqual([]);
    const ids = await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-month-cpu-ssd,ins-demand-gpu-ssd' } });
    expect(ids.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId).sort()).toEqual(['ins-demand-gpu-ssd', 'ins-month-cpu-ssd']);
    const az = await call(emu, 'DescribeInstanceList', { params: { AvailableZoneCode: 'CN_Suqian_B' } });
    expect(az.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-month-gpu-ssd']);
    const vpc = az.body.Data.EcsList[0].VpcId as string;
    // One VPC per region: the 宿迁 VPC holds the instances of CN_Suqian_A and CN_Suqian_B.
    const byVpc = await call(emu, 'DescribeInstanceList', { params: { VpcId: vpc } });
    expect(byVpc.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId).sort()).toEqual(['ins-demand-gpu-ssd', 'ins-month-gpu-ssd']);
    const search = await call(emu, 'DescribeInstanceList', { params: { SearchInfo: 'RENDER' } });
    expect(search.body.Data.EcsList.map((e: { EcsName: string }) => e.EcsName)).toEqual(['render-01']);
    const byIp = await call(emu, 'DescribeInstanceList', { params: { SearchInfo: search.body.Data.EcsList[0].PrivateNet } });
    expect(byIp.body.TotalCount).toBe(1);
  });

  it('DescribeInstanceList: bad paging input → InvalidParameter naming the field', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeInstanceList', { params: { PageSize: 'ten' } }), 400, 'InvalidParameter', 'PageSize');
    expectError(await call(emu, 'DescribeInstanceList', { params: { PageSize: '5000' } }), 400, 'InvalidParameter', 'PageSize');
  });

  it('DescribeInstance: lower-case envelope, complete InstanceData consistent with the list row', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } });
    expect(r.status).toBe(200);
    expect(keysOf(r.body).filter((k) => k !== 'RequestId')).toEqual(envelopeKeys(ex.DescribeInstance[0]!));
    expect(r.body.code).toBe('Success');
    const d = expectModel(UpstreamInstanceData, r.body.Data);
    expect(d.Disk.SystemDiskConf).toMatchObject({ DiskId: 'disk-demand-cpu-ssd-sys', Size: 48, DiskFeature: 'ssd', DiskType: 'system' });
    expect(d.Disk.DataDiskConf).toHaveLength(1);
    expect(d.Disk.DataDiskConf[0]).toMatchObject({ Id: 'disk-demand-cpu-ssd-data', Size: 96, DiskFeature: 'ssd', DiskType: 'data' });
    expect(d.BillingInfo.BillingMethod).toBe('0');
    const list = await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-demand-cpu-ssd' } });
    const row = expectModel(UpstreamInstanceSimpleInfo, list.body.Data.EcsList[0]);
    // As upstream: the zone is named by AzId only (the gateway joins the code in).
    expect(d).not.toHaveProperty('AvailableZoneCode');
    expect(row).not.toHaveProperty('AvailableZoneCode');
    for (const k of ['EcsId', 'EcsName', 'Status', 'StatusDisplay', 'RegionId', 'AzId', 'AzName', 'CreateTime', 'EndBillTime', 'NoChargeForShutdown', 'SystemDiskFeature'] as const)
      expect(row[k as keyof typeof row], k).toEqual(d[k as keyof typeof d]);
    expect(row.CpuSize).toBe(d.EcsRule.CpuNum);
    expect(row.RamSize).toBe(d.EcsRule.Ram);
    expect(row.GpuSize).toBe(d.EcsRule.Gpu);
    expect(row.EcsFamilyName).toBe(d.EcsRule.Name);
    expect(row.SystemDiskSize).toBe(d.Disk.SystemDiskConf.Size);
    expect(row.PrivateNet).toBe(d.Pipe.PrivateNet);
    expect(row.PubNet).toBe(d.Pipe.PubNet);
    expect(row.VpcId).toBe(d.Pipe.VpcId);
    expect(Object.keys(row.EipInfo).sort()).toEqual(Object.keys(d.Pipe.EipInfo).sort());
    expect(row.ImageName).toBe(d.OsInfo.ImageName);
    expect(row.CreateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('the seed holds the instances emulator/README.md lists', async () => {
    const emu = newEmulator();
    const get = async (id: string) => (await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data;
    const a = await get('ins-demand-cpu-ssd');
    expect([a.Status, a.BillingInfo.BillingMethod, a.IsGpu, a.SystemDiskFeature]).toEqual(['running', '0', false, 'ssd']);
    const b = await get('ins-demand-cpu-local');
    expect([b.Status, b.BillingInfo.BillingMethod, b.IsGpu, b.SystemDiskFeature]).toEqual(['running', '0', false, 'local']);
    const c = await get('ins-demand-gpu-ssd');
    expect([c.Status, c.BillingInfo.BillingMethod, c.IsGpu, c.SystemDiskFeature]).toEqual(['shutdown', '0', true, 'ssd']);
    const d = await get('ins-month-cpu-ssd');
    expect([d.Status, d.BillingInfo.BillingMethod, d.IsGpu, d.SystemDiskFeature]).toEqual(['shutdown', '1', false, 'ssd']);
    const e = await get('ins-month-gpu-ssd');
    expect([e.Status, e.BillingInfo.BillingMethod, e.IsGpu]).toEqual(['running', '1', true]);
    for (const x of [a, b, c, d, e]) {
      const disks = [x.Disk.SystemDiskConf, ...x.Disk.DataDiskConf];
      for (const disk of disks) {
        expect(disk.Size % 8).toBe(0);
        expect(disk.DiskId ?? disk.Id).toMatch(/^disk-/);
      }
    }
  });

  it('DescribeInstance: unknown id → 404 InstanceNotFound; missing EcsId → MissingParameter', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-nope' } }), 404, 'InstanceNotFound', 'ins-nope');
    expectError(await call(emu, 'DescribeInstance'), 400, 'MissingParameter', 'EcsId');
  });

  it('ModifyInstanceName: Code/Msg envelope, name visible in list and detail', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-month-gpu-ssd', Name: 'train-02' } });
    expect(r.status).toBe(200);
    expect(ours(r.body)).toEqual(envelopeKeys(ex.ModifyInstanceName[0]!));
    expect(expectModel(ModifyInstanceNameResult, r.body.Data)).toEqual({ EcsId: 'ins-month-gpu-ssd', Name: 'train-02' });
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-month-gpu-ssd' } })).body.Data.EcsName).toBe('train-02');
    const list = await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-month-gpu-ssd' } });
    expect(list.body.Data.EcsList[0].EcsName).toBe('train-02');
  });

  it('ModifyInstanceName: bad input never crashes', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-month-gpu-ssd', Name: '' } }), 400, 'InvalidParameter', 'Name');
    expectError(await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-month-gpu-ssd', Name: 'x'.repeat(65) } }), 400, 'InvalidParameter', 'Name');
    expectError(await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-month-gpu-ssd' } }), 400, 'MissingParameter', 'Name');
    expectError(await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-nope', Name: 'a' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'ModifyInstanceName', { rawBody: '{"EcsId": ' }), 400, 'InvalidParameter', 'JSON');
    expectError(await call(emu, 'ModifyInstanceName', { body: [1, 2] }), 400, 'InvalidParameter');
  });

  it('OperateInstance: lower-case envelope with EventId', async () => {
    const r = await call(newEmulator(), 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' } });
    expect(r.status).toBe(200);
    expect(ours(r.body)).toEqual([...envelopeKeys(ex.OperateInstance[0]!)]);
    expect(r.body.Message).toBe('批量操作云服务器任务下发成功！');
    expect(expectModel(EventIdData, r.body.Data).EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('OperateInstance: bad input → InvalidParameter naming the field', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'explode' } }), 400, 'InvalidParameter', 'OpType');
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: 'ins-demand-cpu-ssd', OpType: 'restart_ecs' } }), 400, 'InvalidParameter', 'EcsIds');
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: [], OpType: 'restart_ecs' } }), 400, 'InvalidParameter', 'EcsIds');
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs', DeleteEip: 2 } }), 400, 'InvalidParameter', 'DeleteEip');
    expectError(await call(emu, 'OperateInstance', { body: { OpType: 'restart_ecs' } }), 400, 'MissingParameter', 'EcsIds');
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd', 'ins-demand-cpu-ssd'], OpType: 'restart_ecs' } }), 400, 'InvalidParameter', 'duplicate');
    expectError(await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd', 'ins-x', 'ins-y'], OpType: 'restart_ecs' } }), 404, 'InstanceNotFound', 'ins-x,ins-y');
  });

  it('ChangeInstanceConfigure and ExtendDisk: Code/Msg envelopes with EventId', async () => {
    const emu = newEmulator();
    const c = await call(emu, 'ChangeInstanceConfigure', {
      body: { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16, Gpu: 0 },
    });
    expect(c.status, c.text).toBe(200);
    expect(ours(c.body)).toEqual(envelopeKeys(ex.ChangeInstanceConfigure[0]!));
    expectModel(EventIdData, c.body.Data);
    const d = await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 128 } });
    expect(d.status, d.text).toBe(200);
    expect(ours(d.body)).toEqual([...envelopeKeys(ex.ExtendDisk[0]!)]);
    expect(d.body.Msg).toBe('云盘扩容任务下发成功！');
    expectModel(EventIdData, d.body.Data);
  });

  it('DescribeEvent: Code/Msg envelope, one EventResultData; unknown id → 404 EventNotFound', async () => {
    const emu = newEmulator();
    const op = await call(emu, 'OperateInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'shutdown_ecs' } });
    const r = await call(emu, 'DescribeEvent', { params: { EventId: op.body.Data.EventId } });
    expect(r.status).toBe(200);
    expect(ours(r.body)).toEqual(envelopeKeys(ex.DescribeEvent[0]!));
    const e = expectModel(EventResultData, r.body.Data);
    expect(e.TaskList).toHaveLength(1);
    expectError(await call(emu, 'DescribeEvent', { params: { EventId: 'no-such-event' } }), 404, 'EventNotFound', 'no-such-event');
    expectError(await call(emu, 'DescribeEvent'), 400, 'MissingParameter', 'EventId');
  });

  it('every answer carries a distinct RequestId, errors too', async () => {
    const emu = newEmulator();
    const a = await call(emu, 'DescribeRegions');
    const b = await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-nope' } });
    expect(a.body.RequestId).toMatch(/^[0-9a-f]{32}$/);
    expect(b.body.RequestId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.body.RequestId).not.toBe(b.body.RequestId);
    expect(AK).toBe('test-ak');
  });
});
