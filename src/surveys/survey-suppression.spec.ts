import type { SurveyQuestion } from './survey-content.js';
import { questionResult, surveyResults } from './survey-suppression.js';
import type { CohortAnswers } from './survey-suppression.js';

const t = (s: string) => ({ en: s, sv: s, nb: s });
const scale: SurveyQuestion = { key: 'overall', type: 'scale', label: t('Overall'), required: true };
const multi: SurveyQuestion = {
  key: 'helped',
  type: 'multiselect',
  label: t('Helped with'),
  required: false,
  options: [
    { value: 'language', label: t('Language') },
    { value: 'network', label: t('Network') },
  ],
};

/** Every way of putting n people into k boxes. */
function compositions(n: number, k: number): number[][] {
  if (k === 1) return [[n]];
  const out: number[][] = [];
  for (let first = 0; first <= n; first++) for (const rest of compositions(n - first, k - 1)) out.push([first, ...rest]);
  return out;
}

/** Groups the true figures by what is shown; a hidden figure must take at least two values within its group. */
function expectNoHiddenCellSolvable(cases: { shown: unknown; truth: number[] }[], hiddenAt: (shown: unknown) => number[]) {
  const groups = new Map<string, { shown: unknown; truths: number[][] }>();
  for (const c of cases) {
    const key = JSON.stringify(c.shown);
    if (!groups.has(key)) groups.set(key, { shown: c.shown, truths: [] });
    groups.get(key)!.truths.push(c.truth);
  }
  const solvable: string[] = [];
  for (const [key, g] of groups) {
    for (const i of hiddenAt(g.shown)) if (new Set(g.truths.map((tr) => tr[i])).size < 2) solvable.push(`${key} cell ${i}`);
  }
  expect(solvable).toEqual([]);
}

describe('no hidden survey cell can be worked out from what is shown', () => {
  it('scale questions of 1 to 10 answers: from n, the shown cells and the mean', () => {
    const cases = [];
    for (let n = 1; n <= 10; n++) {
      for (const dist of compositions(n, 5)) {
        const answers = dist.flatMap((count, i) => Array.from({ length: count }, () => ({ overall: i + 1 })));
        const r = questionResult(scale, answers);
        cases.push({ shown: { n: r.n, mean: r.mean, distribution: r.distribution, suppressed: r.suppressed }, truth: dist });
      }
    }
    expectNoHiddenCellSolvable(cases, (shown) => {
      const s = shown as { distribution: { count: unknown }[] };
      return s.distribution.flatMap((d, i) => (typeof d.count === 'string' ? [i] : []));
    });
  });

  it('the reviewed example: [1, 5, 5, 5, 5, 5] shows neither the mean nor a solvable cell', () => {
    const r = questionResult(
      scale,
      [1, 5, 5, 5, 5, 5].map((v) => ({ overall: v })),
    );
    expect(r.mean).toBeNull();
    expect(r.n).toBe(6);
    expect(r.distribution).toEqual([]);
  });

  it('multiselect questions of 1 to 9 answers: each option from n and the other options', () => {
    const subsets = [[], ['language'], ['network'], ['language', 'network']];
    const cases = [];
    for (let n = 1; n <= 9; n++) {
      for (const dist of compositions(n, 4)) {
        const answers = dist.flatMap((count, i) => Array.from({ length: count }, () => ({ helped: subsets[i] })));
        const r = questionResult(multi, answers);
        const chose = [dist[1] + dist[3], dist[2] + dist[3]];
        cases.push({ shown: { n: r.n, distribution: r.distribution, suppressed: r.suppressed }, truth: chose });
      }
    }
    expectNoHiddenCellSolvable(cases, (shown) => {
      const s = shown as { distribution: { count: unknown }[] };
      return s.distribution.flatMap((d, i) => (typeof d.count === 'string' ? [i] : []));
    });
  });

  const cohort = (id: string, invited: number, answered: number, values: number[] = []): CohortAnswers => ({
    programmeId: id,
    programmeName: id,
    startDate: '2026-01-12',
    role: 'adept',
    invited,
    declined: 0,
    answers: Array.from({ length: answered }, (_, i) => ({ overall: values[i] ?? 4 })),
  });

  it('hides the overall answered count when a cohort hides its own (A 12 invited 2 answered, B 20/15)', () => {
    const r = surveyResults([scale], [cohort('A', 12, 2), cohort('B', 20, 15)]);
    expect(r.cohorts[0].responseRate.answered).toBe('<5');
    expect(r.cohorts[1].responseRate.answered).toBe(15);
    expect(r.responseRate.answered).toBe('>=5');
    expect(r.responseRate.rate).toBeNull();
  });

  it('hides the overall distribution and mean when a cohort hides a cell of it', () => {
    const r = surveyResults([scale], [cohort('A', 6, 6, [1, 5, 5, 5, 5, 5]), cohort('B', 10, 10, [5, 5, 5, 5, 5, 4, 4, 4, 4, 4])]);
    const overall = r.questions[0];
    expect(r.cohorts[0].questions[0].mean).toBeNull();
    expect(overall.mean).toBeNull();
    expect(overall.distribution).toEqual([]);
    expect(overall.n).toBe(16);
  });
});
