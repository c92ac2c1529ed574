import { describe, expect, it } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../../emulator';
import { DEFAULT_SEED } from '../../../emulator/store/seed';
import { ARREARS_GRACE_S, RECYCLE_BIN_RETENTION_S } from '../../../emulator/state/lifecycle';
import { createEmulatorControl } from '../../../emulator/kit/emulator-control';
import { call, ctl, expectError, newEmulator, operate } from '../../helpers/emulator-client';

// The billing meter and the billing life of a server: charged while it runs, recycled when the
// money runs out, back after a recharge, destroyed after the grace; the recycle bin of DeleteInstance.

const HOUR = 3600;
const ID = 'ins-meter';
const MONTHLY = 'ins-meter-month';
/** One on-demand C4 4/8 with a 96 GB data disk, and a monthly one; the account's one subject holds `balance`. */
const seed = (balance: number) => ({
  Instances: [
    { EcsId: ID, EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, DataDisks: [{ DiskId: 'disk-meter-data', Size: 96 }] },
    { EcsId: MONTHLY, EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, BillingMethod: '1' },
  ],
  AccountSubjects: { 'test-ak': [{ Name: 'METER', Balance: balance, Income: balance, Duration: 365, BeginTime: '2026-01-01', EndTime: '2027-01-01' }] },
});

async function emulatorWith(balance: number, durations: EmulatorOptions['durations'] = {}): Promise<Emulator> {
  const emu = newEmulator({ durations });
  expect((await ctl(emu, 'POST', '/reset', seed(balance))).status).toBe(200);
  return emu;
}
const balance = async (emu: Emulator): Promise<number> => (await call(emu, 'DescribeAccountSubject')).body.Data[0].Balance;
/** What DescribePrice quotes for one hour of the metered server: the meter's rate (quoted for 100 of them: the quote is rounded to the fen). */
async function hourlyQuote(emu: Emulator): Promise<number> {
  const r = await call(emu, 'DescribePrice', {
    body: { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '0', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, Gpu: 0, Number: 100, SystemDiskInfo: { DiskFeature: 'ssd', Size: 48 }, DataDiskInfo: [{ DiskFeature: 'ssd', Size: 96 }] },
  });
  expect(r.status, r.text).toBe(200);
  return r.body.Data.TotalPrice / 100;
}
const clockMs = async (emu: Emulator): Promise<number> => Date.parse((await ctl(emu, 'GET', '/health')).body.Clock.Now);
const chinaMs = (t: string) => Date.parse(t.replace(' ', 'T') + '+08:00');
async function statusOf(emu: Emulator, id: string): Promise<string> {
  const a = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
  return (a.Instances.find((i: { EcsId: string }) => i.EcsId === id) ?? a.RecycleBin.find((i: { EcsId: string }) => i.EcsId === id))?.Status;
}
const fen = (n: number) => Math.round(n * 100) / 100;

