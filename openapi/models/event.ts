import { z } from '@hono/zod-openapi';
import { ChinaTime } from './common';

/** One task of an event; on the wire every field is a string (the SDK document leaves them untyped). */
export const TaskListInfo = z
  .object({
    TaskId: z.string().openapi({ description: 'Task id (任务ID).', example: 'eaea8708-13c5-11ed-9210-3296060c3fb9' }),
    Status: z.string().openapi({ description: 'Task status: doing, success or failed (任务状态).', example: 'success' }),
    StatusDisplay: z.string().openapi({ description: 'Task status display name (任务状态显示名称).', example: '成功' }),
    ResourceId: z.string().openapi({ description: 'Id of the instance or disk the task works on (资源ID).', example: 'ins-klkyifuqgmq4cxes' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    UpdateTime: ChinaTime.openapi({ description: 'Last update time (更新时间), China time.' }),
    EndTime: ChinaTime.openapi({ description: 'End time (结束时间), China time; empty while the task runs.' }),
    ResourceType: z.string().openapi({ description: 'Resource type: ecs or disk (资源类型).', example: 'ecs' }),
    ResourceDisplay: z.string().openapi({ description: 'Resource type display name (资源显示名称).', example: '云服务器' }),
    TaskType: z.string().openapi({ description: 'Task type (任务类型).', example: 'restart_ecs' }),
    TaskTypeDisplay: z.string().openapi({ description: 'Task type display name (任务类型显示名称).', example: '重启云服务器' }),
  })
  .openapi('TaskListInfo');
export type TaskListInfo = z.infer<typeof TaskListInfo>;

export const EventStatus = z.enum(['doing', 'success', 'failed']);

export const EventResultData = z
  .object({
    EventId: z.string().openapi({ description: 'Event id (事件ID).', example: '2d01ed16-1231-11ed-b805-ae32005fa3a1' }),
    EventStatus: z.string().openapi({ description: 'Event status: doing, success or failed (事件状态).', example: 'success' }),
    EventStatusDisplay: z.string().openapi({ description: 'Event status display name (事件状态显示名称).', example: '成功' }),
    EventType: z.string().openapi({ description: 'Event type: the OpType, change_ecs_config or extend_disk (事件类型).', example: 'restart_ecs' }),
    EventTypeDisplay: z.string().openapi({ description: 'Event type display name (事件类型显示名称).', example: '重启云服务器' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    TaskList: z.array(TaskListInfo).openapi({ description: 'One task per resource (任务列表).' }),
  })
  .openapi('EventResultData');
export type EventResultData = z.infer<typeof EventResultData>;
