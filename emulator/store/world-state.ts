import { exportWorld, restoreWorld, snapshotProblem, type WorldHost, type WorldSnapshot } from './snapshot';

/** A host of every session's world and their named snapshots. */
type StateHost = WorldHost & { snapshots: NamedSnapshots };

// What a host keeps across restarts: every session's world plus its named snapshots. The Node
// server writes it to its state file, the Worker to each session's Durable Object storage.

export const STATE_FORMAT = 'ecs-emulator-state';
export const STATE_VERSION = 1;

export interface NamedSnapshot {
  Name: string;
  /** Emulator-clock ms when it was saved. */
  SavedAt: number;
  Snapshot: WorldSnapshot;
}

export interface EmulatorStateDoc {
  Format: typeof STATE_FORMAT;
  Version: typeof STATE_VERSION;
  Worlds: WorldSnapshot[];
  Named: { AccessKeyId: string; Snapshots: NamedSnapshot[] }[];
}

/** Named snapshots per session, kept by the emulator (they survive a reset: that is their use). */
export class NamedSnapshots {
  private readonly bySession = new Map<string, Map<string, NamedSnapshot>>();

  list(accessKeyId: string): NamedSnapshot[] {
    return [...(this.bySession.get(accessKeyId)?.values() ?? [])];
  }
  get(accessKeyId: string, name: string): NamedSnapshot | undefined {
    return this.bySession.get(accessKeyId)?.get(name);
  }
  put(accessKeyId: string, named: NamedSnapshot): void {
    let m = this.bySession.get(accessKeyId);
    if (!m) this.bySession.set(accessKeyId, (m = new Map()));
    m.delete(named.Name); // a re-save moves to the end (newest last)
    m.set(named.Name, named);
  }
  delete(accessKeyId: string, name: string): boolean {
    return this.bySession.get(accessKeyId)?.delete(name) ?? false;
  }
  sessions(): string[] {
    return [...this.bySession.keys()].filter((k) => this.bySession.get(k)!.size > 0);
  }
  replaceAll(entries: EmulatorStateDoc['Named']): void {
    this.bySession.clear();
    for (const e of entries) for (const s of e.Snapshots) this.put(e.AccessKeyId, s);
  }
}

export function exportState(core: StateHost): EmulatorStateDoc {
  return {
    Format: STATE_FORMAT,
    Version: STATE_VERSION,
    Worlds: [...core.store.accounts.keys()].map((ak) => exportWorld(core, ak)),
    Named: core.snapshots.sessions().map((ak) => ({ AccessKeyId: ak, Snapshots: core.snapshots.list(ak) })),
  };
}

/** Why a state document cannot be loaded by this emulator (its accounts); undefined when it can. */
export function stateProblem(core: StateHost, doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'not a JSON object';
  const d = doc as Record<string, unknown>;
  if (d.Format !== STATE_FORMAT) return `Format is not "${STATE_FORMAT}"`;
  if (d.Version !== STATE_VERSION) return `Version ${JSON.stringify(d.Version)} is not supported (this emulator reads version ${STATE_VERSION})`;
  if (!Array.isArray(d.Worlds) || !Array.isArray(d.Named)) return 'Worlds and Named must be lists';
  for (const [i, w] of (d.Worlds as unknown[]).entries()) {
    const p = snapshotProblem(w);
    if (p) return `Worlds.${i}: ${p}`;
    const ak = (w as WorldSnapshot).AccessKeyId;
    if (!core.store.account(ak)) return `Worlds.${i}: account ${ak} is not one of the configured access keys`;
  }
  for (const [i, n] of (d.Named as unknown[]).entries()) {
    const e = n as EmulatorStateDoc['Named'][number];
    if (!e || typeof e.AccessKeyId !== 'string' || !Array.isArray(e.Snapshots)) return `Named.${i}: expected {"AccessKeyId","Snapshots"}`;
    for (const [j, s] of e.Snapshots.entries()) {
      if (!s || typeof s.Name !== 'string' || typeof s.SavedAt !== 'number') return `Named.${i}.Snapshots.${j}: expected {"Name","SavedAt","Snapshot"}`;
      const p = snapshotProblem(s.Snapshot);
      if (p) return `Named.${i}.Snapshots.${j}: ${p}`;
    }
  }
  return undefined;
}

/** Loads a state document checked by stateProblem; sessions it does not hold keep their world. */
export function restoreState(core: StateHost, doc: EmulatorStateDoc): void {
  const problem = stateProblem(core, doc);
  if (problem) throw new Error(problem);
  for (const w of doc.Worlds) restoreWorld(core, w.AccessKeyId, w);
  core.snapshots.replaceAll(doc.Named);
}

/** Where a host keeps its state between processes: Durable Object storage on the Worker (the Node server's state file is written synchronously, bin/state-file.ts). */
export interface WorldStore {
  load(): Promise<EmulatorStateDoc | undefined>;
  save(state: EmulatorStateDoc): Promise<void>;
}