describe('the billing meter', () => {
  it('charges a running on-demand server at its DescribePrice hourly rate, and stops while it is shut down; monthly servers are not charged', async () => {
    const emu = await emulatorWith(100);
    const rate = await hourlyQuote(emu);
    expect(rate).toBeGreaterThan(0);
    expect((await ctl(emu, 'GET', '/billing')).body).toMatchObject({ Subject: 'METER', Balance: 100, InArrears: false, HourlyCharge: fen(rate) });
    emu.advance(10 * HOUR);
    expect(await balance(emu)).toBe(fen(100 - 10 * rate));
    await operate(emu, [ID], 'shutdown_ecs');
    emu.advance(8); // shutting down is still charged
    const down = await balance(emu);
    expect(down).toBe(fen(100 - (10 * HOUR + 8) * (rate / HOUR)));
    emu.advance(10 * HOUR);
    expect(await balance(emu)).toBe(down);
    expect((await ctl(emu, 'GET', '/billing')).body.HourlyCharge).toBe(0);
  });

  it('every status counts for the time it held, even when one read settles many hours of transitions', async () => {
    const emu = await emulatorWith(100, { shutdown_ecs: HOUR });
    const rate = await hourlyQuote(emu);
    await operate(emu, [ID], 'shutdown_ecs'); // an hour shutting down is charged, then nothing
    emu.advance(5 * HOUR);
    expect(await balance(emu)).toBe(fen(100 - rate));
  });

  it('runs out at the exact millisecond: the on-demand server goes recycling then, the monthly one is left alone', async () => {
    const emu = await emulatorWith(1);
    const rate = await hourlyQuote(emu);
    const runsOutS = (1 / rate) * HOUR;
    const start = await clockMs(emu);
    emu.advance(Math.floor(runsOutS) - 1);
    expect(await statusOf(emu, ID)).toBe('running');
    emu.advance(2 * HOUR); // one read settles the run-out and two hours after it
    expect(await statusOf(emu, ID)).toBe('recycling');
    expect(await statusOf(emu, MONTHLY)).toBe('running');
    expect(await balance(emu)).toBe(0);
    const state = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
    expect(state.Billing).toMatchObject({ Balance: 0, InArrears: true, HourlyCharge: 0 });
    const recycled = state.Events.find((e: { EventType: string }) => e.EventType === 'recycle_ecs');
    expect(recycled).toMatchObject({ EventTypeDisplay: '欠费回收云服务器', EventStatus: 'doing' });
    // Its task started when the money ran out, not at the read (China time has whole seconds).
    expect(Math.abs(chinaMs(recycled.CreateTime) - (start + runsOutS * 1000))).toBeLessThan(1000);
  });

  it('a recharge brings the recycled server back through cancel_recycling to the status it had, and the meter runs again', async () => {
    const emu = await emulatorWith(100);
    const rate = await hourlyQuote(emu);
    expect((await ctl(emu, 'POST', '/billing', { RunOut: true })).body).toMatchObject({ Balance: 0, InArrears: true });
    expect(await statusOf(emu, ID)).toBe('recycling');
    const recharged = await ctl(emu, 'POST', '/billing', { Recharge: 50 });
    expect(recharged.body).toMatchObject({ Balance: 50, InArrears: false });
    expect(await statusOf(emu, ID)).toBe('cancel_recycling');
    expect((await call(emu, 'DescribeAccountSubject')).body.Data[0]).toMatchObject({ Balance: 50, Income: 150 });
    emu.advance(10);
    expect(await statusOf(emu, ID)).toBe('running');
    emu.advance(HOUR);
    expect(await balance(emu)).toBe(fen(50 - rate));
  });

  it('past the grace a recycled server is destroyed: destroying, then destroy, gone from every read', async () => {
    const emu = await emulatorWith(100);
    await ctl(emu, 'POST', '/billing', { Balance: 0 });
    emu.advance(ARREARS_GRACE_S - 1);
    expect(await statusOf(emu, ID)).toBe('recycling');
    emu.advance(1);
    expect(await statusOf(emu, ID)).toBe('destroying');
    emu.advance(10);
    expect(await statusOf(emu, ID)).toBe('destroy');
    expectError(await call(emu, 'DescribeInstance', { params: { EcsId: ID } }), 404, 'InstanceNotFound');
    expect((await call(emu, 'DescribeInstanceList')).body.Data.EcsList.map((i: { EcsId: string }) => i.EcsId)).toEqual([MONTHLY]);
    expectError(await call(emu, 'DescribeDisk', { service: 'ebs', params: { DiskId: 'disk-meter-data' } }), 400, 'InvalidParameter', '云盘信息不存在');
    // A recharge now brings nothing back.
    await ctl(emu, 'POST', '/billing', { Recharge: 10 });
    expect(await statusOf(emu, ID)).toBe('destroy');
  });

  it('in arrears, a server mid-transition is recycled when its transition ends; a cancel of one server alone is refused until a recharge', async () => {
    const emu = await emulatorWith(100);
    await operate(emu, [ID], 'restart_ecs');
    await ctl(emu, 'POST', '/billing', { RunOut: true });
    expect(await statusOf(emu, ID)).toBe('restarting');
    emu.advance(12);
    expect(await statusOf(emu, ID)).toBe('recycling');
    const refused = await ctl(emu, 'POST', `/instances/${ID}/cancel-recycle`);
    expect([refused.status, refused.body.Code]).toEqual([409, 'InvalidInstanceStatus']);
    expect(refused.body.Msg).toContain('arrears');
    expect(await statusOf(emu, ID)).toBe('recycling');
  });
});

