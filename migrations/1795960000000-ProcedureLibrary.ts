import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Procedures under document control, their versions, and electronic signatures. */
export class ProcedureLibrary1795960000000 implements MigrationInterface {
  name = 'ProcedureLibrary1795960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signer_id uuid REFERENCES app_user (id),
        signer_name text NOT NULL,
        signer_email text NOT NULL,
        meaning text NOT NULL,
        comment text,
        signed_at timestamptz NOT NULL,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        record_version integer,
        content_hash text
      )`);
    await q.query(`CREATE INDEX signature_record_idx ON signature (record_type, record_id)`);
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER signature_immutable BEFORE UPDATE OR DELETE ON signature
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE procedure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE procedure_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid NOT NULL REFERENCES procedure (id),
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'in_review', 'effective', 'superseded', 'rejected', 'retired')),
        definition jsonb NOT NULL,
        content_hash text NOT NULL,
        change_summary text,
        author_id uuid REFERENCES app_user (id),
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        effective_from timestamptz,
        superseded_at timestamptz,
        rejected_at timestamptz,
        retired_at timestamptz,
        status_reason text,
        UNIQUE (procedure_id, number),
        CHECK (status NOT IN ('effective', 'superseded', 'retired') OR effective_from IS NOT NULL),
        CHECK (status <> 'superseded' OR superseded_at IS NOT NULL),
        CHECK (status <> 'retired' OR retired_at IS NOT NULL)
      )`);
    // At most one version awaiting a decision, and at most one in force, per procedure.
    await q.query(`CREATE UNIQUE INDEX procedure_version_one_open ON procedure_version (procedure_id) WHERE status IN ('draft', 'in_review')`);
    await q.query(`CREATE UNIQUE INDEX procedure_version_one_effective ON procedure_version (procedure_id) WHERE status = 'effective'`);
    await q.query(`CREATE INDEX procedure_version_effective_idx ON procedure_version (procedure_id, effective_from)`);

    // A version that has left draft never changes its content; its status only moves forward
    // along the document-control table, and it is never deleted.
    await q.query(`
      CREATE FUNCTION procedure_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'procedure versions are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'draft' AND (
             NEW.definition IS DISTINCT FROM OLD.definition OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
          OR NEW.number IS DISTINCT FROM OLD.number OR NEW.procedure_id IS DISTINCT FROM OLD.procedure_id
          OR NEW.author_id IS DISTINCT FROM OLD.author_id OR NEW.change_summary IS DISTINCT FROM OLD.change_summary
          OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
          OR (OLD.effective_from IS NOT NULL AND NEW.effective_from IS DISTINCT FROM OLD.effective_from)) THEN
          RAISE EXCEPTION 'procedure version % has left draft and cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'draft' AND NEW.status = 'in_review')
          OR (OLD.status = 'in_review' AND NEW.status IN ('effective', 'rejected'))
          OR (OLD.status = 'effective' AND NEW.status IN ('superseded', 'retired'))) THEN
          RAISE EXCEPTION 'procedure version status cannot move from % to %', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status IN ('superseded', 'rejected', 'retired') AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
          RAISE EXCEPTION 'procedure version % is closed and cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER procedure_version_guard BEFORE UPDATE OR DELETE ON procedure_version
      FOR EACH ROW EXECUTE FUNCTION procedure_version_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procedure_version`);
    await q.query(`DROP FUNCTION procedure_version_guard()`);
    await q.query(`DROP TABLE procedure`);
    await q.query(`DROP TABLE signature`);
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
