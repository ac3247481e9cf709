import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everyone who wrote a version's content, not only who started it: the person who created the
 * draft, everyone who edited it, and whoever imported it from a file. None of them may approve
 * it. Rows are added while the version is a draft and never changed or removed. Versions already
 * in the library get their authors, and the editors the audit trail names.
 */
export class ProcedureVersionContributors1796101000000 implements MigrationInterface {
  name = 'ProcedureVersionContributors1796101000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procedure_version_contributor (
        version_id uuid NOT NULL REFERENCES procedure_version (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        contribution text NOT NULL CHECK (contribution IN ('created', 'edited', 'imported')),
        first_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, user_id, contribution)
      )`);
    await q.query(`
      INSERT INTO procedure_version_contributor (version_id, user_id, contribution, first_at)
      SELECT id, author_id, 'created', created_at FROM procedure_version WHERE author_id IS NOT NULL`);
    await q.query(`
      INSERT INTO procedure_version_contributor (version_id, user_id, contribution, first_at)
      SELECT v.id, e.actor_id, 'edited', min(e.occurred_at)
      FROM audit_event e JOIN procedure_version v ON v.id::text = e.entity_id JOIN app_user u ON u.id = e.actor_id
      WHERE e.entity_type = 'procedure_version' AND e.action = 'procedure_version.update'
      GROUP BY v.id, e.actor_id`);
    await q.query(
      `CREATE TRIGGER procedure_version_contributor_immutable BEFORE UPDATE OR DELETE ON procedure_version_contributor
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(`
      CREATE FUNCTION procedure_version_contributor_draft_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM procedure_version WHERE id = NEW.version_id) <> 'draft' THEN
          RAISE EXCEPTION 'procedure version % has left draft: nobody contributes to it any more', NEW.version_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER procedure_version_contributor_draft_only BEFORE INSERT ON procedure_version_contributor
       FOR EACH ROW EXECUTE FUNCTION procedure_version_contributor_draft_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procedure_version_contributor`);
    await q.query(`DROP FUNCTION procedure_version_contributor_draft_only()`);
  }
}
