import type { MailTemplate } from './template.js';
import { v } from './template.js';
import type { RenderedParams } from './template.js';

/** The procedure's title in the language (`procedure` is English, `procedure.sv` and `procedure.nb` the others). */
const proc = (p: RenderedParams, l: 'en' | 'sv' | 'nb') => v(p, l === 'en' ? 'procedure' : `procedure.${l}`) || v(p, 'procedure');

/**
 * Params: `programmeName`, `procedure` (the procedure's title), `edge` (`opens` or `closes`), `day`
 * (YYYY-MM-DD), `subjects` (participant codes, never names), `link` (the programme's page).
 */
export const reminderStepWindow: MailTemplate = {
  subjectParams: ['edge', 'day'],
  subject: {
    en: (p) => (p.edge === 'opens' ? `A step window opens on ${v(p, 'day')}` : `A step window closes on ${v(p, 'day')}`),
    sv: (p) => (p.edge === 'opens' ? `Ett stegfönster öppnar ${v(p, 'day')}` : `Ett stegfönster stänger ${v(p, 'day')}`),
    nb: (p) => (p.edge === 'opens' ? `Et stegvindu åpner ${v(p, 'day')}` : `Et stegvindu stenger ${v(p, 'day')}`),
  },
  line: {
    en: (p) => ({
      text: `${v(p, 'programmeName')}: ${proc(p, 'en')} ${p.edge === 'opens' ? 'opens' : 'closes'} on ${v(p, 'day')} (${v(p, 'subjects')})`,
      href: v(p, 'link'),
    }),
    sv: (p) => ({
      text: `${v(p, 'programmeName')}: ${proc(p, 'sv')} ${p.edge === 'opens' ? 'öppnar' : 'stänger'} ${v(p, 'day')} (${v(p, 'subjects')})`,
      href: v(p, 'link'),
    }),
    nb: (p) => ({
      text: `${v(p, 'programmeName')}: ${proc(p, 'nb')} ${p.edge === 'opens' ? 'åpner' : 'stenger'} ${v(p, 'day')} (${v(p, 'subjects')})`,
      href: v(p, 'link'),
    }),
  },
  body: {
    en: (p) => [
      `In the programme ${v(p, 'programmeName')}, the window for "${proc(p, 'en')}" ${p.edge === 'opens' ? 'opens' : 'closes'} on ${v(p, 'day')} for: ${v(p, 'subjects')}.`,
      p.edge === 'closes' ? 'A step not recorded by then becomes a deviation.' : 'You can record the step from that day.',
      { text: 'Open the programme:', href: v(p, 'link') },
    ],
    sv: (p) => [
      `I programmet ${v(p, 'programmeName')} ${p.edge === 'opens' ? 'öppnar' : 'stänger'} fönstret för "${proc(p, 'sv')}" ${v(p, 'day')} för: ${v(p, 'subjects')}.`,
      p.edge === 'closes' ? 'Ett steg som inte är registrerat då blir en avvikelse.' : 'Du kan registrera steget från den dagen.',
      { text: 'Öppna programmet:', href: v(p, 'link') },
    ],
    nb: (p) => [
      `I programmet ${v(p, 'programmeName')} ${p.edge === 'opens' ? 'åpner' : 'stenger'} vinduet for "${proc(p, 'nb')}" ${v(p, 'day')} for: ${v(p, 'subjects')}.`,
      p.edge === 'closes' ? 'Et steg som ikke er registrert da, blir et avvik.' : 'Du kan registrere steget fra den dagen.',
      { text: 'Åpne programmet:', href: v(p, 'link') },
    ],
  },
};
