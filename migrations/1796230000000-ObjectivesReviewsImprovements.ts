import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quality objectives with an owner, a deadline, a plan and a history (ISO 9001 6.2); management
 * reviews over a period with guests, recorded issues and resources, and decisions by category
 * (9.3); actions that name their source, with or without a deviation (10.3).
 *
 * Defaults for what existed before:
 * - an objective's owner is whoever set it, its deadline the last day of the year it was set;
 * - a review covers the days after the review held before it up to its own day; the first review
 *   covers the year up to its day;
 * - a decision that opened an action is an improvement, any other "other";
 * - an action's source is the review decision that opened it, its deviations, the risk whose
 *   treatment lists it, the internal audit whose finding opened it, or else "other" (planned
 *   before sources were recorded).
 *
 * The measurements of objectives, the guests of a review and its recorded issues and resources
 * are rows that are never changed or deleted.
 */
export class ObjectivesReviewsImprovements1796230000000 implements MigrationInterface {
  name = 'ObjectivesReviewsImprovements1796230000000';

  async up(q: QueryRunner): Promise<void> {
    // Objectives
    await q.query(`ALTER TABLE quality_objective ADD COLUMN owner_id uuid REFERENCES app_user (id)`);
    await q.query(`ALTER TABLE quality_objective ADD COLUMN deadline date`);
    await q.query(`ALTER TABLE quality_objective ADD COLUMN action_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE quality_objective ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`UPDATE quality_objective SET owner_id = created_by, deadline = make_date(extract(year FROM created_at)::int, 12, 31)`);
    await q.query(`ALTER TABLE quality_objective ALTER COLUMN deadline SET NOT NULL`);
    await q.query(`
      CREATE TABLE quality_objective_measurement (
        objective_id uuid NOT NULL REFERENCES quality_objective (id),
        -- A calendar quarter, e.g. 2027-Q1.
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
        measured_on date NOT NULL,
        measured numeric,
        comparator text NOT NULL,
        target numeric NOT NULL,
        status text NOT NULL CHECK (status IN ('met', 'not_met', 'not_measurable')),
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (objective_id, period)
      )`);

    // Reviews
    await q.query(`ALTER TABLE management_review ADD COLUMN period_from date`);
    await q.query(`ALTER TABLE management_review ADD COLUMN period_to date`);
    // Closed reviews and actions refuse changes (closed_record_guard): the guard is switched off
    // for the backfill of the new columns alone and on again at once, inside the migration's transaction.
    await q.query(`ALTER TABLE management_review DISABLE TRIGGER management_review_guard`);
    await q.query(`
      UPDATE management_review r SET period_to = r.held_on,
        period_from = coalesce(
          (SELECT max(p.held_on) + 1 FROM management_review p WHERE p.held_on < r.held_on),
          (r.held_on - interval '1 year')::date + 1)`);
    await q.query(`ALTER TABLE management_review ENABLE TRIGGER management_review_guard`);
    await q.query(`ALTER TABLE management_review ALTER COLUMN period_from SET NOT NULL`);
    await q.query(`ALTER TABLE management_review ALTER COLUMN period_to SET NOT NULL`);
    await q.query(`ALTER TABLE management_review ADD CONSTRAINT management_review_period CHECK (period_from <= period_to)`);
    await q.query(`
      CREATE TABLE management_review_guest (
        management_review_id uuid NOT NULL REFERENCES management_review (id),
        seq integer NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        PRIMARY KEY (management_review_id, seq)
      )`);
    await q.query(`
      CREATE TABLE management_review_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        management_review_id uuid NOT NULL REFERENCES management_review (id),
        topic text NOT NULL CHECK (topic IN ('issues', 'resources')),
        seq integer NOT NULL,
        text text NOT NULL,
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (management_review_id, topic, seq)
      )`);
    await q.query(
      `ALTER TABLE management_review_decision ADD COLUMN category text NOT NULL DEFAULT 'other'
         CHECK (category IN ('improvement', 'qms_change', 'resource_need', 'other'))`,
    );
    // Decisions are never changed (management_review_decision_immutable): switched off for the
    // backfill of the new column alone, as above.
    await q.query(`ALTER TABLE management_review_decision DISABLE TRIGGER management_review_decision_immutable`);
    await q.query(
      `UPDATE management_review_decision d SET category = 'improvement'
       WHERE EXISTS (SELECT 1 FROM corrective_action a WHERE a.review_decision_id = d.id)`,
    );
    await q.query(`ALTER TABLE management_review_decision ENABLE TRIGGER management_review_decision_immutable`);

    // Actions
    await q.query(`ALTER TABLE corrective_action ADD COLUMN source text`);
    await q.query(`ALTER TABLE corrective_action ADD COLUMN source_id uuid`);
    await q.query(`ALTER TABLE corrective_action ADD COLUMN source_text text`);
    await q.query(`ALTER TABLE corrective_action DISABLE TRIGGER corrective_action_guard`);
    await q.query(`
      UPDATE corrective_action a SET
        source = CASE
          WHEN a.review_decision_id IS NOT NULL THEN 'management_review'
          WHEN EXISTS (SELECT 1 FROM corrective_action_deviation l WHERE l.corrective_action_id = a.id) THEN 'deviation'
          WHEN EXISTS (SELECT 1 FROM risk_revision rv WHERE a.id = ANY (rv.action_ids)) THEN 'risk'
          WHEN EXISTS (SELECT 1 FROM internal_audit_finding f WHERE f.action_id = a.id) THEN 'internal_audit'
          ELSE 'other' END,
        source_id = CASE
          WHEN a.review_decision_id IS NOT NULL THEN (SELECT d.management_review_id FROM management_review_decision d WHERE d.id = a.review_decision_id)
          WHEN EXISTS (SELECT 1 FROM risk_revision rv WHERE a.id = ANY (rv.action_ids))
            THEN (SELECT rv.risk_id FROM risk_revision rv WHERE a.id = ANY (rv.action_ids) ORDER BY rv.revision LIMIT 1)
          ELSE (SELECT f.audit_id FROM internal_audit_finding f WHERE f.action_id = a.id LIMIT 1) END`);
    await q.query(
      `UPDATE corrective_action SET source_id = NULL, source_text = 'Planned before the source of an action was recorded' WHERE source IN ('other', 'deviation')`,
    );
    await q.query(`UPDATE corrective_action SET source_text = NULL WHERE source = 'deviation'`);
    await q.query(
      `UPDATE corrective_action a SET source_text = (SELECT i.reference || ': ' || f.title FROM internal_audit_finding f
         JOIN internal_audit i ON i.id = f.audit_id WHERE f.action_id = a.id LIMIT 1)
       WHERE source = 'internal_audit'`,
    );
    await q.query(`ALTER TABLE corrective_action ENABLE TRIGGER corrective_action_guard`);
    await q.query(`ALTER TABLE corrective_action ALTER COLUMN source SET NOT NULL`);
    await q.query(
      `ALTER TABLE corrective_action ADD CONSTRAINT corrective_action_source
         CHECK (source IN ('deviation', 'management_review', 'risk', 'internal_audit', 'objective', 'other'))`,
    );
    await q.query(
      `ALTER TABLE corrective_action ADD CONSTRAINT corrective_action_source_text CHECK (source <> 'other' OR source_text IS NOT NULL)`,
    );
    await q.query(`CREATE INDEX corrective_action_source_idx ON corrective_action (source, source_id)`);

    for (const table of ['quality_objective_measurement', 'management_review_guest', 'management_review_note']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
    for (const table of ['management_review_guest', 'management_review_note']) {
      await q.query(
        `CREATE TRIGGER ${table}_open_review BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION management_review_open_guard()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE management_review_note`);
    await q.query(`DROP TABLE management_review_guest`);
    await q.query(`DROP TABLE quality_objective_measurement`);
    await q.query(`DROP INDEX corrective_action_source_idx`);
    for (const c of ['source', 'source_id', 'source_text']) await q.query(`ALTER TABLE corrective_action DROP COLUMN ${c}`);
    await q.query(`ALTER TABLE management_review_decision DROP COLUMN category`);
    await q.query(`ALTER TABLE management_review DROP CONSTRAINT management_review_period`);
    for (const c of ['period_from', 'period_to']) await q.query(`ALTER TABLE management_review DROP COLUMN ${c}`);
    for (const c of ['owner_id', 'deadline', 'action_ids', 'version']) await q.query(`ALTER TABLE quality_objective DROP COLUMN ${c}`);
  }
}
