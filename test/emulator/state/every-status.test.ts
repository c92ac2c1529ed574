import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { INSTANCE_STATUS_DISPLAY, type InstanceStatus } from '../../../openapi/models';
import { call, ctl, newEmulator, operate } from '../../helpers/emulator-client';

// Every one of the seventeen instance statuses, each reached by the action or control that leads
// there, with its StatusDisplay and what it refuses. One row per status.

const WEB = 'ins-demand-cpu-ssd'; // on demand, running
const RENDER = 'ins-demand-gpu-ssd'; // on demand, shut down
const CREATE = {
  AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-centos-7-9-cn-hohhot-b',
  Password: 'Create-Secret-9!', SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
};

const ok = async (p: Promise<{ status: number; text: string }>) => {
  const r = await p;
  expect(r.status, r.text).toBeLessThan(300);
  return r;
};
const created = async (emu: Emulator) => (await ok(call(emu, 'CreateInstance', { body: CREATE }))) as unknown as { body: { Data: { EcsIdSet: string[] } } };
const control = (emu: Emulator, id: string, verb: string) => ok(ctl(emu, 'POST', `/instances/${id}/${verb}`));
const deleted = async (emu: Emulator, id = WEB) => {
  await ok(call(emu, 'DeleteInstance', { body: { EcsIds: [id] } }));
  emu.advance(5);
  return id;
};
const shutDown = async (emu: Emulator, id = WEB) => {
  await ok(operate(emu, [id], 'shutdown_ecs'));
  emu.advance(8);
  return id;
};

/** The status as the control API sees it: listed, or in the recycle bin; and whether the wire still sees it. */
async function where(emu: Emulator, id: string): Promise<{ status: InstanceStatus; display: string; listed: boolean }> {
  const account = (await ctl(emu, 'GET', '/state')).body.Accounts[0];
  const listed = account.Instances.find((i: { EcsId: string }) => i.EcsId === id);
  const binned = account.RecycleBin.find((i: { EcsId: string }) => i.EcsId === id);
  const row = listed ?? binned;
  expect(row, `${id} is neither listed nor in the recycle bin`).toBeDefined();
  return { status: row.Status, display: row.StatusDisplay, listed: listed !== undefined };
}

type Probe = 'restart' | 'start' | 'rename' | 'delete' | 'recycle' | 'recover' | 'destroy';
const PROBES: Record<Probe, (emu: Emulator, id: string) => Promise<{ status: number; body: { Code?: string } }>> = {
  restart: (emu, id) => operate(emu, [id], 'restart_ecs'),
  start: (emu, id) => operate(emu, [id], 'start_up_ecs'),
  rename: (emu, id) => call(emu, 'ModifyInstanceName', { body: { EcsId: id, Name: 'renamed' } }),
  delete: (emu, id) => call(emu, 'DeleteInstance', { body: { EcsIds: [id] } }),
  recycle: (emu, id) => ctl(emu, 'POST', `/instances/${id}/recycle`),
  recover: (emu, id) => ctl(emu, 'POST', `/instances/${id}/recover`),
  destroy: (emu, id) => ctl(emu, 'POST', `/instances/${id}/destroy`),
};
const GONE = 'InstanceNotFound';
const HELD = 'InvalidInstanceStatus';
/** Every probe refused with one code (a held or gone server). */
const all = (code: string): Partial<Record<Probe, string>> => Object.fromEntries(Object.keys(PROBES).map((p) => [p, code]));

interface Row {
  status: InstanceStatus;
  /** Reaches the status; answers the instance id. */
  reach: (emu: Emulator) => Promise<string>;
  /** Whether DescribeInstance / lists still show it. */
  listed: boolean;
  /** The probes refused, with their code; the others are allowed (not run: they would move on). */
  refuses: Partial<Record<Probe, string>>;
}

