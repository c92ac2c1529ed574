import type { z } from 'zod';
import type { EventResultData } from '../../openapi/models/event';
import type { InstanceData } from '../../openapi/models/instance';
import type { InstanceStatus } from '../../openapi/models/common';
import type { BillingInput, billingView } from '../control/billing';
import type { ActiveFault, CallFaultSchema, InstanceFaultSchema } from '../control/faults';
import type { JournalEntry } from '../control/journal';
import type { Emulator } from '../index';
import type { InstanceSpecInput, SeedInput } from '../store/seed';
import type { WorldSnapshot } from '../store/snapshot';

// The emulator's control API as functions. Each goes through the emulator's own /_emulator/*
// routes, so input is checked and answered exactly as over HTTP; a refusal throws its Code and Msg.

export type CallFaultInput = z.input<typeof CallFaultSchema>;
export type InstanceFaultInput = z.input<typeof InstanceFaultSchema>;

export interface EmulatorStateView {
  Clock: { Mode: 'manual' | 'wall'; Now: string; ChinaTime: string };
  Accounts: {
    AccessKeyId: string;
    CustomerId: string;
    Instances: (InstanceData & { DiskStatus: Record<string, string>; FailNextTransition: boolean })[];
    Events: (EventResultData & { Service: string })[];
    Pending: { Kind: string; EcsId: string; DiskId?: string; EventId: string; DueAt: string }[];
    /** Every cloud disk, attached (EcsId set) or detached (EcsId ""). */
    Disks: { DiskId: string; DiskName: string; Size: number; Property: string; Status: string; StatusDisplay: string; EcsId: string; AvailableZoneCode: string }[];
    /** The account's own images: creating while made, running once usable. */
    Images: { ImageId: string; ImageName: string; AvailableZoneCode: string; Status: 'creating' | 'running'; OsType: string; OsVersion: string }[];
    DiskSnapshots: { SnapshotId: string; SnapshotName: string; DiskId: string; ChainId: string; Status: string; AvailableZoneCode: string; ReservedTime: string }[];
    /** Deleted servers (deleted, destroying) and destroyed ones' tombstones (destroy): hidden from every wire read. */
    RecycleBin: { EcsId: string; EcsName: string; Status: InstanceStatus; StatusDisplay: string; PriorStatus: InstanceStatus | null; BillingMethod: string; AvailableZoneCode: string }[];
    Billing: BillingView;
  }[];
  Faults: ActiveFault[];
}

/** `GET /_emulator/billing`: the session's paying subject, its balance (to the fen) and what its servers cost. */
export type BillingView = ReturnType<typeof billingView>;

/** What one billing-life control call answers: the server's status right after it, and the event it started. */
export interface LifecycleAnswer {
  EcsId: string;
  Status: InstanceStatus;
  StatusDisplay: string;
  EventId: string;
  EventType: string;
}

