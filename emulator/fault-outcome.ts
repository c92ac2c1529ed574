import type { FaultEffect } from './control/faults';
import { sleep } from './sleep';

/**
 * What a hit fault does to one call, once its delay has passed. Both transports (the wire app and
 * the in-process EcsApi) decide and journal it here, then each answers in its own shape.
 * `proceed`: no fault, or a delay-only one: run the action. `aborted`: the caller left during the delay.
 */
export type FaultOutcome =
  | { kind: 'proceed'; FaultId?: number }
  | { kind: 'aborted' | 'hang' | 'malformed'; FaultId: number; journal: JournalNote }
  | { kind: 'error'; FaultId: number; journal: JournalNote; status: number; code: string; message: string };

/** Status and Code the call journal records for the outcome; `Applied` when the action ran before the fault struck. */
export interface JournalNote {
  Status: number;
  Code: string;
  Applied?: true;
}

export async function applyFault(fault: FaultEffect | undefined, signal?: AbortSignal): Promise<FaultOutcome> {
  if (!fault) return { kind: 'proceed' };
  const { FaultId } = fault;
  const applied = fault.phase === 'after' ? ({ Applied: true } as const) : {};
  if (fault.delayMs > 0 && (await sleep(fault.delayMs, signal)) === 'aborted') return { kind: 'aborted', FaultId, journal: { Status: 0, Code: 'Aborted', ...applied } };
  switch (fault.kind) {
    case 'hang':
      return { kind: 'hang', FaultId, journal: { Status: 0, Code: 'Hang', ...applied } };
    case 'malformed':
      return { kind: 'malformed', FaultId, journal: { Status: 200, Code: 'Malformed', ...applied } };
    case 'error':
      return {
        kind: 'error',
        FaultId,
        journal: { Status: fault.status, Code: fault.code, ...applied },
        status: fault.status,
        code: fault.code,
        message: `fault injected by the emulator (FaultId ${FaultId})`,
      };
    case 'delay-only':
      return { kind: 'proceed', FaultId };
  }
}
