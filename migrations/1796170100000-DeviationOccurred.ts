import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deviation records when the nonconformity occurred (a step's date, a missed window's end)
 * apart from when it was detected (detected_at) and recorded (created_at): automatic detection
 * stamped everything with the time of data entry. Existing rows did not know it: occurred is
 * their detection. Never after the detection (a check), and kept with the rest once closed.
 */
export class DeviationOccurred1796170100000 implements MigrationInterface {
  name = 'DeviationOccurred1796170100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deviation ADD COLUMN occurred_at timestamptz`);
    // Closed and cancelled deviations refuse updates: the guard steps aside for this one statement.
    await q.query(`ALTER TABLE deviation DISABLE TRIGGER deviation_guard`);
    await q.query(`UPDATE deviation SET occurred_at = detected_at`);
    await q.query(`ALTER TABLE deviation ENABLE TRIGGER deviation_guard`);
    await q.query(`ALTER TABLE deviation ALTER COLUMN occurred_at SET NOT NULL`);
    await q.query(`ALTER TABLE deviation ADD CONSTRAINT deviation_occurred_not_after_detection CHECK (occurred_at <= detected_at)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION deviation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'deviations are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state = 'cancelled'
           OR (OLD.state = 'closed' AND (NEW.state <> 'in_progress'
               OR ROW(NEW.title, NEW.description, NEW.severity, NEW.source, NEW.detected_at, NEW.occurred_at, NEW.root_cause, NEW.containment, NEW.reference, NEW.programme_id)
                  IS DISTINCT FROM ROW(OLD.title, OLD.description, OLD.severity, OLD.source, OLD.detected_at, OLD.occurred_at, OLD.root_cause, OLD.containment, OLD.reference, OLD.programme_id))) THEN
          RAISE EXCEPTION 'deviation % is % and cannot change (a closed one can only be reopened)', OLD.reference, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION deviation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'deviations are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state = 'cancelled'
           OR (OLD.state = 'closed' AND (NEW.state <> 'in_progress'
               OR ROW(NEW.title, NEW.description, NEW.severity, NEW.source, NEW.detected_at, NEW.root_cause, NEW.containment, NEW.reference, NEW.programme_id)
                  IS DISTINCT FROM ROW(OLD.title, OLD.description, OLD.severity, OLD.source, OLD.detected_at, OLD.root_cause, OLD.containment, OLD.reference, OLD.programme_id))) THEN
          RAISE EXCEPTION 'deviation % is % and cannot change (a closed one can only be reopened)', OLD.reference, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE deviation DROP COLUMN occurred_at`);
  }
}
