/**
 * Plain SQL of the executions module's hot paths (recording a step, correcting, completing):
 * a statement per round trip that matters, rows mapped by hand instead of TypeORM's query
 * building and hydration. Below them, the functions other modules call to read or move
 * executions (taking the caller's EntityManager, returning typed rows).
 */
import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../common/sql.js';
import { programmeWithLeadershipSql, subjectSql } from '../programmes/programmes.queries.js';
import { Execution, StepRecord } from './execution.entity.js';

/** The execution $1 with its row lock, held until the transaction ends. */
export const LOCK_EXECUTION = `SELECT id, programme_id, procedure_id, procedure_key, version_id, version_number, content_hash, subject_type,
  participant_id, pair_id, state, created_by, created_at, completed_by, completed_at, cancelled_by, cancelled_at, cancel_reason, version
  FROM execution WHERE id = $1 FOR UPDATE`;

export interface ExecutionRow {
  id: string;
  programme_id: string;
  procedure_id: string;
  procedure_key: string;
  version_id: string;
  version_number: number;
  content_hash: string;
  subject_type: Execution['subjectType'];
  participant_id: string | null;
  pair_id: string | null;
  state: Execution['state'];
  created_by: string | null;
  created_at: Date;
  completed_by: string | null;
  completed_at: Date | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
}

export function executionFromRow(r: ExecutionRow): Execution {
  return Object.assign(new Execution(), {
    id: r.id,
    programmeId: r.programme_id,
    procedureId: r.procedure_id,
    procedureKey: r.procedure_key,
    versionId: r.version_id,
    versionNumber: r.version_number,
    contentHash: r.content_hash,
    subjectType: r.subject_type,
    participantId: r.participant_id,
    pairId: r.pair_id,
    state: r.state,
    createdBy: r.created_by,
    createdAt: r.created_at,
    completedBy: r.completed_by,
    completedAt: r.completed_at,
    cancelledBy: r.cancelled_by,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    version: r.version,
  });
}

/**
 * Everything around a locked execution, in one read taken after the lock (so it sees what the
 * writes it waited for committed): its programme and whether the actor leads it, its subject,
 * and its step records in the order reads give them (recorded_at, id).
 * $1 programme, $2 actor (may be null), $3 participant, $4 pair, $5 execution.
 */
export const EXECUTION_SURROUNDINGS = `SELECT s.programme, s.leads, subj.participant, subj.pair, subj.pair_adept_enrolled_at,
  coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.recorded_at, r.id) FROM execution_step_record r WHERE r.execution_id = $5::uuid), '[]'::jsonb) AS records
  FROM (${programmeWithLeadershipSql('$1::uuid', '$2::uuid')}) s, LATERAL (${subjectSql('$3::uuid', '$4::uuid')}) subj`;

export interface SurroundingsRow {
  programme: Record<string, unknown> | null;
  leads: boolean;
  participant: Record<string, unknown> | null;
  pair: Record<string, unknown> | null;
  pair_adept_enrolled_at: string | null;
  records: Record<string, unknown>[];
}

/** A step record from its JSON (to_jsonb of an execution_step_record row). */
export function stepRecordFromJson(j: Record<string, unknown>): StepRecord {
  return Object.assign(new StepRecord(), {
    id: j.id as string,
    executionId: j.execution_id as string,
    stepKey: j.step_key as string,
    values: j.values as Record<string, unknown>,
    performedAt: new Date(j.performed_at as string),
    performedBy: (j.performed_by ?? null) as string | null,
    notes: (j.notes ?? null) as string | null,
    recordedBy: (j.recorded_by ?? null) as string | null,
    recordedAt: new Date(j.recorded_at as string),
    supersedesId: (j.supersedes_id ?? null) as string | null,
    correctionReason: (j.correction_reason ?? null) as string | null,
  });
}

/** An open execution moved to another version of its procedure, with the version it left. */
export interface MovedExecution {
  id: string;
  version: number;
  oldNumber: number;
  oldHash: string;
}

/**
 * Moves the programme's open executions of a procedure to another version of it (plan migration),
 * each row's `version` counted up. Completed executions keep the version they were judged against.
 */
export async function moveOpenExecutions(
  m: EntityManager,
  to: { programmeId: string; procedureId: string; versionId: string; versionNumber: number; contentHash: string },
): Promise<MovedExecution[]> {
  return modifyReturning<MovedExecution>(
    m,
    `UPDATE execution e SET version_id = $3, version_number = $4, content_hash = $5, version = e.version + 1
     FROM (SELECT id, version_number AS old_number, content_hash AS old_hash FROM execution
           WHERE programme_id = $1 AND procedure_id = $2 AND state = 'open') before
     WHERE e.id = before.id RETURNING e.id, e.version, before.old_number AS "oldNumber", before.old_hash AS "oldHash"`,
    [to.programmeId, to.procedureId, to.versionId, to.versionNumber, to.contentHash],
  );
}

