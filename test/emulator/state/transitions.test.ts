import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../../emulator';
import { call, ctl, event, expectError, newEmulator, operate, status } from '../../helpers/emulator-client';

const CN_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Runs one OperateInstance transition through the manual clock and checks every stage. */
async function runTransition(opts: { id: string; op: string; via: string; to: string; seconds: number; setup?: string[] }) {
  const emu = newEmulator();
  for (const pre of opts.setup ?? []) {
    await operate(emu, [opts.id], pre);
    emu.advance(60);
  }
  const r = await operate(emu, [opts.id], opts.op);
  expect(r.status, r.text).toBe(200);
  const EventId = r.body.Data.EventId as string;
  expect(await status(emu, opts.id)).toBe(opts.via);
  let e = await event(emu, EventId);
  expect(e).toMatchObject({ EventStatus: 'doing', EventStatusDisplay: '进行中', EventType: opts.op });
  expect(e.TaskList).toHaveLength(1);
  expect(e.TaskList[0]).toMatchObject({ Status: 'doing', ResourceId: opts.id, ResourceType: 'ecs', ResourceDisplay: '云服务器', TaskType: opts.op, EndTime: '' });
  expect(e.CreateTime).toMatch(CN_TIME);
  // One second short of the duration: still in progress.
  emu.advance(opts.seconds - 1);
  expect(await status(emu, opts.id)).toBe(opts.via);
  expect((await event(emu, EventId)).EventStatus).toBe('doing');
  emu.advance(1);
  expect(await status(emu, opts.id)).toBe(opts.to);
  e = await event(emu, EventId);
  expect(e).toMatchObject({ EventStatus: 'success', EventStatusDisplay: '成功' });
  expect(e.TaskList[0].Status).toBe('success');
  expect(e.TaskList[0].EndTime).toMatch(CN_TIME);
  expect(e.TaskList[0].EndTime).toBe(e.TaskList[0].UpdateTime);
  // End time is creation + the transition's duration (China time strings compare as times).
  const created = Date.parse(e.TaskList[0].CreateTime.replace(' ', 'T') + '+08:00');
  const ended = Date.parse(e.TaskList[0].EndTime.replace(' ', 'T') + '+08:00');
  expect(ended - created).toBe(opts.seconds * 1000);
  return emu;
}

