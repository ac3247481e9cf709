/**
 * Reads of corrections held for a quality manager's decision (`execution_correction`) and of the
 * decisions on them; also what other modules (reports) read to mark executions whose judgement
 * was changed by a correction.
 */
import type { EntityManager } from 'typeorm';
import { participantCodeSql } from '../programmes/programmes.queries.js';

export interface CorrectionRow {
  id: string;
  execution_id: string;
  programme_id: string;
  procedure_key: string;
  subject_label: string;
  kind: 'correction' | 'added_step';
  supersedes_id: string | null;
  step_key: string;
  values: Record<string, unknown>;
  performed_at: Date;
  performed_by: string | null;
  notes: string | null;
  reason: string;
  findings_before: unknown[];
  requested_by: string;
  requested_at: Date;
  decision: 'approved' | 'rejected' | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  signature_id: string | null;
  step_record_id: string | null;
}

/**
 * Corrections with their decision (if any), oldest first. `visibility`: the programme filter of
 * ProgrammeAccess.visibilityFilter (its SQL names the programme as `p`), with its parameters.
 */
export async function correctionRows(
  m: EntityManager,
  where: { executionId?: string; correctionId?: string; pendingOnly?: boolean; visibility?: { sql: string; params: unknown[] } | null },
): Promise<CorrectionRow[]> {
  const params: unknown[] = [...(where.visibility?.params ?? [])];
  const conditions: string[] = where.visibility ? [where.visibility.sql] : [];
  if (where.executionId) conditions.push(`c.execution_id = $${params.push(where.executionId)}`);
  if (where.correctionId) conditions.push(`c.id = $${params.push(where.correctionId)}`);
  if (where.pendingOnly) conditions.push(`d.correction_id IS NULL`);
  return m.query<CorrectionRow[]>(
    `SELECT c.id, c.execution_id, e.programme_id, e.procedure_key,
            coalesce(${participantCodeSql('e.participant_id')}, e.subject_type) AS subject_label,
            c.kind, c.supersedes_id, c.step_key, c."values", c.performed_at, c.performed_by, c.notes, c.reason, c.findings_before,
            c.requested_by, c.requested_at, d.decision, d.reason AS decision_reason, d.decided_by, d.decided_at, d.signature_id, d.step_record_id
     FROM execution_correction c JOIN execution e ON e.id = c.execution_id
     CROSS JOIN LATERAL (SELECT e.programme_id AS id) p
     LEFT JOIN execution_correction_decision d ON d.correction_id = c.id
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY c.requested_at, c.id`,
    params,
  );
}

/** How an execution's judgement was changed from nonconforming to conforming by a correction. */
export interface CorrectionMark {
  /** The approved correction, or null when the judgement changed before corrections needed approval. */
  correctionId: string | null;
  approvedById: string | null;
  approvedAt: string | null;
  reason: string | null;
  signatureId: string | null;
}

/**
 * For each of the executions `ids` whose latest judgement is conforming while an earlier one was
 * nonconforming (the status `conforming_after_correction`): the approval that changed it. The
 * reports read this (execution id -> mark); an execution not in the map was not changed so.
 */
export async function correctionMarks(m: EntityManager, ids: readonly string[]): Promise<Map<string, CorrectionMark>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<
    {
      execution_id: string;
      correction_id: string | null;
      decided_by: string | null;
      decided_at: Date | null;
      reason: string | null;
      signature_id: string | null;
    }[]
  >(
    `SELECT e.id AS execution_id, a.correction_id, a.decided_by, a.decided_at, a.reason, a.signature_id
     FROM execution e
     JOIN LATERAL (SELECT conformance FROM execution_judgement WHERE execution_id = e.id ORDER BY seq DESC LIMIT 1) j ON j.conformance = 'conforming'
     LEFT JOIN LATERAL (
       SELECT d.correction_id, d.decided_by, d.decided_at, d.reason, d.signature_id
       FROM execution_correction c JOIN execution_correction_decision d ON d.correction_id = c.id AND d.decision = 'approved'
       WHERE c.execution_id = e.id ORDER BY d.decided_at DESC LIMIT 1) a ON true
     WHERE e.id = ANY($1)
       AND EXISTS (SELECT 1 FROM execution_judgement n WHERE n.execution_id = e.id AND n.conformance = 'nonconforming')`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.execution_id,
      {
        correctionId: r.correction_id,
        approvedById: r.decided_by,
        approvedAt: r.decided_at ? r.decided_at.toISOString() : null,
        reason: r.reason,
        signatureId: r.signature_id,
      },
    ]),
  );
}
