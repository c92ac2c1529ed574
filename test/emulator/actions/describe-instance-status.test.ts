import { describe, expect, it } from 'vitest';
import { call, expectError, newEmulator, operate } from '../../helpers/emulator-client';

describe('DescribeInstanceStatus (POST {EcsIds})', () => {
  it('the status of each listed instance of the caller', async () => {
    const emu = newEmulator();
    await operate(emu, ['ins-demand-cpu-ssd'], 'restart_ecs');
    const r = await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: ['ins-demand-cpu-ssd', 'ins-demand-gpu-ssd'] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.Data.EcsStatus).toEqual({
      'ins-demand-cpu-ssd': { Status: 'restarting', StatusDisplay: '重启中' },
      'ins-demand-gpu-ssd': { Status: 'shutdown', StatusDisplay: '已关机' },
    });
  });

  it('ids the caller does not own (another account’s, deleted, unknown) are left out', async () => {
    const emu = newEmulator({ accessKeys: 'test-ak:test-sk,other-ak:other-sk' });
    const theirs = await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: ['ins-demand-cpu-ssd', 'ins-nope'] }, ak: 'other-ak', sk: 'other-sk' });
    expect(theirs.body.Data.EcsStatus).toEqual({});
    await call(emu, 'DeleteInstance', { body: { EcsIds: ['ins-demand-cpu-ssd'] } });
    emu.advance(5);
    const mine = await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: ['ins-demand-cpu-ssd', 'ins-demand-cpu-local'] } });
    expect(Object.keys(mine.body.Data.EcsStatus)).toEqual(['ins-demand-cpu-local']);
  });

  it('EcsIds is required', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeInstanceStatus', { body: {} }), 400, 'MissingParameter', 'EcsIds');
    expectError(await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: [] } }), 400, 'InvalidParameter', 'EcsIds');
  });
});
