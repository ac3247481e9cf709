/**
 * What a survey says, as written in procedures/surveys/*.yaml and stored whole in each survey
 * version: title, introduction, what is done with the answers, and the questions, each text in
 * English, Swedish and Norwegian bokmål. Pure: the shape, and its checks with problems that name
 * the path (`questions[2].label.sv`), so a file and an API body are judged alike.
 */
import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';

export const SURVEY_AUDIENCES = ['adept', 'mentor', 'host'] as const;
/** Who answers: adepts, mentors, or the contact of a host organisation (an internship's supervisor). */
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

/** The field types of procedures a survey asks with: a scale of 1 to 5, one choice, several, or free text. */
export const QUESTION_TYPES = ['scale', 'choice', 'multiselect', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Survey texts are written in all three languages: a recipient reads the survey in theirs. */
export type SurveyText = Record<UserLanguage, string>;

export interface SurveyOption {
  value: string;
  label: SurveyText;
}

export interface SurveyQuestion {
  key: string;
  type: QuestionType;
  label: SurveyText;
  help?: SurveyText;
  required: boolean;
  /** For `choice` and `multiselect`. */
  options?: SurveyOption[];
  /** The indicator the answers feed, e.g. `participant_satisfaction` (scale questions). */
  indicator?: string;
}

export interface SurveyContent {
  key: string;
  audience: SurveyAudience;
  title: SurveyText;
  intro: SurveyText;
  /** What is done with the answers (shown to every recipient before they answer). */
  privacy: SurveyText;
  questions: SurveyQuestion[];
}

export interface ContentProblem {
  /** Where, e.g. `questions[2].label.sv`. */
  path: string;
  message: string;
}

export const SURVEY_KEY = /^[a-z][a-z0-9-]{1,62}$/;
const QUESTION_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const INDICATOR_KEY = /^[a-z][a-z0-9_]{1,62}$/;
const MAX_TEXT = 2000;
const MAX_QUESTIONS = 40;
const MAX_OPTIONS = 20;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks content and answers it normalised (texts trimmed, keys in a fixed order), or the problems found. */
export function validateSurveyContent(input: unknown): { ok: true; content: SurveyContent } | { ok: false; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const say = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) return { ok: false, problems: [{ path: '', message: 'must be an object (a survey)' }] };
  unknownKeys(input, ['key', 'audience', 'title', 'intro', 'privacy', 'questions'], '', say);
  const key = typeof input.key === 'string' && SURVEY_KEY.test(input.key) ? input.key : null;
  if (!key) say('key', 'must be lower-case letters, digits and hyphens, starting with a letter, such as adept-end-of-programme');
  const audience = SURVEY_AUDIENCES.find((a) => a === input.audience);
  if (!audience) say('audience', `must be one of: ${SURVEY_AUDIENCES.join(', ')}`);
  const title = text(input.title, 'title', say, 200);
  const intro = text(input.intro, 'intro', say);
  const privacy = text(input.privacy, 'privacy', say);
  const questions: SurveyQuestion[] = [];
  if (!Array.isArray(input.questions) || input.questions.length === 0) say('questions', 'must be a list of at least one question');
  else if (input.questions.length > MAX_QUESTIONS) say('questions', `must hold at most ${MAX_QUESTIONS} questions`);
  else {
    const seen = new Set<string>();
    input.questions.forEach((q: unknown, i) => {
      const question = checkQuestion(q, `questions[${i}]`, say);
      if (!question) return;
      if (seen.has(question.key)) say(`questions[${i}].key`, `repeats the key ${question.key}`);
      seen.add(question.key);
      questions.push(question);
    });
  }
  if (problems.length > 0 || !key || !audience || !title || !intro || !privacy) return { ok: false, problems };
  return { ok: true, content: { key, audience, title, intro, privacy, questions } };
}

