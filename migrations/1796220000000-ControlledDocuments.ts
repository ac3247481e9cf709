import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Controlled documents beyond procedures (ISO 9001 7.5): the quality policy, the scope and process
 * map, forms, consent texts, agreement templates, the handbook and external documents, under the
 * same document control as procedures. A document's versions go draft -> in review -> approved
 * (signed by someone who wrote none of it) and become effective on their effective day, superseding
 * the one before; an effective version may be retired. Each version has files (stored here, with
 * their SHA-256), everyone who wrote it (creator, editors, uploaders: none may approve it), and the
 * acknowledgements ("read and understood") of the people whose roles it names.
 *
 * What auditors rely on never changes: a version that left draft keeps its content, its files and
 * contributors are fixed from then on, reviews and acknowledgements are append-only, and none of
 * the tables can be emptied.
 */
export class ControlledDocuments1796220000000 implements MigrationInterface {
  name = 'ControlledDocuments1796220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE controlled_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('quality_policy', 'scope', 'process_map', 'form', 'consent_text',
          'participant_agreement', 'handbook', 'external')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        owner_id uuid NOT NULL REFERENCES app_user (id),
        -- How often the document is reviewed; null when only a date is set.
        review_interval_months smallint CHECK (review_interval_months BETWEEN 1 AND 60),
        review_by date NOT NULL,
        row_version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX controlled_document_owner ON controlled_document (owner_id)`);
    // A document is never deleted; its reference, kind and creation never change.
    await q.query(`
      CREATE FUNCTION controlled_document_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'controlled documents are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.reference IS DISTINCT FROM OLD.reference OR NEW.kind IS DISTINCT FROM OLD.kind
           OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'the identity of controlled document % never changes', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER controlled_document_guard BEFORE UPDATE OR DELETE ON controlled_document FOR EACH ROW EXECUTE FUNCTION controlled_document_guard()`,
    );

    await q.query(`
      CREATE TABLE document_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES controlled_document (id),
        number integer NOT NULL CHECK (number >= 1),
        -- Stored states; "effective" and "superseded" follow from the effective days of the approved versions.
        status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'rejected', 'retired')),
        change_summary text,
        -- Roles whose holders acknowledge the version once it is effective ("read and understood").
        acknowledgement_roles text[] NOT NULL DEFAULT '{}'
          CHECK (acknowledgement_roles <@ ARRAY['admin','quality_manager','programme_leader','board_member']::text[]),
        author_id uuid NOT NULL REFERENCES app_user (id),
        -- SHA-256 of what is signed (the document, the version, its files' hashes), fixed at submission.
        content_hash text,
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        approved_at timestamptz,
        effective_on date,
        rejected_at timestamptz,
        retired_at timestamptz,
        status_reason text,
        UNIQUE (document_id, number),
        CHECK (status = 'draft' OR (content_hash IS NOT NULL AND submitted_at IS NOT NULL)),
        CHECK (status NOT IN ('approved', 'retired') OR (approved_at IS NOT NULL AND effective_on IS NOT NULL)),
        CHECK (status <> 'rejected' OR rejected_at IS NOT NULL),
        CHECK (status <> 'retired' OR retired_at IS NOT NULL)
      )`);
    // At most one version awaiting a decision per document.
    await q.query(`CREATE UNIQUE INDEX document_version_one_open ON document_version (document_id) WHERE status IN ('draft', 'in_review')`);
    await q.query(`
      CREATE FUNCTION document_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'document versions are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'draft' AND (
             NEW.document_id IS DISTINCT FROM OLD.document_id OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.change_summary IS DISTINCT FROM OLD.change_summary OR NEW.acknowledgement_roles IS DISTINCT FROM OLD.acknowledgement_roles
          OR NEW.author_id IS DISTINCT FROM OLD.author_id OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
          OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
          OR (OLD.approved_at IS NOT NULL AND (NEW.approved_at IS DISTINCT FROM OLD.approved_at OR NEW.effective_on IS DISTINCT FROM OLD.effective_on))) THEN
          RAISE EXCEPTION 'document version % has left draft and cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'draft' AND NEW.status = 'in_review')
          OR (OLD.status = 'in_review' AND NEW.status IN ('approved', 'rejected'))
          OR (OLD.status = 'approved' AND NEW.status = 'retired')) THEN
          RAISE EXCEPTION 'document version status cannot move from % to %', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status IN ('rejected', 'retired') AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
          RAISE EXCEPTION 'document version % is closed and cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status = 'approved' AND NEW.status = 'approved' AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
          RAISE EXCEPTION 'approved document version % cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER document_version_guard BEFORE UPDATE OR DELETE ON document_version FOR EACH ROW EXECUTE FUNCTION document_version_guard()`,
    );

    await q.query(`
      CREATE TABLE document_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES document_version (id),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (octet_length(content) = size_bytes),
        UNIQUE (version_id, filename)
      )`);
    await q.query(`
      CREATE TABLE document_version_contributor (
        version_id uuid NOT NULL REFERENCES document_version (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        contribution text NOT NULL CHECK (contribution IN ('created', 'edited', 'uploaded')),
        first_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, user_id, contribution)
      )`);
    // Files and contributors are added while the version is a draft, and never changed. A file
    // uploaded by mistake may be removed from the draft; from submission on, nothing is.
    await q.query(`
      CREATE FUNCTION document_draft_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION '% is immutable: UPDATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' AND TG_TABLE_NAME <> 'document_file' THEN
          RAISE EXCEPTION '% is immutable: DELETE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (SELECT status FROM document_version WHERE id = v) <> 'draft' THEN
          RAISE EXCEPTION 'document version % has left draft: its files and authors are fixed', v USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['document_file', 'document_version_contributor']) {
      await q.query(
        `CREATE TRIGGER ${table}_draft_only BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION document_draft_only()`,
      );
    }

    // "Reviewed, no change": who confirmed the effective version still fits, and the next review-by day.
    await q.query(`
      CREATE TABLE document_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES controlled_document (id),
        version_id uuid NOT NULL REFERENCES document_version (id),
        reviewed_by uuid NOT NULL REFERENCES app_user (id),
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        comment text NOT NULL,
        previous_review_by date NOT NULL,
        next_review_by date NOT NULL
      )`);
    await q.query(`CREATE INDEX document_review_document ON document_review (document_id, reviewed_at)`);
    await q.query(`
      CREATE TABLE document_acknowledgement (
        version_id uuid NOT NULL REFERENCES document_version (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, user_id)
      )`);
    for (const table of ['document_review', 'document_acknowledgement']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    for (const table of [
      'controlled_document',
      'document_version',
      'document_file',
      'document_version_contributor',
      'document_review',
      'document_acknowledgement',
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'document_acknowledgement',
      'document_review',
      'document_version_contributor',
      'document_file',
      'document_version',
      'controlled_document',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION document_draft_only()`);
    await q.query(`DROP FUNCTION document_version_guard()`);
    await q.query(`DROP FUNCTION controlled_document_guard()`);
  }
}
