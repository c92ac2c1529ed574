import type { EventResultData, EventStatus } from '../../openapi/models';
import type { EventRecord } from '../store/types';
import { chinaTime } from './clock';
import type { TransitionKind } from '../store/types';
import { RESOURCE_DISPLAY, TASK_STATUS_DISPLAY } from './transitions';

/** doing while any task runs; then failed if any task failed, else success. */
export function eventStatus(e: EventRecord): EventStatus {
  if (e.Tasks.some((t) => t.Status === 'doing')) return 'doing';
  return e.Tasks.some((t) => t.Status === 'failed') ? 'failed' : 'success';
}

export function toEventResult(e: EventRecord, display: (kind: TransitionKind) => string): EventResultData {
  const status = eventStatus(e);
  return {
    EventId: e.EventId,
    EventStatus: status,
    EventStatusDisplay: TASK_STATUS_DISPLAY[status],
    EventType: e.EventType,
    EventTypeDisplay: display(e.EventType),
    CreateTime: chinaTime(e.CreateTime),
    TaskList: e.Tasks.map((t) => ({
      TaskId: t.TaskId,
      Status: t.Status,
      StatusDisplay: TASK_STATUS_DISPLAY[t.Status],
      ResourceId: t.ResourceId,
      CreateTime: chinaTime(t.CreateTime),
      UpdateTime: chinaTime(t.UpdateTime),
      EndTime: t.EndTime === null ? '' : chinaTime(t.EndTime),
      ResourceType: t.ResourceType,
      ResourceDisplay: RESOURCE_DISPLAY[t.ResourceType],
      TaskType: t.TaskType,
      TaskTypeDisplay: display(t.TaskType),
    })),
  };
}
