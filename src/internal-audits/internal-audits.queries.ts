/**
 * The internal-audit module's tables (`internal_audit`, `internal_audit_item`,
 * `internal_audit_answer`, `internal_audit_finding`): every read and write of them is here.
 * Exported reads take the caller's `EntityManager`, so other modules (management reviews,
 * reports) read audits inside their own transaction.
 */
import type { EntityManager } from 'typeorm';
import type { AnswerResult, AuditState, FindingGrade, FindingKind, Importance, LocalisedTitle } from './audit-rules.js';

export interface AuditRow {
  id: string;
  reference: string;
  year: number;
  title: string;
  processes: string[];
  procedureKeys: string[];
  programmeId: string | null;
  plannedMonth: number;
  importance: Importance;
  previousResults: string | null;
  scope: string | null;
  clauses: string[];
  periodFrom: string | null;
  periodTo: string | null;
  plannedOn: string | null;
  performedOn: string | null;
  leadAuditorId: string | null;
  teamIds: string[];
  state: AuditState;
  conclusion: string | null;
  reportSignatureId: string | null;
  reportedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  createdBy: string;
  createdAt: Date;
  version: number;
}

const AUDIT = `SELECT a.id, a.reference, a.year, a.title, a.processes, a.procedure_keys AS "procedureKeys", a.programme_id AS "programmeId",
  a.planned_month AS "plannedMonth", a.importance, a.previous_results AS "previousResults", a.scope, a.clauses,
  a.period_from::text AS "periodFrom", a.period_to::text AS "periodTo", a.planned_on::text AS "plannedOn", a.performed_on::text AS "performedOn",
  a.lead_auditor_id AS "leadAuditorId", a.team_ids::text[] AS "teamIds", a.state, a.conclusion, a.report_signature_id AS "reportSignatureId",
  a.reported_at AS "reportedAt", a.closed_at AS "closedAt", a.closed_by AS "closedBy", a.created_by AS "createdBy", a.created_at AS "createdAt",
  a.version FROM internal_audit a`;

/** The content of an audit its planners edit. */
export interface AuditContent {
  title: string;
  processes: string[];
  procedureKeys: string[];
  programmeId: string | null;
  plannedMonth: number;
  importance: Importance;
  previousResults: string | null;
  scope: string | null;
  clauses: string[];
  periodFrom: string | null;
  periodTo: string | null;
  plannedOn: string | null;
  leadAuditorId: string | null;
  teamIds: string[];
}

export const CONTENT_FIELDS: (keyof AuditContent)[] = [
  'title',
  'processes',
  'procedureKeys',
  'programmeId',
  'plannedMonth',
  'importance',
  'previousResults',
  'scope',
  'clauses',
  'periodFrom',
  'periodTo',
  'plannedOn',
  'leadAuditorId',
  'teamIds',
];

export interface AuditFilter {
  year?: number;
  state?: AuditState;
  /** Only planned audits whose month (year * 12 + month) is at most this. */
  dueBy?: number;
  deviationId?: string;
  /** Only audits this user leads or is on the team of, or of these programmes; undefined: every audit. */
  readableBy?: { userId: string; programmeIds: string[] };
}

export async function searchAudits(m: EntityManager, f: AuditFilter): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.year !== undefined) where.push(`a.year = ${p(f.year)}`);
  if (f.state) where.push(`a.state = ${p(f.state)}`);
  if (f.dueBy !== undefined) where.push(`a.state = 'planned' AND a.year * 12 + a.planned_month <= ${p(f.dueBy)}`);
  if (f.deviationId) where.push(`a.id IN (SELECT audit_id FROM internal_audit_finding WHERE deviation_id = ${p(f.deviationId)})`);
  if (f.readableBy) {
    const user = p(f.readableBy.userId);
    where.push(
      `(a.lead_auditor_id = ${user} OR ${user} = ANY(a.team_ids) OR a.programme_id = ANY(${p(f.readableBy.programmeIds)}::uuid[]))`,
    );
  }
  return m.query<AuditRow[]>(
    `${AUDIT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.year, a.planned_month, a.reference LIMIT 500`,
    params,
  );
}

/** The audit `id`; `lock` holds its row until the transaction ends (its changes, answers and findings one at a time). */
export async function auditById(m: EntityManager, id: string, lock = false): Promise<AuditRow | null> {
  const [row] = await m.query<AuditRow[]>(`${AUDIT} WHERE a.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

export async function insertAudit(
  m: EntityManager,
  a: AuditContent & { reference: string; year: number; createdBy: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO internal_audit (reference, year, title, processes, procedure_keys, programme_id, planned_month, importance, previous_results,
       scope, clauses, period_from, period_to, planned_on, lead_auditor_id, team_ids, created_by)
     VALUES ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9, $10, $11::text[], $12, $13, $14, $15, $16::uuid[], $17) RETURNING id`,
    [
      a.reference,
      a.year,
      a.title,
      a.processes,
      a.procedureKeys,
      a.programmeId,
      a.plannedMonth,
      a.importance,
      a.previousResults,
      a.scope,
      a.clauses,
      a.periodFrom,
      a.periodTo,
      a.plannedOn,
      a.leadAuditorId,
      a.teamIds,
      a.createdBy,
    ],
  );
  return row.id;
}