function checkQuestion(q: unknown, at: string, say: (path: string, message: string) => void): SurveyQuestion | null {
  if (!isObject(q)) {
    say(at, 'must be an object');
    return null;
  }
  let bad = false;
  const fail = (path: string, message: string) => {
    bad = true;
    say(path, message);
  };
  unknownKeys(q, ['key', 'type', 'label', 'help', 'required', 'options', 'indicator'], `${at}.`, fail);
  const key = typeof q.key === 'string' && QUESTION_KEY.test(q.key) ? q.key : null;
  if (!key) fail(`${at}.key`, 'must be lower-case letters, digits and underscores, starting with a letter');
  const type = QUESTION_TYPES.find((t) => t === q.type);
  if (!type) fail(`${at}.type`, `must be one of: ${QUESTION_TYPES.join(', ')}`);
  const label = text(q.label, `${at}.label`, fail, 500);
  const help = q.help === undefined ? undefined : text(q.help, `${at}.help`, fail, 1000);
  if (q.required !== undefined && typeof q.required !== 'boolean') fail(`${at}.required`, 'must be true or false');
  let indicator: string | undefined;
  if (q.indicator !== undefined) {
    if (typeof q.indicator !== 'string' || !INDICATOR_KEY.test(q.indicator))
      fail(`${at}.indicator`, 'must be an indicator key: lower-case letters, digits and underscores, such as participant_satisfaction');
    else if (type !== 'scale') fail(`${at}.indicator`, 'can only be given for a scale question (its mean feeds the indicator)');
    else indicator = q.indicator;
  }
  let options: SurveyOption[] | undefined;
  const wantsOptions = type === 'choice' || type === 'multiselect';
  if (wantsOptions) {
    if (!Array.isArray(q.options) || q.options.length < 2 || q.options.length > MAX_OPTIONS)
      fail(`${at}.options`, `must list 2 to ${MAX_OPTIONS} options`);
    else {
      options = [];
      const values = new Set<string>();
      q.options.forEach((o: unknown, j) => {
        const p = `${at}.options[${j}]`;
        if (!isObject(o)) return fail(p, 'must be an object with value and label');
        unknownKeys(o, ['value', 'label'], `${p}.`, fail);
        const value = typeof o.value === 'string' && QUESTION_KEY.test(o.value) ? o.value : null;
        if (!value) return fail(`${p}.value`, 'must be lower-case letters, digits and underscores, starting with a letter');
        if (values.has(value)) return fail(`${p}.value`, `repeats the value ${value}`);
        values.add(value);
        const l = text(o.label, `${p}.label`, fail, 200);
        if (l) options!.push({ value, label: l });
      });
    }
  } else if (q.options !== undefined && type) fail(`${at}.options`, `can only be given for a choice or multiselect question, not ${type}`);
  if (bad || !key || !type || !label) return null;
  return {
    key,
    type,
    label,
    ...(help ? { help } : {}),
    required: q.required !== false,
    ...(options ? { options } : {}),
    ...(indicator ? { indicator } : {}),
  };
}

function text(v: unknown, at: string, say: (path: string, message: string) => void, max = MAX_TEXT): SurveyText | null {
  if (!isObject(v)) {
    say(at, 'must give the text in en, sv and nb');
    return null;
  }
  unknownKeys(v, USER_LANGUAGES, `${at}.`, say);
  const out: Partial<SurveyText> = {};
  for (const lang of USER_LANGUAGES) {
    const s = v[lang];
    if (typeof s !== 'string' || s.trim() === '') say(`${at}.${lang}`, 'is required (every text is written in en, sv and nb)');
    else if (s.length > max) say(`${at}.${lang}`, `must be at most ${max} characters long`);
    // eslint-disable-next-line no-control-regex
    else if (/\u0000/.test(s)) say(`${at}.${lang}`, 'must not contain NUL characters');
    else out[lang] = s.trim();
  }
  return USER_LANGUAGES.every((l) => out[l] !== undefined) ? (out as SurveyText) : null;
}

function unknownKeys(o: Json, allowed: readonly string[], prefix: string, say: (path: string, message: string) => void): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) say(`${prefix}${k}`, `is not a known property (known: ${allowed.join(', ')})`);
}

/** A question's texts in one language, for the recipient's form. */
export function inLanguage(t: SurveyText, lang: UserLanguage): string {
  return t[lang];
}
