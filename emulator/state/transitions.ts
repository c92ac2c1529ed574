import type { DiskFeature, EventStatus, InstanceStatus, ResourceType } from '../../openapi/models';
import type { AccountState, DiskRecord, DiskStatus, InstanceRecord, PendingTransition, TransitionKind } from '../store/types';

/** What a transition that ends works on. */
export interface TransitionEnd {
  account: AccountState;
  instance: InstanceRecord;
  disk?: DiskRecord;
  pending: PendingTransition;
}

/**
 * One row of the state machine (docs/upstream-protocol.md). Each operation that starts events
 * brings its rows (emulator/operations/); the machine runs them.
 */
export interface TransitionRule {
  /** Instance statuses the transition may start from. */
  allowedFrom: readonly InstanceStatus[];
  /** Instance status while it runs (null: the instance keeps its status, e.g. a disk extension). */
  passesThrough: InstanceStatus | null;
  /** Instance status when it ends (null: unchanged). */
  endsIn: InstanceStatus | null;
  defaultDurationS: number;
  resource: ResourceType;
  /** Display name of the event and task type (EventTypeDisplay / TaskTypeDisplay). */
  display: string;
  /** Disk status while it runs and when it ends (default: updating, then back to the status it had). */
  disk?: DiskPath;
  /** The disk's path instead when the item names an instance too (a disk created attached: building, mounting, running). */
  diskWithInstance?: DiskPath;
  /** The transition the instance takes at once when this one ends successfully (the billing life's chains). */
  next?: TransitionKind;
  /**
   * A row of the billing life (state/lifecycle.ts), which no wire call starts: a FailNextTransition
   * fault waits for the instance's next other transition, and free shutdown does not hold it back.
   */
  lifecycle?: true;
  /** What else happens when it ends successfully, after the status is set. */
  onEnd?: (end: TransitionEnd) => void;
  /** The same for a disk-only transition, which no instance takes part in. */
  onDiskEnd?: (end: DiskTransitionEnd) => void;
  /**
   * What happens when it ends either way, after onEnd (a snapshot becomes running or create_fail).
   * The only hook of a transition with neither instance nor disk.
   */
  onSettle?: (end: TransitionSettled) => void;
}

/**
 * The statuses a disk passes through while a transition runs, and the one it ends in (null: the
 * status it had). Several statuses share the transition's duration equally, one after the other.
 */
export interface DiskPath {
  passesThrough: DiskStatus | readonly [DiskStatus, ...DiskStatus[]];
  endsIn: DiskStatus | null;
}

/** The disk path of a transition item: with an instance, the rule's diskWithInstance when it has one. */
export const diskPathOf = (rule: TransitionRule, withInstance: boolean): DiskPath | undefined => (withInstance && rule.diskWithInstance) || rule.disk;

/** A transition that ended, successfully or not; `instance` is absent for an image or snapshot transition without one. */
export interface TransitionSettled {
  account: AccountState;
  instance?: InstanceRecord;
  disk?: DiskRecord;
  pending: PendingTransition;
  failed: boolean;
}

/** Resources whose events are served on /ebs/v1. */
export const EBS_RESOURCES: readonly ResourceType[] = ['disk', 'snapshot'];

/** What a disk-only transition that ends works on. */
export interface DiskTransitionEnd {
  account: AccountState;
  disk: DiskRecord;
  pending: PendingTransition;
}

export type TransitionTable = Readonly<Record<TransitionKind, TransitionRule>>;

/** While an instance is free-shutdown (不计费关机) only these may start; rename, password, resize and extend are refused. */
export const FREE_SHUTDOWN_ALLOWED: readonly TransitionKind[] = ['start_up_ecs', 'delete_ecs'];

export const TASK_STATUS_DISPLAY: Readonly<Record<EventStatus, string>> = { doing: '进行中', success: '成功', failed: '失败' };
export const RESOURCE_DISPLAY: Readonly<Record<ResourceType, string>> = { ecs: '云服务器', disk: '云盘', image: '镜像', snapshot: '快照' };

/** free_shutdown_ecs only stops billing for on-demand instances whose system disk is a cloud (ssd) disk. */
export const supportsFreeShutdown = (i: { BillingMethod: string; SystemDisk: { DiskFeature: DiskFeature } }) =>
  i.BillingMethod === '0' && i.SystemDisk.DiskFeature === 'ssd';
