import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { call, expectError, newEmulator, operate, status } from '../../helpers/emulator-client';

/** ins-demand-cpu-ssd free-shutdown (NoChargeForShutdown=1). */
async function freeShutdown(): Promise<Emulator> {
  const emu = newEmulator();
  expect((await operate(emu, ['ins-demand-cpu-ssd'], 'free_shutdown_ecs')).status).toBe(200);
  emu.advance(8);
  const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
  expect([d.Status, d.NoChargeForShutdown]).toEqual(['shutdown', 1]);
  return emu;
}

describe('free shutdown: only start and delete', () => {
  it('rename is refused while free-shutdown, accepted after start', async () => {
    const emu = await freeShutdown();
    expectError(await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'x' } }), 409, 'InvalidInstanceStatus', 'free');
    await operate(emu, ['ins-demand-cpu-ssd'], 'start_up_ecs');
    emu.advance(8);
    expect((await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'x' } })).status).toBe(200);
  });

  it('password, change-spec and extend are refused', async () => {
    const emu = await freeShutdown();
    expectError(await call(emu, 'ModifyInstancePassword', { body: { EcsIds: ['ins-demand-cpu-ssd'], Password: 'p-1' } }), 409, 'InvalidInstanceStatus', 'free shutdown');
    const spec = { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16, Gpu: 0 };
    expectError(await call(emu, 'ChangeInstanceConfigure', { body: spec }), 409, 'InvalidInstanceStatus', 'free shutdown');
    expectError(await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 128 } }), 409, 'InvalidInstanceStatus', 'free shutdown');
  });

  it('the same calls are accepted on an ordinary shutdown instance', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'shutdown_ecs');
    emu.advance(8);
    expect((await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'x' } })).status).toBe(200);
    expect((await call(emu, 'ModifyInstancePassword', { body: { EcsIds: ['ins-demand-cpu-ssd'], Password: 'p-1' } })).status).toBe(200);
    expect((await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 128 } })).status).toBe(200);
  });

  it('delete is allowed', async () => {
    const emu = await freeShutdown();
    expect((await call(emu, 'DeleteInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'] } })).status).toBe(200);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('deleting');
  });
});
