/**
 * Result figures as words in the user's language: a hidden count or mean says it is hidden because
 * fewer than 5 answered (never a blank), and questions and options are named from the survey's own
 * texts in the user's language.
 */
import type { TFunction } from 'i18next';
import { currentLanguage } from '../i18n/i18n';
import { formatPercent } from '../ui/format';
import type { Count, QuestionResult, ResponseRate, Survey, SurveyQuestion } from './queries';

export function countText(t: TFunction, c: Count): string {
  if (c === '<5') return t('survey.results.fewerThanFive');
  if (c === '>=5') return t('survey.results.fiveOrMore');
  return String(c);
}

export function countValue(c: Count): number | null {
  return typeof c === 'number' ? c : null;
}

export function meanText(t: TFunction, mean: number | null, suppressed: boolean): string {
  if (suppressed || mean === null) return t('survey.results.fewerThanFiveAnswers');
  return t('survey.results.mean', { mean: mean.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
}

export function rateText(t: TFunction, r: ResponseRate): string {
  return t('survey.results.rateLine', {
    answered: countText(t, r.answered),
    invited: countText(t, r.invited),
    rate: r.rate === null ? t('survey.results.rateHidden') : formatPercent(r.rate),
  });
}

/** The survey's questions by key, from its newest version (results of older versions share keys). */
export function questionsOf(survey: Survey | undefined): Map<string, SurveyQuestion> {
  const out = new Map<string, SurveyQuestion>();
  for (const v of survey?.versions ?? []) for (const q of v.content.questions) out.set(q.key, q);
  return out;
}

export function questionLabel(questions: Map<string, SurveyQuestion>, r: Pick<QuestionResult, 'key' | 'label'>): string {
  return questions.get(r.key)?.label[currentLanguage()] ?? r.label;
}

/** A distribution entry's name: a scale value as itself (1 lowest, 5 highest), an option by its label. */
export function valueLabel(t: TFunction, question: SurveyQuestion | undefined, type: QuestionResult['type'], value: string): string {
  if (type === 'scale') {
    if (value === '1') return t('survey.form.scaleLowest', { n: 1 });
    if (value === '5') return t('survey.form.scaleHighest', { n: 5 });
    return value;
  }
  return question?.options.find((o) => o.value === value)?.label[currentLanguage()] ?? value;
}
