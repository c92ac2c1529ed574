import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInProcessEcsApi } from '../../emulator';
import { EcsError } from '../../openapi/ecs-api';
import { EventResultData, FamilyInfo, RegionGroup } from '../../openapi/models';
import { AK, UpstreamInstanceData, UpstreamInstanceSimpleInfo, call, ctl, expectComplete, expectModel, newEmulator } from '../helpers/emulator-client';

async function rejection(p: Promise<unknown>): Promise<EcsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(EcsError);
  return e as EcsError;
}

describe('createInProcessEcsApi: the nine methods without HTTP', () => {
  it('reads: regions, families, list, detail — same data as the wire', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    const regions = await api.describeRegions();
    expectModel(z.array(RegionGroup), regions.data);
    expect(regions.requestId).toMatch(/^[0-9a-f]{32}$/);
    const fams = await api.describeEcsFamilyInfo({ AvailableZoneCode: 'CN_Suqian_A', BillingMethod: '1' });
    expectModel(z.array(FamilyInfo), fams.data.EcsFamilyInfo);
    const list = await api.describeInstanceList({ PageNumber: 1, PageSize: 3 });
    expect(list.data).toMatchObject({ PageNumber: 1, PageSize: 3, TotalCount: 5 });
    for (const row of list.data.EcsList) expectModel(UpstreamInstanceSimpleInfo, row);
    const all = await api.describeInstanceList({});
    expect(all.data.EcsList).toHaveLength(5);
    const d = await api.describeInstance({ EcsId: 'ins-month-gpu-ssd' });
    expectModel(UpstreamInstanceData, d.data);
    const wire = await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-month-gpu-ssd' } });
    expect(d.data).toEqual(wire.body.Data);
  });

  it('operate → event doing → clock → success → new status', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    const { data } = await api.operateInstance({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs', DeleteEip: 0 });
    let e = await api.describeTaskEvent({ EventId: data.EventId });
    expect(e.data.EventStatus).toBe('doing');
    expect((await api.describeInstance({ EcsId: 'ins-demand-cpu-ssd' })).data.Status).toBe('restarting');
    emu.advance(12);
    e = await api.describeTaskEvent({ EventId: data.EventId });
    expectModel(EventResultData, e.data);
    expect(e.data.EventStatus).toBe('success');
    expect((await api.describeInstance({ EcsId: 'ins-demand-cpu-ssd' })).data.Status).toBe('running');
  });

  it('rename, change spec, extend disk (its event found through the ebs side)', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    expect((await api.modifyInstanceName({ EcsId: 'ins-month-cpu-ssd', Name: 'n2' })).data).toEqual({ EcsId: 'ins-month-cpu-ssd', Name: 'n2' });
    const c = await api.changeInstanceConfigure({ EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16, Gpu: 0 });
    const x = await api.extendDisk({ DiskId: 'disk-month-gpu-ssd-data', ExtendedSize: 520 });
    emu.advance(10);
    expect((await api.describeTaskEvent({ EventId: c.data.EventId })).data.EventType).toBe('change_ecs_config');
    const disk = await api.describeTaskEvent({ EventId: x.data.EventId });
    expect([disk.data.EventType, disk.data.EventStatus]).toEqual(['extend_disk', 'success']);
    expect((await api.describeInstance({ EcsId: 'ins-month-gpu-ssd' })).data.Disk.DataDiskConf[0]!.Size).toBe(520);
  });

  it('maps emulator refusals to EcsError(business, code, msg, status)', async () => {
    const api = createInProcessEcsApi(newEmulator(), AK);
    let e = await rejection(api.describeInstance({ EcsId: 'ins-nope' }));
    expect([e.kind, e.code, e.httpStatus]).toEqual(['business', 'InstanceNotFound', 404]);
    e = await rejection(api.operateInstance({ EcsIds: ['ins-demand-gpu-ssd'], OpType: 'restart_ecs', DeleteEip: 0 }));
    expect([e.kind, e.code, e.httpStatus]).toEqual(['business', 'InvalidInstanceStatus', 409]);
    expect(e.message).toContain('ins-demand-gpu-ssd');
    e = await rejection(api.extendDisk({ DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 100 }));
    expect([e.code, e.httpStatus]).toEqual(['InvalidParameter', 400]);
    e = await rejection(api.describeTaskEvent({ EventId: 'nope' }));
    expect([e.code, e.httpStatus]).toEqual(['EventNotFound', 404]);
  });

  it('applies wire faults: error → business, Hang → timeout, Malformed → bad_response; journals the calls', async () => {
    const emu = newEmulator();
    const api = createInProcessEcsApi(emu, AK);
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Status: 503, Times: 1 });
    let e = await rejection(api.describeRegions());
    expect([e.kind, e.code, e.httpStatus]).toEqual(['business', 'ServiceUnavailable', 503]);
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Hang: true, Times: 1 });
    e = await rejection(api.describeRegions());
    expect(e.kind).toBe('timeout');
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Malformed: true, Times: 1 });
    e = await rejection(api.describeRegions());
    expect(e.kind).toBe('bad_response');
    expect((await api.describeRegions()).data.length).toBeGreaterThan(0);
    const j = (await ctl(emu, 'GET', '/journal')).body.Entries;
    expect(j.filter((x: { Transport: string }) => x.Transport === 'in-process').map((x: { Code: string }) => x.Code)).toEqual(['ServiceUnavailable', 'Hang', 'Malformed', 'Success']);
  });

  it('unknown access key id is refused at creation', () => {
    expect(() => createInProcessEcsApi(newEmulator(), 'ghost')).toThrow(/ghost/);
  });
});

describe('the completeness check itself can fail', () => {
  it('flags a missing optional field', async () => {
    const emu = newEmulator();
    const row = (await call(emu, 'DescribeInstanceList')).body.Data.EcsList[0];
    delete row.Tag;
    expect(() => expectComplete(UpstreamInstanceSimpleInfo, row)).toThrow(/Tag is missing/);
    const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
    delete d.Disk.DataDiskConf[0].EbsGoodsId;
    expect(() => expectComplete(UpstreamInstanceData, d)).toThrow(/EbsGoodsId is missing/);
  });
});
