import type { z } from 'zod';
import type { EventResultData } from '../../openapi/models/event';
import type { InstanceData } from '../../openapi/models/instance';
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
  }[];
  Faults: ActiveFault[];
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
   * The calls that match every given field, oldest first: `calls({ Action: 'ModifyInstanceName' })`
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
  };
}
