import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection looks up the deviations of an execution (a standing one under a key written before one
 * deviation per execution and rule, which ended in the step): by index, not by reading them all.
 */
export class DeviationExecutionIndex1796170200000 implements MigrationInterface {
  name = 'DeviationExecutionIndex1796170200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deviation_execution_idx ON deviation (execution_id) WHERE execution_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deviation_execution_idx`);
  }
}
