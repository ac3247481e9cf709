import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: an outbox written in the same transaction as the change that causes a mail, and the
 * attempts to deliver it.
 *
 * `mail_outbox` is operational, not evidence: a row's state moves (queued, sending, sent, failed,
 * uncertain, held for a digest, digested), so it takes UPDATE; nothing deletes it (TRUNCATE is
 * refused), so "was this reminder sent?" stays answerable. One row per recipient and reason (the
 * unique key), which is what makes a rerun of a reminder scan, or a second process, send nothing new.
 * The recipient is a user (address and language read at send time, so a corrected address is used)
 * or an outside address with its language. Params hold no link token: a link is rendered from its
 * reference at send time (src/common/link-tokens.ts).
 *
 * `mail_attempt` is the record of what happened to each attempt (sent, failed with an error that
 * names no person, uncertain after a crash), append-only like other records: an administrator's
 * question "why did this reminder not arrive" is answered from rows that nobody rewrote.
 *
 * `notification_preference` is a user's choice of reminders: immediate or a weekly digest, and the
 * kinds switched off. Edited with If-Match (version); each change is audited.
 */
export class MailOutbox1796300000000 implements MigrationInterface {
  name = 'MailOutbox1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid REFERENCES app_user (id),
        recipient_address text,
        recipient_language text CHECK (recipient_language IN ('en', 'sv', 'nb')),
        -- user:<id> or address:<lower-case address>: the key (with reason) that makes a mail unique.
        recipient_key text NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
        template text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'queued'
          CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'digested')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        -- The digest mail a held reminder went out in.
        digest_id uuid REFERENCES mail_outbox (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((recipient_user_id IS NULL) <> (recipient_address IS NULL)),
        CHECK (recipient_address IS NULL OR recipient_language IS NOT NULL),
        UNIQUE (recipient_key, reason)
      )`);
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE state = 'queued'`);
    await q.query(`CREATE INDEX mail_outbox_attention ON mail_outbox (created_at) WHERE state IN ('failed', 'uncertain')`);
    await q.query(`CREATE INDEX mail_outbox_held ON mail_outbox (recipient_user_id) WHERE state = 'held'`);
    await q.query(`
      CREATE TABLE mail_attempt (
        outbox_id uuid NOT NULL REFERENCES mail_outbox (id),
        attempt integer NOT NULL CHECK (attempt >= 1),
        outcome text NOT NULL CHECK (outcome IN ('sent', 'failed', 'uncertain', 'retry_requested')),
        error text,
        -- The administrator who asked for a retry.
        requested_by uuid REFERENCES app_user (id),
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (outbox_id, attempt, outcome)
      )`);
    await q.query(
      `CREATE TRIGGER mail_attempt_immutable BEFORE UPDATE OR DELETE ON mail_attempt FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user (id),
        delivery text NOT NULL CHECK (delivery IN ('immediate', 'weekly_digest')),
        disabled_kinds text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of ['mail_outbox', 'mail_attempt', 'notification_preference']) {
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE mail_attempt`);
    await q.query(`DROP TABLE mail_outbox`);
  }
}