/** Writes the content of a planned audit when it still has version `expected`; false when it moved on. */
export async function updateAuditContent(m: EntityManager, id: string, expected: number, c: AuditContent): Promise<boolean> {
  const rows = await m.query<{ id: string }[]>(
    `UPDATE internal_audit SET title = $3, processes = $4::text[], procedure_keys = $5::text[], programme_id = $6, planned_month = $7,
       importance = $8, previous_results = $9, scope = $10, clauses = $11::text[], period_from = $12, period_to = $13, planned_on = $14,
       lead_auditor_id = $15, team_ids = $16::uuid[], version = version + 1
     WHERE id = $1 AND version = $2 AND state = 'planned' RETURNING id`,
    [
      id,
      expected,
      c.title,
      c.processes,
      c.procedureKeys,
      c.programmeId,
      c.plannedMonth,
      c.importance,
      c.previousResults,
      c.scope,
      c.clauses,
      c.periodFrom,
      c.periodTo,
      c.plannedOn,
      c.leadAuditorId,
      c.teamIds,
    ],
  );
  return rows.length === 1;
}

export async function markStarted(m: EntityManager, id: string, performedOn: string): Promise<void> {
  await m.query(`UPDATE internal_audit SET state = 'in_progress', performed_on = $2, version = version + 1 WHERE id = $1`, [
    id,
    performedOn,
  ]);
}

export async function markReported(m: EntityManager, id: string, conclusion: string, signatureId: string): Promise<void> {
  await m.query(
    `UPDATE internal_audit SET state = 'reported', conclusion = $2, report_signature_id = $3, reported_at = now(), version = version + 1 WHERE id = $1`,
    [id, conclusion, signatureId],
  );
}

export async function markClosed(m: EntityManager, id: string, closedBy: string): Promise<void> {
  await m.query(`UPDATE internal_audit SET state = 'closed', closed_at = now(), closed_by = $2, version = version + 1 WHERE id = $1`, [
    id,
    closedBy,
  ]);
}

export interface ItemRow {
  id: string;
  auditId: string;
  seq: number;
  kind: 'procedure_step' | 'clause';
  procedureKey: string | null;
  versionNumber: number | null;
  stepKey: string | null;
  clause: string | null;
  title: LocalisedTitle;
}

export type NewItem = Omit<ItemRow, 'id' | 'auditId' | 'seq'>;

