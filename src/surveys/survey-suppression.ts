/**
 * Survey results as people may see them: counts and means over fewer than 5 answers are hidden,
 * and so is whatever would let one work a hidden cell out from the others (a cohort's count from
 * the total less the other cohorts). Pure: the service loads the answers.
 */
import { SMALL_CELL_LIMIT, rate, suppressRow } from '../indicators/indicator-math.js';
import type { Count } from '../indicators/indicator-math.js';
import { SCALE_MAX, SCALE_MIN } from './survey-content.js';
import type { SurveyAudience, SurveyQuestion } from './survey-content.js';

export const TEXT_DECISIONS = ['cleared', 'redacted'] as const;
export type TextDecision = (typeof TEXT_DECISIONS)[number];
export const TEXT_REVIEW_STATES = ['pending', 'reviewed'] as const;
export type TextReviewState = (typeof TEXT_REVIEW_STATES)[number];

export { SMALL_CELL_LIMIT };

export interface CohortAnswers {
  programmeId: string;
  programmeName: string;
  startDate: string;
  role: SurveyAudience;
  invited: number;
  declined: number;
  /** One record per answered invitation: answers by question key (free text left out). */
  answers: Record<string, unknown>[];
}

export interface ShownRate {
  invited: Count;
  answered: Count;
  declined: Count;
  rate: number | null;
}

export interface QuestionResult {
  key: string;
  type: SurveyQuestion['type'];
  label: string;
  indicator: string | null;
  n: Count;
  mean: number | null;
  suppressed: boolean;
  distribution: { value: string; count: Count }[];
}

/**
 * Which cells of a breakdown to hide: every cell of 1 to 4, and while the hidden cells together
 * come to fewer than 5 (the total less the shown cells would give them away) the smallest shown
 * cell too; when no cell is left to hide, the total is hidden instead.
 */
export function hiddenCells(ns: readonly number[]): { hidden: boolean[]; totalHidden: boolean } {
  const hidden = ns.map((n) => n > 0 && n < SMALL_CELL_LIMIT);
  const hiddenSum = () => ns.reduce((s, n, i) => s + (hidden[i] ? n : 0), 0);
  while (hiddenSum() > 0 && hiddenSum() < SMALL_CELL_LIMIT) {
    const partner = ns
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => n > 0 && !hidden[i])
      .sort((a, b) => a.n - b.n)[0];
    if (!partner) return { hidden, totalHidden: true };
    hidden[partner.i] = true;
  }
  return { hidden, totalHidden: false };
}

/** Invited, answered, declined: a row of people (answered, declined and not answered add up to invited). */
export function shownRate(invited: number, answered: number, declined: number): ShownRate {
  const row = suppressRow({ answered, declined, open: invited - answered - declined }, true);
  const hidden = typeof row.counts.answered === 'string' || typeof row.total === 'string';
  return {
    invited: row.total,
    answered: row.counts.answered,
    declined: row.counts.declined,
    rate: hidden ? null : rate(answered, invited).value,
  };
}

/** One question over a set of answers; `hide` forces it hidden (a cohort hidden to protect another). */
export function questionResult(q: SurveyQuestion, answers: readonly Record<string, unknown>[], hide = false): QuestionResult {
  const given = answers.map((a) => a[q.key]).filter((v) => v !== undefined && v !== null);
  const n = given.length;
  const suppressed = hide || n < SMALL_CELL_LIMIT;
  const base = { key: q.key, type: q.type, label: q.label.en, indicator: q.indicator ?? null };
  if (suppressed) return { ...base, n: n === 0 ? 0 : n < SMALL_CELL_LIMIT ? '<5' : '>=5', mean: null, suppressed: n > 0, distribution: [] };
  const counts = new Map<string, number>();
  const values =
    q.type === 'scale'
      ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i))
      : (q.options ?? []).map((o) => o.value);
  for (const v of values) counts.set(v, 0);
  for (const v of given) {
    for (const one of Array.isArray(v) ? v : [v]) {
      const k = String(one);
      if (counts.has(k)) counts.set(k, counts.get(k)! + 1);
    }
  }
  let distribution: { value: string; count: Count }[] = [];
  if (q.type === 'multiselect') {
    // Each option is a yes/no of its own: those who did not choose it are counted too.
    distribution = values.map((v) => ({
      value: v,
      count: suppressRow({ chose: counts.get(v)!, not: n - counts.get(v)! }, true).counts.chose,
    }));
  } else if (q.type !== 'text') {
    const row = suppressRow(Object.fromEntries(values.map((v) => [v, counts.get(v)!])), true);
    distribution = values.map((v) => ({ value: v, count: row.counts[v] }));
  }
  const mean = q.type === 'scale' ? Math.round((given.reduce((s: number, v) => s + Number(v), 0) / n) * 100) / 100 : null;
  return { ...base, n, mean, suppressed: false, distribution };
}

export interface CohortResult {
  programmeId: string;
  programmeName: string;
  startDate: string;
  role: SurveyAudience;
  responseRate: ShownRate;
  questions: QuestionResult[];
  /** Whether the cohort's answers may be named with it (free text): enough answered, nothing hidden. */
  nameable: boolean;
}

/** The cohorts, the whole and the trends, each cell hidden where it would tell of fewer than 5 people. */
export function surveyResults(questions: readonly SurveyQuestion[], cohorts: readonly CohortAnswers[]) {
  const all = cohorts.flatMap((c) => c.answers);
  const perQuestion = new Map(
    questions.map((q) => {
      const ns = cohorts.map((c) => c.answers.filter((a) => a[q.key] !== undefined && a[q.key] !== null).length);
      return [q.key, hiddenCells(ns)] as const;
    }),
  );
  const answeredCells = hiddenCells(cohorts.map((c) => c.answers.length));
  const cohortResults: CohortResult[] = cohorts.map((c, i) => ({
    programmeId: c.programmeId,
    programmeName: c.programmeName,
    startDate: c.startDate,
    role: c.role,
    responseRate: shownRate(c.invited, c.answers.length, c.declined),
    questions: questions.map((q) => questionResult(q, c.answers, perQuestion.get(q.key)!.hidden[i])),
    nameable: !answeredCells.hidden[i] && c.answers.length >= SMALL_CELL_LIMIT,
  }));
  const invited = cohorts.reduce((s, c) => s + c.invited, 0);
  const declined = cohorts.reduce((s, c) => s + c.declined, 0);
  const overall = questions.map((q) => questionResult(q, all, perQuestion.get(q.key)!.totalHidden));
  const trends = questions
    .filter((q) => q.type === 'scale')
    .map((q) => ({
      questionKey: q.key,
      indicator: q.indicator ?? null,
      points: cohortResults.map((c) => {
        const r = c.questions.find((x) => x.key === q.key)!;
        return { programmeId: c.programmeId, programmeName: c.programmeName, startDate: c.startDate, n: r.n, mean: r.mean };
      }),
    }));
  return { responseRate: shownRate(invited, all.length, declined), questions: overall, cohorts: cohortResults, trends };
}
