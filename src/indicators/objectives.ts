import { meets } from './indicator-math.js';
import type { Comparator } from './indicator-math.js';
import type { RawIndicators } from './indicators.service.js';
import { SATISFACTION_INDICATORS, shownMean } from './satisfaction.js';

/** The indicators an objective can name. `conformance_rate:<procedure-key>` narrows to one procedure. */
export const OBJECTIVE_INDICATORS = [
  'conformance_rate',
  'in_work_or_studies_rate',
  'completion_rate',
  'withdrawal_rate',
  'actions_closed_on_time_rate',
  'median_days_to_close',
  'open_deviations',
  'open_major_or_critical_deviations',
  ...SATISFACTION_INDICATORS,
] as const;

export const INDICATOR_PATTERN = new RegExp(`^(${OBJECTIVE_INDICATORS.join('|')}|conformance_rate:[a-z][a-z0-9-]{1,62})$`);

/** The measured value of an indicator, or null when there is nothing to measure yet. */
export function measure(indicator: string, x: RawIndicators): number | null {
  const adepts = x.participants.byRole.adept;
  const share = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  if (indicator.startsWith('conformance_rate:')) {
    const key = indicator.slice('conformance_rate:'.length);
    return x.conformance.byProcedure.find((p) => p.procedureKey === key)?.rate.value ?? null;
  }
  switch (indicator) {
    case 'conformance_rate':
      return x.conformance.overall.value;
    case 'in_work_or_studies_rate':
      return x.inWorkOrStudiesAmongCompleters.value;
    case 'completion_rate':
      return share(adepts.completed, adepts.enrolled);
    case 'withdrawal_rate':
      return share(adepts.withdrawn, adepts.enrolled);
    case 'actions_closed_on_time_rate':
      return x.correctiveActions.closedOnTime.value;
    case 'median_days_to_close':
      return x.deviations.medianDaysDetectionToClosure;
    case 'open_deviations':
      return x.deviations.total - x.deviations.byState.closed - x.deviations.byState.cancelled;
    case 'open_major_or_critical_deviations':
      return x.deviations.openBySeverity.major + x.deviations.openBySeverity.critical;
    case 'participant_satisfaction':
    case 'mentor_satisfaction':
    case 'employer_satisfaction':
      // Not measurable over fewer than 5 answers: the mean could identify someone.
      return shownMean(x.satisfaction[indicator]);
    default:
      return null;
  }
}

export function evaluate(
  indicator: string,
  comparator: Comparator,
  target: number,
  x: RawIndicators,
): { measured: number | null; status: 'met' | 'not_met' | 'not_measurable' } {
  const measured = measure(indicator, x);
  const ok = meets(measured, comparator, target);
  return { measured, status: ok === null ? 'not_measurable' : ok ? 'met' : 'not_met' };
}

/** What an indicator measures: a rate (a fraction 0..1), a number of days, a count, or a mean score 1..5 (surveys). */
export type IndicatorUnit = 'rate' | 'days' | 'count' | 'score';

export function indicatorUnit(indicator: string): IndicatorUnit {
  if (indicator.endsWith('_rate') || indicator.startsWith('conformance_rate:')) return 'rate';
  if (indicator === 'median_days_to_close') return 'days';
  if ((SATISFACTION_INDICATORS as readonly string[]).includes(indicator)) return 'score';
  return 'count';
}

/**
 * The values an indicator can take: rates are fractions 0..1 (0.9 for 90 %, never percent), days
 * 0 or more, counts whole numbers 0 or more.
 */
export function indicatorRange(indicator: string): { min: number; max: number; integer: boolean; unit: string } {
  const unit = indicatorUnit(indicator);
  if (unit === 'rate') return { min: 0, max: 1, integer: false, unit: 'a rate, a fraction from 0 to 1 (0.9 for 90 %)' };
  if (unit === 'days') return { min: 0, max: Infinity, integer: false, unit: 'a number of days, 0 or more' };
  if (unit === 'score') return { min: 1, max: 5, integer: false, unit: 'a mean score, from 1 to 5' };
  return { min: 0, max: Infinity, integer: true, unit: 'a count, a whole number 0 or more' };
}

/**
 * Why an objective could never be met, or null: a target outside its indicator's range, a count
 * that is not whole, or a target at the edge that the comparator puts out of reach (a rate "> 1",
 * a count "< 0").
 */
export function implausibleTarget(indicator: string, comparator: Comparator, target: number): string | null {
  const r = indicatorRange(indicator);
  const max = r.max === Infinity ? 'no upper limit' : `at most ${r.max}`;
  if (target < r.min || target > r.max) return `${indicator} is ${r.unit}: the target must be at least ${r.min} and ${max}`;
  if (r.integer && !Number.isInteger(target)) return `${indicator} is ${r.unit}: the target must be a whole number`;
  if ((comparator === '>' && target === r.max) || (comparator === '<' && target === r.min))
    return `${indicator} can never be ${comparator} ${target}: it is ${r.unit}`;
  return null;
}

/** The calendar quarter of a day, e.g. 2027-Q1: the period an objective's measurement belongs to. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export type Trend = 'up' | 'down' | 'flat';

/** Up, down or flat from `previous` to `current`; null when either was not measured. */
export function trendOf(previous: number | null | undefined, current: number | null | undefined): Trend | null {
  if (previous === null || previous === undefined || current === null || current === undefined) return null;
  const d = Math.round((current - previous) * 10000) / 10000;
  return d > 0 ? 'up' : d < 0 ? 'down' : 'flat';
}

/** Whether a move is for the better: up for "at least", down for "at most"; null for "equal" or no move. */
export function trendIsBetter(trend: Trend | null, comparator: Comparator): boolean | null {
  if (trend === null || trend === 'flat' || comparator === '=') return null;
  return (trend === 'up') === (comparator === '>=' || comparator === '>');
}
