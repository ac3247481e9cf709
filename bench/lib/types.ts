/**
 * What every benchmark scenario reports: one row per measured case, each beside the baseline
 * measured in the same run (a shared machine's noise is larger than most differences, so a
 * figure means something only as a ratio to a baseline taken minutes apart, not days apart).
 */
export interface BenchRow {
  /** Scenario key: step, report, matrix, audit, startup. */
  scenario: string;
  /** What was measured, e.g. "10 connections", "1,000 participants". */
  case: string;
  /** The metric and its unit, e.g. "requests/s", "ms", "events/s", "MB". */
  metric: string;
  /** The service's median. */
  value: number;
  /** What the baseline is, e.g. "bare node:http + pg". */
  baselineName: string;
  /** The baseline's median in the same run (same metric). */
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** The target as text, e.g. ">= 0.6x", "<= 1.5x"; absent when the issue sets none. */
  target?: string;
  /** Whether the ratio meets the target; absent without a target. */
  met?: boolean;
  /** Other figures worth keeping (p99s, each run's values, rows, pages...). */
  details?: Record<string, unknown>;
}

export interface BenchOptions {
  /** PostgreSQL server on which scenarios create (and drop) databases of their own. */
  serverUrl: string;
  /** Runs per case; medians are reported. */
  repeat: number;
  /** Small sizes and short runs: proves the scenarios still work, measures nothing. */
  smoke: boolean;
  /** Progress lines go here (stderr), the table to stdout. */
  log: (line: string) => void;
}

export interface Scenario {
  key: string;
  title: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

/** A row with ratio and verdict computed. `lowerIsBetter` for times and memory. */
export function row(r: Omit<BenchRow, 'ratio' | 'met' | 'target'>, target?: { max?: number; min?: number }): BenchRow {
  const ratio = r.baseline === 0 ? Number.NaN : r.value / r.baseline;
  const out: BenchRow = { ...r, ratio: Math.round(ratio * 100) / 100 };
  if (target?.max !== undefined) {
    out.target = `<= ${target.max}x`;
    out.met = ratio <= target.max;
  } else if (target?.min !== undefined) {
    out.target = `>= ${target.min}x`;
    out.met = ratio >= target.min;
  }
  return out;
}
