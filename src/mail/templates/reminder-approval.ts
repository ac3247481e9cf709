import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (submitted on), `link`. To quality managers. */
export const reminderApproval = dueItemTemplate({
  en: { thing: 'draft', due: 'awaits approval since', ask: 'Please approve it or send it back.', open: 'Open the draft:' },
  sv: { thing: 'utkast', due: 'väntar på godkännande sedan', ask: 'Godkänn det eller skicka tillbaka det.', open: 'Öppna utkastet:' },
  nb: { thing: 'utkast', due: 'venter på godkjenning siden', ask: 'Godkjenn det eller send det tilbake.', open: 'Åpne utkastet:' },
});
