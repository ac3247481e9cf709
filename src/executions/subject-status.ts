/**
 * One cell of the conformance matrix: where one subject (adept, pair, cohort...) stands with one
 * procedure on a given day. `today` is passed in so the matrix is reproducible for any date.
 */
import { type DateRange, isCalendarDate } from '../common/calendar.js';

/**
 * `conforming_after_correction`: conforming now, but an earlier judgement was nonconforming (a
 * correction, approved by a quality manager, changed it). Shown apart so a cleared nonconformity
 * is never read as plain "conforming"; counted as conforming in rates.
 */
export const SUBJECT_STATUSES = [
  'not_yet_due',
  'due',
  'overdue',
  'in_progress',
  'conforming',
  'conforming_after_correction',
  'nonconforming',
] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export interface SubjectExecutionInput {
  state: 'open' | 'completed';
  /** The judgement stored when the execution was completed; null while open. */
  conformance: 'conforming' | 'nonconforming' | null;
  /** True when an earlier judgement of the execution was nonconforming. */
  everNonconforming?: boolean;
}

export interface SubjectStatusInput {
  /** The allowed days, or null when the anchor day is not known yet. */
  window: DateRange | null;
  /** The day the matrix is drawn for, YYYY-MM-DD in the programme's time zone. */
  today: string;
  /** The subject's current execution of the procedure, if any. */
  execution: SubjectExecutionInput | null;
}

export function subjectStatus(input: SubjectStatusInput): SubjectStatus {
  const { window, today, execution } = input;
  if (!isCalendarDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (window && !(isCalendarDate(window.from) && isCalendarDate(window.to))) {
    throw new RangeError(`window must be two YYYY-MM-DD dates, got ${JSON.stringify(window)}`);
  }
  // Zero-padded YYYY-MM-DD strings compare as dates do.
  const passed = window !== null && today > window.to;

  if (execution?.state === 'completed') {
    // Showing an unjudged completed execution as conforming (or as in progress) would hide a
    // broken invariant from the auditor: completing an execution stores its judgement.
    if (execution.conformance === null) throw new Error('a completed execution must carry its conformance judgement');
    return execution.conformance === 'conforming' && execution.everNonconforming ? 'conforming_after_correction' : execution.conformance;
  }
  if (execution?.state === 'open') return passed ? 'overdue' : 'in_progress';
  if (window === null || today < window.from) return 'not_yet_due';
  return passed ? 'overdue' : 'due';
}

export interface ConformanceRate {
  /** Completed executions judged conforming (after a correction or not). */
  conforming: number;
  /** Completed executions (conforming + nonconforming). */
  completed: number;
  /** conforming / completed in 0..1, unrounded; null when nothing is completed (no evidence yet). */
  rate: number | null;
  /** How many cells have each status, for the matrix summary. */
  counts: Record<SubjectStatus, number>;
}

/**
 * Share of completed executions that conform. Only completed work is judged: an overdue subject
 * has no execution to judge and is reported through its own count (timeliness), while a late
 * completion already counts as nonconforming through its outside_window finding. Mixing the two
 * into one rate would make a programme look worse or better depending on the day it is asked.
 * With nothing completed the rate is null, not 0 or 1: there is no evidence either way.
 */
export function conformanceRate(statuses: readonly SubjectStatus[]): ConformanceRate {
  const counts = Object.fromEntries(SUBJECT_STATUSES.map((s) => [s, 0])) as Record<SubjectStatus, number>;
  for (const s of statuses) {
    if (!Object.hasOwn(counts, s)) throw new RangeError(`unknown subject status ${JSON.stringify(s)}`);
    counts[s] += 1;
  }
  const conforming = counts.conforming + counts.conforming_after_correction;
  const completed = conforming + counts.nonconforming;
  return { conforming, completed, rate: completed === 0 ? null : conforming / completed, counts };
}