const ROWS: Row[] = [
  { status: 'building', listed: true, reach: async (emu) => (await created(emu)).body.Data.EcsIdSet[0]!,
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'running', listed: true, reach: async () => WEB, refuses: { start: HELD, recover: HELD, destroy: HELD } },
  { status: 'restarting', listed: true, reach: async (emu) => (await ok(operate(emu, [WEB], 'restart_ecs')), WEB),
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'shutting_down', listed: true, reach: async (emu) => (await ok(operate(emu, [WEB], 'shutdown_ecs')), WEB),
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'shutdown', listed: true, reach: (emu) => shutDown(emu), refuses: { restart: HELD, recover: HELD, destroy: HELD } },
  { status: 'starting_up', listed: true, reach: async (emu) => (await ok(operate(emu, [RENDER], 'start_up_ecs')), RENDER),
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'deleting', listed: true, reach: async (emu) => (await ok(call(emu, 'DeleteInstance', { body: { EcsIds: [WEB] } })), WEB),
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  // In the recycle bin: gone for the wire, recoverable and destroyable by the control API.
  { status: 'deleted', listed: false, reach: (emu) => deleted(emu), refuses: { restart: GONE, start: GONE, rename: GONE, delete: GONE, recycle: HELD } },
  { status: 'destroying', listed: false, reach: async (emu) => (await control(emu, await deleted(emu), 'destroy'), WEB), refuses: { ...all(GONE), recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'destroy', listed: false, reach: async (emu) => (await control(emu, await deleted(emu), 'destroy'), emu.advance(10), WEB), refuses: { ...all(GONE), recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'recovering', listed: true, reach: async (emu) => (await control(emu, await deleted(emu), 'recover'), WEB), refuses: all(HELD) },
  { status: 'updating', listed: true,
    reach: async (emu) => {
      await shutDown(emu);
      await ok(call(emu, 'ChangeInstanceConfigure', { body: { EcsIds: [WEB], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16, Gpu: 0 } }));
      return WEB;
    },
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'error', listed: true,
    reach: async (emu) => {
      await ok(ctl(emu, 'POST', '/faults', { EcsId: WEB, FailNextTransition: true }));
      await ok(operate(emu, [WEB], 'restart_ecs'));
      emu.advance(12);
      return WEB;
    },
    refuses: { restart: HELD, start: HELD, recover: HELD, destroy: HELD } },
  { status: 'failed', listed: true,
    reach: async (emu) => {
      const id = (await created(emu)).body.Data.EcsIdSet[0]!;
      await ok(ctl(emu, 'POST', '/faults', { EcsId: id, FailNextTransition: true }));
      emu.advance(15);
      return id;
    },
    refuses: { restart: HELD, start: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
  { status: 'recycling', listed: true, reach: async (emu) => (await ok(ctl(emu, 'POST', '/billing', { RunOut: true })), WEB),
    refuses: { restart: HELD, start: HELD, rename: HELD, delete: HELD, recycle: HELD, recover: HELD } },
  { status: 'cancel_recycling', listed: true,
    reach: async (emu) => {
      await ok(ctl(emu, 'POST', '/billing', { RunOut: true }));
      await ok(ctl(emu, 'POST', '/billing', { Recharge: 100 }));
      return WEB;
    },
    refuses: all(HELD) },
  { status: 'creating_image', listed: true, reach: async (emu) => (await ok(call(emu, 'CreateImage', { body: { EcsId: WEB, Name: 'walk-image' } })), WEB),
    refuses: { restart: HELD, start: HELD, delete: HELD, recycle: HELD, recover: HELD, destroy: HELD } },
];

describe('every instance status of the table, reached and probed', () => {
  it('the rows cover the seventeen statuses of the table exactly once', () => {
    expect(ROWS.map((r) => r.status).sort()).toEqual(Object.keys(INSTANCE_STATUS_DISPLAY).sort());
    expect(ROWS).toHaveLength(17);
  });

  it.each(ROWS)('$status: reached, shown with its StatusDisplay, refuses what it must and changes nothing', async (row) => {
    const emu = newEmulator();
    const id = await row.reach(emu);
    const seen = await where(emu, id);
    expect(seen).toEqual({ status: row.status, display: INSTANCE_STATUS_DISPLAY[row.status], listed: row.listed });
    const detail = await call(emu, 'DescribeInstance', { params: { EcsId: id } });
    if (row.listed) expect([detail.status, detail.body.Data.Status, detail.body.Data.StatusDisplay]).toEqual([200, row.status, INSTANCE_STATUS_DISPLAY[row.status]]);
    else expect([detail.status, detail.body.Code]).toEqual([404, GONE]);
    const polled = (await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: [id] } })).body.Data.EcsStatus;
    expect(polled[id]?.Status).toBe(row.listed ? row.status : undefined);

    for (const [probe, code] of Object.entries(row.refuses)) {
      const r = await PROBES[probe as Probe](emu, id);
      expect([probe, r.status, r.body.Code]).toEqual([probe, code === GONE ? 404 : 409, code]);
      expect((await where(emu, id)).status, `${probe} changed the status`).toBe(row.status);
    }
  });
});
