import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the effectiveness of a corrective action can be judged: the days after its implementation,
 * set when the action is planned. Actions planned before this column existed have none (NULL):
 * no minimum was stated for them, so none is imposed afterwards.
 */
export class EffectivenessCheckInterval1796150500000 implements MigrationInterface {
  name = 'EffectivenessCheckInterval1796150500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE corrective_action ADD COLUMN effectiveness_check_after_days integer
         CHECK (effectiveness_check_after_days BETWEEN 0 AND 730)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action DROP COLUMN effectiveness_check_after_days`);
  }
}
