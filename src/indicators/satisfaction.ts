/**
 * Satisfaction indicators from the surveys people answer themselves (issue 18): each survey scale
 * question may name an indicator; its answers in a period, over one programme or several, give
 * the indicator's mean. Answers are read through the surveys module's query functions only.
 * Every figure about fewer than 5 answers is suppressed, for every reader.
 */
import type { EntityManager } from 'typeorm';
import { SMALL_CELL_LIMIT, rate, suppress, suppressRow } from '../common/small-cells.js';
import type { Count } from '../common/small-cells.js';
import { surveyIndicatorAnswers, surveyIndicatorResponseCounts } from '../surveys/surveys.queries.js';

/** Participants (adepts), mentors, employers (the supervisors at host organisations of internships). */
export const SATISFACTION_INDICATORS = ['participant_satisfaction', 'mentor_satisfaction', 'employer_satisfaction'] as const;
export type SatisfactionIndicator = (typeof SATISFACTION_INDICATORS)[number];
const SCORES = ['1', '2', '3', '4', '5'] as const;
export type Score = (typeof SCORES)[number];

/** One indicator measured from survey answers, unsuppressed (presentation suppresses). */
export interface SatisfactionFigure {
  indicator: SatisfactionIndicator;
  /** The surveys whose answers feed it, by key. */
  surveys: string[];
  /** Invitations of those surveys open in the period, and of them answered and declined. */
  invited: number;
  answered: number;
  declined: number;
  /** Scale answers given in the period (1..5) and their mean, two decimals; null when none. */
  n: number;
  mean: number | null;
  distribution: Record<Score, number>;
}

export interface SatisfactionPeriod {
  from?: string | null;
  to?: string | null;
  programmeIds?: readonly string[] | null;
}

/** The three satisfaction indicators over the programmes, answers given within [from, to]. */
export async function measureSatisfaction(
  m: EntityManager,
  q: SatisfactionPeriod,
): Promise<Record<SatisfactionIndicator, SatisfactionFigure>> {
  const out = {} as Record<SatisfactionIndicator, SatisfactionFigure>;
  for (const indicator of SATISFACTION_INDICATORS) {
    const answers = await surveyIndicatorAnswers(m, { indicator, ...q });
    const counts = await surveyIndicatorResponseCounts(m, { indicator, ...q });
    out[indicator] = satisfactionFigure(
      indicator,
      answers.flatMap((a) => a.values),
      counts,
    );
  }
  return out;
}

export function satisfactionFigure(
  indicator: SatisfactionIndicator,
  values: readonly number[],
  counts: readonly { surveyKey: string; invited: number; answered: number; declined: number }[],
): SatisfactionFigure {
  const distribution = Object.fromEntries(SCORES.map((s) => [s, 0])) as Record<Score, number>;
  for (const v of values) if ((SCORES as readonly string[]).includes(String(v))) distribution[String(v) as Score]++;
  const sum = (k: 'invited' | 'answered' | 'declined') => counts.reduce((s, c) => s + c[k], 0);
  return {
    indicator,
    surveys: [...new Set(counts.map((c) => c.surveyKey))].sort(),
    invited: sum('invited'),
    answered: sum('answered'),
    declined: sum('declined'),
    n: values.length,
    mean: values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 : null,
    distribution,
  };
}

/** The mean an objective is measured by: only over 5 answers or more (fewer could identify someone). */
export function shownMean(f: SatisfactionFigure | undefined): number | null {
  return f && f.n >= SMALL_CELL_LIMIT ? f.mean : null;
}

/** A satisfaction indicator as anyone may see it: counts under 5 hidden, no mean or distribution over fewer than 5 answers. */
export interface ShownSatisfaction {
  indicator: SatisfactionIndicator;
  surveys: string[];
  invited: Count;
  answered: Count;
  declined: Count;
  /** answered / invited, 0..1, four decimals; null when a count is hidden or none were invited. */
  responseRate: number | null;
  n: Count;
  mean: number | null;
  distribution: Record<Score, Count> | null;
}

export function presentSatisfaction(f: SatisfactionFigure): ShownSatisfaction {
  const people = suppressRow({ answered: f.answered, declined: f.declined, open: f.invited - f.answered - f.declined }, true);
  const hidden = typeof people.counts.answered === 'string' || typeof people.total === 'string';
  const enough = f.n >= SMALL_CELL_LIMIT;
  return {
    indicator: f.indicator,
    surveys: f.surveys,
    invited: people.total,
    answered: people.counts.answered,
    declined: people.counts.declined,
    responseRate: hidden ? null : rate(f.answered, f.invited).value,
    n: suppress(f.n, true),
    mean: enough ? f.mean : null,
    distribution: enough ? suppressRow(f.distribution, true).counts : null,
  };
}
