import { describeInstanceMonitor } from '../../../openapi/operations/instances';
import { MAX_MONITOR_HOURS } from '../../../openapi/models';
import { invalidParameter } from '../../errors';
import { metricsOf } from '../../state/metrics';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';

/** `YYYY-MM-DD HH:mm:ss` (any spaces between), China time → ms. */
const fromChinaTime = (text: string) => Date.parse(`${text.replace(/ +/, 'T')}+08:00`);

/** The window: StartTime–EndTime, or the TimeInterval hours (default 1) before EndTime (default now). */
export const describeInstanceMonitorBehaviour = implement(describeInstanceMonitor, {
  message: '获取云服务器监控数据成功',
  run: (ctx, req) => {
    const instance = instanceOrThrow(ctx, req.EcsId);
    const end = req.EndTime !== undefined ? fromChinaTime(req.EndTime) : ctx.clock.now();
    const start = req.StartTime !== undefined ? fromChinaTime(req.StartTime) : end - Number(req.TimeInterval ?? '1') * 3_600_000;
    if (Number.isNaN(start) || Number.isNaN(end)) throw invalidParameter('StartTime/EndTime', 'not a valid date and time');
    if (start >= end) throw invalidParameter('StartTime', 'must be before EndTime');
    if (end - start > MAX_MONITOR_HOURS * 3_600_000) throw invalidParameter('StartTime', `the window must be at most ${MAX_MONITOR_HOURS} hours`);
    return metricsOf(instance, req.Indicators, start, end);
  },
});
