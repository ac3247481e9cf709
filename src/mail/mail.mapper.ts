import type { OutboxMailResponse } from './mail.dto.js';
import type { AttemptRow, OutboxRow } from './mail-outbox.store.js';

/** An outbox row for an administrator: the recipient's address (read now for a user), never the params. */
export function toOutboxMailResponse(row: OutboxRow, recipient: string, attempts: AttemptRow[]): OutboxMailResponse {
  return {
    id: row.id,
    recipient,
    reason: row.reason,
    template: row.template,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
    lastError: row.lastError,
    createdAt: new Date(row.createdAt).toISOString(),
    history: attempts.map((a) => ({ attempt: a.attempt, outcome: a.outcome, error: a.error, at: new Date(a.at).toISOString() })),
  };
}
