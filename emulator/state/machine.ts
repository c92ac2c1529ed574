import type { EventStatus } from '../../openapi/models';
import { EmulatorError } from '../errors';
import type { AccountState, DiskRecord, DiskStatus, EventRecord, InstanceRecord, PendingTransition, TransitionKind } from '../store/types';
import type { EmulatorClock } from './clock';
import { diskPathOf, EBS_RESOURCES, FREE_SHUTDOWN_ALLOWED, type TransitionTable } from './transitions';

export type Durations = Partial<Record<TransitionKind, number>>;

/**
 * Something else that runs on the emulator clock between transitions (the billing meter): the
 * machine lets it catch up to each due time before that transition ends. It answers how far it
 * got: earlier than `until` when it started transitions of its own at that moment.
 */
export interface ClockFollower {
  advance(account: AccountState, until: number): number;
}

/**
 * What one transition works on: an instance, one of its disks, a disk alone (created, deleted), or
 * neither (an image or snapshot transition: `resourceId` names its task's resource).
 */
export interface TransitionItem {
  instance?: InstanceRecord;
  disk?: DiskRecord;
  resourceId?: string;
  extra?: Pick<PendingTransition, 'DeleteEip' | 'WithSnapshots' | 'NewSize' | 'TargetFamily' | 'TargetSpec' | 'PriorStatus' | 'ImageId' | 'SnapshotId' | 'NewSnapshotId' | 'TargetZones' | 'AutoTurnOn'>;
}

/**
 * Runs a transition table on the emulator clock. Transitions settle lazily: every read or
 * operation calls settle() first, which finishes the transitions that are due, in due order.
 */
export class InstanceStateMachine {
  private seq = 0;
  /** Set once by the core (the meter needs the machine to recycle servers). */
  follower?: ClockFollower;

  constructor(
    private readonly clock: EmulatorClock,
    readonly transitions: TransitionTable,
    private readonly durations: Durations = {},
  ) {}

  /** After a restore: new transitions are numbered after the restored ones (due-order ties). */
  resumeAfter(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }

  durationS(kind: TransitionKind): number {
    return this.durations[kind] ?? this.transitions[kind].defaultDurationS;
  }

  /** Display name of an event or task type. */
  readonly display = (kind: TransitionKind): string => this.transitions[kind]?.display ?? kind;

  /**
   * Everything due by now, in time order (ties in start order): a chained disk path's next
   * status, or a transition's end. A transition ending may start another; it is settled too once due.
   */
  settle(account: AccountState): void {
    const now = this.clock.now();
    // One step at a time: an ending transition may start the next (a chain), a follower (the
    // billing meter) sees each change at its own time, and a chained disk path's next status
    // comes in its place in time.
    for (;;) {
      const next = nextStep(account.Pending, now);
      const until = next?.at ?? now;
      if (this.follower && this.follower.advance(account, until) < until) continue;
      if (!next) return;
      const p = next.pending;
      if (next.stage) {
        p.DiskStages!.shift();
        if (!p.DiskStages!.length) delete p.DiskStages;
        const disk = diskOf(account, p);
        if (disk) disk.Status = next.stage;
        continue;
      }
      account.Pending = account.Pending.filter((x) => x !== p);
      this.finish(account, p);
    }
  }

  /** Refuses the whole batch (409, naming the ids) when any instance cannot take the transition. */
  assertCanTake(kind: TransitionKind, instances: readonly InstanceRecord[]): void {
    const rule = this.transitions[kind];
    const freeShutdown = (i: InstanceRecord) => i.NoChargeForShutdown === 1 && !rule.lifecycle && !FREE_SHUTDOWN_ALLOWED.includes(kind);
    const refused = instances.filter((i) => !rule.allowedFrom.includes(i.Status) || freeShutdown(i));
    if (refused.length === 0) return;
    const why = refused.map((i) => `${i.EcsId} is ${i.Status}${freeShutdown(i) ? ` (free shutdown: only ${FREE_SHUTDOWN_ALLOWED.join(' and ')} are allowed)` : ''}`);
    throw new EmulatorError(
      'InvalidInstanceStatus',
      `instances ${refused.map((i) => i.EcsId).join(',')} cannot take ${kind} (allowed from: ${rule.allowedFrom.join(', ')}): ${why.join('; ')}`,
    );
  }

  /** Starts one transition per item under one event; the caller has checked every rule. `at`: a due time already past (chains, the meter). */
  start(account: AccountState, kind: TransitionKind, items: readonly TransitionItem[], at = this.clock.now()): EventRecord {
    const rule = this.transitions[kind];
    const now = at;
    const event: EventRecord = { EventId: crypto.randomUUID(), EventType: kind, Service: EBS_RESOURCES.includes(rule.resource) ? 'ebs' : 'ecs', CreateTime: now, Tasks: [] };
    for (const { instance, disk, resourceId, extra } of items) {
      if (instance && rule.resource === 'ecs') this.interrupt(account, instance.EcsId, now);
      const TaskId = crypto.randomUUID();
      event.Tasks.push({
        TaskId,
        ResourceId: resourceId ?? disk?.DiskId ?? instance?.EcsId ?? '',
        ResourceType: rule.resource,
        TaskType: kind,
        Status: 'doing',
        CreateTime: now,
        UpdateTime: now,
        EndTime: null,
      });
      if (instance && rule.passesThrough) instance.Status = rule.passesThrough;
      const DiskWas = disk?.Status;
      const durationMs = this.durationS(kind) * 1000;
      const [first, ...later] = [diskPathOf(rule, !!instance)?.passesThrough ?? 'updating'].flat();
      if (disk) disk.Status = first!;
      // Each status of a chained path holds for an equal share of the duration.
      const DiskStages = disk && later.length ? later.map((Status, i) => ({ Status, At: now + Math.round(((i + 1) * durationMs) / (later.length + 1)) })) : undefined;
      account.Pending.push({
        Seq: ++this.seq,
        Kind: kind,
        EventId: event.EventId,
        TaskId,
        EcsId: instance?.EcsId,
        DiskId: disk?.DiskId,
        DiskWas,
        ...(DiskStages && { DiskStages }),
        DueAt: now + durationMs,
        Fail: (!rule.lifecycle && instance?.FailNextTransition) || false,
        ...extra,
      });
      if (instance && !rule.lifecycle) instance.FailNextTransition = false;
    }
    account.Events.set(event.EventId, event);
    return event;
  }

