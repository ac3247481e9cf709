/**
 * Each module owns its tables: a SQL string in src/<module>/ may name only that module's tables.
 * Another module's rows are reached through the owner's exported functions (its queries file or
 * service), so that renaming a column is found by the compiler, not by a grep. Migrations are
 * outside src/ and name every table. Reads the source files; needs no database.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../src');
const MIGRATIONS = resolve(import.meta.dirname, '../migrations');

/** Which module owns each table: the one place this is written down. */
const TABLE_OWNERS: Record<string, string[]> = {
  users: ['app_user'],
  auth: ['auth_throttle'],
  audit: ['audit_event', 'audit_head', 'audit_checkpoint', 'app_setting'],
  common: ['reference_counter'],
  database: ['idempotency_record'],
  signatures: ['signature'],
  procedures: ['procedure', 'procedure_version', 'procedure_version_contributor', 'procedure_acknowledgement'],
  programmes: ['programme', 'programme_leader', 'programme_plan_entry', 'participant', 'pair'],
  training: ['training_record'],
  risks: ['risk', 'risk_revision'],
  organisations: ['organisation', 'organisation_revision'],
  internships: ['internship', 'internship_revision'],
  surveys: [
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
  ],
  'internal-audits': ['internal_audit', 'internal_audit_item', 'internal_audit_answer', 'internal_audit_finding'],
  executions: [
    'execution',
    'execution_step_record',
    'execution_judgement',
    'execution_correction',
    'execution_correction_decision',
    'execution_attendance',
  ],
  deviations: ['deviation', 'deviation_transition', 'deviation_step'],
  'corrective-actions': ['corrective_action', 'corrective_action_deviation', 'corrective_action_transition', 'board_review'],
  'management-reviews': [
    'management_review',
    'management_review_attendee',
    'management_review_decision',
    'management_review_guest',
    'management_review_note',
  ],
  indicators: ['quality_objective', 'quality_objective_measurement'],
  mail: ['mail_outbox', 'mail_attempt', 'notification_preference'],
  documents: [
    'controlled_document',
    'document_version',
    'document_file',
    'document_version_contributor',
    'document_review',
    'document_acknowledgement',
  ],
};

/**
 * SQL that still names another module's tables, by file: each entry goes when its queries move
 * behind the owner's functions (the test fails when an entry is no longer true, so the list
 * only shrinks, and on any new entry).
 */
const NOT_YET_MOVED: Record<string, string[]> = {};

const ownerOf = new Map(Object.entries(TABLE_OWNERS).flatMap(([module, tables]) => tables.map((t) => [t, module] as const)));

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

/** The text of every string and template literal (substitutions as a placeholder). */
function literals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((s) => ` $x ${s.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Tables a SQL text reads or writes (after FROM, JOIN, UPDATE, INTO, TABLE). */
function tablesNamed(sql: string): string[] {
  if (!/\b(select|insert|update|delete|lock|with)\b/i.test(sql)) return [];
  return [...sql.matchAll(/\b(?:from|join|update|into|table)\s+"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => m[1].toLowerCase());
}

function foreignTables(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path).split(sep).join('/');
    if (!file.includes('/')) continue;
    const module = file.split('/')[0];
    for (const sql of literals(path)) {
      for (const table of tablesNamed(sql)) {
        const owner = ownerOf.get(table);
        if (owner === undefined || owner === module) continue;
        if (!found.has(file)) found.set(file, new Set());
        found.get(file)!.add(table);
      }
    }
  }
  return found;
}

describe('each module owns its tables', () => {
  const found = foreignTables();

  it('has an owner for every table the migrations create', () => {
    const created = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(MIGRATIONS, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/gi)].map((m) => m[1]),
      );
    expect([...new Set(created)].filter((t) => !ownerOf.has(t)).sort()).toEqual([]);
  });

  it("has no SQL naming another module's table, apart from the listed queries still to move", () => {
    const unexpected = [...found].flatMap(([file, tables]) =>
      [...tables].filter((t) => !(NOT_YET_MOVED[file] ?? []).includes(t)).map((t) => `${file} names ${t} (owned by ${ownerOf.get(t)})`),
    );
    expect(unexpected.sort()).toEqual([]);
  });

  it('lists only queries that are still there (remove an entry once moved)', () => {
    const moved = Object.entries(NOT_YET_MOVED).flatMap(([file, tables]) =>
      tables.filter((t) => !found.get(file)?.has(t)).map((t) => `${file} -> ${t}`),
    );
    expect(moved).toEqual([]);
  });

  it('recognises the tables a statement names', () => {
    expect(tablesNamed('SELECT u.name FROM programme_leader l JOIN app_user u ON u.id = l.user_id')).toEqual([
      'programme_leader',
      'app_user',
    ]);
    expect(tablesNamed('UPDATE execution e SET version = e.version + 1')).toEqual(['execution']);
    expect(tablesNamed('INSERT INTO "deviation" (id) VALUES ($1)')).toEqual(['deviation']);
    expect(tablesNamed('Version ${x} of procedure not found')).toEqual([]);
  });
});
