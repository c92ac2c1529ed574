import { z } from '@hono/zod-openapi';
import { ChinaTime } from './common';

/** Status of an event and of each of its tasks, as this product (the emulator) produces them. */
export const EventStatus = z.enum(['doing', 'success', 'failed']);
export type EventStatus = z.infer<typeof EventStatus>;

// On the answers the field stays an open string: the gateway passes upstream data through, and a
// value the upstream adds one day must not break a strict generated client.
const EventStatusField = z
  .string()
  .openapi({ description: 'Status: doing (进行中), success (成功) or failed (失败); other upstream values are passed through.', example: 'success' });

/** What a task works on; the wire field stays a string for the same reason as EventType. */
export const ResourceType = z
  .enum(['ecs', 'disk', 'image', 'snapshot'])
  .openapi('ResourceType', { description: 'Resource of a task: ecs (云服务器), disk (云盘), image (镜像) or snapshot (快照).', example: 'ecs' });
export type ResourceType = z.infer<typeof ResourceType>;

/** One task of an event; on the wire every field is a string (the SDK document leaves them untyped). */
export const TaskListInfo = z
  .object({
    TaskId: z.string().openapi({ description: 'Task id (任务ID).', example: 'eaea8708-13c5-11ed-9210-3296060c3fb9' }),
    Status: EventStatusField,
    StatusDisplay: z.string().openapi({ description: 'Task status display name (任务状态显示名称).', example: '成功' }),
    ResourceId: z.string().openapi({ description: 'Id of the instance or disk the task works on (资源ID).', example: 'ins-klkyifuqgmq4cxes' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    UpdateTime: ChinaTime.openapi({ description: 'Last update time (更新时间), China time.' }),
    EndTime: ChinaTime.openapi({ description: 'End time (结束时间), China time; empty while the task runs.' }),
    ResourceType: z.string().openapi({
      description: 'Resource type (资源类型): ecs, disk, image or snapshot for the tasks this API starts; other upstream events may carry other values.',
      example: 'ecs',
    }),
    ResourceDisplay: z.string().openapi({ description: 'Resource type display name (资源显示名称).', example: '云服务器' }),
    TaskType: z.string().openapi({
      description: 'Task type (任务类型): the event type of the operation that started it (e.g. restart_ecs, create_ecs, extend_disk); see each operation for the types it starts.',
      example: 'restart_ecs',
    }),
    TaskTypeDisplay: z.string().openapi({ description: 'Task type display name (任务类型显示名称).', example: '重启云服务器' }),
  })
  .openapi('TaskListInfo');
export type TaskListInfo = z.infer<typeof TaskListInfo>;

export const EventResultData = z
  .object({
    EventId: z.string().openapi({ description: 'Event id (事件ID).', example: '2d01ed16-1231-11ed-b805-ae32005fa3a1' }),
    EventStatus: EventStatusField,
    EventStatusDisplay: z.string().openapi({ description: 'Event status display name (事件状态显示名称).', example: '成功' }),
    EventType: z.string().openapi({
      description: 'Event type (事件类型) of the operation that started it (e.g. restart_ecs, create_ecs, extend_disk); each operation documents the types it starts, and other upstream events carry their own.',
      example: 'restart_ecs',
    }),
    EventTypeDisplay: z.string().openapi({ description: 'Event type display name (事件类型显示名称).', example: '重启云服务器' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    TaskList: z.array(TaskListInfo).openapi({ description: 'One task per resource (任务列表).' }),
  })
  .openapi('EventResultData');
export type EventResultData = z.infer<typeof EventResultData>;
