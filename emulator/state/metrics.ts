import { MONITOR_INDICATORS, type MetricSeries, type MonitorIndicator } from '../../openapi/models';
import type { InstanceRecord } from '../store/types';
import { chinaTime } from './clock';
import { GUEST_RUNS } from './guest';

// Metrics the emulator makes up: a deterministic function of the instance (id and spec), the
// metric and the sample time, so two reads of one window agree. A guest that does not run
// (shut down, building, …) reports zeros.

/** At most this many samples per series; the step is whole minutes, at least one. */
export const MAX_SAMPLES = 60;

interface Metric {
  unit: string;
  gpu?: true;
  disk?: true;
  /** The value for a load factor w in [0, 1]. */
  value: (w: number, i: InstanceRecord) => number;
}

const METRICS: Record<string, Metric> = {
  CpuUsage: { unit: '%', value: (w) => 5 + 55 * w },
  MemoryUsage: { unit: '%', value: (w) => 30 + 40 * w },
  Load1M: { unit: '', value: (w, i) => i.Spec.Cpu * (0.05 + 0.55 * w) },
  Load5M: { unit: '', value: (w, i) => i.Spec.Cpu * (0.1 + 0.4 * w) },
  Load15M: { unit: '', value: (w, i) => i.Spec.Cpu * (0.15 + 0.3 * w) },
  NetworkOutrate: { unit: 'Mbps', value: (w) => 2 + 20 * w },
  NetworkInrate: { unit: 'Mbps', value: (w) => 1 + 10 * w },
  DiskUsage: { unit: '%', disk: true, value: (w) => 20 + 5 * w },
  DiskReadThroughput: { unit: 'KB/s', disk: true, value: (w) => 100 + 4000 * w },
  DiskWriteThroughput: { unit: 'KB/s', disk: true, value: (w) => 50 + 2000 * w },
  DiskReadIops: { unit: 'count/s', disk: true, value: (w) => 10 + 500 * w },
  DiskWriteIops: { unit: 'count/s', disk: true, value: (w) => 5 + 250 * w },
  GpuUsage: { unit: '%', gpu: true, value: (w) => 10 + 80 * w },
  GpuMemoryUsage: { unit: '%', gpu: true, value: (w) => 20 + 60 * w },
  GpuTemperature: { unit: '℃', gpu: true, value: (w) => 35 + 45 * w },
  GpuClocksGraphics: { unit: 'MHz', gpu: true, value: (w) => 1000 + 800 * w },
  GpuClocksMemory: { unit: 'MHz', gpu: true, value: (w) => 5000 + 2000 * w },
};

/** FNV-1a of a text, in [0, 1). */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/** A daily wave with a per-instance phase plus a little per-sample noise, in [0, 1]. */
function loadFactor(ecsId: string, metric: string, t: number): number {
  const phase = unit(`${ecsId}/${metric}`) * 2 * Math.PI;
  const wave = 0.5 + 0.4 * Math.sin((2 * Math.PI * t) / 86_400_000 + phase);
  return Math.min(1, Math.max(0, wave + 0.1 * (unit(`${ecsId}/${metric}/${t}`) - 0.5)));
}

/** The sample times of [start, end] (ms): step a whole number of minutes, aligned to it. */
export function sampleTimes(start: number, end: number): number[] {
  const step = Math.max(1, Math.ceil((end - start) / 60_000 / MAX_SAMPLES)) * 60_000;
  const times: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end && times.length < MAX_SAMPLES; t += step) times.push(t);
  return times;
}

/** The series of `indicators` (default all) for the window; GPU series only for GPU instances. */
export function metricsOf(i: InstanceRecord, indicators: readonly MonitorIndicator[] | undefined, start: number, end: number): Record<string, MetricSeries> {
  const asked = indicators?.length ? indicators : (Object.keys(MONITOR_INDICATORS) as MonitorIndicator[]);
  const times = sampleTimes(start, end);
  const runs = GUEST_RUNS.includes(i.Status);
  const out: Record<string, MetricSeries> = {};
  for (const name of asked.flatMap((a) => MONITOR_INDICATORS[a])) {
    const m = METRICS[name]!;
    if (m.gpu && i.Spec.Gpu === 0) continue;
    out[name] = {
      Unit: m.unit,
      Device: m.disk ? i.SystemDisk.DiskId : null,
      Time: times.map(chinaTime),
      Value: times.map((t) => (runs ? Math.round(m.value(loadFactor(i.EcsId, name, t), i) * 100) / 100 : 0)),
    };
  }
  return out;
}
