import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants and outcomes. An expression of interest registers a participant as an `applicant`:
 * the day consent to process the application was recorded is kept, and there is no enrolment
 * (nor consent to enrolment) until admission. An applicant is wait-listed or not admitted, or
 * admitted (status active, enrolled). Leaving and completing carry an outcome (left early for a
 * job is an outcome, not a failure). Columns and constraints only: runs on a database that
 * already has participants (every existing row is enrolled and keeps its dates).
 */
export class Applicants1796290000000 implements MigrationInterface {
  name = 'Applicants1796290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_status_check`);
    await q.query(`ALTER TABLE participant ALTER COLUMN enrolled_at DROP NOT NULL`);
    await q.query(`ALTER TABLE participant ALTER COLUMN consent_recorded_at DROP NOT NULL`);
    await q.query(`ALTER TABLE participant ADD COLUMN application_consent_at date`);
    await q.query(`ALTER TABLE participant ADD COLUMN admission_decided_at date`);
    await q.query(`ALTER TABLE participant ADD COLUMN outcome text`);
    await q.query(`ALTER TABLE participant ADD COLUMN outcome_note text`);
    await q.query(`
      ALTER TABLE participant ADD CONSTRAINT participant_status_check
        CHECK (status IN ('applicant', 'waiting_list', 'not_admitted', 'active', 'withdrawn', 'completed'))`);
    // Enrolled participants have their enrolment and its consent; applicants have their
    // application's consent and are not enrolled yet.
    await q.query(`
      ALTER TABLE participant ADD CONSTRAINT participant_enrolment_check CHECK (
        CASE WHEN status IN ('active', 'withdrawn', 'completed') THEN enrolled_at IS NOT NULL AND consent_recorded_at IS NOT NULL
             ELSE enrolled_at IS NULL AND consent_recorded_at IS NULL AND application_consent_at IS NOT NULL END)`);
    await q.query(`
      ALTER TABLE participant ADD CONSTRAINT participant_decision_check
        CHECK (status NOT IN ('waiting_list', 'not_admitted') OR admission_decided_at IS NOT NULL)`);
    await q.query(`
      ALTER TABLE participant ADD CONSTRAINT participant_outcome_check CHECK (
        outcome IS NULL
        OR (status = 'withdrawn' AND outcome IN ('left_for_work', 'left_for_studies', 'personal_reasons', 'other'))
        OR (status = 'completed' AND outcome IN ('employed_in_profession', 'employed_other', 'studying', 'seeking_work', 'other')))`);
    await q.query(
      `ALTER TABLE participant ADD CONSTRAINT participant_outcome_note_check CHECK (outcome IS DISTINCT FROM 'other' OR outcome_note IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_outcome_note_check`);
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_outcome_check`);
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_decision_check`);
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_enrolment_check`);
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_status_check`);
    await q.query(`DELETE FROM participant WHERE status IN ('applicant', 'waiting_list', 'not_admitted')`);
    await q.query(
      `ALTER TABLE participant DROP COLUMN outcome_note, DROP COLUMN outcome, DROP COLUMN admission_decided_at, DROP COLUMN application_consent_at`,
    );
    await q.query(`ALTER TABLE participant ALTER COLUMN enrolled_at SET NOT NULL, ALTER COLUMN consent_recorded_at SET NOT NULL`);
    await q.query(`ALTER TABLE participant ADD CONSTRAINT participant_status_check CHECK (status IN ('active', 'withdrawn', 'completed'))`);
  }
}
