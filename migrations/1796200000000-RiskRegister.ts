import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of risks and opportunities (ISO 9001 6.1). A risk's identity (reference, kind,
 * context) never changes; what is known of it is a sequence of revisions, each a row that is never
 * changed: the current state is the latest revision, and the history is every revision with who
 * made it, when and why. Both tables refuse UPDATE, DELETE and TRUNCATE.
 */
export class RiskRegister1796200000000 implements MigrationInterface {
  name = 'RiskRegister1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('risk', 'opportunity')),
        -- The programme the risk belongs to; null for a risk of the whole organisation.
        programme_id uuid REFERENCES programme (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE risk_revision (
        risk_id uuid NOT NULL REFERENCES risk (id),
        revision integer NOT NULL CHECK (revision >= 1),
        change text NOT NULL CHECK (change IN ('created', 'revised', 'reviewed', 'closed', 'reopened')),
        reason text,
        title text NOT NULL,
        cause text NOT NULL,
        consequence text NOT NULL,
        likelihood smallint NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 5),
        treatment text,
        action_ids uuid[] NOT NULL DEFAULT '{}',
        residual_likelihood smallint CHECK (residual_likelihood BETWEEN 1 AND 5),
        residual_impact smallint CHECK (residual_impact BETWEEN 1 AND 5),
        owner_id uuid NOT NULL REFERENCES app_user (id),
        next_review_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (risk_id, revision),
        CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL)),
        CHECK (revision = 1 OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX risk_programme ON risk (programme_id)`);
    await q.query(`CREATE INDEX risk_revision_owner ON risk_revision (owner_id)`);
    for (const table of ['risk', 'risk_revision']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_revision`);
    await q.query(`DROP TABLE risk`);
  }
}
