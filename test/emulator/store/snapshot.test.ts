import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { decodeValue, encodeValue } from '../../../emulator/store/snapshot';
import { call, ctl, newEmulator, operate, status } from '../../helpers/emulator-client';

const CREATE = {
  AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-centos-7-9-cn-hohhot-b', Password: 'x-Secret-1',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 }, DataDisk: [{ DiskFeature: 'ssd', Size: 64, ReleaseWithInstance: 0 }],
  VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' }, PubnetInfo: [{ SubnetId: 'subnet-cn-hohhot-b-e100001', BandwidthType: 'Traffic', Qos: 5 }],
};

/** A world that has been through every kind of change: created, deleted (a kept disk), in flight, a fault marked. */
async function busyWorld(emu: Emulator): Promise<void> {
  const created = await call(emu, 'CreateInstance', { body: CREATE });
  expect(created.status, created.text).toBe(200);
  emu.advance(60);
  const [newId] = created.body.Data.EcsIdSet as string[];
  const del = await call(emu, 'DeleteInstance', { body: { EcsIds: [newId] } });
  expect(del.status, del.text).toBe(200);
  expect((await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs')).status).toBe(200);
  const ext = await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-month-gpu-ssd-data', ExtendedSize: 520 } });
  expect(ext.status, ext.text).toBe(200);
  emu.advance(6);
  expect((await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-gpu-ssd', FailNextTransition: true })).status).toBe(201);
  const ren = await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-month-cpu-ssd', Name: 'renamed one' } });
  expect(ren.status, ren.text).toBe(200);
}

const exportText = async (emu: Emulator, headers: Record<string, string> = {}) => {
  const r = await emu.fetch(new Request('http://emulator/_emulator/snapshot', { headers }));
  expect(r.status).toBe(200);
  return r.text();
};
const putSnapshot = (emu: Emulator, body: string, headers: Record<string, string> = {}) =>
  emu.fetch(new Request('http://emulator/_emulator/snapshot', { method: 'PUT', body, headers }));

describe('world snapshots', () => {
  it('restoring into a fresh emulator gives back every field of the account state, the catalog and the clock (seeded and busy worlds)', async () => {
    for (const busy of [false, true]) {
      const a = newEmulator();
      if (busy) await busyWorld(a);
      const snapshot = a.snapshot();
      const b = newEmulator();
      b.advance(3600);
      b.restore(JSON.parse(JSON.stringify(snapshot)));
      // Deep equality over the whole record: a field the encoding dropped or changed fails here.
      expect(b.store.account('test-ak')).toEqual(a.store.account('test-ak'));
      expect(b.store.catalog).toEqual(a.store.catalog);
      expect(b.store.publicIpCounter).toBe(a.store.publicIpCounter);
      expect(b.clock.now()).toBe(a.clock.now());
      // Map order is kept: lists answer in the same order.
      expect([...b.store.account('test-ak')!.Instances.keys()]).toEqual([...a.store.account('test-ak')!.Instances.keys()]);
      expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(snapshot));
    }
  });

  it('a field added to the account state later round-trips without touching the serializer (maps, sets, nested records)', () => {
    const a = newEmulator();
    const account = a.store.account('test-ak')! as unknown as Record<string, unknown>;
    account.Balances = new Map([['CNY', { Amount: 12.5, History: [{ At: 1, Delta: -3 }] }]]);
    account.Stock = { CN_Hohhot_B: new Map([['C4', 3]]) };
    account.Tags = new Set(['a', 'b']);
    const b = newEmulator();
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.store.account('test-ak')).toEqual(a.store.account('test-ak'));
  });

  it('refuses a value it cannot carry instead of losing it', () => {
    expect(() => encodeValue({ When: new Date(0) })).toThrow(/\$\.When cannot be encoded \(Date\)/);
    expect(() => encodeValue({ N: Number.NaN })).toThrow(/finite/);
    expect(decodeValue(encodeValue({ m: new Map([['k', [1, { x: null }]]]) }))).toEqual({ m: new Map([['k', [1, { x: null }]]]) });
  });

  it('export → change → restore → export is byte-identical, and the restored world answers as before', async () => {
    const emu = newEmulator();
    await busyWorld(emu);
    const before = await exportText(emu);
    expect(before).not.toContain('test-sk'); // the secret is not world
    await operate(emu, ['ins-month-gpu-ssd'], 'shutdown_ecs');
    emu.advance(100);
    await ctl(emu, 'POST', '/reset');
    expect(await exportText(emu)).not.toBe(before);
    const r = await putSnapshot(emu, before);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await exportText(emu)).toBe(before);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('restarting');
    emu.advance(12);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    // New transitions after a restore still work and use fresh addresses.
    expect((await call(emu, 'CreateInstance', { body: CREATE })).status).toBe(200);
  });

  it('a world saved before the recycle bin and the billing meter restores with an empty bin, metered from its own time on', async () => {
    const emu = newEmulator();
    const doc = (await ctl(emu, 'GET', '/snapshot')).body;
    const map = doc.Account as Record<string, unknown>;
    expect([map.RecycleBin, map.Billing].every((v) => v !== undefined)).toBe(true);
    delete map.RecycleBin;
    delete map.Billing;
    expect((await ctl(emu, 'PUT', '/snapshot', doc)).status).toBe(200);
    const before = (await call(emu, 'DescribeAccountSubject')).body.Data[0].Balance;
    expect((await ctl(emu, 'GET', '/state')).body.Accounts[0]).toMatchObject({ RecycleBin: [], Billing: { InArrears: false, Balance: before } });
    emu.advance(3600);
    expect((await call(emu, 'DescribeAccountSubject')).body.Data[0].Balance).toBeLessThan(before);
  });

  it('a bad document is refused with 400 and changes nothing', async () => {
    const emu = newEmulator();
    const before = await exportText(emu);
    const doc = JSON.parse(before);
    for (const bad of [{ ...doc, Version: 99 }, { ...doc, Format: 'x' }, { ...doc, Account: { ...doc.Account, Instances: [] } }, 'nope']) {
      const r = await putSnapshot(emu, JSON.stringify(bad));
      expect(r.status).toBe(400);
      expect(((await r.json()) as { Code: string }).Code).toBe('InvalidParameter');
    }
    expect(await exportText(emu)).toBe(before);
  });

  it('named snapshots: save, list, restore after a reset, delete; unknown names 404', async () => {
    const emu = newEmulator();
    await busyWorld(emu);
    const before = await exportText(emu);
    const saved = await ctl(emu, 'POST', '/snapshots', { Name: 'busy-1' });
    expect(saved.status).toBe(201);
    await ctl(emu, 'POST', '/reset');
    expect((await ctl(emu, 'GET', '/snapshots')).body.Snapshots.map((s: { Name: string }) => s.Name)).toEqual(['busy-1']);
    expect((await ctl(emu, 'POST', '/snapshots/busy-1/restore')).status).toBe(200);
    expect(await exportText(emu)).toBe(before);
    expect((await ctl(emu, 'POST', '/snapshots', { Name: 'bad name!' })).status).toBe(400);
    expect((await ctl(emu, 'DELETE', '/snapshots/busy-1')).status).toBe(200);
    expect((await ctl(emu, 'POST', '/snapshots/busy-1/restore')).status).toBe(404);
    expect((await ctl(emu, 'DELETE', '/snapshots/busy-1')).status).toBe(404);
  });

  it('X-Emulator-Access-Key picks the session; an unknown one is refused', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,other-ak:other-sk' });
    const first = JSON.parse(await exportText(emu));
    const other = JSON.parse(await exportText(emu, { 'X-Emulator-Access-Key': 'other-ak' }));
    expect(first.AccessKeyId).toBe('test-ak');
    expect(other.AccessKeyId).toBe('other-ak');
    expect(Object.keys(decodeValue(other.Account) as object)).toContain('Instances');
    expect((decodeValue(other.Account) as { Instances: Map<string, unknown> }).Instances.size).toBe(0);
    expect((await putSnapshot(emu, JSON.stringify(first), { 'X-Emulator-Access-Key': 'nobody' })).status).toBe(400);
    // Restoring the first account's world into the other session gives it those instances, under its own key.
    expect((await putSnapshot(emu, JSON.stringify(first), { 'X-Emulator-Access-Key': 'other-ak' })).status).toBe(200);
    expect(emu.store.account('other-ak')!.Instances.size).toBe(5);
    expect(emu.store.account('other-ak')!.SecretKey).toBe('other-sk');
  });
});
