import { UPSTREAM_ACTIONS, type EcsService, type SdkMethodName } from '../openapi/upstream/actions';
import { ACTION_HANDLERS } from './actions';
import type { WireInput } from './actions/context';
import { FaultRegistry } from './control/faults';
import { Journal } from './control/journal';
import { EmulatorClock, type ClockMode } from './state/clock';
import { InstanceStateMachine, type Durations } from './state/machine';
import { EmulatorStore } from './store/store';
import type { AccessKey, AccountState } from './store/types';
import { NonceCache } from './wire/nonces';

/** The emulator's state and services, shared by the wire app, the control API and in-process use. */
export interface EmulatorCore {
  store: EmulatorStore;
  machine: InstanceStateMachine;
  clock: EmulatorClock;
  faults: FaultRegistry;
  journal: Journal;
  nonces: NonceCache;
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
  return {
    store: new EmulatorStore(o.accessKeys, now, o.seed),
    machine: new InstanceStateMachine(clock, o.durations),
    clock,
    faults: new FaultRegistry(o.random ?? Math.random),
    journal: new Journal(now),
    nonces: new NonceCache(),
    wallNow,
    hangCapMs: o.hangCapMs ?? 300_000,
  };
}

/** The SDK method of an upstream Action name, from the UPSTREAM_ACTIONS table. */
export function sdkMethodOf(action: string): SdkMethodName | undefined {
  return (Object.keys(UPSTREAM_ACTIONS) as SdkMethodName[]).find((k) => UPSTREAM_ACTIONS[k].action === action);
}

/** Runs one action for one account: validate the input, then the pure action. Throws EmulatorError. */
export function runAction(core: EmulatorCore, sdk: SdkMethodName, account: AccountState, service: EcsService, input: { wire: WireInput } | { typed: unknown }): unknown {
  const handler = ACTION_HANDLERS[sdk];
  const parsed = handler.parse('wire' in input ? handler.fromWire(input.wire) : input.typed);
  return handler.run({ store: core.store, machine: core.machine, clock: core.clock, account, service }, parsed as never);
}

/** Reads the env-style key list `ak:sk,ak2:sk2`. */
export function parseAccessKeys(spec: string | undefined): AccessKey[] {
  if (!spec || !spec.trim()) return [{ AccessKeyId: 'test-ak', SecretKey: 'test-sk' }];
  return spec.split(',').map((pair) => {
    const at = pair.indexOf(':');
    const AccessKeyId = pair.slice(0, at).trim();
    const SecretKey = pair.slice(at + 1).trim();
    if (at <= 0 || !AccessKeyId || !SecretKey) throw new Error(`EMULATOR_ACCESS_KEYS: expected ak:sk pairs separated by commas, got "${pair}"`);
    return { AccessKeyId, SecretKey };
  });
}
