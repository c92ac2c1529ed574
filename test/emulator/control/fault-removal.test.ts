import { describe, expect, it } from 'vitest';
import { call, ctl, newEmulator, operate, status } from '../../helpers/emulator-client';

// Removing one fault (the dashboard's × buttons, or a test that wants one fault gone and the others kept).

describe('DELETE /_emulator/faults/{FaultId}', () => {
  it('removes that call fault only: its calls answer again, the others still fail', async () => {
    const emu = newEmulator();
    const first = await ctl(emu, 'POST', '/faults', { Action: 'DescribeRegions', Status: 503 });
    const second = await ctl(emu, 'POST', '/faults', { Action: 'DescribeEcsFamilyInfo', Code: 'InternalError' });
    const r = await ctl(emu, 'DELETE', `/faults/${first.body.FaultId}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Status: 'removed', Fault: { FaultId: first.body.FaultId, Action: 'DescribeRegions', Status: 503 } });
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
    expect((await call(emu, 'DescribeEcsFamilyInfo', { params: { AvailableZoneCode: 'CN_Hohhot_B', BillingMethod: '0' } })).status).toBe(500);
    expect((await ctl(emu, 'GET', '/faults')).body.Faults.map((f: { FaultId: number }) => f.FaultId)).toEqual([second.body.FaultId]);
  });

  it('an unknown or already spent FaultId → 404 FaultNotFound', async () => {
    const emu = newEmulator();
    const spent = await ctl(emu, 'POST', '/faults', { Status: 500, Times: 1 });
    expect((await call(emu, 'DescribeRegions')).status).toBe(500);
    for (const id of [spent.body.FaultId, 42]) {
      const r = await ctl(emu, 'DELETE', `/faults/${id}`);
      expect(r.status, r.text).toBe(404);
      expect(r.body.Code).toBe('FaultNotFound');
      expect(r.body.Msg).toContain(String(id));
    }
  });

  it('a FaultId that is not a whole number → 400 InvalidParameter, nothing removed', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Status: 500 });
    for (const id of ['abc', '1.5', '-1', '0', '1e3', '%201']) {
      const r = await ctl(emu, 'DELETE', `/faults/${id}`);
      expect(r.status, id).toBe(400);
      expect(r.body.Code).toBe('InvalidParameter');
      expect(r.body.Msg).toContain('FaultId');
    }
    expect((await ctl(emu, 'GET', '/faults')).body.Faults).toHaveLength(1);
  });
});

describe('DELETE /_emulator/faults/instances/{EcsId}', () => {
  it('removes the FailNextTransition fault: the next transition succeeds', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-cpu-ssd', FailNextTransition: true });
    await ctl(emu, 'POST', '/faults', { EcsId: 'ins-demand-cpu-local', FailNextTransition: true });
    expect((await ctl(emu, 'GET', '/faults')).body.InstanceFaults).toEqual([
      { AccessKeyId: 'test-ak', EcsId: 'ins-demand-cpu-ssd', FailNextTransition: true },
      { AccessKeyId: 'test-ak', EcsId: 'ins-demand-cpu-local', FailNextTransition: true },
    ]);
    const r = await ctl(emu, 'DELETE', '/faults/instances/ins-demand-cpu-ssd');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ EcsId: 'ins-demand-cpu-ssd', FailNextTransition: false });
    await operate(emu, ['ins-demand-cpu-ssd', 'ins-demand-cpu-local'], 'restart_ecs');
    emu.advance(12);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    expect(await status(emu, 'ins-demand-cpu-local')).toBe('error');
    expect((await ctl(emu, 'GET', '/state')).body.InstanceFaults).toEqual([]);
  });

  it('an instance without such a fault → 404 FaultNotFound; an unknown instance → 404 InstanceNotFound', async () => {
    const emu = newEmulator();
    const none = await ctl(emu, 'DELETE', '/faults/instances/ins-demand-cpu-ssd');
    expect(none.status).toBe(404);
    expect(none.body.Code).toBe('FaultNotFound');
    const unknown = await ctl(emu, 'DELETE', '/faults/instances/ins-nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.Code).toBe('InstanceNotFound');
  });
});
