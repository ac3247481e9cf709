import type { UserLanguage } from '../../common/languages.js';
import type { MailTemplate } from './template.js';
import { v } from './template.js';

/** What a reminder about one record with a due day says in each language. */
export interface DueWording {
  /** The record's kind, e.g. "corrective action". */
  thing: string;
  /** What is due, e.g. "reaches its target date". */
  due: string;
  /** What to do. */
  ask: string;
  open: string;
}

/**
 * The shape shared by reminders about one record (reference, title, day, link): a corrective
 * action's target date, a document's review. The subject names the reference and the day only: a
 * title may be written about a person.
 */
export function dueItemTemplate(w: Record<UserLanguage, DueWording>): MailTemplate {
  const subject = (l: UserLanguage) => (p: Record<string, string | number>) => `${cap(w[l].thing)} ${v(p, 'reference')}: ${v(p, 'day')}`;
  const line = (l: UserLanguage) => (p: Record<string, string | number>) => ({
    text: `${cap(w[l].thing)} ${v(p, 'reference')} "${v(p, 'title')}" ${w[l].due} ${v(p, 'day')}`,
    href: v(p, 'link'),
  });
  const body = (l: UserLanguage) => (p: Record<string, string | number>) => [
    `${cap(w[l].thing)} ${v(p, 'reference')} "${v(p, 'title')}" ${w[l].due} ${v(p, 'day')}.`,
    w[l].ask,
    { text: w[l].open, href: v(p, 'link') },
  ];
  return {
    subjectParams: ['reference', 'day'],
    subject: { en: subject('en'), sv: subject('sv'), nb: subject('nb') },
    line: { en: line('en'), sv: line('sv'), nb: line('nb') },
    body: { en: body('en'), sv: body('sv'), nb: body('nb') },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
