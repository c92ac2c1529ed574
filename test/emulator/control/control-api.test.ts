import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../emulator';
import { AK, SK, UpstreamInstanceData, call, ctl, event, expectError, expectModel, newEmulator, operate, status } from '../../helpers/emulator-client';

const TWO = 'test-ak:test-sk,other-ak:other-sk';

describe('tenant isolation', () => {
  it('each account sees only its own instances, disks and events', async () => {
    const emu = newEmulator({ accessKeys: TWO });
    const made = await ctl(emu, 'POST', '/instances', { AccessKeyId: 'other-ak', EcsId: 'ins-other-1', DataDisks: [{ DiskId: 'disk-other-1', Size: 64 }] });
    expect(made.status, made.text).toBe(201);
    expect(made.body.EcsIds).toEqual(['ins-other-1']);
    const other = { ak: 'other-ak', sk: 'other-sk' };
    const list = await call(emu, 'DescribeInstanceList', other);
    expect(list.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-other-1']);
    expect((await call(emu, 'DescribeInstanceList')).body.TotalCount).toBe(5);
    expectError(await call(emu, 'DescribeInstance', { ...other, params: { EcsId: 'ins-demand-cpu-ssd' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-other-1' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'OperateInstance', { ...other, body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'ModifyInstanceName', { ...other, body: { EcsId: 'ins-demand-cpu-ssd', Name: 'x' } }), 404, 'InstanceNotFound');
    expectError(await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-other-1', ExtendedSize: 128 } }), 400, 'InvalidParameter', '云盘信息不存在');
    const op = await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    expectError(await call(emu, 'DescribeEvent', { ...other, params: { EventId: op.body.Data.EventId } }), 404, 'EventNotFound');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('restarting');
    // The customer id differs per account.
    const mine = (await call(emu, 'DescribeInstanceList')).body.Data.EcsList[0].CustomerId;
    expect(list.body.Data.EcsList[0].CustomerId).not.toBe(mine);
  });

  it('a signature made with another account\'s secret does not match', async () => {
    const emu = newEmulator({ accessKeys: TWO });
    expectError(await call(emu, 'DescribeRegions', { ak: 'other-ak', sk: SK }), 403, 'SignatureDoesNotMatch');
  });
});

describe('faults', () => {
  it('Status/Code for one Action, Times-limited; other actions untouched', async () => {
    const emu = newEmulator();
    const f = await ctl(emu, 'POST', '/faults', { Action: 'DescribeInstance', Status: 503, Code: 'ServiceUnavailable', Times: 2 });
    expect(f.status, f.text).toBe(201);
    expect(f.body.FaultId).toBe(1);
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
    for (let i = 0; i < 2; i++) expectError(await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } }), 503, 'ServiceUnavailable', 'fault');
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).status).toBe(200);
    expect((await ctl(emu, 'GET', '/faults')).body.Faults).toEqual([]);
  });

  it('a fault fires before the action: a faulted OperateInstance changes nothing', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Action: 'OperateInstance', Code: 'InternalError' });
    expectError(await operate(emu, ['ins-demand-cpu-ssd'], 'shutdown_ecs'), 500, 'InternalError');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
  });

  it('Code alone takes its HTTP status from UPSTREAM_ERRORS; Status alone gets a code', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Code: 'InvalidInstanceStatus', Times: 1 });
    expectError(await call(emu, 'DescribeRegions'), 409, 'InvalidInstanceStatus');
    await ctl(emu, 'POST', '/faults', { Status: 502, Times: 1 });
    expectError(await call(emu, 'DescribeRegions'), 502, 'InternalError');
  });

  it('Probability uses the injected random source', async () => {
    const rolls = [0.9, 0.1];
    const emu = newEmulator({ random: () => rolls.shift() ?? 0.99 });
    await ctl(emu, 'POST', '/faults', { Status: 500, Probability: 0.5 });
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
    expect((await call(emu, 'DescribeRegions')).status).toBe(500);
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
  });

  it('DelayMs adds latency and then answers normally', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { DelayMs: 120, Times: 1 });
    const t0 = Date.now();
    const r = await call(emu, 'DescribeRegions');
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('Malformed answers unreadable JSON', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Malformed: true });
    const r = await call(emu, 'DescribeRegions');
    expect(r.status).toBe(200);
    expect(r.body).toBeUndefined();
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('Hang never answers until the caller aborts (or the hang cap)', async () => {
    const emu = newEmulator({ hangCapMs: 60_000 });
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Hang: true });
    const ac = new AbortController();
    let settled = false;
    const pending = call(emu, 'DescribeRegions', { signal: ac.signal }).then(() => (settled = true), () => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(settled).toBe(false);
    ac.abort();
    await pending;
    expect(settled).toBe(true);
    const capped = newEmulator({ hangCapMs: 50 });
    await ctl(capped, 'POST', '/faults', { Hang: true });
    const r = await call(capped, 'DescribeRegions');
    expect(r.status).toBe(504);
  });

  it('FailNextTransition: the event ends failed and the instance goes to error; only the next transition', async () => {
    const emu = newEmulator();
    const f = await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-cpu-ssd', FailNextTransition: true });
    expect(f.status, f.text).toBe(201);
    const op = await operate(emu, ['ins-demand-cpu-ssd', 'ins-demand-cpu-local'], 'restart_ecs');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('restarting');
    expect((await event(emu, op.body.Data.EventId)).EventStatus).toBe('doing');
    emu.advance(12);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('error');
    expect(await status(emu, 'ins-demand-cpu-local')).toBe('running');
    const e = await event(emu, op.body.Data.EventId);
    expect(e).toMatchObject({ EventStatus: 'failed', EventStatusDisplay: '失败' });
    const byId = Object.fromEntries(e.TaskList.map((t: { ResourceId: string; Status: string }) => [t.ResourceId, t.Status]));
    expect(byId).toEqual({ 'ins-demand-cpu-ssd': 'failed', 'ins-demand-cpu-local': 'success' });
    expect(e.TaskList[0].EndTime).not.toBe('');
    // error takes no transition of the table.
    expectError(await operate(emu, ['ins-demand-cpu-ssd'], 'start_up_ecs'), 409, 'InvalidInstanceStatus', 'error');
    // The local instance was not marked: its next transition succeeds.
    const again = await operate(emu, ['ins-demand-cpu-local'], 'restart_ecs');
    emu.advance(12);
    expect((await event(emu, again.body.Data.EventId)).EventStatus).toBe('success');
  });

  it('FailNextTransition also fails an extension of one of its disks: size unchanged, instance error', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { EcsId: 'ins-month-gpu-ssd', FailNextTransition: true });
    const x = await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-month-gpu-ssd-data', ExtendedSize: 520 } });
    expect(x.status, x.text).toBe(200);
    emu.advance(6);
    expect((await event(emu, x.body.Data.EventId, 'ebs')).EventStatus).toBe('failed');
    const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-month-gpu-ssd' } })).body.Data;
    expect([d.Status, d.Disk.DataDiskConf[0].Size]).toEqual(['error', 512]);
    const st = await ctl(emu, 'GET', '/state');
    const inst = st.body.Accounts[0].Instances.find((i: { EcsId: string }) => i.EcsId === 'ins-month-gpu-ssd');
    expect(inst.DiskStatus['disk-month-gpu-ssd-data']).toBe('running');
  });

  it('DELETE /faults clears every fault', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Status: 500 });
    await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-cpu-ssd', FailNextTransition: true });
    expect((await ctl(emu, 'DELETE', '/faults')).status).toBe(200);
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    emu.advance(12);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
  });

  it('bad fault input → 400 with a clear message', async () => {
    const emu = newEmulator();
    const cases: [unknown, string][] = [
      [{ Action: 'NoSuchAction', Status: 500 }, 'Action'],
      [{ Status: 200 }, 'Status'],
      [{ Probability: 2, Status: 500 }, 'Probability'],
      [{ Times: 1 }, 'at least one of'],
      [{ Status: 500, Bogus: 1 }, 'Bogus'],
      [{ EcsId: 'ins-demand-cpu-ssd', FailNextTransition: false }, 'FailNextTransition'],
    ];
    for (const [body, part] of cases) {
      const r = await ctl(emu, 'POST', '/faults', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.Code).toBe('InvalidParameter');
      expect(r.body.Msg).toContain(part);
    }
    expect((await ctl(emu, 'POST', '/faults', '{oops')).body.Msg).toContain('JSON');
    expect((await ctl(emu, 'POST', '/faults', { EcsId: 'ins-nope', FailNextTransition: true })).status).toBe(404);
  });
});

