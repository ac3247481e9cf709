import type { UserLanguage } from '../../common/languages.js';

/** A param after rendering: text, or a link (a link token rendered to its address at send time). */
export type RenderedParams = Record<string, string | number>;

/** A paragraph of a mail body: plain text, or text followed by a link on a line of its own. */
export type Block = string | { text: string; href: string };

/**
 * A mail in three languages. `subject` sees only the params named in `subjectParams`: a subject is
 * read on lock screens and in mail server logs, so it never carries a person's name or address
 * (the template test renders every template with marked params and checks).
 */
export interface MailTemplate {
  subjectParams: readonly string[];
  subject: Record<UserLanguage, (p: RenderedParams) => string>;
  body: Record<UserLanguage, (p: RenderedParams) => Block[]>;
  /** One line for a weekly digest (reminders only). */
  line?: Record<UserLanguage, (p: RenderedParams) => Block>;
}

/** A param as text ('' when absent, so an optional param leaves no "undefined" behind). */
export function v(p: RenderedParams, key: string): string {
  const x = p[key];
  return x === undefined ? '' : String(x);
}
