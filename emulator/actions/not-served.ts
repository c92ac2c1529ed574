import { EmulatorError } from '../errors';
import type { ActionHandler } from './context';

/**
 * An action the contract names but this emulator does not serve yet: refused as the upstream
 * refuses an unknown action, so a caller sees a clear error instead of a wrong answer.
 */
export const notServed = (action: string): ActionHandler<unknown, never> => ({
  message: '',
  fromWire: () => ({}),
  parse: () => {
    throw new EmulatorError('InvalidAction', `${action} is not served by this emulator yet`);
  },
  run: () => {
    throw new EmulatorError('InvalidAction', `${action} is not served by this emulator yet`);
  },
});
