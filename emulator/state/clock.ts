/**
 * The emulator clock that drives transitions. `wall` follows real time (plus any advance);
 * `manual` starts stopped at the wall time of creation and only moves with advance(), so tests
 * never sleep.
 */
export type ClockMode = 'wall' | 'manual';

export class EmulatorClock {
  private offsetMs = 0;
  private readonly frozenAt: number;

  constructor(
    readonly mode: ClockMode = 'wall',
    private readonly wallNow: () => number = Date.now,
  ) {
    this.frozenAt = wallNow();
  }

  /** Milliseconds since the epoch on the emulator clock. */
  now(): number {
    return (this.mode === 'manual' ? this.frozenAt : this.wallNow()) + this.offsetMs;
  }

  /** Sets the clock to `ms` (a restored snapshot's time); a wall clock runs on from there. */
  setNow(ms: number): void {
    this.offsetMs = ms - (this.mode === 'manual' ? this.frozenAt : this.wallNow());
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('seconds must be a finite number >= 0');
    this.offsetMs += Math.round(seconds * 1000);
  }
}

/** `YYYY-MM-DD HH:mm:ss` in China time (UTC+8), the upstream's time format. */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
