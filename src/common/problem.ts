import type { FieldRule, FieldRuleParams } from './field-rules.js';
import { HttpException } from '@nestjs/common';
import { ERROR_CODES } from './error-codes.js';
import type { CodeFor, ErrorCode, ErrorCodeEntry } from './error-codes.js';

/** One entry of a validation failure: which field, and what is wrong with it. */
export interface FieldError {
  field: string;
  /** What is wrong, said after the field's name ("is required"), or a sentence of its own. */
  message: string;
  /** The rule broken, for clients that say it in another language (`FIELD_RULES`); absent for checks of a use case's own. */
  rule?: FieldRule;
  /** What fills the rule's message (`{ max: 200 }`). */
  params?: FieldRuleParams;
}

/** Extra members a problem document may carry beside the RFC 9457 core. */
export type ProblemExtras = Record<string, unknown> & { errors?: FieldError[] };

/**
 * An error the API answers with deliberately. `code` is stable and machine-readable, and one of
 * the registry (`error-codes.ts`), which also fixes the status; clients branch on the code, never
 * on `detail`.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    // A code missing from the registry (only possible through a cast) is answered as a defect: 500.
    super({ code, detail, ...extras }, (ERROR_CODES[code] as ErrorCodeEntry | undefined)?.status ?? 500);
    // Where no problem document is rendered (the command line prints `message`), say what went wrong.
    this.message = detail;
  }
}

export const badRequest = (code: CodeFor<400>, detail: string, extras?: ProblemExtras) => new ProblemException(code, detail, extras);
export const validationFailed = (errors: FieldError[], detail?: string) =>
  new ProblemException('validation_failed', detail ?? describeFieldErrors(errors), { errors });
export const unauthorized = (code: CodeFor<401>, detail: string) => new ProblemException(code, detail);
export const forbidden = (code: CodeFor<403>, detail: string) => new ProblemException(code, detail);
/**
 * 404 naming what the caller asked for ("Execution not found"), never the record that hid it:
 * something in a programme the caller may not see answers exactly like something that does not exist.
 */
export const notFound = (what: string, opts: { detail?: string } = {}) =>
  new ProblemException('not_found', opts.detail ?? `${what} not found`);
export const conflict = (code: CodeFor<409>, detail: string, extras?: ProblemExtras) => new ProblemException(code, detail, extras);
export const unprocessable = (code: CodeFor<422>, detail: string, extras?: ProblemExtras) => new ProblemException(code, detail, extras);

/** The field errors as the problem's `detail`: each one a sentence naming its field. */
export function describeFieldErrors(errors: FieldError[]): string {
  if (errors.length === 0) return 'The request is invalid';
  const shown = errors.slice(0, 3).map(fieldSentence);
  const rest = errors.length - shown.length;
  return shown.join('; ') + (rest > 0 ? `; and ${rest} more ${rest === 1 ? 'problem' : 'problems'} (see errors)` : '');
}

/** "name is required"; a message that is a sentence of its own ("The current password is wrong.") stays as it is. */
export function fieldSentence(e: FieldError): string {
  if (/^[A-Z]/.test(e.message)) return e.message.replace(/\.$/, '');
  return e.field === '' ? `The request body ${e.message}` : `${e.field} ${e.message}`;
}
