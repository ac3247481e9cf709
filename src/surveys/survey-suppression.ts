/**
 * Survey results as people may see them: counts and means over fewer than 5 answers are hidden,
 * and so is whatever would let one work a hidden cell out from the others (a cohort's count from
 * the total less the other cohorts). Pure: the service loads the answers.
 */
import { SMALL_CELL_LIMIT, rate, suppressRow } from '../common/small-cells.js';
import type { Count } from '../common/small-cells.js';
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
  let withheld = false;
  if (q.type === 'multiselect') {
    // Each option is a yes/no of its own: those who did not choose it are counted too.
    const rows = values.map((v) => safeRow([counts.get(v)!, n - counts.get(v)!]));
    withheld = rows.some((r) => r === null);
    distribution = withheld ? [] : values.map((v, i) => ({ value: v, count: rows[i]![0] }));
  } else if (q.type !== 'text') {
    const row = safeRow(values.map((v) => counts.get(v)!));
    withheld = row === null;
    distribution = row === null ? [] : values.map((v, i) => ({ value: v, count: row[i] }));
  }
  // With n shown, a mean beside a hidden cell would solve it (n = 6, mean 4.33 over 1s and 5s): the mean goes with any hidden cell.
  const anyHidden = withheld || distribution.some((d) => typeof d.count === 'string');
  const mean = q.type === 'scale' && !anyHidden ? Math.round((given.reduce((s: number, v) => s + Number(v), 0) / n) * 100) / 100 : null;
  return { ...base, n, mean, suppressed: withheld, distribution };
}

/**
 * A row of counts shown beside its exact total, or null when it cannot be shown at all. With no
 * cell of 1 to 4 the row is shown as it is. Otherwise every non-zero cell is shown only as "<5" or
 * ">=5", so that what is hidden depends on nothing but what is shown (hiding a partner cell only
 * when needed would itself tell); and when the total and those bounds (1 to 4, at least 5) would
 * still leave some cell one value only (1 and 5 of 6), the row is withheld.
 */
export function safeRow(ns: readonly number[]): Count[] | null {
  if (!ns.some((n) => n > 0 && n < SMALL_CELL_LIMIT)) return [...ns];
  const cells = ns.filter((n) => n > 0);
  const sum = cells.reduce((s, n) => s + n, 0);
  const bounds = cells.map((n) => (n < SMALL_CELL_LIMIT ? [1, SMALL_CELL_LIMIT - 1] : [SMALL_CELL_LIMIT, sum]));
  const lows = bounds.reduce((s, b) => s + b[0], 0);
  const highs = bounds.reduce((s, b) => s + b[1], 0);
  const determined = bounds.some(([lo, hi]) => Math.max(lo, sum - (highs - hi)) === Math.min(hi, sum - (lows - lo)));
  return determined ? null : ns.map((n) => (n === 0 ? 0 : n < SMALL_CELL_LIMIT ? '<5' : '>=5'));
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
  /** Whether the cohort has 5 answers or more: the free text of a smaller one is not shown at all. */
  enoughAnswers: boolean;
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
    enoughAnswers: c.answers.length >= SMALL_CELL_LIMIT,
  }));
  const invited = cohorts.reduce((s, c) => s + c.invited, 0);
  const declined = cohorts.reduce((s, c) => s + c.declined, 0);
  // The overall figures less the shown cohorts' would give the hidden cohorts' away: where a cohort
  // hides anything of a question, the overall distribution and mean are hidden too (unless only one
  // cohort answered it: the overall figures are then that cohort's, hidden alike).
  const overall = questions.map((q) => {
    const r = questionResult(q, all, perQuestion.get(q.key)!.totalHidden);
    const answeredBy = cohortResults.filter((c) => c.questions.find((y) => y.key === q.key)!.n !== 0);
    const cohortHides =
      answeredBy.length > 1 &&
      answeredBy.some((c) => {
        const x = c.questions.find((y) => y.key === q.key)!;
        return (
          x.suppressed ||
          typeof x.n === 'string' ||
          x.distribution.some((d) => typeof d.count === 'string') ||
          (q.type === 'scale' && x.n !== 0 && x.mean === null)
        );
      });
    return cohortHides && !r.suppressed && typeof r.n === 'number' ? { ...r, mean: null, suppressed: true, distribution: [] } : r;
  });
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
  return { responseRate: overallRate(cohortResults, invited, all.length, declined), questions: overall, cohorts: cohortResults, trends };
}

/**
 * The overall response figures. Where a cohort's invited, answered or declined is hidden, the
 * overall one is shown only as "<5" or ">=5" (with no rate): the total less the shown cohorts would
 * otherwise give the hidden cohort's figure away.
 */
function overallRate(cohorts: readonly CohortResult[], invited: number, answered: number, declined: number): ShownRate {
  const shown = shownRate(invited, answered, declined);
  const exact = { invited, answered, declined };
  for (const k of ['invited', 'answered', 'declined'] as const) {
    if (!cohorts.some((c) => typeof c.responseRate[k] === 'string')) continue;
    shown[k] = exact[k] === 0 ? 0 : exact[k] < SMALL_CELL_LIMIT ? '<5' : '>=5';
    shown.rate = null;
  }
  return shown;
}
