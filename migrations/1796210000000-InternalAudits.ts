import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal audits (ISO 9001 9.2). An audit is planned in a year's programme (what is audited,
 * the month, why), then carried out by a lead auditor and a team independent of what they audit.
 * The audit row moves through its states (optimistic locking; a closed audit never changes). Its
 * checklist items, the answers to them and the findings are records auditors rely on: never
 * updated or deleted. A changed answer is a new row with the next revision; the latest stands.
 */
export class InternalAudits1796210000000 implements MigrationInterface {
  name = 'InternalAudits1796210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE internal_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        title text NOT NULL,
        processes text[] NOT NULL DEFAULT '{}',
        procedure_keys text[] NOT NULL DEFAULT '{}',
        -- The programme audited; null for an audit of the whole organisation.
        programme_id uuid REFERENCES programme (id),
        planned_month integer NOT NULL CHECK (planned_month BETWEEN 1 AND 12),
        importance text NOT NULL CHECK (importance IN ('low', 'medium', 'high')),
        previous_results text,
        scope text,
        clauses text[] NOT NULL DEFAULT '{}',
        period_from date,
        period_to date,
        planned_on date,
        performed_on date,
        lead_auditor_id uuid REFERENCES app_user (id),
        team_ids uuid[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'in_progress', 'reported', 'closed')),
        conclusion text,
        report_signature_id uuid REFERENCES signature (id),
        reported_at timestamptz,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (cardinality(processes) + cardinality(procedure_keys) > 0),
        CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
        CHECK (state = 'planned' OR (lead_auditor_id IS NOT NULL AND period_from IS NOT NULL AND period_to IS NOT NULL AND performed_on IS NOT NULL)),
        CHECK (state IN ('planned', 'in_progress') OR report_signature_id IS NOT NULL),
        CHECK (state <> 'closed' OR closed_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX internal_audit_year ON internal_audit (year, planned_month)`);
    await q.query(`CREATE INDEX internal_audit_programme ON internal_audit (programme_id)`);
    await q.query(`
      CREATE TABLE internal_audit_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL REFERENCES internal_audit (id),
        seq integer NOT NULL CHECK (seq >= 1),
        kind text NOT NULL CHECK (kind IN ('procedure_step', 'clause')),
        procedure_key text,
        version_number integer,
        step_key text,
        clause text,
        -- The item's wording in each language it has ({ en, sv?, nb? }).
        title jsonb NOT NULL,
        UNIQUE (audit_id, seq),
        CHECK ((kind = 'procedure_step') = (procedure_key IS NOT NULL AND step_key IS NOT NULL AND version_number IS NOT NULL)),
        CHECK ((kind = 'clause') = (clause IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE internal_audit_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES internal_audit_item (id),
        revision integer NOT NULL CHECK (revision >= 1),
        result text NOT NULL CHECK (result IN ('conforming', 'nonconforming', 'observation', 'not_applicable')),
        notes text,
        execution_ids uuid[] NOT NULL DEFAULT '{}',
        deviation_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (item_id, revision)
      )`);
    await q.query(`
      CREATE TABLE internal_audit_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL REFERENCES internal_audit (id),
        seq integer NOT NULL CHECK (seq >= 1),
        kind text NOT NULL CHECK (kind IN ('nonconformity', 'observation', 'opportunity')),
        grade text CHECK (grade IN ('major', 'minor')),
        title text NOT NULL,
        description text NOT NULL,
        item_ids uuid[] NOT NULL,
        deviation_id uuid,
        action_id uuid,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (audit_id, seq),
        CHECK (cardinality(item_ids) >= 1),
        CHECK ((kind = 'nonconformity') = (grade IS NOT NULL)),
        CHECK ((kind = 'nonconformity') = (deviation_id IS NOT NULL)),
        CHECK ((kind = 'opportunity') = (action_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX internal_audit_finding_deviation ON internal_audit_finding (deviation_id) WHERE deviation_id IS NOT NULL`,
    );
    // A closed audit is a record: nothing of it changes any more.
    await q.query(`
      CREATE FUNCTION internal_audit_closed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'closed' THEN
          RAISE EXCEPTION 'internal audit % is closed: % refused', OLD.reference, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER internal_audit_closed_immutable BEFORE UPDATE ON internal_audit FOR EACH ROW EXECUTE FUNCTION internal_audit_closed_immutable()`,
    );
    await q.query(`CREATE TRIGGER internal_audit_no_delete BEFORE DELETE ON internal_audit FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    for (const table of ['internal_audit_item', 'internal_audit_answer', 'internal_audit_finding']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    for (const table of ['internal_audit', 'internal_audit_item', 'internal_audit_answer', 'internal_audit_finding']) {
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE internal_audit_finding`);
    await q.query(`DROP TABLE internal_audit_answer`);
    await q.query(`DROP TABLE internal_audit_item`);
    await q.query(`DROP TABLE internal_audit`);
    await q.query(`DROP FUNCTION internal_audit_closed_immutable()`);
  }
}
