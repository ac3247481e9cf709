import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (the target date), `link`. To the action's owner. */
export const reminderActionTarget = dueItemTemplate({
  en: {
    thing: 'corrective action',
    due: 'reaches its target date on',
    ask: 'Please complete it or record why it is late.',
    open: 'Open the action:',
  },
  sv: {
    thing: 'korrigerande åtgärd',
    due: 'når sitt måldatum',
    ask: 'Slutför den eller skriv varför den är sen.',
    open: 'Öppna åtgärden:',
  },
  nb: {
    thing: 'korrigerende tiltak',
    due: 'når sin måldato',
    ask: 'Fullfør det eller skriv hvorfor det er forsinket.',
    open: 'Åpne tiltaket:',
  },
});