describe('the recycle bin of DeleteInstance', () => {
  it('a deleted server is gone for every read as before (the SDK habit), kept in the bin, recovered to the status it had', async () => {
    const emu = await emulatorWith(100);
    await operate(emu, [ID], 'shutdown_ecs');
    emu.advance(8);
    await call(emu, 'DeleteInstance', { body: { EcsIds: [ID] } });
    emu.advance(5);
    expect(await statusOf(emu, ID)).toBe('deleted');
    expectError(await call(emu, 'DescribeInstance', { params: { EcsId: ID } }), 404, 'InstanceNotFound');
    expect((await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: [ID] } })).body.Data.EcsStatus).toEqual({});
    expect((await call(emu, 'DescribeInstanceList')).body.Data.EcsList.map((i: { EcsId: string }) => i.EcsId)).toEqual([MONTHLY]);
    const recover = await ctl(emu, 'POST', `/instances/${ID}/recover`);
    expect(recover.body).toMatchObject({ EcsId: ID, Status: 'recovering', StatusDisplay: '恢复中', EventType: 'recover_ecs' });
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: ID } })).body.Data.Status).toBe('recovering');
    emu.advance(10);
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: ID } })).body.Data.Status).toBe('shutdown');
  });

  it('after the retention a deleted server is destroyed; its kept data disk stays detached', async () => {
    const emu = newEmulator();
    await call(emu, 'DeleteInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'] } });
    emu.advance(5 + RECYCLE_BIN_RETENTION_S - 1);
    expect(await statusOf(emu, 'ins-demand-cpu-ssd')).toBe('deleted');
    emu.advance(1 + 10);
    expect(await statusOf(emu, 'ins-demand-cpu-ssd')).toBe('destroy');
    const kept = (await ctl(emu, 'GET', '/state')).body.Accounts[0].KeptDisks;
    expect(kept).toContainEqual(expect.objectContaining({ DiskId: 'disk-demand-cpu-ssd-data', Status: 'waiting' }));
  });

  it('control calls refuse what their status does not allow, and unknown ids and bad bodies, changing nothing', async () => {
    const emu = await emulatorWith(100);
    const recover = await ctl(emu, 'POST', `/instances/${ID}/recover`);
    expect([recover.status, recover.body.Code]).toEqual([409, 'InvalidInstanceStatus']);
    const unknown = await ctl(emu, 'POST', '/instances/ins-nobody/destroy');
    expect([unknown.status, unknown.body.Code]).toEqual([404, 'InstanceNotFound']);
    for (const body of [{}, { Balance: -1 }, { Recharge: 0 }, { RunOut: false }, { Balance: 1, Recharge: 1 }, 'not json'])
      expect((await ctl(emu, 'POST', '/billing', body)).status, JSON.stringify(body)).toBe(400);
    expect(await balance(emu)).toBe(100);
    expect(await statusOf(emu, ID)).toBe('running');
    const none = newEmulator();
    await ctl(none, 'POST', '/reset', { ...DEFAULT_SEED, AccountSubjects: { 'test-ak': [] } });
    expect((await ctl(none, 'POST', '/billing', { RunOut: true })).status).toBe(400);
    expect(await statusOf(none, 'ins-demand-cpu-ssd')).toBe('running');
  });
});

describe("the kit's typed control client", () => {
  it('billing, setBilling and the four billing-life calls answer what the routes answer', async () => {
    const emu = await emulatorWith(100);
    const control = createEmulatorControl(emu);
    expect(await control.billing()).toMatchObject({ AccessKeyId: 'test-ak', Subject: 'METER', Balance: 100, InArrears: false });
    expect(await control.recycle(MONTHLY)).toMatchObject({ EcsId: MONTHLY, Status: 'recycling', StatusDisplay: '回收中', EventType: 'recycle_ecs' });
    expect(await control.cancelRecycle(MONTHLY)).toMatchObject({ Status: 'cancel_recycling', EventType: 'cancel_recycle_ecs' });
    expect(await control.setBilling({ RunOut: true })).toMatchObject({ Balance: 0, InArrears: true });
    expect(await control.destroy(ID)).toMatchObject({ Status: 'destroying', EventType: 'destroy_ecs' });
    await expect(control.recover(ID)).rejects.toMatchObject({ code: 'InvalidInstanceStatus', status: 409 });
    expect((await control.setBilling({ Recharge: 5 })).Balance).toBe(5);
    const state = await control.state();
    expect(state.Accounts[0]!.Billing.Balance).toBe(5);
    emu.advance(10);
    expect((await control.state()).Accounts[0]!.RecycleBin).toEqual([expect.objectContaining({ EcsId: ID, Status: 'destroy', StatusDisplay: '已销毁' })]);
  });
});

describe('the billing life and the other rules', () => {
  it('a free-shut-down server is recycled in arrears and comes back shut down and free; a pending FailNextTransition waits for a wire transition', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/reset', { Instances: [{ EcsId: 'ins-free', Status: 'shutdown', NoChargeForShutdown: 1 }, { EcsId: 'ins-faulty' }] });
    expect((await ctl(emu, 'POST', '/faults', { EcsId: 'ins-faulty', FailNextTransition: true })).status).toBe(201);
    expect((await ctl(emu, 'POST', '/billing', { RunOut: true })).status).toBe(200);
    expect([await statusOf(emu, 'ins-free'), await statusOf(emu, 'ins-faulty')]).toEqual(['recycling', 'recycling']);
    expect((await ctl(emu, 'POST', '/billing', { Recharge: 10 })).status).toBe(200);
    emu.advance(10);
    expect([await statusOf(emu, 'ins-free'), await statusOf(emu, 'ins-faulty')]).toEqual(['shutdown', 'running']);
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-free' } })).body.Data.NoChargeForShutdown).toBe(1);
    expect((await ctl(emu, 'GET', '/faults')).body.InstanceFaults).toEqual([expect.objectContaining({ EcsId: 'ins-faulty' })]);
    await operate(emu, ['ins-faulty'], 'restart_ecs');
    emu.advance(12);
    expect(await statusOf(emu, 'ins-faulty')).toBe('error');
  });
});
