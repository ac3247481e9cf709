/**
 * The mail module's outbox (`mail_outbox`), as other modules use it: `enqueueMail` inside the
 * caller's transaction, so a mail exists if and only if the change that causes it commits.
 */
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { validationFailed } from '../common/problem.js';
import type { UserLanguage } from '../common/languages.js';
import type { LinkTokenRef } from '../common/link-tokens.js';
import { isMailTemplateKey } from './templates/index.js';
import type { MailTemplateKey } from './templates/index.js';

export type { MailTemplateKey } from './templates/index.js';

export interface MailToSend {
  /** A user of the service (address and language read from app_user at send time) or an outside address with its language. */
  to: { userId: string } | { address: string; language: 'en' | 'sv' | 'nb' };
  /** At most one mail per recipient and reason, e.g. `survey-invitation:<id>`, `reminder:ca-target:<caId>:<day>`. */
  reason: string;
  template: MailTemplateKey;
  params: Record<string, string | number | LinkTokenRef>;
  notBefore?: Date;
}

/** How a queued mail waits: `queued` for the worker, `held` for the recipient's weekly digest. */
export type EnqueueState = 'queued' | 'held';

/** The key (with the reason) a mail is unique by: the user, or the address in lower case. */
export function recipientKey(to: MailToSend['to']): string {
  return 'userId' in to ? `user:${to.userId}` : `address:${to.address.trim().toLowerCase()}`;
}

/**
 * Queues a mail in the caller's transaction. At most one mail per recipient and reason: a second
 * call with the same pair (a rerun, another process) queues nothing and answers `queued: false`
 * with the first mail's id.
 */
export async function enqueueMail(m: EntityManager, mail: MailToSend): Promise<{ id: string; queued: boolean }> {
  return enqueueMailAs(m, mail, 'queued');
}

/** `enqueueMail`, choosing whether the mail is queued or held for a digest (the reminders' preferences). */
export async function enqueueMailAs(m: EntityManager, mail: MailToSend, state: EnqueueState): Promise<{ id: string; queued: boolean }> {
  if (!isMailTemplateKey(mail.template)) throw new Error(`unknown mail template ${String(mail.template)}`);
  if (!mail.reason || mail.reason.length > 300) throw new Error('a mail reason is 1 to 300 characters');
  const to = mail.to;
  const userId = 'userId' in to ? to.userId : null;
  const address = 'address' in to ? to.address.trim() : null;
  const language: UserLanguage | null = 'address' in to ? to.language : null;
  // The very check the API's e-mail fields make (EmailField: isEmail with its defaults, at most 254
  // characters): every address the service accepted can be mailed, and none fails a send as a 500.
  if (address !== null && (!isEmail(address, {}) || address.length > 254))
    throw validationFailed([{ field: 'email', message: 'must be an e-mail address', rule: 'email' }]);
  const inserted = await m.query<{ id: string }[]>(
    `INSERT INTO mail_outbox (recipient_user_id, recipient_address, recipient_language, recipient_key, reason, template, params, state, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()))
     ON CONFLICT (recipient_key, reason) DO NOTHING RETURNING id`,
    [userId, address, language, recipientKey(to), mail.reason, mail.template, JSON.stringify(mail.params), state, mail.notBefore ?? null],
  );
  if (inserted.length) return { id: inserted[0].id, queued: true };
  const [existing] = await m.query<{ id: string }[]>(`SELECT id FROM mail_outbox WHERE recipient_key = $1 AND reason = $2`, [
    recipientKey(to),
    mail.reason,
  ]);
  return { id: existing.id, queued: false };
}