/** The ids of every execution of the programme. */
export async function executionIdsOfProgramme(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM execution WHERE programme_id = $1`, [programmeId]);
  return rows.map((r) => r.id);
}

/**
 * For each of the participants `participantIds`: the values recorded for step `stepKey` (corrections
 * applied) in their latest completed execution of procedure `procedureKey` that has that step.
 */
export async function latestCompletedStepValues(
  m: EntityManager,
  participantIds: readonly string[],
  procedureKey: string,
  stepKey: string,
): Promise<Map<string, Record<string, unknown>>> {
  if (participantIds.length === 0) return new Map();
  const rows = await m.query<{ participant_id: string; values: Record<string, unknown> }[]>(
    `SELECT DISTINCT ON (e.participant_id) e.participant_id, r."values"
     FROM execution e JOIN execution_step_record r ON r.execution_id = e.id AND r.step_key = $2
     WHERE e.participant_id = ANY($1) AND e.procedure_key = $3 AND e.state = 'completed'
       AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)
     ORDER BY e.participant_id, e.completed_at DESC`,
    [participantIds, stepKey, procedureKey],
  );
  return new Map(rows.map((r) => [r.participant_id, r.values]));
}

/** The participants of a programme with a completed execution of `procedureKey` (cancelled ones do not count). */
export async function participantsWithCompleted(m: EntityManager, programmeId: string, procedureKey: string): Promise<Set<string>> {
  const rows = await m.query<{ participant_id: string }[]>(
    `SELECT DISTINCT participant_id FROM execution
     WHERE programme_id = $1 AND procedure_key = $2 AND state = 'completed' AND participant_id IS NOT NULL`,
    [programmeId, procedureKey],
  );
  return new Set(rows.map((r) => r.participant_id));
}

/** Completed executions by procedure key (in key order), with how many of them the latest judgement found conforming. */
export async function completedConformanceByProcedure(
  m: EntityManager,
): Promise<{ procedureKey: string; conforming: number; completed: number }[]> {
  return m.query(
    `SELECT e.procedure_key AS "procedureKey", count(*) FILTER (WHERE j.conformance = 'conforming')::int AS conforming, count(*)::int AS completed
     FROM execution e
     JOIN LATERAL (SELECT conformance FROM execution_judgement WHERE execution_id = e.id ORDER BY seq DESC LIMIT 1) j ON true
     WHERE e.state = 'completed' GROUP BY e.procedure_key ORDER BY e.procedure_key`,
  );
}

/**
 * For the overdue scan: the executions, as they stand now, of the given procedures and subjects
 * (participant, pair or programme id), each with a key-share lock taken in id order. A completion
 * holds its execution's row lock from before it judges until it commits: the scan waits for it
 * here, before taking any detection lock (Lock order: the execution before the detection locks its
 * deviations take), and sees what was started or completed since it drew the matrix.
 */
export async function lockExecutionsOf(
  m: EntityManager,
  programmeId: string,
  slots: readonly { procedureKey: string; subjectId: string }[],
): Promise<{ id: string; procedureKey: string; subjectId: string; state: 'open' | 'completed' }[]> {
  // A cancelled execution stands for nothing: the subject still owes the procedure.
  if (slots.length === 0) return [];
  return m.query(
    `SELECT id, procedure_key AS "procedureKey", coalesce(participant_id, pair_id, programme_id) AS "subjectId", state FROM execution
     WHERE programme_id = $1 AND state <> 'cancelled'
       AND (procedure_key, coalesce(participant_id, pair_id, programme_id)) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))
     ORDER BY id FOR KEY SHARE`,
    [programmeId, slots.map((x) => x.procedureKey), slots.map((x) => x.subjectId)],
  );
}

/** What a deviation records of execution `id`, or null when there is none. */
export async function executionFacts(
  m: EntityManager,
  id: string,
): Promise<{ programmeId: string; procedureKey: string; versionNumber: number } | null> {
  const [row] = await m.query<{ programmeId: string; procedureKey: string; versionNumber: number }[]>(
    `SELECT programme_id AS "programmeId", procedure_key AS "procedureKey", version_number AS "versionNumber" FROM execution WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** An execution as the evidence report's case files read it. */
