import { z } from 'zod';
import { OPERATIONS, type ActionName } from '../../openapi/operations';
import { UPSTREAM_ERRORS } from '../../openapi/upstream/error-codes';

/** An upstream Action name (`DescribeEvent`, not the operationId of its operation), from the operations. */
export type UpstreamActionName = ActionName;

/** Upstream Action names, from the operations: what a call fault may target. */
export const ACTION_NAMES = OPERATIONS.map((op) => op.upstream.action) as [UpstreamActionName, ...UpstreamActionName[]];

/** When a call fault strikes: before the action runs (nothing changes) or after it was applied (the answer is lost). */
export const FAULT_PHASES = ['before', 'after'] as const;
export type FaultPhase = (typeof FAULT_PHASES)[number];

/**
 * A wire fault: matching calls (all, or one Action; all, or those naming one instance) fail, slow
 * down, hang or answer unreadable JSON.
 * `Phase: "after"` strikes only calls whose action was applied: the state changed, the answer is lost.
 */
export const CallFaultSchema = z
  .object({
    Action: z.enum(ACTION_NAMES).optional(),
    /** Only calls whose request names this instance (EcsId, EcsIds, InstanceId, or the DiskId of one of its disks), or this disk, snapshot, chain or image id. */
    EcsId: z.string().min(1).max(128).optional(),
    /** Default "before". */
    Phase: z.enum(FAULT_PHASES).optional(),
    Status: z.number().int().min(400).max(599).optional(),
    Code: z.string().min(1).max(64).optional(),
    DelayMs: z.number().int().min(0).max(600_000).optional(),
    Hang: z.boolean().optional(),
    Malformed: z.boolean().optional(),
    /** Fires this many times, then disappears. Default: until DELETE /_emulator/faults. */
    Times: z.number().int().min(1).optional(),
    /** Chance (0..1) that a matching call is hit. Default 1. */
    Probability: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((f) => f.Status !== undefined || f.Code !== undefined || f.DelayMs !== undefined || f.Hang || f.Malformed, {
    message: 'a fault needs at least one of Status, Code, DelayMs, Hang, Malformed',
  });

/** An instance fault: its next transition ends failed and the instance goes to error. */
export const InstanceFaultSchema = z.object({ EcsId: z.string().min(1), FailNextTransition: z.literal(true) }).strict();

export type CallFault = z.infer<typeof CallFaultSchema>;

export interface ActiveFault extends CallFault {
  FaultId: number;
  /** Calls hit so far. */
  Hits: number;
}

/** What a hit fault does to one call (decided once per phase). */
export interface FaultEffect {
  FaultId: number;
  /** The instance of a per-instance fault, for the journal. */
  EcsId?: string;
  delayMs: number;
  kind: 'error' | 'hang' | 'malformed' | 'delay-only';
  status: number;
  code: string;
  phase: FaultPhase;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number) {}

  add(fault: CallFault): ActiveFault {
    const active = { ...fault, FaultId: this.nextId++, Hits: 0 };
    this.faults.push(active);
    return active;
  }

  clear(): void {
    this.faults = [];
  }

  /** Removes one fault; undefined when no active fault has that id (already spent or never added). */
  remove(faultId: number): ActiveFault | undefined {
    const found = this.faults.find((f) => f.FaultId === faultId);
    if (found) this.faults = this.faults.filter((f) => f !== found);
    return found && { ...found };
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * The first registered fault of this phase that matches the Action and the instances the call
   * names (see `namedIds` in dispatch.ts), and wins its Probability roll.
   * The transports ask for "before" when the call arrives and for "after" once its action was applied.
   */
  match(action: string, phase: FaultPhase = 'before', instances: readonly string[] = []): FaultEffect | undefined {
    for (const f of this.faults) {
      if ((f.Phase ?? 'before') !== phase) continue;
      if (f.Action !== undefined && f.Action !== action) continue;
      if (f.EcsId !== undefined && !instances.includes(f.EcsId)) continue;
      if (f.Probability !== undefined && !(this.random() < f.Probability)) continue;
      f.Hits++;
      if (f.Times !== undefined && f.Hits >= f.Times) this.faults = this.faults.filter((x) => x !== f);
      return effectOf(f);
    }
    return undefined;
  }
}

function effectOf(f: ActiveFault): FaultEffect {
  const kind = f.Hang ? 'hang' : f.Malformed ? 'malformed' : f.Status !== undefined || f.Code !== undefined ? 'error' : 'delay-only';
  const status = f.Status ?? (f.Code && f.Code in UPSTREAM_ERRORS ? UPSTREAM_ERRORS[f.Code as keyof typeof UPSTREAM_ERRORS] : 500);
  const code = f.Code ?? codeForStatus(status);
  return { FaultId: f.FaultId, ...(f.EcsId !== undefined && { EcsId: f.EcsId }), delayMs: f.DelayMs ?? 0, kind, status, code, phase: f.Phase ?? 'before' };
}

function codeForStatus(status: number): string {
  const known = Object.entries(UPSTREAM_ERRORS).find(([, s]) => s === status);
  if (status === 400) return 'InvalidParameter';
  return known ? known[0] : status >= 500 ? 'InternalError' : 'InvalidParameter';
}
