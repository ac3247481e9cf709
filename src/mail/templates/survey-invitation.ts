import type { MailTemplate } from './template.js';
import { v } from './template.js';

/** Params: `surveyTitle`, `link` (a LinkTokenRef), `expiresOn` (YYYY-MM-DD), optional `programmeName`. */
export const surveyInvitation: MailTemplate = {
  subjectParams: ['surveyTitle'],
  subject: {
    en: (p) => `Your view, please: ${v(p, 'surveyTitle')}`,
    sv: (p) => `Vad tycker du? ${v(p, 'surveyTitle')}`,
    nb: (p) => `Hva synes du? ${v(p, 'surveyTitle')}`,
  },
  body: {
    en: (p) => [
      'Hello,',
      p.programmeName
        ? `We would like to hear what you think of the programme ${v(p, 'programmeName')}. The survey "${v(p, 'surveyTitle')}" takes a few minutes.`
        : `We would like to hear what you think. The survey "${v(p, 'surveyTitle')}" takes a few minutes.`,
      { text: 'Answer here (no account needed):', href: v(p, 'link') },
      `The link works until ${v(p, 'expiresOn')} and only for you. Your answers are stored without your name and used to improve the programme. You may also decline on the same page.`,
    ],
    sv: (p) => [
      'Hej!',
      p.programmeName
        ? `Vi vill gärna veta vad du tycker om programmet ${v(p, 'programmeName')}. Enkäten "${v(p, 'surveyTitle')}" tar några minuter.`
        : `Vi vill gärna veta vad du tycker. Enkäten "${v(p, 'surveyTitle')}" tar några minuter.`,
      { text: 'Svara här (inget konto behövs):', href: v(p, 'link') },
      `Länken gäller till och med ${v(p, 'expiresOn')} och bara för dig. Dina svar sparas utan ditt namn och används för att förbättra programmet. Du kan också avböja på samma sida.`,
    ],
    nb: (p) => [
      'Hei!',
      p.programmeName
        ? `Vi vil gjerne høre hva du synes om programmet ${v(p, 'programmeName')}. Undersøkelsen "${v(p, 'surveyTitle')}" tar noen minutter.`
        : `Vi vil gjerne høre hva du synes. Undersøkelsen "${v(p, 'surveyTitle')}" tar noen minutter.`,
      { text: 'Svar her (ingen konto trengs):', href: v(p, 'link') },
      `Lenken gjelder til og med ${v(p, 'expiresOn')} og bare for deg. Svarene dine lagres uten navnet ditt og brukes til å forbedre programmet. Du kan også takke nei på samme side.`,
    ],
  },
};
