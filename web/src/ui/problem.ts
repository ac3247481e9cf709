/**
 * One function turns any failure into a sentence in the user's language: the problem `code`
 * names the message (every registered code has one: test/console-sentences.e2e-spec.ts).
 */
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('problem.network');
  if (error instanceof ApiError) {
    const key = `problem.code.${error.code ?? ''}`;
    if (error.code && t(key, { defaultValue: '' })) return t(key, error.problem as Record<string, unknown>);
    if (error.status === 412) return t('problem.code.version_mismatch');
    if (error.status >= 500) return t('problem.server');
    return t('problem.unknown');
  }
  return t('problem.unknown');
}

/** The field errors of a validation problem, keyed by field path (`values.mood`, `title`). */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.problem.errors)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors) {
    if (!e || typeof e.field !== 'string') continue;
    out[e.field] = e.rule ? t(`field.rule.${e.rule}`, ruleValues(e.params)) : fieldMessage(t, e.message);
  }
  return out;
}

/** A rule's parameters as the sentence shows them: a list of allowed values joined by commas. */
function ruleValues(params: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!params) return {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

// Field errors without a rule (checks of a use case's own, and an execution's step values) by their English wording.
const KNOWN: Record<string, string> = {
  'is required': 'field.required',
  'must be a finite number': 'field.number',
  'must be true or false': 'field.boolean',
  'must be a calendar date YYYY-MM-DD that exists': 'field.date',
  // The password rules (src/common/password-policy.ts) and the change of one's own password.
  'The password must not be one character repeated.': 'password.error.repeated',
  "The password must not be the account's e-mail address or name.": 'password.error.own',
  'The password is one of the most commonly used passwords, which attackers try first; choose another.': 'password.error.common',
  'The new password must differ from the current one.': 'password.error.same',
  'The current password is wrong.': 'password.error.currentWrong',
};

const PATTERNS: [RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>][] = [
  [
    /^The password must be at least (\d+) characters long; it has (\d+)\.$/,
    'password.error.tooShort',
    (m) => ({ min: m[1], length: m[2] }),
  ],
  [/^The password must be at most (\d+) characters long; it has (\d+)\.$/, 'password.error.tooLong', (m) => ({ max: m[1], length: m[2] })],
];

function fieldMessage(t: TFunction, message: string): string {
  const key = KNOWN[message.trim()];
  if (key) return t(key);
  for (const [pattern, patternKey, values] of PATTERNS) {
    const m = message.trim().match(pattern);
    if (m) return t(patternKey, values(m));
  }
  return message;
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

export function isNetwork(error: unknown): boolean {
  return error instanceof NetworkError;
}
