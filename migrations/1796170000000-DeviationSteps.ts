import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A detected deviation is one per execution and rule, listing the steps it concerns (a late
 * execution opened one per step before). The steps are rows of their own, never changed: a later
 * judgement of the same execution (a correction) or its completion after an overdue scan adds the
 * steps it finds to the deviation that stands, even a closed one, without touching that record.
 * Existing automatic deviations, one per step, list their one step.
 */
export class DeviationSteps1796170000000 implements MigrationInterface {
  name = 'DeviationSteps1796170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deviation_step (
        deviation_id uuid NOT NULL REFERENCES deviation (id),
        execution_id uuid NOT NULL REFERENCES execution (id),
        step_key text NOT NULL,
        record_id uuid REFERENCES execution_step_record (id),
        detail text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        -- The order the steps were added in (within one judgement, the procedure's step order).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (deviation_id, execution_id, step_key)
      )`);
    await q.query(
      `CREATE TRIGGER deviation_step_immutable BEFORE UPDATE OR DELETE ON deviation_step FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER deviation_step_no_truncate BEFORE TRUNCATE ON deviation_step FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
    await q.query(
      `INSERT INTO deviation_step (deviation_id, execution_id, step_key, detail, added_at)
       SELECT id, execution_id, step_key, description, created_at FROM deviation
       WHERE source = 'system' AND execution_id IS NOT NULL AND step_key IS NOT NULL ORDER BY created_at, reference`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deviation_step`);
  }
}
