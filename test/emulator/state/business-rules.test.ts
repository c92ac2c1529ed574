import { describe, expect, it } from 'vitest';
import { call, ctl, event, expectError, newEmulator, operate, status } from '../../helpers/emulator-client';
import type { Emulator } from '../../../emulator';

const change = (emu: Emulator, body: Record<string, unknown>) => call(emu, 'ChangeInstanceConfigure', { body: { Gpu: 0, ...body } });
const extend = (emu: Emulator, DiskId: string, ExtendedSize: unknown) => call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId, ExtendedSize } });
const detail = async (emu: Emulator, id: string) => (await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data;

async function shutDown(emu: Emulator, ids: string[]) {
  await operate(emu, ids, 'shutdown_ecs');
  emu.advance(8);
}

describe('ChangeInstanceConfigure', () => {
  it('shutdown → updating → shutdown with the new spec (10 s), event change_ecs_config', async () => {
    const emu = newEmulator();
    const r = await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expect(r.status, r.text).toBe(200);
    expect(await status(emu, 'ins-month-cpu-ssd')).toBe('updating');
    const e = await event(emu, r.body.Data.EventId);
    expect(e).toMatchObject({ EventType: 'change_ecs_config', EventTypeDisplay: '更变云服务器规格', EventStatus: 'doing' });
    expect((await detail(emu, 'ins-month-cpu-ssd')).EcsRule).toMatchObject({ CpuNum: 4, Ram: 8 });
    emu.advance(9);
    expect(await status(emu, 'ins-month-cpu-ssd')).toBe('updating');
    emu.advance(1);
    const d = await detail(emu, 'ins-month-cpu-ssd');
    expect([d.Status, d.EcsRule.Name, d.EcsRule.CpuNum, d.EcsRule.Ram]).toEqual(['shutdown', 'Cpu计算型C4', 8, 16]);
    const row = (await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-month-cpu-ssd' } })).body.Data.EcsList[0];
    expect([row.CpuSize, row.RamSize]).toEqual([8, 16]);
    expect((await event(emu, r.body.Data.EventId)).EventStatus).toBe('success');
  });

  it('on-demand cloud-disk instances may shrink and change family', async () => {
    const emu = newEmulator();
    await shutDown(emu, ['ins-demand-cpu-ssd']);
    const r = await change(emu, { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C3', Cpu: 4, Ram: 8 });
    expect(r.status, r.text).toBe(200);
    emu.advance(10);
    expect((await detail(emu, 'ins-demand-cpu-ssd')).EcsRule.Name).toBe('Cpu计算型C3');
    const down = await change(emu, { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4 });
    expect(down.status, down.text).toBe(200);
  });

  it('only from shutdown: running → 409 naming the id', async () => {
    const emu = newEmulator();
    const r = await change(emu, { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expectError(r, 409, 'InvalidInstanceStatus', 'ins-demand-cpu-ssd');
  });

  it('the target must exist for the AZ and billing method', async () => {
    const emu = newEmulator();
    const base = { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B' };
    expectError(await change(emu, { ...base, EcsFamilyName: 'No such family', Cpu: 8, Ram: 16 }), 400, 'InvalidParameter', 'EcsFamilyName');
    expectError(await change(emu, { ...base, EcsFamilyName: 'Cpu计算型C4', Cpu: 6, Ram: 12 }), 400, 'InvalidParameter', 'Cpu=6');
    expectError(await change(emu, { ...base, AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 }), 400, 'InvalidParameter', 'AvailableZoneCode');
  });

  it('a family sold only on demand is not a target for a monthly instance', async () => {
    const emu = newEmulator();
    const reset = await ctl(emu, 'POST', '/reset', {
      Families: [
        { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '0', EcsFamilyInfo: [{ EcsFamilyName: 'OnDemandOnly', SpecList: [{ GpuShowType: '', GpuTypeId: '', Cpu: 8, Ram: 16, Gpu: 0, SupportGpuDriver: '' }] }] },
        { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '1', EcsFamilyInfo: [{ EcsFamilyName: 'Monthly', SpecList: [{ GpuShowType: '', GpuTypeId: '', Cpu: 4, Ram: 8, Gpu: 0, SupportGpuDriver: '' }] }] },
      ],
      Instances: [{ EcsId: 'ins-m', BillingMethod: '1', EcsFamilyName: 'Monthly', Status: 'shutdown' }],
    });
    expect(reset.status, reset.text).toBe(200);
    expectError(await change(emu, { EcsIds: ['ins-m'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'OnDemandOnly', Cpu: 8, Ram: 16 }), 400, 'InvalidParameter', 'billing method 1');
  });

  it('no CPU ↔ GPU change', async () => {
    const emu = newEmulator();
    const r1 = await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: '专业渲染型rp3', Cpu: 16, Ram: 32, Gpu: 1 });
    expectError(r1, 400, 'UnsupportedOperation', 'CPU instance to a GPU');
    const r2 = await change(emu, { EcsIds: ['ins-demand-gpu-ssd'], AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'Cpu计算型C4', Cpu: 16, Ram: 32, Gpu: 0 });
    expectError(r2, 400, 'UnsupportedOperation', 'GPU instance to a CPU');
  });

  it('no GPU driver change; same driver across families is fine', async () => {
    const emu = newEmulator();
    const bad = await change(emu, { EcsIds: ['ins-demand-gpu-ssd'], AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'GPU渲染型gr4', Cpu: 16, Ram: 64, Gpu: 1 });
    expectError(bad, 400, 'UnsupportedOperation', 'GPU driver');
    const ok = await change(emu, { EcsIds: ['ins-demand-gpu-ssd'], AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: '专业渲染型rp2', Cpu: 32, Ram: 64, Gpu: 2 });
    expect(ok.status, ok.text).toBe(200);
    emu.advance(10);
    const d = await detail(emu, 'ins-demand-gpu-ssd');
    expect([d.EcsRule.Name, d.EcsRule.Gpu, d.RealCardName]).toEqual(['专业渲染型rp2', 2, 'NVIDIA RTX A5000']);
  });

  it('monthly instances may only grow', async () => {
    const emu = newEmulator();
    const r = await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4 });
    expectError(r, 400, 'UnsupportedOperation', 'only grow');
    expect((await detail(emu, 'ins-month-cpu-ssd')).EcsRule.CpuNum).toBe(4);
  });

  describe('monthly instances may only grow: each dimension on its own', () => {
    // One monthly GPU instance at Cpu 8 / Ram 16 / Gpu 2 and targets one step away in one dimension.
    const spec = (Cpu: number, Ram: number, Gpu: number) => ({ GpuShowType: 'A5000', GpuTypeId: 'gpu-a5000', Cpu, Ram, Gpu, SupportGpuDriver: 'Datacenter' });
    const targets: [number, number, number][] = [[8, 16, 2], [7, 16, 2], [9, 16, 2], [8, 15, 2], [8, 17, 2], [8, 16, 1], [8, 16, 3], [9, 15, 2]];
    async function monthly(): Promise<Emulator> {
      const emu = newEmulator();
      const reset = await ctl(emu, 'POST', '/reset', {
        Families: [{ AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '1', EcsFamilyInfo: [{ EcsFamilyName: 'Grow', SpecList: targets.map(([c, r, g]) => spec(c, r, g)) }] }],
        Instances: [{ EcsId: 'ins-m', BillingMethod: '1', EcsFamilyName: 'Grow', Cpu: 8, Ram: 16, Gpu: 2, Status: 'shutdown' }],
      });
      expect(reset.status, reset.text).toBe(200);
      return emu;
    }
    const to = (emu: Emulator, Cpu: number, Ram: number, Gpu: number) =>
      change(emu, { EcsIds: ['ins-m'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Grow', Cpu, Ram, Gpu });

    for (const [name, [cpu, ram, gpu]] of [['only CPU', [7, 16, 2]], ['only RAM', [8, 15, 2]], ['only GPU', [8, 16, 1]], ['RAM while CPU grows', [9, 15, 2]]] as const) {
      it(`shrinking ${name} is refused`, async () => {
        const emu = await monthly();
        expectError(await to(emu, cpu, ram, gpu), 400, 'UnsupportedOperation', 'only grow');
        expect((await detail(emu, 'ins-m')).EcsRule).toMatchObject({ CpuNum: 8, Ram: 16, Gpu: 2 });
      });
    }
    for (const [name, [cpu, ram, gpu]] of [['only CPU', [9, 16, 2]], ['only RAM', [8, 17, 2]], ['only GPU', [8, 16, 3]]] as const) {
      it(`growing ${name} (the others equal) is accepted`, async () => {
        const emu = await monthly();
        const r = await to(emu, cpu, ram, gpu);
        expect(r.status, r.text).toBe(200);
        emu.advance(10);
        expect((await detail(emu, 'ins-m')).EcsRule).toMatchObject({ CpuNum: cpu, Ram: ram, Gpu: gpu });
      });
    }
  });

  it('local-disk instances stay in their family, but may resize inside it', async () => {
    const emu = newEmulator();
    await shutDown(emu, ['ins-demand-cpu-local']);
    const out = await change(emu, { EcsIds: ['ins-demand-cpu-local'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8 });
    expectError(out, 400, 'UnsupportedOperation', 'local disks stay in their family');
    const inside = await change(emu, { EcsIds: ['ins-demand-cpu-local'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu密集计算型I3', Cpu: 8, Ram: 8 });
    expect(inside.status, inside.text).toBe(200);
  });

  it('all instances of one call share AZ, billing method and current spec', async () => {
    const emu = newEmulator();
    await shutDown(emu, ['ins-demand-cpu-ssd']);
    // Same AZ and spec (C4 4/8), different billing method.
    const r = await change(emu, { EcsIds: ['ins-demand-cpu-ssd', 'ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expectError(r, 400, 'UnsupportedOperation', 'ins-month-cpu-ssd');
    // Different AZ.
    const r2 = await change(emu, { EcsIds: ['ins-demand-cpu-ssd', 'ins-demand-gpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expectError(r2, 400, 'UnsupportedOperation', 'share');
    // Different current spec.
    const made = await ctl(emu, 'POST', '/instances', { EcsId: 'ins-c4-small', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, Status: 'shutdown' });
    expect(made.status, made.text).toBe(201);
    const r3 = await change(emu, { EcsIds: ['ins-demand-cpu-ssd', 'ins-c4-small'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expectError(r3, 400, 'UnsupportedOperation', 'ins-c4-small');
    // Consistent batch: one event, a task per instance.
    await ctl(emu, 'POST', '/instances', { EcsId: 'ins-c4-twin', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, Status: 'shutdown' });
    const ok = await change(emu, { EcsIds: ['ins-demand-cpu-ssd', 'ins-c4-twin'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 });
    expect(ok.status, ok.text).toBe(200);
    expect((await event(emu, ok.body.Data.EventId)).TaskList).toHaveLength(2);
  });

  it('the current spec is not a change; bad input names the field', async () => {
    const emu = newEmulator();
    expectError(await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8 }), 400, 'InvalidParameter', 'current spec');
    expectError(await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 0, Ram: 8 }), 400, 'InvalidParameter', 'Cpu');
    expectError(await change(emu, { EcsIds: ['ins-month-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', Cpu: 8, Ram: 16 }), 400, 'MissingParameter', 'EcsFamilyName');
    expectError(await change(emu, { EcsIds: ['ins-zzz'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 }), 404, 'InstanceNotFound', 'ins-zzz');
  });
});

describe('ExtendDisk', () => {
  it('disk updating for 6 s, then the new size; disk event only on /ebs/v1', async () => {
    const emu = newEmulator();
    const r = await extend(emu, 'disk-demand-cpu-ssd-data', 128);
    expect(r.status, r.text).toBe(200);
    const EventId = r.body.Data.EventId as string;
    const e = await event(emu, EventId, 'ebs');
    expect(e).toMatchObject({ EventType: 'extend_disk', EventTypeDisplay: '云盘扩容', EventStatus: 'doing' });
    expect(e.TaskList[0]).toMatchObject({ ResourceId: 'disk-demand-cpu-ssd-data', ResourceType: 'disk', ResourceDisplay: '云盘', EndTime: '' });
    expectError(await call(emu, 'DescribeEvent', { params: { EventId } }), 404, 'EventNotFound');
    const st = await ctl(emu, 'GET', '/state');
    const inst = st.body.Accounts[0].Instances.find((i: { EcsId: string }) => i.EcsId === 'ins-demand-cpu-ssd');
    expect(inst.DiskStatus['disk-demand-cpu-ssd-data']).toBe('updating');
    expect(inst.Status).toBe('running');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 256), 409, 'InvalidDiskStatus', 'updating');
    emu.advance(5);
    expect((await detail(emu, 'ins-demand-cpu-ssd')).Disk.DataDiskConf[0].Size).toBe(96);
    emu.advance(1);
    expect((await detail(emu, 'ins-demand-cpu-ssd')).Disk.DataDiskConf[0].Size).toBe(128);
    expect((await event(emu, EventId, 'ebs')).EventStatus).toBe('success');
    expect((await extend(emu, 'disk-demand-cpu-ssd-data', 256)).status).toBe(200);
  });

  it('instance events are not served on /ebs/v1', async () => {
    const emu = newEmulator();
    const op = await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    expectError(await call(emu, 'DescribeEvent', { service: 'ebs', params: { EventId: op.body.Data.EventId } }), 404, 'EventNotFound');
  });

  it('system disks extend too, on a shutdown instance; the list shows the new size', async () => {
    const emu = newEmulator();
    expect((await extend(emu, 'disk-month-cpu-ssd-sys', 64)).status).toBe(200);
    emu.advance(6);
    const row = (await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-month-cpu-ssd' } })).body.Data.EcsList[0];
    expect(row.SystemDiskSize).toBe(64);
  });

  it('multiple of 8, larger than now', async () => {
    const emu = newEmulator();
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 100), 400, 'InvalidParameter', 'multiple of 8');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 96), 400, 'InvalidParameter', 'larger than the current size 96');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 88), 400, 'InvalidParameter', 'larger');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', '128'), 400, 'InvalidParameter', 'ExtendedSize');
  });

  it('the edges one rule at a time: 96 → 104 (the next multiple of 8) is accepted, 100 (larger, not a multiple) and 96 (a multiple, not larger) are not', async () => {
    const emu = newEmulator();
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 100), 400, 'InvalidParameter', 'multiple of 8');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 96), 400, 'InvalidParameter', 'larger');
    const r = await extend(emu, 'disk-demand-cpu-ssd-data', 104);
    expect(r.status, r.text).toBe(200);
    emu.advance(6);
    expect((await detail(emu, 'ins-demand-cpu-ssd')).Disk.DataDiskConf[0].Size).toBe(104);
  });

  it('not a local disk', async () => {
    expectError(await extend(newEmulator(), 'disk-demand-cpu-local-sys', 96), 400, 'UnsupportedOperation', 'local');
  });

  it('instance must be running or shutdown', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    expectError(await extend(emu, 'disk-demand-cpu-ssd-data', 128), 409, 'InvalidInstanceStatus', 'restarting');
  });

  it('unknown disk → InvalidParameter 云盘信息不存在 (the upstream wording); missing DiskId → MissingParameter', async () => {
    const emu = newEmulator();
    expectError(await extend(emu, 'disk-nope', 128), 400, 'InvalidParameter', '云盘信息不存在: disk-nope');
    expectError(await call(emu, 'ExtendDisk', { service: 'ebs', body: { ExtendedSize: 128 } }), 400, 'MissingParameter', 'DiskId');
  });
});
