import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (review by), `link`. To the document's owner. */
export const reminderDocumentReview = dueItemTemplate({
  en: { thing: 'document', due: 'is due for review on', ask: 'Please review it and record the review.', open: 'Open the document:' },
  sv: { thing: 'dokument', due: 'ska granskas senast', ask: 'Granska det och registrera granskningen.', open: 'Öppna dokumentet:' },
  nb: { thing: 'dokument', due: 'skal gjennomgås senest', ask: 'Gå gjennom det og registrer gjennomgangen.', open: 'Åpne dokumentet:' },
});
