import { HttpException } from '@nestjs/common';

/** One entry of a validation failure: which field, and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** Extra members a problem document may carry beside the RFC 9457 core. */
export type ProblemExtras = Record<string, unknown> & { errors?: FieldError[] };

/**
 * An error the API answers with deliberately. `code` is stable and machine-readable;
 * clients branch on it, never on `detail`.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super({ code, detail, ...extras }, status);
    // Where no problem document is rendered (the command line prints `message`), say what went wrong.
    this.message = detail;
  }
}

export const badRequest = (code: string, detail: string, extras?: ProblemExtras) => new ProblemException(400, code, detail, extras);
export const validationFailed = (errors: FieldError[], detail?: string) =>
  new ProblemException(400, 'validation_failed', detail ?? describeFieldErrors(errors), { errors });
export const unauthorized = (code: string, detail: string) => new ProblemException(401, code, detail);
export const forbidden = (code: string, detail: string) => new ProblemException(403, code, detail);
export const notFound = (what: string, id?: string) =>
  new ProblemException(404, 'not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`);
export const conflict = (code: string, detail: string, extras?: ProblemExtras) => new ProblemException(409, code, detail, extras);
export const unprocessable = (code: string, detail: string, extras?: ProblemExtras) => new ProblemException(422, code, detail, extras);

export function describeFieldErrors(errors: FieldError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.field}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Invalid request: ${shown.join('; ')}${more}`;
}
