import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../emulator';
import { DescribeInstanceMonitorResult } from '../../../openapi/models';
import { call, expectError, expectModel, newEmulator, operate } from '../../helpers/emulator-client';

const monitor = (emu: ReturnType<typeof newEmulator>, body: Record<string, unknown>) => call(emu, 'DescribeInstanceMonitor', { body });

describe('DescribeInstanceMonitor', () => {
  it('every CPU metric of a running instance over the last hour, parallel Time/Value arrays, the same on a second read', async () => {
    const emu = newEmulator();
    const r = await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd });
    expect(r.status, r.text).toBe(200);
    const data = expectModel(DescribeInstanceMonitorResult, r.body.Data);
    expect(Object.keys(data).sort()).toEqual(
      ['CpuUsage', 'MemoryUsage', 'Load1M', 'Load5M', 'Load15M', 'NetworkOutrate', 'NetworkInrate', 'DiskUsage', 'DiskReadThroughput', 'DiskWriteThroughput', 'DiskReadIops', 'DiskWriteIops'].sort(),
    );
    const cpu = data.CpuUsage!;
    expect(cpu.Unit).toBe('%');
    expect(cpu.Time).toHaveLength(60);
    expect(cpu.Value).toHaveLength(60);
    expect(cpu.Time[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/);
    expect(cpu.Value.every((v) => v >= 5 && v <= 60)).toBe(true);
    expect(new Set(cpu.Value).size).toBeGreaterThan(1);
    // Load follows the spec: the seed instance has 4 cores.
    expect(Math.max(...data.Load1M!.Value)).toBeLessThanOrEqual(4 * 0.6);
    expect((await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd })).body.Data).toEqual(r.body.Data);
  });

  it('Indicators and a StartTime–EndTime window narrow it; GPU series only for GPU instances', async () => {
    const emu = newEmulator();
    const r = await monitor(emu, { EcsId: SEED_IDS.demandGpuSsd, Indicators: ['GpuUsage', 'Load'], StartTime: '2026-01-02  10:00:00', EndTime: '2026-01-02 10:10:00' });
    expect(r.status, r.text).toBe(200);
    expect(Object.keys(r.body.Data).sort()).toEqual(['GpuUsage', 'Load15M', 'Load1M', 'Load5M']);
    expect(r.body.Data.GpuUsage.Time).toEqual(Array.from({ length: 11 }, (_, k) => `2026-01-02 10:${String(k).padStart(2, '0')}:00`));
    const cpuOnly = await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, Indicators: ['GpuUsage', 'CpuUsage'] });
    expect(Object.keys(cpuOnly.body.Data)).toEqual(['CpuUsage']);
  });

  it('zeros while the instance is shut down', async () => {
    const emu = newEmulator();
    await operate(emu, [SEED_IDS.demandCpuSsd], 'shutdown_ecs');
    emu.advance(120);
    const r = await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, Indicators: ['CpuUsage', 'NetworkRate'] });
    expect(r.status).toBe(200);
    for (const series of Object.values(r.body.Data) as { Value: number[] }[]) {
      expect(series.Value.length).toBeGreaterThan(0);
      expect(series.Value.every((v) => v === 0)).toBe(true);
    }
  });

  it('refuses an unknown instance, an unknown indicator, a reversed or too long window', async () => {
    const emu = newEmulator();
    expectError(await monitor(emu, { EcsId: 'ins-nope' }), 404, 'InstanceNotFound');
    expectError(await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, Indicators: ['Fan'] }), 400, 'InvalidParameter', 'Indicators');
    expectError(await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, StartTime: '2026-01-02 10:00:00', EndTime: '2026-01-02 09:00:00' }), 400, 'InvalidParameter', 'StartTime');
    expectError(await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, StartTime: '2025-01-02 10:00:00', EndTime: '2026-01-02 09:00:00' }), 400, 'InvalidParameter', 'at most');
    expectError(await monitor(emu, { EcsId: SEED_IDS.demandCpuSsd, TimeInterval: '0' }), 400, 'InvalidParameter', 'TimeInterval');
  });
});