export interface EmulatorControl {
  /** Back to the default seed, or to `seed`; also clears faults and the journal. */
  reset(seed?: SeedInput): Promise<void>;
  /** Every account: instances (with disk status), events, pending transitions; the active faults. */
  state(): Promise<EmulatorStateView>;
  /** Creates instances from partial descriptions; answers their EcsIds. */
  createInstances(specs: InstanceSpecInput | InstanceSpecInput[]): Promise<string[]>;
  /** A call fault (answers its FaultId) or `{EcsId, FailNextTransition: true}` (answers 0). */
  addFault(fault: CallFaultInput | InstanceFaultInput): Promise<number>;
  clearFaults(): Promise<void>;
  /** Moves the emulator clock; due transitions complete. */
  advanceClock(seconds: number): Promise<void>;
  /** The calls the emulator received, oldest first. */
  journal(): Promise<JournalEntry[]>;
  /**
   * The calls that match every given field, oldest first: `calls({ Action: 'CreateDisk' })`
   * has length 1 when exactly one was sent. `Id`: an id the call named; `Since`: epoch ms or ISO time.
   */
  calls(filter?: CallFilter): Promise<JournalEntry[]>;
  /** The session's whole world as one JSON document. */
  snapshot(): Promise<WorldSnapshot>;
  /** Restores a document `snapshot()` gave, exactly. */
  restore(snapshot: WorldSnapshot): Promise<void>;
  /** Saves the world under a name inside the emulator; `restoreSnapshot(name)` brings it back. */
  saveSnapshot(name: string): Promise<void>;
  restoreSnapshot(name: string): Promise<void>;
  /** The session's balance, whether it is in arrears, and each server's hourly price. */
  billing(): Promise<BillingView>;
  /** `{Balance}` sets it (0 runs it out), `{Recharge}` adds to it (ending arrears), `{RunOut: true}`. */
  setBilling(change: BillingInput): Promise<BillingView>;
  /** recycling now (any billing method), as when the money runs out. */
  recycle(ecsId: string): Promise<LifecycleAnswer>;
  /** cancel_recycling, then the status it had (refused while the account is in arrears). */
  cancelRecycle(ecsId: string): Promise<LifecycleAnswer>;
  /** A deleted server out of the recycle bin: recovering, then the status it had. */
  recover(ecsId: string): Promise<LifecycleAnswer>;
  /** A recycling or deleted server destroyed now: destroying, then destroy (gone). */
  destroy(ecsId: string): Promise<LifecycleAnswer>;
}

export interface CallFilter {
  Action?: string;
  Id?: string;
  Status?: number;
  Code?: string;
  Since?: number | string;
  Pending?: boolean;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
    this.name = 'EmulatorControlError';
  }
}

export function createEmulatorControl(emulator: Pick<Emulator, 'fetch'>): EmulatorControl {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await emulator.fetch(
      new Request(`http://emulator/_emulator${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const answer = (await res.json()) as T & { Code?: string; Msg?: string };
    if (!res.ok) throw new EmulatorControlError(answer.Code ?? 'Error', answer.Msg ?? `HTTP ${res.status}`, res.status);
    return answer;
  }
  return {
    reset: async (seed) => void (await call('POST', '/reset', seed)),
    state: () => call('GET', '/state'),
    createInstances: async (specs) => (await call<{ EcsIds: string[] }>('POST', '/instances', Array.isArray(specs) ? { Instances: specs } : specs)).EcsIds,
    addFault: async (fault) => (await call<{ FaultId?: number }>('POST', '/faults', fault)).FaultId ?? 0,
    clearFaults: async () => void (await call('DELETE', '/faults')),
    advanceClock: async (Seconds) => void (await call('POST', '/clock/advance', { Seconds })),
    journal: async () => (await call<{ Entries: JournalEntry[] }>('GET', '/journal')).Entries,
    calls: async (filter = {}) => {
      const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      return (await call<{ Entries: JournalEntry[] }>('GET', `/journal?${q}`)).Entries;
    },
    snapshot: () => call<WorldSnapshot>('GET', '/snapshot'),
    restore: async (snapshot) => void (await call('PUT', '/snapshot', snapshot)),
    saveSnapshot: async (Name) => void (await call('POST', '/snapshots', { Name })),
    restoreSnapshot: async (Name) => void (await call('POST', `/snapshots/${encodeURIComponent(Name)}/restore`)),
    billing: () => call('GET', '/billing'),
    setBilling: (change) => call('POST', '/billing', change),
    recycle: (id) => call('POST', `/instances/${encodeURIComponent(id)}/recycle`),
    cancelRecycle: (id) => call('POST', `/instances/${encodeURIComponent(id)}/cancel-recycle`),
    recover: (id) => call('POST', `/instances/${encodeURIComponent(id)}/recover`),
    destroy: (id) => call('POST', `/instances/${encodeURIComponent(id)}/destroy`),
  };
}
