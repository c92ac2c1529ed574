import type { FaultEffect } from './control/faults';
import { sleep } from './sleep';

/**
 * What a hit fault does to one call, once its delay has passed. Both transports (the wire app and
 * the in-process EcsApi) decide and journal it here, then each answers in its own shape.
 * `proceed`: no fault, or a delay-only one: run the action. `aborted`: the caller left during the delay.
 */
export type FaultOutcome =
  | { kind: 'proceed'; FaultId?: number; EcsId?: string }
  | { kind: 'aborted' | 'hang' | 'malformed'; FaultId: number; journal: JournalNote }
  | { kind: 'error'; FaultId: number; journal: JournalNote; status: number; code: string; message: string };

/**
 * Status and Code the call journal records for the outcome; `Applied` when the action ran before the
 * fault struck; `EcsId` when a per-instance fault struck.
 */
export interface JournalNote {
  Status: number;
  Code: string;
  Applied?: true;
  EcsId?: string;
}

type Proceed = Extract<FaultOutcome, { kind: 'proceed' }>;

/** What the journal records for a call answered Success: the delay-only fault that slowed it, if any (applied when after-phase). */
export function successNote(before: Proceed, after: Proceed): JournalNote & { FaultId?: number } {
  const applied = after.FaultId !== undefined;
  const { FaultId, EcsId } = applied ? after : before;
  return { Status: 200, Code: 'Success', ...(FaultId !== undefined && { FaultId }), ...(EcsId !== undefined && { EcsId }), ...(applied && { Applied: true as const }) };
}

export async function applyFault(fault: FaultEffect | undefined, signal?: AbortSignal): Promise<FaultOutcome> {
  if (!fault) return { kind: 'proceed' };
  const { FaultId } = fault;
  const instance = fault.EcsId === undefined ? {} : { EcsId: fault.EcsId };
  const mark = { ...(fault.phase === 'after' && ({ Applied: true } as const)), ...instance };
  if (fault.delayMs > 0 && (await sleep(fault.delayMs, signal)) === 'aborted') return { kind: 'aborted', FaultId, journal: { Status: 0, Code: 'Aborted', ...mark } };
  switch (fault.kind) {
    case 'hang':
      return { kind: 'hang', FaultId, journal: { Status: 0, Code: 'Hang', ...mark } };
    case 'malformed':
      return { kind: 'malformed', FaultId, journal: { Status: 200, Code: 'Malformed', ...mark } };
    case 'error':
      return {
        kind: 'error',
        FaultId,
        journal: { Status: fault.status, Code: fault.code, ...mark },
        status: fault.status,
        code: fault.code,
        message: `fault injected by the emulator (FaultId ${FaultId})`,
      };
    case 'delay-only':
      return { kind: 'proceed', FaultId, ...instance };
  }
}