  /** hard_shutdown_ecs cuts a running start or restart short: that task ends failed now. */
  private interrupt(account: AccountState, ecsId: string, now: number): void {
    // A password change holds no status of its own: it is not cut short.
    const cut = account.Pending.filter((p) => p.EcsId === ecsId && this.transitions[p.Kind].resource === 'ecs' && this.transitions[p.Kind].passesThrough !== null);
    if (cut.length === 0) return;
    account.Pending = account.Pending.filter((p) => !cut.includes(p));
    for (const p of cut) this.endTask(account, p, 'failed', now);
  }

  private finish(account: AccountState, p: PendingTransition): void {
    const rule = this.transitions[p.Kind];
    if (p.EcsId === undefined) {
      if (p.DiskId) return this.finishDiskOnly(account, p, rule);
      // An image or snapshot transition with neither instance nor disk: only its own hook applies.
      rule.onSettle?.({ account, pending: p, failed: p.Fail });
      return this.endTask(account, p, p.Fail ? 'failed' : 'success', p.DueAt);
    }
    // Deleted instances wait in the recycle bin, where their own transitions find them.
    const instance = account.Instances.get(p.EcsId) ?? account.RecycleBin.get(p.EcsId);
    if (!instance) return this.endTask(account, p, 'failed', p.DueAt);
    const disk = p.DiskId ? [instance.SystemDisk, ...instance.DataDisks].find((d) => d.DiskId === p.DiskId) : undefined;
    if (disk) disk.Status = diskPathOf(rule, true)?.endsIn ?? p.DiskWas ?? 'running';
    // A create can also be failed while it builds: the instance exists only from the create's answer on.
    const fail = p.Fail || (p.Kind === 'create_ecs' && instance.FailNextTransition);
    if (fail) {
      if (p.Kind === 'create_ecs') instance.FailNextTransition = false;
      instance.Status = p.Kind === 'create_ecs' ? 'failed' : 'error';
      rule.onSettle?.({ account, instance, disk, pending: p, failed: true });
      return this.endTask(account, p, 'failed', p.DueAt);
    }
    if (rule.endsIn) instance.Status = rule.endsIn;
    rule.onEnd?.({ account, instance, disk, pending: p });
    rule.onSettle?.({ account, instance, disk, pending: p, failed: false });
    this.endTask(account, p, 'success', p.DueAt);
    if (rule.next) this.start(account, rule.next, [{ instance }], p.DueAt);
  }

  /** A disk alone (no instance): it takes the row's disk status, then the row's onDiskEnd runs. */
  private finishDiskOnly(account: AccountState, p: PendingTransition, rule: TransitionTable[TransitionKind]): void {
    const disk = account.KeptDisks.find((d) => d.DiskId === p.DiskId);
    if (!disk) return this.endTask(account, p, 'failed', p.DueAt);
    disk.Status = diskPathOf(rule, false)?.endsIn ?? p.DiskWas ?? 'waiting';
    rule.onDiskEnd?.({ account, disk, pending: p });
    this.endTask(account, p, 'success', p.DueAt);
  }

  private endTask(account: AccountState, p: PendingTransition, status: Exclude<EventStatus, 'doing'>, at: number): void {
    const task = account.Events.get(p.EventId)?.Tasks.find((t) => t.TaskId === p.TaskId);
    if (!task) return;
    task.Status = status;
    task.UpdateTime = at;
    task.EndTime = at;
  }
}

/** The earliest step due by `now`: a chained disk status (`stage`) or a transition's end. */
function nextStep(pending: readonly PendingTransition[], now: number): { pending: PendingTransition; stage?: DiskStatus; at: number } | undefined {
  let best: { pending: PendingTransition; stage?: DiskStatus; at: number } | undefined;
  for (const p of pending) {
    const stage = p.DiskStages?.[0];
    const step = stage && stage.At <= p.DueAt ? { pending: p, stage: stage.Status, at: stage.At } : { pending: p, at: p.DueAt };
    if (step.at > now) continue;
    if (!best || step.at < best.at || (step.at === best.at && p.Seq < best.pending.Seq)) best = step;
  }
  return best;
}

/** The disk a transition works on: on its instance, or detached. */
function diskOf(account: AccountState, p: PendingTransition): DiskRecord | undefined {
  const instance = p.EcsId === undefined ? undefined : account.Instances.get(p.EcsId);
  const disks = instance ? [instance.SystemDisk, ...instance.DataDisks] : account.KeptDisks;
  return disks.find((d) => d.DiskId === p.DiskId);
}
