/**
 * Where a time window starts: the anchor day of a procedure for one subject. Pure: callers
 * load the data once (for one execution or for a whole programme) and pass it in.
 */
import { addDays, midpoint, windowBounds } from '../common/calendar.js';
import type { DateRange } from '../common/calendar.js';
import type { ProcedureDefinition, Subject } from '../procedures/procedure-definition.js';

export interface AnchorProgramme {
  startDate: string;
  endDate: string;
}

export interface AnchorSubject {
  type: Subject;
  /** Enrolment day of the participant; for a pair, of the adept; unused for the cohort. */
  enrolledAt: string | null;
  /** Subject keys whose completions count for `procedure_completed` anchors: the subject itself, and for a pair its adept and mentor. */
  relatedKeys: string[];
}

/** Completion day (local date) of the earliest completed execution, by procedure key and subject key. */
export type CompletionIndex = Map<string, string>;

export function completionKey(procedureKey: string, subjectKey: string): string {
  return `${procedureKey}\u0000${subjectKey}`;
}

export function anchorDate(
  definition: ProcedureDefinition,
  programme: AnchorProgramme,
  subject: AnchorSubject,
  completions: CompletionIndex,
): string | null {
  switch (definition.window.anchor) {
    case 'programme_start':
      return programme.startDate;
    case 'programme_end':
      return programme.endDate;
    case 'programme_midpoint':
      return midpoint(programme.startDate, programme.endDate);
    case 'enrolment':
      return subject.type === 'cohort' ? programme.startDate : subject.enrolledAt;
    case 'procedure_completed': {
      const key = definition.window.procedure;
      if (!key) return null;
      const days = subject.relatedKeys.map((s) => completions.get(completionKey(key, s))).filter((d): d is string => d !== undefined);
      return days.length ? days.sort()[0] : null;
    }
  }
}

/**
 * The day a window ends at the latest by its `until` (e.g. the programme's end), or null when the
 * window has none. Depends only on the programme.
 */
export function windowEnd(definition: ProcedureDefinition, programme: AnchorProgramme): string | null {
  const until = definition.window.until;
  if (!until) return null;
  const day =
    until.anchor === 'programme_start'
      ? programme.startDate
      : until.anchor === 'programme_end'
        ? programme.endDate
        : midpoint(programme.startDate, programme.endDate);
  return addDays(day, until.days);
}

/** The window's days: anchor + fromDays .. the earlier of anchor + toDays and `end` (from windowEnd). */
export function boundedWindow(anchor: string, window: { fromDays: number; toDays: number }, end: string | null): DateRange {
  const bounds = windowBounds(anchor, window);
  return end !== null && end < bounds.to ? { from: bounds.from, to: end } : bounds;
}
