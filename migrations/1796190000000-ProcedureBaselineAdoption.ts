import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shipped procedures are no longer approved by the system on first start: they are loaded as
 * versions in review marked `baseline`, which a quality manager adopts with their signature
 * (meaning `baseline adoption`). The mark is set when the version is written and never changes,
 * so adoption (which only takes baseline versions) cannot be turned on for any other version.
 * Versions written before this migration are not baseline versions: an earlier baseline import
 * keeps the system signature it was approved with.
 */
export class ProcedureBaselineAdoption1796190000000 implements MigrationInterface {
  name = 'ProcedureBaselineAdoption1796190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procedure_version ADD COLUMN baseline boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE FUNCTION procedure_version_baseline_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.baseline IS DISTINCT FROM OLD.baseline THEN
          RAISE EXCEPTION 'whether procedure version % is a baseline version never changes', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER procedure_version_baseline_fixed BEFORE UPDATE ON procedure_version
      FOR EACH ROW EXECUTE FUNCTION procedure_version_baseline_fixed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER procedure_version_baseline_fixed ON procedure_version`);
    await q.query(`DROP FUNCTION procedure_version_baseline_fixed()`);
    await q.query(`ALTER TABLE procedure_version DROP COLUMN baseline`);
  }
}
