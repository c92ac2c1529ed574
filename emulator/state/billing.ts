import type { AccountSubject, InstanceStatus } from '../../openapi/models';
import type { Catalog } from '../store/catalog';
import type { AccountState, InstanceRecord } from '../store/types';
import { RECYCLABLE_FROM, cancelRecycle, recycle } from './lifecycle';
import type { ClockFollower, InstanceStateMachine } from './machine';

// The billing meter: on-demand servers are charged from the price table while they run, on the
// emulator clock, settled lazily as transitions are (the machine lets it catch up before each
// due transition ends, so every status counts for exactly the time it held). Monthly servers are
// paid for their term. The first billing subject of the account pays; without one nothing is charged.

/** Statuses the meter charges: the server is up, or on its way up or down. */
export const METERED: readonly InstanceStatus[] = ['running', 'restarting', 'shutting_down', 'starting_up'];

const HOUR_MS = 3_600_000;

/** Yuan per hour of one on-demand server (cores, memory, cards and every disk's GB), as a price quote prices it. */
export function hourlyPrice(catalog: Catalog, i: InstanceRecord): number {
  if (i.BillingMethod !== '0') return 0;
  const row = catalog.Prices.Specs.find((p) => p.AvailableZoneCode === i.AvailableZoneCode && p.EcsFamilyName === i.EcsFamilyName);
  const spec = row ? i.Spec.Cpu * row.Cpu.Hourly + i.Spec.Ram * row.Ram.Hourly + i.Spec.Gpu * row.Gpu.Hourly : 0;
  const disks = [i.SystemDisk, ...i.DataDisks].reduce((sum, d) => sum + d.Size * catalog.Prices.Disks[d.DiskFeature].Hourly, 0);
  return spec + disks;
}

export const isMetered = (i: InstanceRecord) => i.BillingMethod === '0' && METERED.includes(i.Status);

/** What the account pays per hour right now. */
export const hourlyCharge = (catalog: Catalog, account: AccountState) =>
  [...account.Instances.values()].filter(isMetered).reduce((sum, i) => sum + hourlyPrice(catalog, i), 0);

/** The subject the meter charges. */
export const payingSubject = (account: AccountState): AccountSubject | undefined => account.Subjects[0];

export class BillingMeter implements ClockFollower {
  constructor(
    private readonly machine: InstanceStateMachine,
    private readonly catalog: () => Catalog,
  ) {}

  advance(account: AccountState, until: number): number {
    const billing = account.Billing;
    const from = billing.MeteredUntil;
    if (billing.InArrears) this.recycleOnDemand(account, from);
    if (until <= from) return until;
    const subject = payingSubject(account);
    const perMs = subject ? hourlyCharge(this.catalog(), account) / HOUR_MS : 0;
    const cost = perMs * (until - from);
    if (!subject || billing.InArrears || perMs === 0 || cost < subject.Balance) {
      if (subject && !billing.InArrears) subject.Balance -= cost;
      billing.MeteredUntil = until;
      return until;
    }
    // The money runs out before `until`: from that millisecond the account is in arrears.
    const runOut = Math.min(until, from + Math.ceil(subject.Balance / perMs));
    subject.Balance = 0;
    billing.MeteredUntil = runOut;
    this.runOut(account, runOut);
    return runOut < until ? runOut : until;
  }

  /** The balance is gone (spent, or set to 0 by the control API): arrears from `at`. */
  runOut(account: AccountState, at: number): void {
    account.Billing.InArrears = true;
    this.recycleOnDemand(account, at);
  }

  /**
   * Sets the paying subject's balance (the control API; the caller settled the account first): 0
   * runs it out; a positive balance ends the arrears, and every recycling server is cancelled back.
   */
  setBalance(account: AccountState, balance: number, at: number): void {
    const subject = payingSubject(account);
    if (!subject) return;
    subject.Balance = balance;
    if (balance <= 0) return this.runOut(account, at);
    if (!account.Billing.InArrears) return;
    account.Billing.InArrears = false;
    const recycling = [...account.Instances.values()].filter((i) => i.Status === 'recycling');
    if (recycling.length) cancelRecycle(this.machine, account, recycling);
  }

  /** A recharge: the amount is added to the balance and to the subject's income. */
  recharge(account: AccountState, amount: number, at: number): void {
    const subject = payingSubject(account);
    if (!subject) return;
    subject.Income += amount;
    this.setBalance(account, subject.Balance + amount, at);
  }

  /** In arrears, every on-demand server that can be recycled is, at `at`; one mid-transition follows when its transition ends. */
  private recycleOnDemand(account: AccountState, at: number): void {
    const due = [...account.Instances.values()].filter((i) => i.BillingMethod === '0' && RECYCLABLE_FROM.includes(i.Status));
    if (due.length) recycle(this.machine, account, due, at);
  }
}
