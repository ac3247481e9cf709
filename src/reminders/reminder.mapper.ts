import type { ReminderTally } from '../mail/reminder-outbox.queries.js';
import type { ReminderScanResponse } from './reminder.dto.js';

export function toReminderScanResponse(today: string, tally: ReminderTally | null, digests: number): ReminderScanResponse {
  const t = tally ?? { queued: 0, held: 0, switchedOff: 0, alreadyQueued: 0 };
  return { today, ...t, digests, ran: tally !== null };
}
