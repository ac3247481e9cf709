/**
 * The worker's and the administrators' reads and writes of `mail_outbox` and `mail_attempt`
 * (other modules queue mail through outbox.queries.ts only).
 */
import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../common/sql.js';
import type { UserLanguage } from '../common/languages.js';
import type { MailParam } from './mail-renderer.js';
import type { MailTemplateKey } from './templates/index.js';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'held' | 'digested';

export interface OutboxRow {
  id: string;
  recipientUserId: string | null;
  recipientAddress: string | null;
  recipientLanguage: UserLanguage | null;
  reason: string;
  template: MailTemplateKey;
  params: Record<string, MailParam>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface AttemptRow {
  outboxId: string;
  attempt: number;
  outcome: 'sent' | 'failed' | 'uncertain' | 'retry_requested';
  error: string | null;
  requestedBy: string | null;
  at: Date;
}

const COLUMNS = `o.id, o.recipient_user_id AS "recipientUserId", o.recipient_address AS "recipientAddress",
  o.recipient_language AS "recipientLanguage", o.reason, o.template, o.params, o.state, o.attempts,
  o.next_attempt_at AS "nextAttemptAt", o.last_error AS "lastError", o.created_at AS "createdAt", o.sent_at AS "sentAt"`;

/**
 * Claims up to `limit` due mails for this process: marks them `sending` with a lease, counting the
 * attempt. Rows another process has claimed (locked) are skipped, so two processes never take the
 * same mail. The caller commits before sending: at most once.
 */
export async function claimDue(m: EntityManager, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return modifyReturning<OutboxRow>(
    m,
    `WITH due AS (
       SELECT id FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= now()
       ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
     UPDATE mail_outbox o SET state = 'sending', attempts = o.attempts + 1, lease_until = now() + make_interval(secs => $2)
     FROM due WHERE o.id = due.id
     RETURNING ${COLUMNS}`,
    [limit, leaseSeconds],
  );
}

/**
 * Mails left `sending` past their lease (the process died between claiming and recording the
 * outcome): the server may or may not have taken them, so they become `uncertain`, for an
 * administrator to judge, instead of being sent again.
 */
export async function markStaleUncertain(m: EntityManager): Promise<number> {
  const rows = await modifyReturning<{ id: string; attempts: number }>(
    m,
    `UPDATE mail_outbox SET state = 'uncertain', lease_until = NULL,
       last_error = 'The service stopped while sending; the mail may or may not have been delivered.'
     WHERE state = 'sending' AND lease_until < now() RETURNING id, attempts`,
    [],
  );
  for (const r of rows) await recordAttempt(m, r.id, r.attempts, 'uncertain', 'stopped while sending');
  return rows.length;
}

/** The claim a process holds on a mail: the row still `sending` at the attempt it counted. */
const HELD = `id = $1 AND state = 'sending' AND attempts = $2`;

/**
 * Renews this process's claim on one mail right before sending it: a fresh lease, so a batch sent
 * one after another never runs past the lease of the mails still to come. False when the claim is
 * gone (another process judged it uncertain, an administrator queued it again, another attempt
 * took it): the caller must not send it.
 */
export async function renewLease(m: EntityManager, row: OutboxRow, leaseSeconds: number): Promise<boolean> {
  const rows = await modifyReturning<{ id: string }>(
    m,
    `UPDATE mail_outbox SET lease_until = now() + make_interval(secs => $3) WHERE ${HELD} RETURNING id`,
    [row.id, row.attempts, leaseSeconds],
  );
  return rows.length > 0;
}

/** Whether the claim was still held (a stale process changes nothing). */
export async function markSent(m: EntityManager, row: OutboxRow): Promise<boolean> {
  const rows = await modifyReturning<{ id: string }>(
    m,
    `UPDATE mail_outbox SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL WHERE ${HELD} RETURNING id`,
    [row.id, row.attempts],
  );
  if (rows.length) await recordAttempt(m, row.id, row.attempts, 'sent', null);
  return rows.length > 0;
}

/**
 * A failed attempt: queued again after `retryAfterSeconds`, or `failed` for good when null. Only
 * while the claim is held: a late outcome never requeues a mail another process now owns.
 */
export async function markFailed(m: EntityManager, row: OutboxRow, error: string, retryAfterSeconds: number | null): Promise<boolean> {
  const rows = await modifyReturning<{ id: string }>(
    m,
    `UPDATE mail_outbox SET state = $3, last_error = $4, lease_until = NULL,
       next_attempt_at = CASE WHEN $5::int IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $5::int) END
     WHERE ${HELD} RETURNING id`,
    [row.id, row.attempts, retryAfterSeconds === null ? 'failed' : 'queued', error, retryAfterSeconds],
  );
  if (rows.length) await recordAttempt(m, row.id, row.attempts, 'failed', error);
  return rows.length > 0;
}

/** The connection broke while or after the server read the mail: it may have been delivered, so it is not sent again. */
export async function markUncertain(m: EntityManager, row: OutboxRow, error: string): Promise<boolean> {
  const rows = await modifyReturning<{ id: string }>(
    m,
    `UPDATE mail_outbox SET state = 'uncertain', last_error = $3, lease_until = NULL WHERE ${HELD} RETURNING id`,
    [row.id, row.attempts, error],
  );
  if (rows.length) await recordAttempt(m, row.id, row.attempts, 'uncertain', error);
  return rows.length > 0;
}

async function recordAttempt(
  m: EntityManager,
  id: string,
  attempt: number,
  outcome: AttemptRow['outcome'],
  error: string | null,
  by?: string,
) {
  await m.query(`INSERT INTO mail_attempt (outbox_id, attempt, outcome, error, requested_by) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    attempt,
    outcome,
    error,
    by ?? null,
  ]);
}

/** The held reminders that went out in a digest. */
export async function digestItems(m: EntityManager, digestId: string): Promise<OutboxRow[]> {
  return m.query<OutboxRow[]>(`SELECT ${COLUMNS} FROM mail_outbox o WHERE o.digest_id = $1 ORDER BY o.created_at, o.id`, [digestId]);
}

export async function outboxById(m: EntityManager, id: string, lock = false): Promise<OutboxRow | null> {
  const [row] = await m.query<OutboxRow[]>(`SELECT ${COLUMNS} FROM mail_outbox o WHERE o.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

/** Mails that need an administrator: failed for good, or uncertain; newest first. */
export async function needingAttention(m: EntityManager, states: OutboxState[], limit: number, offset: number) {
  const rows = await m.query<(OutboxRow & { total: number })[]>(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM mail_outbox o WHERE o.state = ANY($1)
     ORDER BY o.created_at DESC, o.id LIMIT $2 OFFSET $3`,
    [states, limit, offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function attemptsOf(m: EntityManager, ids: readonly string[]): Promise<AttemptRow[]> {
  if (ids.length === 0) return [];
  return m.query<AttemptRow[]>(
    `SELECT outbox_id AS "outboxId", attempt, outcome, error, requested_by AS "requestedBy", at FROM mail_attempt
     WHERE outbox_id = ANY($1) ORDER BY at, attempt`,
    [ids],
  );
}

/** An administrator sends a failed or uncertain mail again: queued now, the request recorded as an attempt row. */
export async function requeue(m: EntityManager, row: OutboxRow, adminId: string): Promise<void> {
  await m.query(`UPDATE mail_outbox SET state = 'queued', next_attempt_at = now(), lease_until = NULL WHERE id = $1`, [row.id]);
  await recordAttempt(m, row.id, row.attempts, 'retry_requested', null, adminId);
}

/** How many mails are in each state (for the administrators' page). */
export async function stateCounts(m: EntityManager): Promise<Record<string, number>> {
  const rows = await m.query<{ state: string; n: number }[]>(`SELECT state, count(*)::int AS n FROM mail_outbox GROUP BY state`);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
