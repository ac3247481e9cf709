/**
 * Cadence conformance of a recurring activity for one subject (a pair's mentor meetings, an
 * adept's job coaching, a cohort's seminar series). Pure and deterministic: the caller passes the
 * period, the day and the dates of the completed occurrences (cancelled ones left out).
 *
 * The period is judged up to the earliest of its last day, the day the subject left (an ended
 * pair) and today. The stretches between the period's start, each occurrence and that end are
 * the intervals; one longer than `cadenceDays` is a gap, a finding `cadence_missed` naming it.
 * While the period runs, the last interval ends today and grows day by day: it is the same gap
 * (same `from`) until an occurrence closes it.
 */
import { type DateRange, addDays, daysBetween, isCalendarDate } from '../common/calendar.js';

export interface CadenceInput {
  /** The days the cadence applies in, both inclusive (the procedure's window). */
  period: DateRange;
  /** The day judged, YYYY-MM-DD in the programme's time zone. */
  today: string;
  /** The longest allowed interval in days. */
  cadenceDays: number;
  /** A planned series: how many occurrences the period must hold by its end. */
  sessions?: number;
  /** The day the subject left (a pair ended, a participant withdrew): nothing is owed after it. */
  endedOn?: string | null;
  /** Days of the completed occurrences, in any order; days outside the judged part of the period are not counted. */
  occurrences: readonly string[];
}

/** `start`: from the period's start to the first occurrence; `between`: two occurrences; `end`: from the last one to the end judged. */
export type GapKind = 'start' | 'between' | 'end';

export interface CadenceGap {
  kind: GapKind;
  /** The period's start or the occurrence the gap follows. */
  from: string;
  /** The occurrence that closed it, the period's end, the day the subject left, or today while it is still open. */
  to: string;
  days: number;
  /** Still growing: the period runs and no occurrence has closed it yet. */
  open: boolean;
}

export interface CadenceResult {
  /** `not_started`: today is before the period; `running`: judged up to today; `ended`: judged to its end. */
  state: 'not_started' | 'running' | 'ended';
  /** The last day judged (null before the period starts). */
  judgedUntil: string | null;
  /** Occurrences within the judged part of the period. */
  occurrences: number;
  /** The latest occurrence within it. */
  lastDate: string | null;
  /** Intervals longer than the cadence, in date order: disjoint and within the period. */
  gaps: CadenceGap[];
  /** The longest interval so far (a gap or not); null before the period starts. */
  longestGapDays: number | null;
  /** A planned series that ended with fewer occurrences than planned. */
  sessionsShort: { planned: number; held: number } | null;
}

export function evaluateCadence(input: CadenceInput): CadenceResult {
  const { period, today, cadenceDays } = input;
  for (const [name, d] of [
    ['period.from', period.from],
    ['period.to', period.to],
    ['today', today],
  ] as const)
    if (!isCalendarDate(d)) throw new RangeError(`${name} must be YYYY-MM-DD, got ${JSON.stringify(d)}`);
  if (!Number.isSafeInteger(cadenceDays) || cadenceDays < 1)
    throw new RangeError(`cadenceDays must be a positive integer, got ${cadenceDays}`);

  if (today < period.from)
    return { state: 'not_started', judgedUntil: null, occurrences: 0, lastDate: null, gaps: [], longestGapDays: null, sessionsShort: null };

  // The period ends at its last day, or earlier when the subject left.
  const endedOn = input.endedOn ?? null;
  const periodEnd = endedOn !== null && endedOn < period.to ? endedOn : period.to;
  const running = today <= periodEnd;
  const until = running ? today : periodEnd;
  const days = [...new Set(input.occurrences)].filter((d) => period.from <= d && d <= until).sort();

  const gaps: CadenceGap[] = [];
  let longest = 0;
  if (until >= period.from) {
    const points = [period.from, ...days, until];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const length = daysBetween(from, to);
      longest = Math.max(longest, length);
      if (length <= cadenceDays) continue;
      const last = i + 2 === points.length;
      // With no occurrence the one interval runs from the start: a `start` gap, open while the period runs.
      gaps.push({ kind: i === 0 ? 'start' : last ? 'end' : 'between', from, to, days: length, open: last && running });
    }
  }
  const planned = input.sessions;
  const sessionsShort = planned !== undefined && !running && days.length < planned ? { planned, held: days.length } : null;
  return {
    state: running ? 'running' : 'ended',
    judgedUntil: until,
    occurrences: days.length,
    lastDate: days.length ? days[days.length - 1] : null,
    gaps,
    longestGapDays: until >= period.from ? longest : null,
    sessionsShort,
  };
}

/** The day the gap first broke the cadence (its `from` + cadence + 1): when the nonconformity occurred. */
export function gapBrokenOn(gap: Pick<CadenceGap, 'from'>, cadenceDays: number): string {
  return addDays(gap.from, cadenceDays + 1);
}

/** A sentence for the auditor naming the gap. */
export function describeGap(gap: CadenceGap, cadenceDays: number, procedureKey: string, subject: string): string {
  const what = gap.kind === 'start' ? `from the start of the period on ${gap.from}` : `after the occurrence on ${gap.from}`;
  const until = gap.open
    ? `to today (${gap.to}), with none since`
    : gap.kind === 'end'
      ? `to the end of the period on ${gap.to}`
      : `until ${gap.to}`;
  return `No ${procedureKey} for ${subject} for ${gap.days} days ${what} ${until}; the cadence is at most every ${cadenceDays} days.`;
}
