import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of host organisations and employers, and the internships (placements) of adepts
 * with them. As with the risk register, an organisation's and a placement's identity never
 * changes and what is known of it is a sequence of revisions, each a row that is never changed:
 * the current state is the latest revision, the history every revision with who made it, when and
 * why. All four tables refuse UPDATE, DELETE and TRUNCATE. New tables only: runs on a database
 * that already has records.
 */
export class OrganisationsAndInternships1796270000000 implements MigrationInterface {
  name = 'OrganisationsAndInternships1796270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE organisation_revision (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        revision integer NOT NULL CHECK (revision >= 1),
        change text NOT NULL CHECK (change IN ('created', 'revised', 'deactivated', 'reactivated')),
        reason text,
        name text NOT NULL CHECK (btrim(name) <> ''),
        sector text NOT NULL CHECK (sector IN ('public', 'private', 'non_profit', 'academic')),
        contact_name text,
        contact_email text,
        contact_phone text,
        notes text,
        active boolean NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, revision),
        CHECK (revision = 1 OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX organisation_revision_name ON organisation_revision (lower(btrim(name)))`);
    await q.query(`
      CREATE TABLE internship (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        participant_id uuid NOT NULL REFERENCES participant (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE internship_revision (
        internship_id uuid NOT NULL REFERENCES internship (id),
        revision integer NOT NULL CHECK (revision >= 1),
        change text NOT NULL CHECK (change IN ('placed', 'revised', 'outcome_recorded', 'corrected')),
        reason text,
        supervisor_name text NOT NULL,
        supervisor_role text NOT NULL,
        supervisor_email text,
        start_date date NOT NULL,
        end_date date NOT NULL,
        hours_per_week smallint CHECK (hours_per_week BETWEEN 1 AND 60),
        outcome text CHECK (outcome IN ('completed', 'ended_early', 'employed', 'other')),
        outcome_note text,
        ended_on date,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (internship_id, revision),
        CHECK (end_date >= start_date),
        CHECK ((outcome IS NULL) = (ended_on IS NULL)),
        CHECK (outcome IS DISTINCT FROM 'other' OR outcome_note IS NOT NULL),
        -- Placing and the first record of the outcome are the expected steps; any other revision says why.
        CHECK (change IN ('placed', 'outcome_recorded') OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX internship_programme ON internship (programme_id)`);
    await q.query(`CREATE INDEX internship_participant ON internship (participant_id)`);
    await q.query(`CREATE INDEX internship_organisation ON internship (organisation_id)`);
    for (const table of ['organisation', 'organisation_revision', 'internship', 'internship_revision']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE internship_revision`);
    await q.query(`DROP TABLE internship`);
    await q.query(`DROP TABLE organisation_revision`);
    await q.query(`DROP TABLE organisation`);
  }
}