describe('state machine: every transition of the state machine with the manual clock', () => {
  it('the table matches docs/upstream-protocol.md', () => {
    expect(TRANSITIONS.start_up_ecs).toMatchObject({ allowedFrom: ['shutdown'], passesThrough: 'starting_up', endsIn: 'running', defaultDurationS: 8 });
    expect(TRANSITIONS.shutdown_ecs).toMatchObject({ allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8 });
    expect(TRANSITIONS.hard_shutdown_ecs).toMatchObject({ allowedFrom: ['running', 'restarting', 'starting_up'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 3 });
    expect(TRANSITIONS.restart_ecs).toMatchObject({ allowedFrom: ['running'], passesThrough: 'restarting', endsIn: 'running', defaultDurationS: 12 });
    expect(TRANSITIONS.free_shutdown_ecs).toMatchObject({ allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8 });
    expect(TRANSITIONS.change_ecs_config).toMatchObject({ allowedFrom: ['shutdown'], passesThrough: 'updating', endsIn: 'shutdown', defaultDurationS: 10 });
    expect(TRANSITIONS.extend_disk).toMatchObject({ allowedFrom: ['running', 'shutdown'], defaultDurationS: 6 });
  });

  it('start_up_ecs: shutdown → starting_up → running (8 s)', () =>
    runTransition({ id: 'ins-demand-gpu-ssd', op: 'start_up_ecs', via: 'starting_up', to: 'running', seconds: 8 }));
  it('shutdown_ecs: running → shutting_down → shutdown (8 s)', () =>
    runTransition({ id: 'ins-demand-cpu-ssd', op: 'shutdown_ecs', via: 'shutting_down', to: 'shutdown', seconds: 8 }));
  it('hard_shutdown_ecs from running (3 s)', () =>
    runTransition({ id: 'ins-demand-cpu-ssd', op: 'hard_shutdown_ecs', via: 'shutting_down', to: 'shutdown', seconds: 3 }));
  it('restart_ecs: running → restarting → running (12 s)', () =>
    runTransition({ id: 'ins-demand-cpu-ssd', op: 'restart_ecs', via: 'restarting', to: 'running', seconds: 12 }));
  it('free_shutdown_ecs: running → shutting_down → shutdown (8 s)', () =>
    runTransition({ id: 'ins-demand-cpu-ssd', op: 'free_shutdown_ecs', via: 'shutting_down', to: 'shutdown', seconds: 8 }));

  for (const from of ['restarting', 'starting_up'] as const) {
    it(`hard_shutdown_ecs from ${from} cuts the running transition short`, async () => {
      const emu = newEmulator();
      const id = from === 'restarting' ? 'ins-demand-cpu-ssd' : 'ins-demand-gpu-ssd';
      const first = await operate(emu, [id], from === 'restarting' ? 'restart_ecs' : 'start_up_ecs');
      emu.advance(2);
      expect(await status(emu, id)).toBe(from);
      const hard = await operate(emu, [id], 'hard_shutdown_ecs');
      expect(hard.status, hard.text).toBe(200);
      expect(await status(emu, id)).toBe('shutting_down');
      expect((await event(emu, first.body.Data.EventId)).EventStatus).toBe('failed');
      emu.advance(3);
      expect(await status(emu, id)).toBe('shutdown');
      expect((await event(emu, hard.body.Data.EventId)).EventStatus).toBe('success');
      // The interrupted transition never lands later.
      emu.advance(60);
      expect(await status(emu, id)).toBe('shutdown');
    });
  }

  it('durations are configurable', async () => {
    const emu = newEmulator({ durations: { restart_ecs: 2 } });
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    emu.advance(1);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('restarting');
    emu.advance(1);
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
  });

  it('the control clock endpoint drives transitions too', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'shutdown_ecs');
    const adv = await ctl(emu, 'POST', '/clock/advance', { Seconds: 8 });
    expect(adv.status).toBe(200);
    expect(adv.body.Clock.Mode).toBe('manual');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('shutdown');
  });

  it('a batch makes one event with one task per instance', async () => {
    const emu = newEmulator();
    const r = await operate(emu, ['ins-demand-cpu-ssd', 'ins-demand-cpu-local', 'ins-month-gpu-ssd'], 'shutdown_ecs');
    expect(r.status).toBe(200);
    const e = await event(emu, r.body.Data.EventId);
    expect(e.TaskList.map((t: { ResourceId: string }) => t.ResourceId)).toEqual(['ins-demand-cpu-ssd', 'ins-demand-cpu-local', 'ins-month-gpu-ssd']);
    expect(new Set(e.TaskList.map((t: { TaskId: string }) => t.TaskId)).size).toBe(3);
    emu.advance(8);
    expect((await event(emu, r.body.Data.EventId)).TaskList.every((t: { Status: string }) => t.Status === 'success')).toBe(true);
  });
});

