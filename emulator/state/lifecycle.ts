import type { InstanceStatus } from '../../openapi/models';
import { EmulatorError } from '../errors';
import type { AccountState, InstanceRecord, LifecycleKind } from '../store/types';
import type { InstanceStateMachine } from './machine';
import type { TransitionRule } from './transitions';

// The billing life of a server: recycled when the account runs out of money (or by the control
// API), back through cancel_recycling after a recharge, destroyed when the grace runs out; deleted
// into the recycle bin, recovered from it, destroyed after its retention. Its rows live in the one
// transition table beside the operations' own; nothing on the wire starts them.

const HOUR_S = 3600;
/** How long an account in arrears keeps its recycled servers before they are destroyed. */
export const ARREARS_GRACE_S = 72 * HOUR_S;
/** How long a deleted server waits in the recycle bin before it is destroyed. */
export const RECYCLE_BIN_RETENTION_S = 7 * 24 * HOUR_S;
/** Destroyed servers kept as tombstones (status destroy) per account, newest last. */
export const TOMBSTONES_KEPT = 100;

/** Where a recycled or deleted server started from, and may go back to. */
export const RECYCLABLE_FROM: readonly InstanceStatus[] = ['running', 'shutdown', 'error'];

const backToPrior = ({ instance }: { instance: InstanceRecord }) => {
  instance.Status = instance.PriorStatus ?? 'shutdown';
  instance.PriorStatus = undefined;
};

export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleKind, TransitionRule>> = {
  // Trigger: the balance runs out (the meter; on-demand servers), or POST /_emulator/instances/{id}/recycle (any).
  recycle_ecs: {
    allowedFrom: RECYCLABLE_FROM, passesThrough: 'recycling', endsIn: null, defaultDurationS: ARREARS_GRACE_S, resource: 'ecs', display: '欠费回收云服务器',
    next: 'destroy_ecs', lifecycle: true,
  },
  // Trigger: a recharge that ends the arrears, or POST …/cancel-recycle.
  cancel_recycle_ecs: {
    allowedFrom: ['recycling'], passesThrough: 'cancel_recycling', endsIn: null, defaultDurationS: 10, resource: 'ecs', display: '取消回收云服务器',
    onEnd: backToPrior, lifecycle: true,
  },
  // Trigger: an instance deletion that ended (its delete_ecs row chains here).
  recycle_bin_ecs: {
    allowedFrom: [], passesThrough: 'deleted', endsIn: null, defaultDurationS: RECYCLE_BIN_RETENTION_S, resource: 'ecs', display: '回收站保留云服务器',
    next: 'destroy_ecs', lifecycle: true,
  },
  // Trigger: POST …/recover.
  recover_ecs: {
    allowedFrom: ['deleted'], passesThrough: 'recovering', endsIn: null, defaultDurationS: 10, resource: 'ecs', display: '恢复云服务器',
    onEnd: backToPrior, lifecycle: true,
  },
  // Trigger: the grace or the retention ran out (chained), or POST …/destroy.
  destroy_ecs: {
    allowedFrom: ['recycling', 'deleted'], passesThrough: 'destroying', endsIn: 'destroy', defaultDurationS: 10, resource: 'ecs', display: '销毁云服务器',
    lifecycle: true,
    onEnd: ({ account, instance }) => toTombstone(account, instance),
  },
};

/**
 * Statuses of the billing life in which a server is held: every action is refused (409
 * InvalidInstanceStatus), even those allowed in any other status (a rename).
 */
export const HELD_STATUSES: readonly InstanceStatus[] = ['recycling', 'cancel_recycling', 'recovering', 'destroying', 'deleted', 'destroy'];

/** Refuses a synchronous action on a held server, as the transitions' allowedFrom refuse the others. */
export function assertNotHeld(instance: InstanceRecord): void {
  if (HELD_STATUSES.includes(instance.Status))
    throw new EmulatorError('InvalidInstanceStatus', `instance ${instance.EcsId} is ${instance.Status}: it is held by its billing life and takes no action until it is back`);
}

/** A destroyed server: out of the account's instances, its disks gone with it; only a tombstone stays in the recycle bin. */
function toTombstone(account: AccountState, instance: InstanceRecord): void {
  account.Instances.delete(instance.EcsId);
  account.RecycleBin.delete(instance.EcsId); // re-inserted last: the newest tombstone
  account.RecycleBin.set(instance.EcsId, instance);
  instance.PriorStatus = undefined;
  instance.PublicIps = [];
  const tombs = [...account.RecycleBin.values()].filter((i) => i.Status === 'destroy');
  for (const old of tombs.slice(0, Math.max(0, tombs.length - TOMBSTONES_KEPT))) account.RecycleBin.delete(old.EcsId);
}

/** An instance deletion ended: the server moves to the recycle bin (its delete_ecs row chains recycle_bin_ecs). */
export function toRecycleBin(account: AccountState, instance: InstanceRecord, priorStatus: InstanceStatus | undefined): void {
  account.Instances.delete(instance.EcsId);
  account.RecycleBin.set(instance.EcsId, instance);
  instance.PriorStatus = priorStatus;
}

/** The account's server, listed or in the recycle bin. */
export function findServer(account: AccountState, ecsId: string): InstanceRecord | undefined {
  return account.Instances.get(ecsId) ?? account.RecycleBin.get(ecsId);
}

/** Recycles servers (recycle_ecs) from `at`; each keeps the status it had to go back to. */
export function recycle(machine: InstanceStateMachine, account: AccountState, instances: readonly InstanceRecord[], at?: number) {
  machine.assertCanTake('recycle_ecs', instances);
  for (const i of instances) i.PriorStatus = i.Status;
  return machine.start(account, 'recycle_ecs', instances.map((instance) => ({ instance })), at);
}

/** Cancels the recycling (its pending recycle_ecs is cut short): cancel_recycling, then the status it had. */
export function cancelRecycle(machine: InstanceStateMachine, account: AccountState, instances: readonly InstanceRecord[]) {
  if (account.Billing.InArrears && instances.some((i) => i.BillingMethod === '0'))
    throw new EmulatorError('InvalidInstanceStatus', `the account is in arrears (balance 0): recharge it (POST /_emulator/billing) and its on-demand servers come back`);
  machine.assertCanTake('cancel_recycle_ecs', instances);
  return machine.start(account, 'cancel_recycle_ecs', instances.map((instance) => ({ instance })));
}

/** Takes a deleted server out of the recycle bin: listed again at once as recovering, then the status it had. */
export function recover(machine: InstanceStateMachine, account: AccountState, instance: InstanceRecord) {
  machine.assertCanTake('recover_ecs', [instance]);
  account.RecycleBin.delete(instance.EcsId);
  account.Instances.set(instance.EcsId, instance);
  return machine.start(account, 'recover_ecs', [{ instance }]);
}

/** Destroys a recycling or deleted server now, without waiting for its grace or retention. */
export function destroy(machine: InstanceStateMachine, account: AccountState, instance: InstanceRecord) {
  machine.assertCanTake('destroy_ecs', [instance]);
  return machine.start(account, 'destroy_ecs', [{ instance }]);
}
