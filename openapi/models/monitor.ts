import { z } from '@hono/zod-openapi';
import { fixedValues } from './common';
import { resourceId } from './ids';

// DescribeInstanceMonitor: an instance's metrics over a time window, as parallel Time/Value arrays.

/** What a request may ask for; several expand to more than one series (Load → Load1M/5M/15M). */
export const MONITOR_INDICATORS = {
  CpuUsage: ['CpuUsage'],
  MemoryUsage: ['MemoryUsage'],
  Load: ['Load1M', 'Load5M', 'Load15M'],
  NetworkRate: ['NetworkOutrate', 'NetworkInrate'],
  DiskUsage: ['DiskUsage'],
  DiskThroughput: ['DiskReadThroughput', 'DiskWriteThroughput'],
  DiskIops: ['DiskReadIops', 'DiskWriteIops'],
  GpuUsage: ['GpuUsage'],
  GpuMemoryUsage: ['GpuMemoryUsage'],
  GpuTemperature: ['GpuTemperature'],
  GpuClocksGraphics: ['GpuClocksGraphics'],
  GpuClocksMemory: ['GpuClocksMemory'],
} as const;
export type MonitorIndicator = keyof typeof MONITOR_INDICATORS;
export const MonitorIndicator = fixedValues(Object.keys(MONITOR_INDICATORS) as [MonitorIndicator, ...MonitorIndicator[]]).openapi('MonitorIndicator', {
  description: 'A metric to read (监控指标).',
  example: 'CpuUsage',
});

/** `YYYY-MM-DD HH:mm:ss`, China time; the published sample puts two spaces between date and time, which is accepted. */
const MonitorTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} +\d{2}:\d{2}:\d{2}$/, 'must be YYYY-MM-DD HH:mm:ss')
  .openapi({ description: 'China time (UTC+8), `YYYY-MM-DD HH:mm:ss`.', example: '2026-01-02 10:00:00' });

export const MAX_MONITOR_HOURS = 24 * 31;

export const DescribeInstanceMonitorReq = z
  .object({
    EcsId: resourceId('an instance').openapi({ description: 'Instance id (实例ID).', example: 'ins-demand-cpu-ssd' }),
    TimeInterval: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of hours')
      .refine((v) => Number(v) >= 1 && Number(v) <= MAX_MONITOR_HOURS, `must be 1–${MAX_MONITOR_HOURS} hours`)
      .optional()
      .openapi({ description: `The last this many hours (时间间隔), 1–${MAX_MONITOR_HOURS}; default 1. Ignored when StartTime is given.`, example: '1' }),
    StartTime: MonitorTime.optional(),
    EndTime: MonitorTime.optional(),
    Indicators: z.array(MonitorIndicator).max(Object.keys(MONITOR_INDICATORS).length).optional().openapi({ description: 'Metrics to read; default all.', example: ['CpuUsage'] }),
  })
  .openapi('DescribeInstanceMonitorReq');
export type DescribeInstanceMonitorReq = z.infer<typeof DescribeInstanceMonitorReq>;

export const MetricSeries = z
  .object({
    Unit: z.string().openapi({ description: 'Unit of the values.', example: '%' }),
    Device: z.string().nullable().openapi({ description: 'The device (disk, card) the series is of; null for the whole instance.', example: null }),
    Time: z.array(z.string()).openapi({ description: 'Sample times, China time.', example: ['2026-01-02 10:05:00'] }),
    Value: z.array(z.number()).openapi({ description: 'The value at each of Time.', example: [12.5] }),
  })
  .openapi('MetricSeries');
export type MetricSeries = z.infer<typeof MetricSeries>;

export const DescribeInstanceMonitorResult = z.record(z.string(), MetricSeries).openapi('DescribeInstanceMonitorResult', {
  description: 'Series by metric name (CpuUsage, Load1M, NetworkOutrate, …).',
});
export type DescribeInstanceMonitorResult = z.infer<typeof DescribeInstanceMonitorResult>;
