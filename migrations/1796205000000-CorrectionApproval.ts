import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections that would turn a nonconforming execution into a conforming one wait for a quality
 * manager's signed approval; executions can be cancelled with a reason.
 *
 * - `execution_correction`: a correction (or a step added to a completed execution) held back
 *   because it would change the judgement from nonconforming to conforming. Never changed: it is
 *   pending while it has no decision.
 * - `execution_correction_decision`: the approval (signed, pointing at the step record it put in
 *   force) or the rejection of one correction; at most one per correction (its primary key), so
 *   two concurrent decisions cannot both stand. Never changed.
 * - A step record added to a completed execution carries its reason without correcting another.
 * - `execution` gains `cancelled`: an open or completed execution is cancelled with a reason (a
 *   procedure carried out once per subject can then be carried out again). A completed execution
 *   may still change in exactly that way, and a cancelled one never changes again.
 */
export class CorrectionApproval1796205000000 implements MigrationInterface {
  name = 'CorrectionApproval1796205000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE execution_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        execution_id uuid NOT NULL REFERENCES execution (id),
        kind text NOT NULL CHECK (kind IN ('correction', 'added_step')),
        supersedes_id uuid REFERENCES execution_step_record (id),
        step_key text NOT NULL,
        "values" jsonb NOT NULL,
        performed_at timestamptz NOT NULL,
        performed_by uuid REFERENCES app_user (id),
        notes text,
        reason text NOT NULL,
        findings_before jsonb NOT NULL,
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'correction') = (supersedes_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX execution_correction_execution_idx ON execution_correction (execution_id)`);
    await q.query(`
      CREATE TABLE execution_correction_decision (
        correction_id uuid PRIMARY KEY REFERENCES execution_correction (id),
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        reason text NOT NULL,
        decided_by uuid NOT NULL REFERENCES app_user (id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        signature_id uuid REFERENCES signature (id),
        step_record_id uuid UNIQUE REFERENCES execution_step_record (id),
        CHECK ((decision = 'approved') = (signature_id IS NOT NULL)),
        CHECK ((decision = 'approved') = (step_record_id IS NOT NULL))
      )`);
    for (const t of ['execution_correction', 'execution_correction_decision']) {
      await q.query(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`);
    }

    // A step added to a completed execution is no correction of another record, but carries its reason.
    await q.query(`
      DO $$ DECLARE c record; BEGIN
        FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'execution_step_record'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%supersedes_id IS NULL%correction_reason IS NULL%'
        LOOP
          EXECUTE format('ALTER TABLE execution_step_record DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$`);
    await q.query(
      `ALTER TABLE execution_step_record ADD CONSTRAINT execution_step_record_correction_reason CHECK (supersedes_id IS NULL OR correction_reason IS NOT NULL)`,
    );

    await q.query(`ALTER TABLE execution ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancelled_by uuid REFERENCES app_user (id),
      ADD COLUMN cancel_reason text`);
    // The checks on state and completion were written inline (named by PostgreSQL): found by what they say.
    await q.query(`
      DO $$ DECLARE c record; BEGIN
        FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'execution'::regclass AND contype = 'c'
          AND (pg_get_constraintdef(oid) LIKE '%completed_at IS NOT NULL%' OR pg_get_constraintdef(oid) LIKE '%''open''%''completed''%')
        LOOP
          EXECUTE format('ALTER TABLE execution DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE execution ADD CONSTRAINT execution_state_known CHECK (state IN ('open', 'completed', 'cancelled'))`);
    await q.query(
      `ALTER TABLE execution ADD CONSTRAINT execution_completed_when CHECK ((state = 'open') = (completed_at IS NULL) OR state = 'cancelled')`,
    );
    await q.query(
      `ALTER TABLE execution ADD CONSTRAINT execution_cancelled_when CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION execution_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.state = 'cancelled' THEN
          RAISE EXCEPTION 'execution % is % and cannot change', OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state = 'completed' AND NOT (NEW.state = 'cancelled'
            AND (to_jsonb(NEW) - '{state,cancelled_at,cancelled_by,cancel_reason,version}'::text[])
              = (to_jsonb(OLD) - '{state,cancelled_at,cancelled_by,cancel_reason,version}'::text[])) THEN
          RAISE EXCEPTION 'execution % is completed and cannot change, other than being cancelled', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION execution_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.state = 'completed' THEN
          RAISE EXCEPTION 'execution % is % and cannot change', OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const c of ['execution_state_known', 'execution_completed_when', 'execution_cancelled_when'])
      await q.query(`ALTER TABLE execution DROP CONSTRAINT ${c}`);
    await q.query(
      `ALTER TABLE execution ADD CHECK (state IN ('open', 'completed')), ADD CHECK ((state = 'completed') = (completed_at IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE execution_step_record DROP CONSTRAINT execution_step_record_correction_reason`);
    await q.query(`ALTER TABLE execution_step_record ADD CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))`);
    await q.query(`ALTER TABLE execution DROP COLUMN cancelled_at, DROP COLUMN cancelled_by, DROP COLUMN cancel_reason`);
    await q.query(`DROP TABLE execution_correction_decision`);
    await q.query(`DROP TABLE execution_correction`);
  }
}