describe('journal', () => {
  it('records time on the emulator clock, action, account, status and code of every call', async () => {
    const emu = newEmulator();
    await call(emu, 'DescribeRegions');
    emu.advance(30);
    await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-nope' } });
    await call(emu, 'DescribeRegions', { sk: 'bad' });
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Status: 503, Times: 1 });
    await call(emu, 'DescribeRegions');
    const j = await ctl(emu, 'GET', '/journal');
    expect(j.status).toBe(200);
    const entries = j.body.Entries;
    expect(entries.map((e: { Action: string; Status: number; Code: string }) => [e.Action, e.Status, e.Code])).toEqual([
      ['DescribeRegions', 200, 'Success'],
      ['DescribeInstance', 404, 'InstanceNotFound'],
      ['DescribeRegions', 403, 'SignatureDoesNotMatch'],
      ['DescribeRegions', 503, 'ServiceUnavailable'],
    ]);
    expect(entries.every((e: { AccessKeyId: string }) => e.AccessKeyId === AK)).toBe(true);
    expect(entries[1].TimeMs - entries[0].TimeMs).toBe(30_000);
    expect(entries[0].Time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(entries[3].FaultId).toBe(1);
    expect(entries[0].Path).toBe('/ecs/v1');
  });
});

describe('reset, state, instances, clock, health', () => {
  it('reset without body restores the default seed and clears faults and journal', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'shutdown_ecs');
    emu.advance(8);
    await ctl(emu, 'POST', '/faults', { Action: 'DescribeEcsFamilyInfo', Status: 500 });
    const r = await ctl(emu, 'POST', '/reset');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ Seed: 'default', Instances: 5 });
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    expect((await ctl(emu, 'GET', '/faults')).body.Faults).toEqual([]);
    expect((await ctl(emu, 'GET', '/journal')).body.Entries).toHaveLength(1);
  });

  it('reset with a custom seed (regions, families, instances) replaces everything', async () => {
    const emu = newEmulator({ accessKeys: TWO });
    const seed = {
      Regions: [{ RegionGroupId: 'g', RegionGroupName: '中国', RegionList: [{ RegionId: 'r1', RegionName: '北京', RegionCode: 'CN_Beijing', AzList: [{ AzId: 'az1', AzName: '北京A', AvailableZoneCode: 'CN_Beijing_A' }] }] }],
      Families: [{ AvailableZoneCode: 'CN_Beijing_A', BillingMethod: '0', EcsFamilyInfo: [{ EcsFamilyName: 'Tiny', SpecList: [{ GpuShowType: '', GpuTypeId: '', Cpu: 1, Ram: 2, Gpu: 0, SupportGpuDriver: '' }] }] }],
      Instances: [
        { EcsId: 'ins-bj-1', AvailableZoneCode: 'CN_Beijing_A', Status: 'shutdown', DataDisks: [{ DiskId: 'disk-bj-1', Size: 40 }] },
        { EcsId: 'ins-bj-2', AccessKeyId: 'other-ak', AvailableZoneCode: 'CN_Beijing_A', PublicIp: false },
      ],
    };
    const r = await ctl(emu, 'POST', '/reset', seed);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Seed: 'custom', Instances: 2 });
    const regions = await call(emu, 'DescribeRegions');
    expect(regions.body.Data).toEqual(seed.Regions);
    const list = await call(emu, 'DescribeInstanceList');
    expect(list.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-bj-1']);
    const d = expectModel(UpstreamInstanceData, (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-bj-1' } })).body.Data);
    expect([d.Status, d.RegionName, d.AzName, d.EcsRule.Name, d.EcsRule.CpuNum, d.Disk.DataDiskConf[0]!.Id]).toEqual(['shutdown', '北京', '北京A', 'Tiny', 1, 'disk-bj-1']);
    const fam = await call(emu, 'DescribeEcsFamilyInfo', { params: { AvailableZoneCode: 'CN_Beijing_A', BillingMethod: '1' } });
    expect(fam.body.Data.EcsFamilyInfo).toEqual([]);
  });

  it('a bad seed is refused with 400 naming the field, and the old state stays', async () => {
    const emu = newEmulator();
    const bad = [
      [{ Instances: [{ SystemDisk: { Size: 50 } }] }, 'multiple of 8'],
      [{ Instances: [{ AvailableZoneCode: 'CN_Mars_A' }] }, 'AvailableZoneCode'],
      [{ Instances: [{ EcsFamilyName: 'Cpu计算型C4', Cpu: 3 }] }, 'no spec'],
      [{ Instances: [{ EcsId: 'ins-a' }, { EcsId: 'ins-a' }] }, 'already in use'],
      [{ Instances: [{ AccessKeyId: 'ghost' }] }, 'unknown account'],
      [{ Unknown: true }, 'Unknown'],
      // A custom seed that sells no family: the message names what is missing, not an empty name.
      [{ Families: [], Instances: [{}] }, "EcsFamilyName: no CPU family to default to in CN_Hohhot_B for billing method 0 (the seed's Families sell none there)"],
      [{ Instances: [{ Gpu: 1, BillingMethod: '1', AvailableZoneCode: 'CN_Suqian_A' }], Families: [{ AvailableZoneCode: 'CN_Suqian_A', BillingMethod: '1', EcsFamilyInfo: [] }] }, 'no GPU family to default to'],
      [{ Instances: [{ EcsFamilyName: 'Nope' }] }, 'family Nope is not sold in CN_Hohhot_B for billing method 0 (families sold there: Cpu计算型C4,'],
    ] as const;
    for (const [seed, part] of bad) {
      const r = await ctl(emu, 'POST', '/reset', seed);
      expect(r.status, JSON.stringify(seed)).toBe(400);
      expect(r.body.Msg).toContain(part);
    }
    expect((await ctl(emu, 'POST', '/reset', '{')).status).toBe(400);
    expect((await call(emu, 'DescribeInstanceList')).body.TotalCount).toBe(5);
    expect((await call(emu, 'DescribeRegions')).body.Data[0].RegionList).toHaveLength(2);
  });

  it('the default seed constant round-trips through reset', async () => {
    const emu = newEmulator();
    expect((await ctl(emu, 'POST', '/reset', DEFAULT_SEED)).body).toMatchObject({ Seed: 'custom', Instances: 5 });
  });

  it('POST /instances creates from a partial description and answers ids and details', async () => {
    const emu = newEmulator();
    const r = await ctl(emu, 'POST', '/instances', { Instances: [{ Gpu: 1, AvailableZoneCode: 'CN_Suqian_B', Status: 'shutdown' }, {}] });
    expect(r.status, r.text).toBe(201);
    expect(r.body.EcsIds).toHaveLength(2);
    for (const id of r.body.EcsIds) expect(id).toMatch(/^ins-[a-z0-9]{16}$/);
    const gpu = r.body.Instances[0];
    expect([gpu.IsGpu, gpu.Status, gpu.AzName, gpu.AccessKeyId]).toEqual([true, 'shutdown', '宿迁B', AK]);
    expect(gpu.Disk.SystemDiskConf.DiskId).toMatch(/^disk-/);
    expect(await status(emu, r.body.EcsIds[1])).toBe('running');
    expect((await call(emu, 'DescribeInstanceList')).body.TotalCount).toBe(7);
    const bad = await ctl(emu, 'POST', '/instances', { Status: 'flying' });
    expect(bad.status).toBe(400);
    expect(bad.body.Msg).toContain('Status');
    expect((await ctl(emu, 'POST', '/instances', { EcsId: 'ins-demand-cpu-ssd' })).body.Msg).toContain('already in use');
    expect((await ctl(emu, 'POST', '/instances')).status).toBe(400);
    // Disk ids follow the id rule every API call checks, or the disk could never be extended.
    const oddDisk = await ctl(emu, 'POST', '/instances', { DataDisks: [{ DiskId: '数据盘1', Size: 64 }] });
    expect(oddDisk.status).toBe(400);
    expect(oddDisk.body.Msg).toContain('DiskId');
  });

  it('GET /state shows instances, events, pending transitions and faults per account', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    const s = await ctl(emu, 'GET', '/state');
    expect(s.status).toBe(200);
    const acct = s.body.Accounts[0];
    expect(acct.AccessKeyId).toBe(AK);
    expect(JSON.stringify(s.body)).not.toContain(SK);
    expect(acct.Instances).toHaveLength(5);
    expect(acct.Events).toHaveLength(1);
    expect(acct.Pending).toMatchObject([{ Kind: 'restart_ecs', EcsId: 'ins-demand-cpu-ssd' }]);
  });

  it('GET /state lists every cloud disk (attached or not, no local disk), the private images with their status and the disk snapshots', async () => {
    const emu = newEmulator();
    const acct = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
    const disks = acct.Disks as { DiskId: string; Status: string; EcsId: string; Size: number }[];
    expect(disks.find((d) => d.DiskId === 'disk-spare-hohhot-b')).toMatchObject({ Status: 'waiting', EcsId: '', Size: 64 });
    expect(disks.find((d) => d.DiskId === 'disk-demand-cpu-ssd-data')).toMatchObject({ Status: 'running', EcsId: 'ins-demand-cpu-ssd', Size: 96 });
    expect(disks.some((d) => d.DiskId === 'disk-demand-cpu-local-sys')).toBe(false);
    expect(acct.Images).toMatchObject([{ ImageId: expect.stringMatching(/^img-private-web-/), Status: 'running' }]);
    const image = await call(emu, 'CreateImage', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'state-image' } });
    expect(image.status, image.text).toBe(200);
    const after = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
    expect(after.Images.find((i: { ImageId: string }) => i.ImageId === image.body.Data.ImageId)).toMatchObject({ ImageName: 'state-image', Status: 'creating' });
    expect(after.DiskSnapshots.map((x: { SnapshotId: string; Status: string }) => [x.SnapshotId, x.Status])).toContainEqual(['s-disk-month-cpu-ssd-sys-seed-01', 'running']);
  });

  it('health, clock advance validation, unknown control route', async () => {
    const emu = newEmulator();
    const h = await ctl(emu, 'GET', '/health');
    expect(h.body).toMatchObject({ Status: 'ok', Clock: { Mode: 'manual' }, Accounts: [AK] });
    const before = Date.parse(h.body.Clock.Now);
    const a = await ctl(emu, 'POST', '/clock/advance', { Seconds: 90 });
    expect(Date.parse(a.body.Clock.Now) - before).toBe(90_000);
    expect((await ctl(emu, 'POST', '/clock/advance', { Seconds: -1 })).status).toBe(400);
    expect((await ctl(emu, 'POST', '/clock/advance', { Secs: 1 })).status).toBe(400);
    expect((await ctl(emu, 'GET', '/nope')).status).toBe(404);
  });

  it('the wall clock moves by itself', async () => {
    const emu = newEmulator({ clock: 'wall' });
    const a = emu.clock.now();
    await new Promise((r) => setTimeout(r, 20));
    expect(emu.clock.now()).toBeGreaterThan(a);
  });
});
