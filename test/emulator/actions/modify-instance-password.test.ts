import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { call, ctl, event, expectError, newEmulator, operate, status } from '../../helpers/emulator-client';

const SECRET = 'Very-Secret-Pa55!';
const pw = (emu: Emulator, EcsIds: string[], Password: unknown = SECRET) => call(emu, 'ModifyInstancePassword', { body: { EcsIds, Password } });

describe('ModifyInstancePassword', () => {
  it('one reset_pwd event per call, a task per instance; the status does not change', async () => {
    const emu = newEmulator();
    const r = await pw(emu, ['ins-demand-cpu-ssd', 'ins-demand-gpu-ssd']);
    expect(r.status, r.text).toBe(200);
    expect(r.body.Msg).toBe('云服务器管理员用户密码修改任务下发成功！');
    const e = await event(emu, r.body.Data.EventId);
    expect(e).toMatchObject({ EventType: 'reset_pwd', EventStatus: 'doing' });
    expect(e.TaskList).toHaveLength(2);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    emu.advance(3);
    expect((await event(emu, r.body.Data.EventId)).EventStatus).toBe('success');
    const again = await pw(emu, ['ins-demand-cpu-ssd']);
    expect(again.body.Data.EventId).not.toBe(r.body.Data.EventId);
  });

  it('allowed from running and shutdown only', async () => {
    const emu = newEmulator();
    expect((await pw(emu, ['ins-demand-gpu-ssd'])).status).toBe(200);
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    expectError(await pw(emu, ['ins-demand-cpu-ssd']), 409, 'InvalidInstanceStatus', 'restarting');
  });

  it('the password never appears in the journal, /_emulator/state, the event, or an error', async () => {
    const emu = newEmulator();
    const ok = await pw(emu, ['ins-demand-cpu-ssd']);
    await operate(emu, ['ins-demand-cpu-local'], 'restart_ecs');
    const refused = await pw(emu, ['ins-demand-cpu-local']);
    const bad = await pw(emu, ['ins-nope']);
    const tooLong = await pw(emu, ['ins-demand-cpu-ssd'], SECRET.repeat(20));
    const created = await call(emu, 'CreateInstance', {
      body: { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'nope', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'x', Password: SECRET, SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'v' }, SubnetInfo: { SubnetId: 's' } },
    });
    expect([refused.status, bad.status, tooLong.status, created.status]).toEqual([409, 404, 400, 400]);
    const seen = [ok.text, refused.text, bad.text, tooLong.text, created.text, (await ctl(emu, 'GET', '/journal')).text, (await ctl(emu, 'GET', '/state')).text, JSON.stringify(await event(emu, ok.body.Data.EventId))];
    for (const text of seen) expect(text).not.toContain(SECRET);
    // The journal did record the calls (so the check above looked at them).
    expect((await ctl(emu, 'GET', '/journal')).body.Entries.filter((e: { Action: string }) => e.Action === 'ModifyInstancePassword')).toHaveLength(4);
  });

  it('Password is required and not empty', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'ModifyInstancePassword', { body: { EcsIds: ['ins-demand-cpu-ssd'] } }), 400, 'MissingParameter', 'Password');
    expectError(await pw(emu, ['ins-demand-cpu-ssd'], ''), 400, 'InvalidParameter', 'Password');
  });
});
