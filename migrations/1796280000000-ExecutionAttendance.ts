import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance of an occurrence of a cohort procedure (an introduction day, a seminar): one entry per
 * person of the programme, present or absent (with a reason when given), recorded by whom and when.
 * Evidence: never changed; a correction is a new entry that supersedes the earlier one for the same
 * person (as a step record is corrected), and each entry is superseded at most once. Refuses
 * UPDATE, DELETE and TRUNCATE. A new table only: runs on a database that already has records.
 */
export class ExecutionAttendance1796280000000 implements MigrationInterface {
  name = 'ExecutionAttendance1796280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE execution_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        execution_id uuid NOT NULL REFERENCES execution (id),
        participant_id uuid NOT NULL REFERENCES participant (id),
        present boolean NOT NULL,
        absence_reason text CHECK (absence_reason IS NULL OR btrim(absence_reason) <> ''),
        supersedes_id uuid UNIQUE REFERENCES execution_attendance (id),
        correction_reason text,
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (present = false OR absence_reason IS NULL),
        CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX execution_attendance_execution ON execution_attendance (execution_id)`);
    await q.query(`CREATE INDEX execution_attendance_participant ON execution_attendance (participant_id)`);
    await q.query(
      `CREATE TRIGGER execution_attendance_immutable BEFORE UPDATE OR DELETE ON execution_attendance FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER execution_attendance_no_truncate BEFORE TRUNCATE ON execution_attendance FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE execution_attendance`);
  }
}
