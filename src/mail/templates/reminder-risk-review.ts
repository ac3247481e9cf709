import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (next review), `link`. To the risk's owner. */
export const reminderRiskReview = dueItemTemplate({
  en: { thing: 'risk', due: 'is due for review on', ask: 'Please review it in the register.', open: 'Open the risk:' },
  sv: { thing: 'risk', due: 'ska omprövas senast', ask: 'Ompröva den i registret.', open: 'Öppna risken:' },
  nb: { thing: 'risiko', due: 'skal vurderes på nytt senest', ask: 'Vurder den på nytt i registeret.', open: 'Åpne risikoen:' },
});
