/**
 * Checks a recipient's answers against the questions of the version their invitation is bound to.
 * Pure: answers the answers split into the stored kind (scale, choice, multiselect) and free text,
 * or problems naming the question (`answers.overall`).
 */
import { SCALE_MAX, SCALE_MIN } from './survey-content.js';
import type { SurveyQuestion } from './survey-content.js';

export const MAX_TEXT_ANSWER = 4000;

export interface CheckedAnswers {
  /** Scale, choice and multiselect answers by question key. */
  values: Record<string, number | string | string[]>;
  /** Free text by question key (trimmed, never empty). */
  texts: Record<string, string>;
}

export function checkAnswers(
  questions: readonly SurveyQuestion[],
  answers: Record<string, unknown>,
): { ok: true; answers: CheckedAnswers } | { ok: false; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const out: CheckedAnswers = { values: {}, texts: {} };
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: 'is not a question of this survey' });
  for (const q of questions) {
    const field = `answers.${q.key}`;
    const v = answers[q.key];
    const blank = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    if (blank) {
      if (q.required) problems.push({ field, message: 'is required' });
      continue;
    }
    const options = (q.options ?? []).map((o) => o.value);
    switch (q.type) {
      case 'scale':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < SCALE_MIN || v > SCALE_MAX)
          problems.push({ field, message: `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}` });
        else out.values[q.key] = v;
        break;
      case 'choice':
        if (typeof v !== 'string' || !options.includes(v)) problems.push({ field, message: `must be one of: ${options.join(', ')}` });
        else out.values[q.key] = v;
        break;
      case 'multiselect':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !options.includes(x)))
          problems.push({ field, message: `must be a list of values among: ${options.join(', ')}` });
        else if (new Set(v).size !== v.length) problems.push({ field, message: 'must not name the same value twice' });
        else out.values[q.key] = v as string[];
        break;
      case 'text':
        if (typeof v !== 'string') problems.push({ field, message: 'must be a string' });
        else if (v.length > MAX_TEXT_ANSWER) problems.push({ field, message: `must be at most ${MAX_TEXT_ANSWER} characters long` });
        // eslint-disable-next-line no-control-regex
        else if (/\u0000/.test(v)) problems.push({ field, message: 'must not contain NUL characters' });
        else out.texts[q.key] = v.trim();
        break;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: out };
}
