/**
 * Reminders as the reminder scan hands them to the mail module: each goes out at once, is held
 * for the recipient's weekly digest, or is dropped when the recipient switched its kind off, by
 * the recipient's preferences. Every call joins the caller's transaction.
 */
import type { EntityManager } from 'typeorm';
import { addDays } from '../common/calendar.js';
import { modifyReturning } from '../common/sql.js';
import type { LinkTokenRef } from '../common/link-tokens.js';
import { enqueueMailAs } from './outbox.queries.js';
import type { MailTemplateKey } from './outbox.queries.js';
import { preferencesOf } from './notification-preferences.queries.js';
import type { ReminderKind } from './reminder-kinds.js';
import { mailRecipients } from '../users/users.queries.js';

export type { ReminderKind } from './reminder-kinds.js';

export interface Reminder {
  kind: ReminderKind;
  userId: string;
  /** Unique per recipient, e.g. `reminder:risk_review:<riskId>:<day>`: a rerun queues nothing new. */
  reason: string;
  template: MailTemplateKey;
  params: Record<string, string | number | LinkTokenRef>;
}

export interface ReminderTally {
  queued: number;
  held: number;
  switchedOff: number;
  alreadyQueued: number;
}

/** The Monday a calendar day's week starts on (weeks run Monday to Sunday). */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Queues reminders as of `today`, each by its recipient's preferences. */
export async function queueReminders(m: EntityManager, today: string, reminders: readonly Reminder[]): Promise<ReminderTally> {
  const tally: ReminderTally = { queued: 0, held: 0, switchedOff: 0, alreadyQueued: 0 };
  const prefs = await preferencesOf(
    m,
    reminders.map((r) => r.userId),
  );
  // A held reminder waits for the digest of the week after the one it was found in.
  const digestDay = addDays(weekStart(today), 7);
  // A deactivated account (an owner who left) is reminded of nothing: its work needs a new owner, not mail.
  const active = new Set(
    (
      await mailRecipients(
        m,
        reminders.map((r) => r.userId),
      )
    )
      .filter((u) => u.active)
      .map((u) => u.id),
  );
  for (const r of reminders) {
    if (!active.has(r.userId)) continue;
    const p = prefs.get(r.userId)!;
    if (p.disabledKinds.includes(r.kind)) {
      tally.switchedOff++;
      continue;
    }
    const held = p.delivery === 'weekly_digest';
    const mail = { to: { userId: r.userId }, reason: r.reason, template: r.template, params: r.params };
    const { queued } = await enqueueMailAs(
      m,
      held ? { ...mail, notBefore: new Date(`${digestDay}T00:00:00Z`) } : mail,
      held ? 'held' : 'queued',
    );
    if (!queued) tally.alreadyQueued++;
    else if (held) tally.held++;
    else tally.queued++;
  }
  return tally;
}

/**
 * The weekly digests due on `today`: for each user who prefers a digest, the reminders held for a
 * digest day up to this week's Monday go out as one mail (reason `reminder-digest:<monday>`, so a
 * second scan or process builds none). Reminders held for a user who has since chosen immediate
 * delivery are released to go out one by one.
 */
export async function queueDigests(m: EntityManager, today: string): Promise<number> {
  const monday = weekStart(today);
  const users = (await m.query<{ id: string }[]>(`SELECT DISTINCT recipient_user_id AS id FROM mail_outbox WHERE state = 'held'`)).map(
    (r) => r.id,
  );
  const prefs = await preferencesOf(m, users);
  let digests = 0;
  for (const userId of users) {
    if (prefs.get(userId)!.delivery !== 'weekly_digest') {
      await m.query(`UPDATE mail_outbox SET state = 'queued', next_attempt_at = now() WHERE recipient_user_id = $1 AND state = 'held'`, [
        userId,
      ]);
      continue;
    }
    const due = await m.query<{ id: string }[]>(
      `SELECT id FROM mail_outbox WHERE recipient_user_id = $1 AND state = 'held' AND next_attempt_at <= $2::timestamptz FOR UPDATE`,
      [userId, `${monday}T00:00:00Z`],
    );
    if (due.length === 0) continue;
    const digest = await enqueueMailAs(
      m,
      { to: { userId }, reason: `reminder-digest:${monday}`, template: 'reminder-digest', params: { count: due.length, week: monday } },
      'queued',
    );
    if (!digest.queued) continue;
    await modifyReturning(m, `UPDATE mail_outbox SET state = 'digested', digest_id = $2 WHERE id = ANY($1) RETURNING id`, [
      due.map((d) => d.id),
      digest.id,
    ]);
    digests++;
  }
  return digests;
}
