import { checkAnswers } from './survey-answers.js';
import { validateSurveyContent } from './survey-content.js';
import type { SurveyQuestion } from './survey-content.js';
import { sendDay } from './survey-moments.js';
import { hiddenCells, questionResult, shownRate } from './survey-suppression.js';

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

describe('small-cell suppression of survey results', () => {
  it('hides cells of 1 to 4, and a partner while the hidden ones come to fewer than 5', () => {
    expect(hiddenCells([5, 6])).toEqual({ hidden: [false, false], totalHidden: false });
    expect(hiddenCells([0, 6])).toEqual({ hidden: [false, false], totalHidden: false });
    expect(hiddenCells([2, 6, 9])).toEqual({ hidden: [true, true, false], totalHidden: false });
    expect(hiddenCells([3, 1, 20])).toEqual({ hidden: [true, true, true], totalHidden: false });
    expect(hiddenCells([3, 4])).toEqual({ hidden: [true, true], totalHidden: false });
    expect(hiddenCells([3])).toEqual({ hidden: [true], totalHidden: true });
  });

  it('shows a question of 5 answers with its mean, hides one of 4 entirely', () => {
    const five = [3, 3, 3, 3, 3].map((v) => ({ overall: v }));
    expect(questionResult(scale, five)).toEqual(expect.objectContaining({ n: 5, mean: 3, suppressed: false }));
    // Five different answers: each cell is 1, which n = 5 and "<5" five times would tell.
    const spread = [1, 2, 3, 4, 5].map((v) => ({ overall: v }));
    expect(questionResult(scale, spread)).toEqual(expect.objectContaining({ n: 5, mean: null, suppressed: true, distribution: [] }));
    expect(questionResult(scale, five.slice(0, 4))).toEqual(
      expect.objectContaining({ n: '<5', mean: null, suppressed: true, distribution: [] }),
    );
    expect(questionResult(scale, five, true)).toEqual(expect.objectContaining({ n: '>=5', mean: null, suppressed: true }));
  });

  it('hides the count of an option of a multiselect chosen by all but a few (those who did not choose it are few)', () => {
    const answers = [...Array(8)].map((_, i) => ({ helped: i < 6 ? ['language', 'network'] : ['network'] }));
    expect(questionResult(multi, answers).distribution).toEqual([
      { value: 'language', count: '>=5' },
      { value: 'network', count: 8 },
    ]);
  });

  it('hides a small count of a response rate with a partner, and the rate when the answered count is hidden', () => {
    expect(shownRate(20, 12, 3)).toEqual({ invited: 20, answered: 12, declined: '<5', rate: 0.6 });
    expect(shownRate(20, 17, 0)).toEqual({ invited: 20, answered: '>=5', declined: 0, rate: null });
    expect(shownRate(20, 10, 0)).toEqual({ invited: 20, answered: 10, declined: 0, rate: 0.5 });
  });
});

describe('answers checked against the questions', () => {
  it('names each question that does not fit, and stores free text apart', () => {
    const text: SurveyQuestion = { key: 'comments', type: 'text', label: t('Comments'), required: false };
    expect(checkAnswers([scale, multi, text], { overall: 0, helped: ['language', 'language'], other: 1 })).toEqual({
      ok: false,
      problems: [
        { field: 'answers.other', message: 'is not a question of this survey' },
        { field: 'answers.overall', message: 'must be a whole number from 1 to 5' },
        { field: 'answers.helped', message: 'must not name the same value twice' },
      ],
    });
    expect(checkAnswers([scale, multi, text], { overall: 3, comments: '  fine  ' })).toEqual({
      ok: true,
      answers: { values: { overall: 3 }, texts: { comments: 'fine' } },
    });
  });
});

describe('the day a plan entry sends', () => {
  const programme = { startDate: '2026-01-12', endDate: '2026-06-30' };
  it('counts from the programme dates or a completion', () => {
    expect(sendDay({ moment: 'programme_start', offsetDays: 14 }, programme, null)).toBe('2026-01-26');
    expect(sendDay({ moment: 'programme_midpoint', offsetDays: 0 }, programme, null)).toBe('2026-04-06');
    expect(sendDay({ moment: 'programme_end', offsetDays: 180 }, programme, null)).toBe('2026-12-27');
    expect(sendDay({ moment: 'procedure_completed', offsetDays: 1 }, programme, null)).toBeNull();
    expect(sendDay({ moment: 'procedure_completed', offsetDays: 1 }, programme, '2026-01-20')).toBe('2026-01-21');
  });
});

describe('survey content', () => {
  it('refuses unknown properties and an indicator on a question that is not a scale', () => {
    const res = validateSurveyContent({
      key: 'x-survey',
      audience: 'adept',
      title: t('T'),
      intro: t('I'),
      privacy: t('P'),
      colour: 'red',
      questions: [{ key: 'q', type: 'text', label: t('Q'), indicator: 'participant_satisfaction' }],
    });
    expect(res).toEqual({
      ok: false,
      problems: [
        { path: 'colour', message: 'is not a known property (known: key, audience, title, intro, privacy, questions)' },
        { path: 'questions[0].indicator', message: 'can only be given for a scale question (its mean feeds the indicator)' },
      ],
    });
  });
});
