import { chinaTime } from '../state/clock';

export interface JournalEntry {
  Seq: number;
  /** Emulator-clock time the call arrived, China time, and as epoch ms. */
  Time: string;
  TimeMs: number;
  Transport: 'http' | 'in-process';
  Method: string;
  Path: string;
  Action: string;
  AccessKeyId: string;
  /** Ids the request named (EcsId, EcsIds, DiskId, EventId, ImageId…), for `?Id=` queries. */
  Ids?: string[];
  /** HTTP status answered (0 for a hang that ended without answer, and while Pending). */
  Status: number;
  /** Success, or the error code answered; `Pending` while the call has not been answered. */
  Code: string;
  /** The call is still running (a hang, a delay): recorded when it arrived, completed when it ends. */
  Pending?: true;
  FaultId?: number;
  /** The instance of the per-instance fault that struck the call (its request named it). */
  EcsId?: string;
  /** True when the action was applied although the caller got a fault (a `Phase: "after"` fault). */
  Applied?: true;
}

type Start = Omit<JournalEntry, 'Seq' | 'Time' | 'TimeMs' | 'Status' | 'Code' | 'Pending' | 'FaultId' | 'EcsId' | 'Applied'>;
/** A call in the journal: more ids once its body is read, then its outcome (only the first end counts). */
export interface JournalCall {
  name(ids: string[]): void;
  end(outcome: JournalOutcome): void;
}
export type JournalOutcome = Pick<JournalEntry, 'Status' | 'Code' | 'FaultId' | 'EcsId' | 'Applied'>;

/** A query of GET /_emulator/journal: every given field must match. */
export interface JournalFilter {
  Action?: string;
  AccessKeyId?: string;
  /** An id the call named. */
  Id?: string;
  Status?: number;
  Code?: string;
  /** Calls that arrived at or after this emulator-clock time (epoch ms). */
  SinceMs?: number;
  Pending?: boolean;
}

/** How many calls the journal keeps. */
export const JOURNAL_CAP = 1000;

/** The calls received, oldest first; bounded so a long-running emulator does not grow forever. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly cap = JOURNAL_CAP,
  ) {}

  /** Records a call as it arrives (Pending); `end` completes that same entry with its outcome. */
  begin(start: Start): JournalCall {
    const t = this.now();
    const entry: JournalEntry = { Seq: ++this.seq, Time: chinaTime(t), TimeMs: t, ...start, Status: 0, Code: 'Pending', Pending: true };
    if (entry.Ids?.length === 0) delete entry.Ids;
    this.entries.push(entry);
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
    let ended = false;
    return {
      name: (ids) => {
        const all = [...new Set([...(entry.Ids ?? []), ...ids])];
        if (all.length) entry.Ids = all;
      },
      end: (outcome) => {
        if (ended) return;
        ended = true;
        delete entry.Pending;
        Object.assign(entry, outcome);
      },
    };
  }

  /** A call recorded once it is answered. */
  record(entry: Start & JournalOutcome): void {
    const { Status, Code, FaultId, EcsId, Applied, ...start } = entry;
    this.begin(start).end(strip({ Status, Code, FaultId, EcsId, Applied }));
  }

  /** Oldest first; with `limit`, only the newest `limit` entries of those that match. */
  list(limit?: number, filter: JournalFilter = {}): JournalEntry[] {
    const matching = this.entries.filter((e) => matches(e, filter));
    return (limit === undefined ? matching : matching.slice(Math.max(0, matching.length - limit))).map((e) => structuredClone(e));
  }

  clear(): void {
    this.entries = [];
  }
}

function matches(e: JournalEntry, f: JournalFilter): boolean {
  return (
    (f.Action === undefined || e.Action === f.Action) &&
    (f.AccessKeyId === undefined || e.AccessKeyId === f.AccessKeyId) &&
    (f.Id === undefined || (e.Ids ?? []).includes(f.Id)) &&
    (f.Status === undefined || (!e.Pending && e.Status === f.Status)) &&
    (f.Code === undefined || e.Code === f.Code) &&
    (f.SinceMs === undefined || e.TimeMs >= f.SinceMs) &&
    (f.Pending === undefined || (e.Pending === true) === f.Pending)
  );
}

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Names that hold ids of resources (`EcsId`, `DiskIds`…); credentials and request ids are not. */
const ID_KEY = /^[A-Za-z]*Ids?$/;
const NOT_RESOURCE = new Set(['AccessKeyId', 'RequestId', 'SignatureNonce']);

/**
 * The ids a request names, from its query and body: the values of every `…Id`/`…Ids` field, also
 * inside nested objects (`VpcInfo.VpcId`); a comma list (`EcsIds=a,b`) counts as its ids.
 */
export function idsNamed(...parts: unknown[]): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.startsWith('[')) {
      try {
        return add(JSON.parse(v));
      } catch {
        /* not a JSON list: a plain value */
      }
    }
    if (typeof v === 'string') for (const s of v.split(',')) (s.trim() && out.add(s.trim()));
    else if (Array.isArray(v)) v.forEach(add);
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    for (const [k, x] of Object.entries(v)) {
      if (ID_KEY.test(k) && !NOT_RESOURCE.has(k)) add(x);
      else walk(x, depth + 1);
    }
  };
  parts.forEach((p) => walk(p, 0));
  return [...out];
}
