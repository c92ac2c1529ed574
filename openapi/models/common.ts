import { z } from '@hono/zod-openapi';
import { UpstreamId } from './ids';

/** What a refused value was, for a message: its JSON type and, when short, the value (fixed-set fields hold no secrets). */
function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  const type = Array.isArray(input) ? 'array' : typeof input;
  if (type === 'object' || type === 'array') return `an ${type}`;
  const text = JSON.stringify(input) ?? String(input);
  return text.length <= 40 ? `${type} ${text}` : `a ${type} of ${text.length} characters`;
}

/**
 * The refusal of a field with a fixed set of values names the set and what came instead, e.g.
 * `expected 0 or 1 (got boolean true)`: a type slip (true for 1, 0 for "0") explains itself.
 */
export const expectedOneOf = (values: readonly (string | number)[]) => {
  const shown = values.map((v) => JSON.stringify(v));
  const list = shown.length === 2 ? `${shown[0]} or ${shown[1]}` : `one of ${shown.join(', ')}`;
  return { error: (issue: { input?: unknown }) => `expected ${list} (got ${describeInput(issue.input)})` };
};

/** A 0/1 flag of the SDK (DeleteEip, ReleaseWithInstance, IsToMonth, ...): numbers only, not booleans or strings. */
export const binaryFlag = z.union([z.literal(0), z.literal(1)], expectedOneOf([0, 1]));

/** An enum whose refusal names its values (see expectedOneOf). */
export const fixedValues = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, expectedOneOf(values));

/** Billing method codes of the ECS SDK (`billingMethod` constants). */
export const BillingMethod = fixedValues(['0', '1'])
  .openapi('BillingMethod', { description: 'Billing method: "0" on demand (按需计费), "1" monthly (包月).', example: '0' });
export type BillingMethod = z.infer<typeof BillingMethod>;

/** The five power operations (`operate` constants of the SDK). */
export const OpType = fixedValues(['start_up_ecs', 'shutdown_ecs', 'hard_shutdown_ecs', 'restart_ecs', 'free_shutdown_ecs'])
  .openapi('OpType', {
    description:
      'Operation: start_up_ecs (开机), shutdown_ecs (关机), hard_shutdown_ecs (强制关机), restart_ecs (重启), ' +
      'free_shutdown_ecs (关机不计费; on-demand instances with a cloud system disk only).',
    example: 'restart_ecs',
  });
export type OpType = z.infer<typeof OpType>;

/** Instance status codes and their display names, as listed by the SDK document. */
export const INSTANCE_STATUS_DISPLAY = {
  building: '创建中',
  running: '运行中',
  restarting: '重启中',
  shutting_down: '关机中',
  shutdown: '已关机',
  starting_up: '开机中',
  deleting: '删除中',
  deleted: '已删除',
  destroying: '销毁中',
  destroy: '已销毁',
  recovering: '恢复中',
  updating: '更新中',
  error: '错误',
  failed: '创建失败',
  recycling: '回收中',
  cancel_recycling: '取消回收中',
  creating_image: '定制镜像中',
} as const;

export const InstanceStatus = z
  .enum(Object.keys(INSTANCE_STATUS_DISPLAY) as [keyof typeof INSTANCE_STATUS_DISPLAY, ...(keyof typeof INSTANCE_STATUS_DISPLAY)[]])
  .openapi('InstanceStatus', { description: 'Instance status code (云服务器状态).', example: 'running' });
export type InstanceStatus = z.infer<typeof InstanceStatus>;

/** Upstream times: `YYYY-MM-DD HH:mm:ss`, China time (UTC+8); empty string when not set. */
export const ChinaTime = z
  .string()
  .openapi({ description: 'Time as `YYYY-MM-DD HH:mm:ss`, China time (UTC+8); empty when not set.', example: '2026-01-02 11:04:05' });

export const EventIdData = z
  .object({ EventId: UpstreamId.openapi({ description: 'Event id; poll it at `/v1/events/{EventId}`.', example: '7e782a16-0bc9-11ed-a942-92d3bb445445' }) })
  .openapi('EventIdData', { description: 'Id of the asynchronous event an operation started.' });
export type EventIdData = z.infer<typeof EventIdData>;

export const ModifyInstanceNameResult = z
  .object({
    EcsId: z.string().openapi({ description: 'Instance id.', example: 'ins-7tusfmrri849r9tv' }),
    Name: z.string().openapi({ description: 'The new instance name.', example: 'web-01' }),
  })
  .openapi('ModifyInstanceNameResult', { description: 'Result of a rename: the instance and its new name.' });
export type ModifyInstanceNameResult = z.infer<typeof ModifyInstanceNameResult>;
