import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes, their participants and mentor-adept pairs, staff training records, the procedure
 * plan each programme pins, and executions with their step records and conformance judgements.
 * Step records and judgements are append-only; a completed execution never changes.
 */
export class ProgrammesAndExecutions1795970000000 implements MigrationInterface {
  name = 'ProgrammesAndExecutions1795970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL,
        target_group text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed')),
        activated_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date > start_date)
      )`);
    await q.query(`
      CREATE TABLE programme_leader (
        programme_id uuid NOT NULL REFERENCES programme (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        PRIMARY KEY (programme_id, user_id)
      )`);
    await q.query(`CREATE INDEX programme_leader_user_idx ON programme_leader (user_id)`);

    // The plan: which version of each procedure the programme follows. Rows are never changed
    // except to mark them replaced when the programme explicitly adopts a newer version.
    await q.query(`
      CREATE TABLE programme_plan_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        procedure_id uuid NOT NULL REFERENCES procedure (id),
        procedure_key text NOT NULL,
        version_id uuid NOT NULL REFERENCES procedure_version (id),
        version_number integer NOT NULL,
        content_hash text NOT NULL,
        adopted_at timestamptz NOT NULL DEFAULT now(),
        adopted_by uuid REFERENCES app_user (id),
        reason text NOT NULL,
        replaced_at timestamptz,
        replaced_by_id uuid REFERENCES programme_plan_entry (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX programme_plan_current ON programme_plan_entry (programme_id, procedure_id) WHERE replaced_at IS NULL`);

    await q.query(`
      CREATE TABLE participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        code text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('adept', 'mentor')),
        full_name text NOT NULL,
        email text,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'undisclosed')),
        profession text NOT NULL,
        country_of_origin text,
        enrolled_at date NOT NULL,
        consent_recorded_at date NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'completed')),
        withdrawn_at date,
        withdrawal_reason text,
        completed_at date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)),
        CHECK (status <> 'completed' OR completed_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX participant_programme_idx ON participant (programme_id, role)`);

    await q.query(`
      CREATE TABLE pair (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        mentor_id uuid NOT NULL REFERENCES participant (id),
        adept_id uuid NOT NULL REFERENCES participant (id),
        matched_at date NOT NULL,
        rationale text NOT NULL,
        ended_at date,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mentor_id <> adept_id),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        CHECK (ended_at IS NULL OR ended_at >= matched_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX pair_one_active_per_adept ON pair (adept_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX pair_programme_idx ON pair (programme_id)`);

    await q.query(`
      CREATE TABLE training_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        module text NOT NULL,
        completed_at date NOT NULL,
        valid_until date,
        evidence text,
        recorded_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until IS NULL OR valid_until >= completed_at)
      )`);
    await q.query(`CREATE INDEX training_record_user_idx ON training_record (user_id, module)`);

    await q.query(`
      CREATE TABLE execution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        procedure_id uuid NOT NULL REFERENCES procedure (id),
        procedure_key text NOT NULL,
        version_id uuid NOT NULL REFERENCES procedure_version (id),
        version_number integer NOT NULL,
        content_hash text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('adept', 'mentor', 'pair', 'cohort')),
        participant_id uuid REFERENCES participant (id),
        pair_id uuid REFERENCES pair (id),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'completed')),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_by uuid REFERENCES app_user (id),
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CHECK ((subject_type IN ('adept', 'mentor')) = (participant_id IS NOT NULL)),
        CHECK ((subject_type = 'pair') = (pair_id IS NOT NULL)),
        CHECK ((state = 'completed') = (completed_at IS NOT NULL))
      )`);
    // One open execution per subject and procedure; the subject key folds the three kinds.
    await q.query(`
      CREATE UNIQUE INDEX execution_one_open ON execution
        (programme_id, procedure_id, (coalesce(participant_id, pair_id, programme_id))) WHERE state = 'open'`);
    await q.query(`CREATE INDEX execution_programme_idx ON execution (programme_id, procedure_id)`);

    await q.query(`
      CREATE TABLE execution_step_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        execution_id uuid NOT NULL REFERENCES execution (id),
        step_key text NOT NULL,
        "values" jsonb NOT NULL,
        performed_at timestamptz NOT NULL,
        performed_by uuid REFERENCES app_user (id),
        notes text,
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        supersedes_id uuid UNIQUE REFERENCES execution_step_record (id),
        correction_reason text,
        CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX execution_step_record_execution_idx ON execution_step_record (execution_id)`);

    await q.query(`
      CREATE TABLE execution_judgement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        execution_id uuid NOT NULL REFERENCES execution (id),
        seq integer NOT NULL,
        conformance text NOT NULL CHECK (conformance IN ('conforming', 'nonconforming')),
        findings jsonb NOT NULL,
        version_number integer NOT NULL,
        content_hash text NOT NULL,
        cause text NOT NULL CHECK (cause IN ('completion', 'correction')),
        judged_at timestamptz NOT NULL DEFAULT now(),
        judged_by uuid REFERENCES app_user (id),
        UNIQUE (execution_id, seq)
      )`);

    await q.query(`CREATE TRIGGER execution_step_record_immutable BEFORE UPDATE OR DELETE ON execution_step_record FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER execution_judgement_immutable BEFORE UPDATE OR DELETE ON execution_judgement FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER training_record_immutable BEFORE UPDATE OR DELETE ON training_record FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE FUNCTION execution_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.state = 'completed' THEN
          RAISE EXCEPTION 'execution % is % and cannot change', OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER execution_guard BEFORE UPDATE OR DELETE ON execution FOR EACH ROW EXECUTE FUNCTION execution_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['execution_judgement', 'execution_step_record', 'execution', 'training_record', 'pair', 'participant', 'programme_plan_entry', 'programme_leader', 'programme']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION execution_guard()`);
  }
}
