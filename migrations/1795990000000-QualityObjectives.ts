import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Quality objectives (ISO 9001 6.2): a target on an indicator, for one programme or for all. */
export class QualityObjectives1795990000000 implements MigrationInterface {
  name = 'QualityObjectives1795990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality_objective (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid REFERENCES programme (id),
        indicator text NOT NULL,
        comparator text NOT NULL CHECK (comparator IN ('>=', '<=', '>', '<', '=')),
        target numeric NOT NULL,
        title text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX quality_objective_programme_idx ON quality_objective (programme_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality_objective`);
  }
}
