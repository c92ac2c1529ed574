import { chinaTime } from '../state/clock';

export interface JournalEntry {
  Seq: number;
  /** Emulator-clock time, China time, and as epoch ms. */
  Time: string;
  TimeMs: number;
  Transport: 'http' | 'in-process';
  Method: string;
  Path: string;
  Action: string;
  AccessKeyId: string;
  /** HTTP status answered (0 for a hang that ended without answer). */
  Status: number;
  /** Success, or the error code answered. */
  Code: string;
  FaultId?: number;
  /** The instance of the per-instance fault that struck the call (its request named it). */
  EcsId?: string;
  /** True when the action was applied although the caller got a fault (a `Phase: "after"` fault). */
  Applied?: true;
}

/** How many calls the journal keeps. */
export const JOURNAL_CAP = 1000;

/** The calls received, newest last; bounded so a long-running emulator does not grow forever. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly cap = JOURNAL_CAP,
  ) {}

  record(entry: Omit<JournalEntry, 'Seq' | 'Time' | 'TimeMs'>): void {
    const t = this.now();
    this.entries.push({ Seq: ++this.seq, Time: chinaTime(t), TimeMs: t, ...entry });
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
  }

  /** Oldest first; with `limit`, only the newest `limit` entries. */
  list(limit?: number): JournalEntry[] {
    return (limit === undefined ? this.entries : this.entries.slice(Math.max(0, this.entries.length - limit))).map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
