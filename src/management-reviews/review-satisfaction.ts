/**
 * Customer satisfaction in the management review (9.3.2 c 1, and the mentors of c 7): the figures
 * come from the surveys the people answered themselves where there are answers in the period, and
 * otherwise from the scores leaders recorded in procedures. Each figure says which source it is.
 */
import type { ShownSatisfaction } from '../indicators/indicators.mapper.js';
import type { PeopleCount, ReviewSurveySourceInput, SatisfactionSource, Trend } from './management-review.dto.js';

export const RECORDED_BY_LEADERS = 'recorded by leaders';

/** "survey (12 answers, response rate 80 %)": the source of a figure in words. */
export function surveySourceNote(s: ShownSatisfaction): string {
  const answers = typeof s.n === 'string' ? 'fewer than 5 answers' : `${s.n} answer${s.n === 1 ? '' : 's'}`;
  const rate = s.responseRate === null ? 'response rate not shown' : `response rate ${Math.round(s.responseRate * 100)} %`;
  return `survey (${answers}, ${rate})`;
}

/** Surveys are the source where any answer feeds the indicator in the period. */
export function surveyIsSource(s: ShownSatisfaction): boolean {
  return s.n !== 0;
}

export function surveySource(s: ShownSatisfaction): ReviewSurveySourceInput {
  return { surveys: s.surveys, invited: s.invited, answered: s.answered, responseRate: s.responseRate };
}

export function sourceOf(s: ShownSatisfaction): { source: SatisfactionSource; sourceNote: string } {
  return surveyIsSource(s)
    ? { source: 'survey', sourceNote: surveySourceNote(s) }
    : { source: 'recorded_by_leaders', sourceNote: RECORDED_BY_LEADERS };
}

/** Answers to a scale question as the review counts people: 1 to 4 is "<5" (the count stands alone, never partnered). */
export function answersOf(s: ShownSatisfaction): PeopleCount {
  return typeof s.n === 'number' ? s.n : '<5';
}

export function trendOf(previous: number | null, current: number | null): Trend | null {
  if (previous === null || current === null) return null;
  const d = Math.round((current - previous) * 10000) / 10000;
  return d > 0 ? 'up' : d < 0 ? 'down' : 'flat';
}
