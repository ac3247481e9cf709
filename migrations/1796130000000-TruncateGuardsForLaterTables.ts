import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables added beside the TRUNCATE guards: procedure version contributors are evidence of who
 * wrote a version (never deleted), so they refuse TRUNCATE like the others. Throttle counters
 * (auth_throttle) are disposable: they expire by themselves.
 */
export class TruncateGuardsForLaterTables1796130000000 implements MigrationInterface {
  name = 'TruncateGuardsForLaterTables1796130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER procedure_version_contributor_no_truncate BEFORE TRUNCATE ON procedure_version_contributor
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER procedure_version_contributor_no_truncate ON procedure_version_contributor`);
  }
}
