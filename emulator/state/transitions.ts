import type { DiskFeature, EventStatus, InstanceStatus, ResourceType } from '../../openapi/models';
import type { TransitionKind } from '../store/types';

export interface TransitionRule {
  /** Instance statuses the transition may start from. */
  allowedFrom: readonly InstanceStatus[];
  /** Instance status while it runs (null: the instance keeps its status, e.g. a disk extension). */
  passesThrough: InstanceStatus | null;
  /** Instance status when it ends (null: unchanged). */
  endsIn: InstanceStatus | null;
  defaultDurationS: number;
  resource: ResourceType;
}

/** The instance state machine, one row per OpType / action (docs/upstream-protocol.md). */
export const TRANSITIONS: Readonly<Record<TransitionKind, TransitionRule>> = {
  start_up_ecs: { allowedFrom: ['shutdown'], passesThrough: 'starting_up', endsIn: 'running', defaultDurationS: 8, resource: 'ecs' },
  shutdown_ecs: { allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8, resource: 'ecs' },
  hard_shutdown_ecs: { allowedFrom: ['running', 'restarting', 'starting_up'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 3, resource: 'ecs' },
  restart_ecs: { allowedFrom: ['running'], passesThrough: 'restarting', endsIn: 'running', defaultDurationS: 12, resource: 'ecs' },
  free_shutdown_ecs: { allowedFrom: ['running'], passesThrough: 'shutting_down', endsIn: 'shutdown', defaultDurationS: 8, resource: 'ecs' },
  change_ecs_config: { allowedFrom: ['shutdown'], passesThrough: 'updating', endsIn: 'shutdown', defaultDurationS: 10, resource: 'ecs' },
  extend_disk: { allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 6, resource: 'disk' },
  // New instances start building; no existing instance can "take" a create.
  create_ecs: { allowedFrom: [], passesThrough: 'building', endsIn: 'running', defaultDurationS: 15, resource: 'ecs' },
  // Not mid-transition (wait for it to end) and not while building; the instance is removed when it ends.
  delete_ecs: { allowedFrom: ['running', 'shutdown', 'error', 'failed'], passesThrough: 'deleting', endsIn: null, defaultDurationS: 5, resource: 'ecs' },
  // The guest agent changes the password: the instance must be up or cleanly down, and keeps its status.
  reset_pwd: { allowedFrom: ['running', 'shutdown'], passesThrough: null, endsIn: null, defaultDurationS: 3, resource: 'ecs' },
};

/** While an instance is free-shutdown (不计费关机) only these may start; rename, password, resize and extend are refused. */
export const FREE_SHUTDOWN_ALLOWED: readonly TransitionKind[] = ['start_up_ecs', 'delete_ecs'];

/** Display names of event and task types (EventTypeDisplay / TaskTypeDisplay). */
export const EVENT_TYPE_DISPLAY: Readonly<Record<TransitionKind, string>> = {
  start_up_ecs: '开机云服务器',
  shutdown_ecs: '关机云服务器',
  hard_shutdown_ecs: '强制关机云服务器',
  restart_ecs: '重启云服务器',
  free_shutdown_ecs: '关机不计费',
  change_ecs_config: '更变云服务器规格',
  extend_disk: '云盘扩容',
  create_ecs: '创建云服务器',
  delete_ecs: '删除云服务器',
  reset_pwd: '重置密码',
};

export const TASK_STATUS_DISPLAY: Readonly<Record<EventStatus, string>> = { doing: '进行中', success: '成功', failed: '失败' };
export const RESOURCE_DISPLAY: Readonly<Record<ResourceType, string>> = { ecs: '云服务器', disk: '云盘' };

/** free_shutdown_ecs only stops billing for on-demand instances whose system disk is a cloud (ssd) disk. */
export const supportsFreeShutdown = (i: { BillingMethod: string; SystemDisk: { DiskFeature: DiskFeature } }) =>
  i.BillingMethod === '0' && i.SystemDisk.DiskFeature === 'ssd';
