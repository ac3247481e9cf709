import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (the target date), `link`. To the deviation's owner. */
export const reminderDeviationTarget = dueItemTemplate({
  en: {
    thing: 'deviation',
    due: 'reaches its target date on',
    ask: 'Please close it or record how it stands.',
    open: 'Open the deviation:',
  },
  sv: { thing: 'avvikelse', due: 'når sitt måldatum', ask: 'Stäng den eller skriv hur den står.', open: 'Öppna avvikelsen:' },
  nb: { thing: 'avvik', due: 'når sin måldato', ask: 'Lukk det eller skriv hvordan det står.', open: 'Åpne avviket:' },
});
