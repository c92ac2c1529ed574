import type { EcsService, SdkMethodName } from '../../openapi/upstream/actions';
import type { EmulatorCore } from '../core';
import type { AccountState } from '../store/types';
import type { WireInput } from './context';
import { ACTION_HANDLERS } from './index';

/**
 * Runs one action for one account: validate the input, then the pure action. Throws EmulatorError.
 * `wire`: query and body as received (the wire app); `typed`: the request model (in-process).
 */
export function runAction(core: EmulatorCore, sdk: SdkMethodName, account: AccountState, service: EcsService, input: { wire: WireInput } | { typed: unknown }): unknown {
  const handler = ACTION_HANDLERS[sdk];
  const parsed = handler.parse('wire' in input ? handler.fromWire(input.wire) : input.typed);
  return handler.run({ store: core.store, machine: core.machine, clock: core.clock, account, service }, parsed as never);
}
