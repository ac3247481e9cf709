import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { buildWorld } from './support/world.js';

/**
 * Row triggers keep evidence from UPDATE and DELETE; TRUNCATE fires none of them, so every table
 * whose rows are never deleted has a statement trigger refusing it. The list below names them for
 * one test each; the derived tests read the catalogue, so a table added later fails here until it
 * is guarded (or named as disposable, with its reason).
 */
const GUARDED = [
  'survey',
  'survey_version',
  'survey_plan_entry',
  'survey_send',
  'survey_invitation',
  'survey_handout',
  'survey_response',
  'survey_text_answer',
  'survey_text_review',
  'survey_finding',
  'internal_audit',
  'internal_audit_item',
  'internal_audit_answer',
  'internal_audit_finding',
  'app_setting',
  'app_user',
  'audit_event',
  'audit_head',
  'audit_checkpoint',
  'signature',
  'procedure',
  'procedure_version',
  'procedure_version_contributor',
  'procedure_acknowledgement',
  'programme',
  'programme_plan_entry',
  'participant',
  'pair',
  'training_record',
  'execution',
  'execution_step_record',
  'execution_judgement',
  'execution_correction',
  'execution_correction_decision',
  'execution_attendance',
  'reference_counter',
  'risk',
  'risk_revision',
  'organisation',
  'organisation_revision',
  'internship',
  'internship_revision',
  'deviation',
  'deviation_transition',
  'deviation_step',
  'corrective_action',
  'corrective_action_deviation',
  'corrective_action_transition',
  'board_review',
  'management_review',
  'management_review_attendee',
  'management_review_decision',
  'management_review_guest',
  'management_review_note',
  'quality_objective',
  'controlled_document',
  'document_version',
  'document_file',
  'document_version_contributor',
  'document_review',
  'document_acknowledgement',
  'quality_objective_measurement',
  'mail_outbox',
  'mail_attempt',
  'notification_preference',
];

/** Tables whose rows the service deletes, so emptying them destroys no evidence. */
const DISPOSABLE: Record<string, string> = {
  idempotency_record: 'remembered answers, expired after 24 hours',
  auth_throttle: 'counts of recent password attempts, expired after their window',
  programme_leader: 'the current leaders of a programme, replaced as a set (each change is in the audit trail)',
  schema_migration: "TypeORM's record of applied migrations",
};

interface TableTriggers {
  table: string;
  truncate_guard: boolean;
  row_guard: boolean;
}

describe('TRUNCATE is refused on every table of records that are never deleted', () => {
  let t: TestApp;
  let catalogue: TableTriggers[];

  beforeAll(async () => {
    t = await startTestApp();
    await buildWorld(t);
    // tgtype bits: 2 BEFORE, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
    catalogue = await t.sql<TableTriggers>(
      `SELECT c.relname AS table,
              coalesce(bool_or(tg.tgtype & 2 <> 0 AND tg.tgtype & 32 <> 0 AND tg.tgenabled <> 'D'), false) AS truncate_guard,
              coalesce(bool_or(tg.tgtype & 2 <> 0 AND tg.tgtype & 24 <> 0), false) AS row_guard
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       LEFT JOIN pg_trigger tg ON tg.tgrelid = c.oid AND NOT tg.tgisinternal
       WHERE c.relkind IN ('r', 'p')
       GROUP BY c.relname ORDER BY c.relname`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const { table } of catalogue) {
      const [r] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      out[table] = r.n;
    }
    return out;
  }

  it.each(GUARDED)('%s refuses TRUNCATE, also with CASCADE, and keeps its rows', async (table) => {
    const before = await counts();
    const attempt = (statement: string) =>
      t.sql(statement).then(
        () => ({ statement, code: 'done', message: '' }),
        (e: { code?: string; message?: string }) => ({ statement, code: e.code, message: e.message ?? '' }),
      );
    // Without CASCADE a table that others point at is refused by PostgreSQL itself (0A000) before any trigger.
    expect(['42501', '0A000']).toContain((await attempt(`TRUNCATE ${table}`)).code);
    for (const statement of [`TRUNCATE ${table} CASCADE`, `TRUNCATE ${table} RESTART IDENTITY CASCADE`]) {
      const result = await attempt(statement);
      expect({ statement, code: result.code }).toEqual({ statement, code: '42501' });
      expect(result.message).toMatch(/TRUNCATE refused|append-only/);
    }
    expect(await counts()).toEqual(before);
  });

  it('the world built through the API left rows in the tables that matter, so the row counts above mean something', () => {
    // Not every table has rows (no board review or training record in this world), but the evidence that
    // CASCADE reached in the review's probe does: versions, executions, step records, signatures, deviations.
    return counts().then((n) => {
      for (const table of ['procedure_version', 'signature', 'execution', 'execution_step_record', 'deviation', 'deviation_transition']) {
        expect({ table, rows: n[table] > 0 }).toEqual({ table, rows: true });
      }
    });
  });

  it('every table with a BEFORE UPDATE or DELETE guard also refuses TRUNCATE', () => {
    const unguarded = catalogue.filter((c) => c.row_guard && !c.truncate_guard).map((c) => c.table);
    expect(unguarded).toEqual([]);
  });

  it('every table refuses TRUNCATE unless it is named as disposable, and the list above covers exactly the guarded ones', () => {
    const unguarded = catalogue.filter((c) => !c.truncate_guard).map((c) => c.table);
    expect(unguarded.sort()).toEqual(Object.keys(DISPOSABLE).sort());
    const guarded = catalogue.filter((c) => c.truncate_guard).map((c) => c.table);
    expect(guarded.sort()).toEqual([...GUARDED].sort());
  });
});
