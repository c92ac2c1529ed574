// Small number helpers shared by the Node benchmark and the summary.

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const mean = (samples: number[]): number => samples.reduce((a, b) => a + b, 0) / samples.length;

/** Milliseconds as a short human figure: µs below 1 ms. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const sign = ms < 0 ? '−' : '';
  const a = Math.abs(ms);
  if (a < 1) return `${sign}${(a * 1000).toFixed(a < 0.01 ? 2 : 1)} µs`;
  return `${sign}${a.toFixed(a < 10 ? 2 : 1)} ms`;
}

/** A plain-text table with left-aligned first column and right-aligned others. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
