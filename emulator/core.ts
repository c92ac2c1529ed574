import { FaultRegistry } from './control/faults';
import { Journal } from './control/journal';
import { TRANSITIONS } from './operations';
import { EmulatorClock, type ClockMode } from './state/clock';
import { BillingMeter } from './state/billing';
import { InstanceStateMachine, type Durations } from './state/machine';
import { EmulatorStore } from './store/store';
import { NamedSnapshots } from './store/world-state';
import type { AccessKey } from './store/types';
import { NonceCache } from './wire/nonces';

/** The emulator's state and services, shared by the wire app, the control API and in-process use. */
export interface EmulatorCore {
  store: EmulatorStore;
  machine: InstanceStateMachine;
  /** Charges on-demand servers on the emulator clock (the machine's follower). */
  meter: BillingMeter;
  clock: EmulatorClock;
  faults: FaultRegistry;
  journal: Journal;
  nonces: NonceCache;
  /** Named snapshots of each session's world (control API); a reset keeps them. */
  snapshots: NamedSnapshots;
  /** Real time, for Timestamp and nonce windows (never the emulator clock). */
  wallNow: () => number;
  /** How long a Hang fault holds a call when nobody aborts it. */
  hangCapMs: number;
}

export interface CoreOptions {
  accessKeys: AccessKey[];
  clock: ClockMode;
  durations?: Durations;
  seed?: unknown;
  random?: () => number;
  wallNow?: () => number;
  hangCapMs?: number;
}

export function createCore(o: CoreOptions): EmulatorCore {
  const wallNow = o.wallNow ?? Date.now;
  const clock = new EmulatorClock(o.clock, wallNow);
  const now = () => clock.now();
  const store = new EmulatorStore(o.accessKeys, now, o.seed);
  const machine = new InstanceStateMachine(clock, TRANSITIONS, o.durations);
  const meter = new BillingMeter(machine, () => store.catalog);
  machine.follower = meter;
  return {
    store,
    machine,
    meter,
    clock,
    faults: new FaultRegistry(o.random ?? Math.random),
    journal: new Journal(now),
    nonces: new NonceCache(),
    snapshots: new NamedSnapshots(),
    wallNow,
    hangCapMs: o.hangCapMs ?? 300_000,
  };
}

/**
 * The default seed, or the given seed JSON; also clears faults and the journal. On a bad seed
 * nothing changes (the store throws InvalidParameter before anything is cleared).
 */
export function resetCore(core: EmulatorCore, seed?: unknown): void {
  core.store.reset(seed);
  core.faults.clear();
  core.journal.clear();
}
