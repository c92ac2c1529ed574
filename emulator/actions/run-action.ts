import type { EcsService, SdkMethodName } from '../../openapi/upstream/actions';
import type { EmulatorCore } from '../core';
import type { AccountState } from '../store/types';
import type { WireInput } from './context';
import { ACTION_HANDLERS } from './index';

/** A call's input as a transport has it: `wire`, query and body as received (the wire app); `typed`, the request model (in-process). */
export type ActionInput = { wire: WireInput } | { typed: unknown };

/** The request model's input of a call, not yet validated (the wire form turned into it). */
export function requestOf(sdk: SdkMethodName, input: ActionInput): unknown {
  return 'wire' in input ? ACTION_HANDLERS[sdk].fromWire(input.wire) : input.typed;
}

/** Runs one action for one account: validate the input, then the pure action. Throws EmulatorError. */
export function runAction(core: EmulatorCore, sdk: SdkMethodName, account: AccountState, service: EcsService, input: ActionInput): unknown {
  const handler = ACTION_HANDLERS[sdk];
  const parsed = handler.parse(requestOf(sdk, input));
  return handler.run({ store: core.store, machine: core.machine, clock: core.clock, account, service }, parsed as never);
}
