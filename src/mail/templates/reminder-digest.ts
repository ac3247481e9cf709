import type { MailTemplate } from './template.js';
import { v } from './template.js';

/**
 * The weekly digest: params `count` and `week` (its first day); the lines are the held reminders'
 * own lines, added by the renderer (see mail-renderer.ts).
 */
export const reminderDigest: MailTemplate = {
  subjectParams: ['count', 'week'],
  subject: {
    en: (p) => `Your reminders for the week of ${v(p, 'week')} (${v(p, 'count')})`,
    sv: (p) => `Dina påminnelser för veckan från ${v(p, 'week')} (${v(p, 'count')})`,
    nb: (p) => `Dine påminnelser for uken fra ${v(p, 'week')} (${v(p, 'count')})`,
  },
  body: {
    en: () => ['Hello,', 'Here is what needs you this week:'],
    sv: () => ['Hej!', 'Det här behöver dig den här veckan:'],
    nb: () => ['Hei!', 'Dette trenger deg denne uken:'],
  },
};