export async function insertItems(m: EntityManager, auditId: string, items: readonly NewItem[]): Promise<void> {
  let seq = 0;
  for (const i of items) {
    seq += 1;
    await m.query(
      `INSERT INTO internal_audit_item (audit_id, seq, kind, procedure_key, version_number, step_key, clause, title)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [auditId, seq, i.kind, i.procedureKey, i.versionNumber, i.stepKey, i.clause, JSON.stringify(i.title)],
    );
  }
}

export async function itemsOf(m: EntityManager, auditId: string): Promise<ItemRow[]> {
  return m.query<ItemRow[]>(
    `SELECT id, audit_id AS "auditId", seq, kind, procedure_key AS "procedureKey", version_number AS "versionNumber", step_key AS "stepKey",
       clause, title FROM internal_audit_item WHERE audit_id = $1 ORDER BY seq`,
    [auditId],
  );
}

export interface AnswerRow {
  id: string;
  itemId: string;
  revision: number;
  result: AnswerResult;
  notes: string | null;
  executionIds: string[];
  deviationIds: string[];
  recordedBy: string;
  recordedAt: Date;
}

/** Every answer to the audit's items, by item and revision (the last of an item is the one that stands). */
export async function answersOf(m: EntityManager, auditId: string): Promise<AnswerRow[]> {
  return m.query<AnswerRow[]>(
    `SELECT x.id, x.item_id AS "itemId", x.revision, x.result, x.notes, x.execution_ids::text[] AS "executionIds",
       x.deviation_ids::text[] AS "deviationIds", x.recorded_by AS "recordedBy", x.recorded_at AS "recordedAt"
     FROM internal_audit_answer x JOIN internal_audit_item i ON i.id = x.item_id WHERE i.audit_id = $1 ORDER BY i.seq, x.revision`,
    [auditId],
  );
}

export async function insertAnswer(
  m: EntityManager,
  a: Omit<AnswerRow, 'id' | 'recordedAt' | 'revision'>,
): Promise<{ id: string; revision: number }> {
  const [row] = await m.query<{ id: string; revision: number }[]>(
    `INSERT INTO internal_audit_answer (item_id, revision, result, notes, execution_ids, deviation_ids, recorded_by)
     VALUES ($1, (SELECT coalesce(max(revision), 0) + 1 FROM internal_audit_answer WHERE item_id = $1), $2, $3, $4::uuid[], $5::uuid[], $6)
     RETURNING id, revision`,
    [a.itemId, a.result, a.notes, a.executionIds, a.deviationIds, a.recordedBy],
  );
  return row;
}

export interface FindingRow {
  id: string;
  auditId: string;
  seq: number;
  kind: FindingKind;
  grade: FindingGrade | null;
  title: string;
  description: string;
  itemIds: string[];
  deviationId: string | null;
  actionId: string | null;
  recordedBy: string;
  recordedAt: Date;
}

const FINDING = `SELECT f.id, f.audit_id AS "auditId", f.seq, f.kind, f.grade, f.title, f.description, f.item_ids::text[] AS "itemIds",
  f.deviation_id AS "deviationId", f.action_id AS "actionId", f.recorded_by AS "recordedBy", f.recorded_at AS "recordedAt"
  FROM internal_audit_finding f`;

export async function findingsOf(m: EntityManager, auditIds: readonly string[]): Promise<FindingRow[]> {
  if (auditIds.length === 0) return [];
  return m.query<FindingRow[]>(`${FINDING} WHERE f.audit_id = ANY($1) ORDER BY f.audit_id, f.seq`, [[...new Set(auditIds)]]);
}

export async function insertFinding(m: EntityManager, f: Omit<FindingRow, 'id' | 'seq' | 'recordedAt'>): Promise<FindingRow> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO internal_audit_finding (audit_id, seq, kind, grade, title, description, item_ids, deviation_id, action_id, recorded_by)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM internal_audit_finding WHERE audit_id = $1), $2, $3, $4, $5, $6::uuid[], $7, $8, $9)
     RETURNING id`,
    [f.auditId, f.kind, f.grade, f.title, f.description, f.itemIds, f.deviationId, f.actionId, f.recordedBy],
  );
  const [found] = await m.query<FindingRow[]>(`${FINDING} WHERE f.id = $1`, [row.id]);
  return found;
}

/** The finding of an internal audit that opened the deviation `deviationId`, with its audit's reference; null when none did. */
export async function findingOfDeviation(
  m: EntityManager,
  deviationId: string,
): Promise<{ auditId: string; auditReference: string; findingId: string; seq: number } | null> {
  const [row] = await m.query<{ auditId: string; auditReference: string; findingId: string; seq: number }[]>(
    `SELECT a.id AS "auditId", a.reference AS "auditReference", f.id AS "findingId", f.seq
     FROM internal_audit_finding f JOIN internal_audit a ON a.id = f.audit_id WHERE f.deviation_id = $1`,
    [deviationId],
  );
  return row ?? null;
}

/** What an internal audit found, counted for a management review's inputs. */
export interface InternalAuditResults {
  audits: {
    id: string;
    reference: string;
    title: string;
    state: AuditState;
    performedOn: string;
    findings: { major: number; minor: number; observations: number; opportunities: number };
  }[];
}

/**
 * The internal audits performed from `from` to `to` (YYYY-MM-DD, inclusive), by day performed and
 * reference, with their findings counted by kind and grade (ISO 9001 9.3.2 c 6: audit results).
 */
export async function internalAuditResults(m: EntityManager, from: string, to: string): Promise<InternalAuditResults> {
  const rows = await m.query<
    {
      id: string;
      reference: string;
      title: string;
      state: AuditState;
      performedOn: string;
      major: number;
      minor: number;
      observations: number;
      opportunities: number;
    }[]
  >(
    `SELECT a.id, a.reference, a.title, a.state, a.performed_on::text AS "performedOn",
       count(f.id) FILTER (WHERE f.kind = 'nonconformity' AND f.grade = 'major')::int AS major,
       count(f.id) FILTER (WHERE f.kind = 'nonconformity' AND f.grade = 'minor')::int AS minor,
       count(f.id) FILTER (WHERE f.kind = 'observation')::int AS observations,
       count(f.id) FILTER (WHERE f.kind = 'opportunity')::int AS opportunities
     FROM internal_audit a LEFT JOIN internal_audit_finding f ON f.audit_id = a.id
     WHERE a.performed_on BETWEEN $1::date AND $2::date
     GROUP BY a.id ORDER BY a.performed_on, a.reference`,
    [from, to],
  );
  return {
    audits: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      state: r.state,
      performedOn: r.performedOn,
      findings: { major: r.major, minor: r.minor, observations: r.observations, opportunities: r.opportunities },
    })),
  };
}
