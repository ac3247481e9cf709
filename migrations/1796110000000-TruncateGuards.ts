import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row triggers refuse UPDATE and DELETE of evidence, but TRUNCATE fires no row trigger: one
 * statement (with CASCADE, reaching every table that points at it) emptied signatures, step
 * records, judgements, transitions, reviews and the procedure library. Every table whose rows
 * are never deleted now refuses TRUNCATE as well. Only idempotency records (expired by the
 * service) and programme leaders (replaced as a set) are ever deleted, so they may be emptied.
 */
const TRUNCATE_GUARDED_TABLES = [
  'app_setting',
  'app_user',
  'audit_head',
  'signature',
  'procedure',
  'procedure_version',
  'programme',
  'programme_plan_entry',
  'participant',
  'pair',
  'training_record',
  'execution',
  'execution_step_record',
  'execution_judgement',
  'reference_counter',
  'deviation',
  'deviation_transition',
  'corrective_action',
  'corrective_action_deviation',
  'corrective_action_transition',
  'board_review',
  'management_review',
  'management_review_attendee',
  'management_review_decision',
  'quality_objective',
] as const;

export class TruncateGuards1796110000000 implements MigrationInterface {
  name = 'TruncateGuards1796110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% keeps records that are never deleted: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const t of TRUNCATE_GUARDED_TABLES) {
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRUNCATE_GUARDED_TABLES) await q.query(`DROP TRIGGER ${t}_no_truncate ON ${t}`);
    await q.query(`DROP FUNCTION refuse_truncate()`);
  }
}
