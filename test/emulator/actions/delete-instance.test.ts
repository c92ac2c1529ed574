import { SEED_IDS } from '../../../emulator';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { call, ctl, event, expectError, newEmulator, operate, status } from '../../helpers/emulator-client';

const del = (emu: Emulator, EcsIds: string[], extra: Record<string, unknown> = {}) => call(emu, 'DeleteInstance', { body: { EcsIds, ...extra } });

describe('DeleteInstance', () => {
  it('deleting → gone after 5 s: DescribeInstance answers InstanceNotFound, the list no longer shows it', async () => {
    const emu = newEmulator();
    const r = await del(emu, ['ins-demand-cpu-ssd'], { DeleteEip: 1 });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Code: 'Success', Msg: '删除云服务器任务下发成功！' });
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('deleting');
    expect((await event(emu, r.body.Data.EventId)).EventType).toBe('delete_ecs');
    emu.advance(5);
    expectError(await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } }), 404, 'InstanceNotFound');
    const list = (await call(emu, 'DescribeInstanceList')).body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId);
    expect(list).not.toContain('ins-demand-cpu-ssd');
    expect((await event(emu, r.body.Data.EventId)).EventStatus).toBe('success');
  });

  it('data disks with ReleaseWithInstance 1 go; those with 0 are kept, detached (shown in /_emulator/state)', async () => {
    const emu = newEmulator();
    const c = await call(emu, 'CreateInstance', {
      body: {
        AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-centos-7-9-cn-hohhot-b', Password: 'x-Secret-1',
        SystemDisk: { DiskFeature: 'ssd', Size: 48 }, DataDisk: [{ DiskFeature: 'ssd', Size: 64, ReleaseWithInstance: 1 }, { DiskFeature: 'ssd', Size: 80, ReleaseWithInstance: 0 }],
        VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
      },
    });
    const id = c.body.Data.EcsIdSet[0];
    emu.advance(15);
    const disks = emu.store.account('test-ak')!.Instances.get(id)!.DataDisks.map((d) => d.DiskId);
    expect((await del(emu, [id])).status).toBe(200);
    emu.advance(5);
    const state = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
    // The seed's own detached disk aside, only the kept data disk remains.
    const kept = state.KeptDisks.filter((d: { DiskId: string }) => d.DiskId !== SEED_IDS.spareDisk);
    expect(kept.map((d: { DiskId: string; Size: number }) => [d.DiskId, d.Size])).toEqual([[disks[1], 80]]);
    // Detached: the published 待挂载 status, in the instance's AZ.
    expect(kept[0]).toMatchObject({ Status: 'waiting', AvailableZoneCode: 'CN_Hohhot_B' });
  });

  it('refused while any listed instance is mid-transition (nothing changes)', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-local'], 'restart_ecs');
    expectError(await del(emu, ['ins-demand-cpu-ssd', 'ins-demand-cpu-local']), 409, 'InvalidInstanceStatus', 'ins-demand-cpu-local');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    emu.advance(12);
    expect((await del(emu, ['ins-demand-cpu-ssd', 'ins-demand-cpu-local'])).status).toBe(200);
  });

  it('allowed from shutdown, error and failed; refused while deleting', async () => {
    const emu = newEmulator();
    expect((await del(emu, ['ins-demand-gpu-ssd'])).status).toBe(200);
    expectError(await del(emu, ['ins-demand-gpu-ssd']), 409, 'InvalidInstanceStatus');
    await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-cpu-ssd', FailNextTransition: true });
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    emu.advance(12);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('error');
    expect((await del(emu, ['ins-demand-cpu-ssd'])).status).toBe(200);
  });

  it('monthly instances cannot be deleted (UnsupportedOperation), whole batch refused', async () => {
    const emu = newEmulator();
    expectError(await del(emu, ['ins-demand-cpu-ssd', 'ins-month-cpu-ssd']), 400, 'UnsupportedOperation', 'ins-month-cpu-ssd');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
  });

  it('another account’s instance is not found; DeleteEip must be 0 or 1', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,other-ak:other-sk' });
    expectError(await call(emu, 'DeleteInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'] }, ak: 'other-ak', sk: 'other-sk' }), 404, 'InstanceNotFound');
    expectError(await del(emu, ['ins-demand-cpu-ssd'], { DeleteEip: 2 }), 400, 'InvalidParameter', 'DeleteEip');
  });
});