describe('refused transitions: 409 InvalidInstanceStatus naming the ids, nothing changes', () => {
  const refused: [string, string, string][] = [
    ['start_up_ecs', 'ins-demand-cpu-ssd', 'running'],
    ['shutdown_ecs', 'ins-demand-gpu-ssd', 'shutdown'],
    ['hard_shutdown_ecs', 'ins-demand-gpu-ssd', 'shutdown'],
    ['restart_ecs', 'ins-demand-gpu-ssd', 'shutdown'],
    ['free_shutdown_ecs', 'ins-month-cpu-ssd', 'shutdown'],
  ];
  for (const [op, id, st] of refused)
    it(`${op} from ${st}`, async () => {
      const emu = newEmulator();
      expectError(await operate(emu, [id], op), 409, 'InvalidInstanceStatus', id);
      expect(await status(emu, id)).toBe(st);
    });

  it('transitional statuses refuse everything but hard_shutdown (from restarting/starting_up)', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'shutdown_ecs');
    for (const op of ['start_up_ecs', 'shutdown_ecs', 'hard_shutdown_ecs', 'restart_ecs', 'free_shutdown_ecs'])
      expectError(await operate(emu, ['ins-demand-cpu-ssd'], op), 409, 'InvalidInstanceStatus', 'shutting_down');
    await operate(emu, ['ins-demand-cpu-local'], 'restart_ecs');
    for (const op of ['start_up_ecs', 'shutdown_ecs', 'restart_ecs', 'free_shutdown_ecs'])
      expectError(await operate(emu, ['ins-demand-cpu-local'], op), 409, 'InvalidInstanceStatus', 'restarting');
  });

  it('a batch with one unfit instance is refused whole and names only the unfit ids', async () => {
    const emu = newEmulator();
    const r = await operate(emu, ['ins-demand-cpu-ssd', 'ins-demand-gpu-ssd', 'ins-month-cpu-ssd'], 'restart_ecs');
    expectError(r, 409, 'InvalidInstanceStatus', 'ins-demand-gpu-ssd,ins-month-cpu-ssd');
    expect(r.body.Msg).not.toContain('ins-demand-cpu-ssd ');
    expect(await status(emu, 'ins-demand-cpu-ssd')).toBe('running');
    const st = await ctl(emu, 'GET', '/state');
    expect(st.body.Accounts[0].Events).toEqual([]);
  });
});

describe('free shutdown', () => {
  it('on demand + ssd: NoChargeForShutdown=1, DeleteEip=0 keeps the public IP', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'free_shutdown_ecs', { DeleteEip: 0 });
    expect((await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data.NoChargeForShutdown).toBe(0);
    emu.advance(8);
    const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
    expect(d.NoChargeForShutdown).toBe(1);
    expect(d.Pipe.PubNet).not.toBe('');
    const row = (await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-demand-cpu-ssd' } })).body.Data.EcsList[0];
    expect(row.NoChargeForShutdown).toBe(1);
    expect(row.BindingPubnetIp).toBe(true);
  });

  it('DeleteEip=1 releases the public IPs', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'free_shutdown_ecs', { DeleteEip: 1 });
    emu.advance(8);
    const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
    expect(d.NoChargeForShutdown).toBe(1);
    expect(d.Pipe.PubNet).toBe('');
    expect(Object.values(d.Pipe.EipInfo).every((e) => (e as { EipIp: string }).EipIp === '')).toBe(true);
    const row = (await call(emu, 'DescribeInstanceList', { params: { EcsIds: 'ins-demand-cpu-ssd' } })).body.Data.EcsList[0];
    expect(row.BindingPubnetIp).toBe(false);
  });

  it('local system disk or monthly: an ordinary shutdown (charging continues, IPs kept even with DeleteEip=1)', async () => {
    const emu = newEmulator();
    const r = await operate(emu, ['ins-demand-cpu-local', 'ins-month-gpu-ssd'], 'free_shutdown_ecs', { DeleteEip: 1 });
    expect(r.status).toBe(200);
    emu.advance(8);
    for (const id of ['ins-demand-cpu-local', 'ins-month-gpu-ssd']) {
      const d = (await call(emu, 'DescribeInstance', { params: { EcsId: id } })).body.Data;
      expect([d.Status, d.NoChargeForShutdown]).toEqual(['shutdown', 0]);
      expect(d.Pipe.PubNet).not.toBe('');
    }
  });

  it('while free-shutdown only start is allowed; start clears NoChargeForShutdown', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'free_shutdown_ecs');
    emu.advance(8);
    const cfg = await call(emu, 'ChangeInstanceConfigure', {
      body: { EcsIds: ['ins-demand-cpu-ssd'], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 },
    });
    expectError(cfg, 409, 'InvalidInstanceStatus', 'free shutdown');
    expectError(await call(emu, 'ExtendDisk', { service: 'ebs', body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 128 } }), 409, 'InvalidInstanceStatus', 'free shutdown');
    const start = await operate(emu, ['ins-demand-cpu-ssd'], 'start_up_ecs');
    expect(start.status).toBe(200);
    emu.advance(8);
    const d = (await call(emu, 'DescribeInstance', { params: { EcsId: 'ins-demand-cpu-ssd' } })).body.Data;
    expect([d.Status, d.NoChargeForShutdown]).toEqual(['running', 0]);
  });
});
