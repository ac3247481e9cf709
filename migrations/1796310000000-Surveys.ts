import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys answered by the people themselves (ISO 9001 9.1.2). A survey is a controlled document:
 * versions written as drafts (content fixed when written), approved with a signature by someone who
 * wrote none of it, effective from their effective day. A programme's survey plan names when a
 * survey is sent; each send makes one invitation per recipient, bound to one survey version, with a
 * link whose token is never stored (a random nonce and the SHA-256 of the token are). The first
 * answer or decline of an invitation is its only one (a unique key). Answers are pseudonymous (the
 * participant code, the role, the programme; never a name); free text waits for a quality manager
 * to clear or redact it before a report shows it.
 *
 * What auditors rely on never changes: every table but the survey version's decision columns is
 * append-only, and none can be emptied.
 */
export class Surveys1796310000000 implements MigrationInterface {
  name = 'Surveys1796310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey (id),
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'rejected')),
        content jsonb NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        change_summary text,
        -- null for a version shipped with the service (procedures/surveys): nobody here wrote it.
        author_id uuid REFERENCES app_user (id),
        shipped boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        effective_on date,
        rejected_at timestamptz,
        status_reason text,
        UNIQUE (survey_id, number),
        CHECK (shipped OR author_id IS NOT NULL),
        CHECK (status <> 'approved' OR (approved_at IS NOT NULL AND effective_on IS NOT NULL)),
        CHECK (status <> 'rejected' OR rejected_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX survey_version_one_draft ON survey_version (survey_id) WHERE status = 'draft'`);
    // The content is fixed when written; a draft is approved or rejected once, and then nothing changes.
    await q.query(`
      CREATE FUNCTION survey_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'survey versions are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'draft' OR NEW.status = 'draft'
           OR NEW.id IS DISTINCT FROM OLD.id OR NEW.survey_id IS DISTINCT FROM OLD.survey_id OR NEW.number IS DISTINCT FROM OLD.number
           OR NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
           OR NEW.change_summary IS DISTINCT FROM OLD.change_summary OR NEW.author_id IS DISTINCT FROM OLD.author_id
           OR NEW.shipped IS DISTINCT FROM OLD.shipped OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'survey version %: only a draft is decided, once, and its content never changes', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER survey_version_guard BEFORE UPDATE OR DELETE ON survey_version FOR EACH ROW EXECUTE FUNCTION survey_version_guard()`,
    );

    await q.query(`
      CREATE TABLE survey_plan_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        survey_id uuid NOT NULL REFERENCES survey (id),
        audience text NOT NULL CHECK (audience IN ('adept', 'mentor', 'host')),
        moment text NOT NULL CHECK (moment IN ('programme_start', 'programme_midpoint', 'programme_end', 'procedure_completed')),
        procedure_key text,
        offset_days integer NOT NULL CHECK (offset_days BETWEEN -365 AND 730),
        expires_in_days integer NOT NULL CHECK (expires_in_days BETWEEN 1 AND 90),
        -- The recipients' language where no other is known.
        language text NOT NULL CHECK (language IN ('en', 'sv', 'nb')),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((moment = 'procedure_completed') = (procedure_key IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX survey_plan_entry_programme ON survey_plan_entry (programme_id)`);
    await q.query(`
      CREATE TABLE survey_send (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        version_id uuid NOT NULL REFERENCES survey_version (id),
        audience text NOT NULL CHECK (audience IN ('adept', 'mentor', 'host')),
        plan_entry_id uuid REFERENCES survey_plan_entry (id),
        -- null when the daily scan sent it.
        sent_by uuid REFERENCES app_user (id),
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_invitation (
        id uuid PRIMARY KEY,
        send_id uuid NOT NULL REFERENCES survey_send (id),
        version_id uuid NOT NULL REFERENCES survey_version (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        plan_entry_id uuid REFERENCES survey_plan_entry (id),
        -- A participant (adept, mentor) or an internship (its supervisor, for a host organisation).
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('participant', 'internship')),
        recipient_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('adept', 'mentor', 'host')),
        language text NOT NULL CHECK (language IN ('en', 'sv', 'nb')),
        delivery text NOT NULL CHECK (delivery IN ('mail', 'handout')),
        -- The link's token is HMAC(key, purpose, id, nonce): only the nonce and the token's SHA-256 are kept.
        nonce text NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A plan entry asks each recipient once, however often the scan runs.
    await q.query(
      `CREATE UNIQUE INDEX survey_invitation_once_per_entry ON survey_invitation (plan_entry_id, recipient_id) WHERE plan_entry_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX survey_invitation_programme ON survey_invitation (programme_id, version_id)`);
    await q.query(`
      CREATE TABLE survey_handout (
        invitation_id uuid PRIMARY KEY REFERENCES survey_invitation (id),
        handed_out_by uuid NOT NULL REFERENCES app_user (id),
        handed_out_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Single use: the first answer or decline of an invitation is its only one.
        invitation_id uuid NOT NULL UNIQUE REFERENCES survey_invitation (id),
        outcome text NOT NULL CHECK (outcome IN ('answered', 'declined')),
        version_id uuid NOT NULL REFERENCES survey_version (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        role text NOT NULL CHECK (role IN ('adept', 'mentor', 'host')),
        -- The pseudonym (adepts and mentors); never a name.
        participant_code text,
        -- Answers but free text, by question key; null for a decline.
        answers jsonb,
        responded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome = 'answered') = (answers IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX survey_response_programme ON survey_response (programme_id, version_id)`);
    await q.query(`
      CREATE TABLE survey_text_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        response_id uuid NOT NULL REFERENCES survey_response (id),
        question_key text NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        UNIQUE (response_id, question_key)
      )`);
    await q.query(`
      CREATE TABLE survey_text_review (
        text_answer_id uuid PRIMARY KEY REFERENCES survey_text_answer (id),
        decision text NOT NULL CHECK (decision IN ('cleared', 'redacted')),
        replacement text CHECK (length(replacement) BETWEEN 1 AND 4000),
        reviewed_by uuid NOT NULL REFERENCES app_user (id),
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((decision = 'redacted') = (replacement IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE survey_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('deviation', 'improvement')),
        record_id uuid NOT NULL,
        reference text NOT NULL,
        survey_id uuid NOT NULL REFERENCES survey (id),
        question_key text NOT NULL,
        programme_id uuid NOT NULL REFERENCES programme (id),
        text_answer_id uuid REFERENCES survey_text_answer (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    for (const table of ['survey', 'survey_version', ...APPEND_ONLY]) {
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
    await q.query(`CREATE TRIGGER survey_immutable BEFORE UPDATE OR DELETE ON survey FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...APPEND_ONLY].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TABLE survey_version`);
    await q.query(`DROP TABLE survey`);
    await q.query(`DROP FUNCTION survey_version_guard()`);
  }
}

const APPEND_ONLY = [
  'survey_plan_entry',
  'survey_send',
  'survey_invitation',
  'survey_handout',
  'survey_response',
  'survey_text_answer',
  'survey_text_review',
  'survey_finding',
];
