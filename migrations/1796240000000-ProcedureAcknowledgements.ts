import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Read and understood" for procedure versions (ISO 9001 7.5), as for controlled documents: a
 * version names the roles whose holders acknowledge it once it is in force. The roles are set
 * while the version is a draft and never change after it (a trigger refuses it), like its
 * definition; changing them takes a new version. Versions written before this migration ask
 * nobody.
 *
 * Acknowledgements are append-only (no update, delete or truncate), and only the version in force
 * can be acknowledged.
 */
export class ProcedureAcknowledgements1796240000000 implements MigrationInterface {
  name = 'ProcedureAcknowledgements1796240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE procedure_version ADD COLUMN acknowledgement_roles text[] NOT NULL DEFAULT '{}'
        CHECK (acknowledgement_roles <@ ARRAY['admin','quality_manager','programme_leader','board_member']::text[])`);
    await q.query(`
      CREATE FUNCTION procedure_version_acknowledgement_roles_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND NEW.acknowledgement_roles IS DISTINCT FROM OLD.acknowledgement_roles THEN
          RAISE EXCEPTION 'procedure version % has left draft: the roles asked to acknowledge it cannot change', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER procedure_version_acknowledgement_roles_fixed BEFORE UPDATE ON procedure_version
      FOR EACH ROW EXECUTE FUNCTION procedure_version_acknowledgement_roles_fixed()`);

    await q.query(`
      CREATE TABLE procedure_acknowledgement (
        version_id uuid NOT NULL REFERENCES procedure_version (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, user_id)
      )`);
    await q.query(`CREATE INDEX procedure_acknowledgement_user ON procedure_acknowledgement (user_id)`);
    await q.query(`
      CREATE FUNCTION procedure_acknowledgement_in_force() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM procedure_version WHERE id = NEW.version_id) IS DISTINCT FROM 'effective' THEN
          RAISE EXCEPTION 'procedure version % is not in force: it cannot be acknowledged', NEW.version_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER procedure_acknowledgement_in_force BEFORE INSERT ON procedure_acknowledgement
      FOR EACH ROW EXECUTE FUNCTION procedure_acknowledgement_in_force()`);
    await q.query(
      `CREATE TRIGGER procedure_acknowledgement_immutable BEFORE UPDATE OR DELETE ON procedure_acknowledgement FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER procedure_acknowledgement_no_truncate BEFORE TRUNCATE ON procedure_acknowledgement FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procedure_acknowledgement`);
    await q.query(`DROP FUNCTION procedure_acknowledgement_in_force()`);
    await q.query(`DROP TRIGGER procedure_version_acknowledgement_roles_fixed ON procedure_version`);
    await q.query(`DROP FUNCTION procedure_version_acknowledgement_roles_fixed()`);
    await q.query(`ALTER TABLE procedure_version DROP COLUMN acknowledgement_roles`);
  }
}