export interface CaseExecutionRow {
  id: string;
  procedureKey: string;
  versionId: string;
  versionNumber: number;
  contentHash: string;
  subjectType: Execution['subjectType'];
  participantId: string | null;
  pairId: string | null;
  state: Execution['state'];
  createdAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

/** The executions of the programme about the participants and pairs `subjectIds`, by subject, start and id. */
export async function executionsOfSubjects(
  m: EntityManager,
  programmeId: string,
  subjectIds: readonly string[],
): Promise<CaseExecutionRow[]> {
  if (subjectIds.length === 0) return [];
  return m.query<CaseExecutionRow[]>(
    `SELECT id, procedure_key AS "procedureKey", version_id AS "versionId", version_number AS "versionNumber", content_hash AS "contentHash",
       subject_type AS "subjectType", participant_id AS "participantId", pair_id AS "pairId", state, created_at AS "createdAt", completed_at AS "completedAt",
       cancelled_at AS "cancelledAt", cancel_reason AS "cancelReason"
     FROM execution WHERE programme_id = $1 AND (participant_id = ANY($2) OR pair_id = ANY($2)) ORDER BY created_at, id`,
    [programmeId, [...new Set(subjectIds)]],
  );
}

/** The step records of the executions `executionIds` (superseded ones included), in the order recorded. */
export async function stepRecordsOf(m: EntityManager, executionIds: readonly string[]): Promise<StepRecord[]> {
  if (executionIds.length === 0) return [];
  const rows = await m.query<Record<string, unknown>[]>(
    `SELECT to_jsonb(r) AS j FROM execution_step_record r WHERE r.execution_id = ANY($1) ORDER BY r.recorded_at, r.id`,
    [[...new Set(executionIds)]],
  );
  return rows.map((r) => stepRecordFromJson(r.j as Record<string, unknown>));
}

/** The judgements of the executions `executionIds`, oldest first per execution. */
export async function judgementsOf(
  m: EntityManager,
  executionIds: readonly string[],
): Promise<
  {
    executionId: string;
    seq: number;
    conformance: 'conforming' | 'nonconforming';
    findings: unknown[];
    versionNumber: number;
    cause: string;
    judgedAt: Date;
  }[]
> {
  if (executionIds.length === 0) return [];
  return m.query(
    `SELECT execution_id AS "executionId", seq, conformance, findings, version_number AS "versionNumber", cause, judged_at AS "judgedAt"
     FROM execution_judgement WHERE execution_id = ANY($1) ORDER BY execution_id, seq`,
    [[...new Set(executionIds)]],
  );
}

/**
 * Executions of every programme completed within the days `from` to `to` (inclusive), by procedure
 * key, with how many of them the latest judgement found conforming.
 */
export async function completedConformanceBetween(
  m: EntityManager,
  from: string,
  to: string,
): Promise<{ procedureKey: string; conforming: number; completed: number }[]> {
  return m.query(
    `SELECT e.procedure_key AS "procedureKey", count(*) FILTER (WHERE j.conformance = 'conforming')::int AS conforming, count(*)::int AS completed
     FROM execution e
     JOIN LATERAL (SELECT conformance FROM execution_judgement WHERE execution_id = e.id ORDER BY seq DESC LIMIT 1) j ON true
     WHERE e.state = 'completed' AND e.completed_at >= $1::date AND e.completed_at < ($2::date + 1)
     GROUP BY e.procedure_key ORDER BY e.procedure_key`,
    [from, to],
  );
}

/**
 * The values recorded for step `stepKey` (corrections applied) in the executions of procedure
 * `procedureKey` completed within the days `from` to `to` (inclusive): one entry per execution.
 */
export async function completedStepValuesBetween(
  m: EntityManager,
  procedureKey: string,
  stepKey: string,
  from: string,
  to: string,
): Promise<Record<string, unknown>[]> {
  const rows = await m.query<{ values: Record<string, unknown> }[]>(
    `SELECT DISTINCT ON (e.id) r."values"
     FROM execution e JOIN execution_step_record r ON r.execution_id = e.id AND r.step_key = $2
     WHERE e.procedure_key = $1 AND e.state = 'completed' AND e.completed_at >= $3::date AND e.completed_at < ($4::date + 1)
       AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)
     ORDER BY e.id, r.recorded_at DESC`,
    [procedureKey, stepKey, from, to],
  );
  return rows.map((r) => r.values);
}

/** The day (in `timeZone`) an execution of `procedureKey` was first completed in the programme, or null (a survey sent after it). */
export async function firstCompletionDay(
  m: EntityManager,
  programmeId: string,
  procedureKey: string,
  timeZone: string,
): Promise<string | null> {
  const [row] = await m.query<{ day: string | null }[]>(
    `SELECT (min(completed_at) AT TIME ZONE $3)::date::text AS day FROM execution
     WHERE programme_id = $1 AND procedure_key = $2 AND state = 'completed'`,
    [programmeId, procedureKey, timeZone],
  );
  return row?.day ?? null;
}
