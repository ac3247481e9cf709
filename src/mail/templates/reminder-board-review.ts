import { dueItemTemplate } from './due-item.js';

/** Params: `reference`, `title`, `day` (asked on), `link`. To the board member asked. */
export const reminderBoardReview = dueItemTemplate({
  en: { thing: 'board review of', due: 'awaits your review since', ask: 'Please give your review.', open: 'Open the review:' },
  sv: { thing: 'styrelsegranskning av', due: 'väntar på din granskning sedan', ask: 'Lämna din granskning.', open: 'Öppna granskningen:' },
  nb: { thing: 'styregjennomgang av', due: 'venter på din gjennomgang siden', ask: 'Gi din gjennomgang.', open: 'Åpne gjennomgangen:' },
});
