/**
 * Reads of the deviations module's tables for other modules: plain functions taking the caller's
 * `EntityManager` (so they join its transaction) and returning typed rows, and SQL builders that
 * other modules' statements compose (one round trip where it matters).
 */
import type { EntityManager } from 'typeorm';
import type { DeviationSource, DeviationState, Severity } from './deviation-states.js';

/** A deviation as other modules see it. */
export interface DeviationSummary {
  id: string;
  reference: string;
  programmeId: string;
  title: string;
  severity: Severity;
  source: DeviationSource;
  state: DeviationState;
  /** When the nonconformity occurred (never after detectedAt). */
  occurredAt: Date;
  detectedAt: Date;
  closedAt: Date | null;
  procedureKey: string | null;
  versionNumber: number | null;
  participantId: string | null;
  /** The rule that found an automatic deviation (a conformance rule, or `overdue`); null for one reported by a person. */
  rule: string | null;
}

const SUMMARY = `SELECT id, reference, programme_id AS "programmeId", title, severity, source, state, occurred_at AS "occurredAt", detected_at AS "detectedAt",
  closed_at AS "closedAt", procedure_key AS "procedureKey", version_number AS "versionNumber", participant_id AS "participantId", rule FROM deviation`;

/** The deviations among `ids`, by reference. */
export async function deviationsByIds(m: EntityManager, ids: readonly string[]): Promise<DeviationSummary[]> {
  if (ids.length === 0) return [];
  return m.query<DeviationSummary[]>(`${SUMMARY} WHERE id = ANY($1) ORDER BY reference`, [[...new Set(ids)]]);
}

/**
 * The deviations of a programme that belong to the days `from` to `to` (inclusive): those whose
 * nonconformity occurred in the period, and those detected in it (one found in the period about
 * something earlier is part of the period's evidence too); by occurrence, detection and reference.
 */
export async function deviationsInPeriod(m: EntityManager, programmeId: string, from: string, to: string): Promise<DeviationSummary[]> {
  return m.query<DeviationSummary[]>(
    `${SUMMARY} WHERE programme_id = $1
       AND ((occurred_at >= $2::date AND occurred_at < ($3::date + 1)) OR (detected_at >= $2::date AND detected_at < ($3::date + 1)))
     ORDER BY occurred_at, detected_at, reference`,
    [programmeId, from, to],
  );
}

/** The ids of every deviation of the programme. */
export async function deviationIdsOfProgramme(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM deviation WHERE programme_id = $1`, [programmeId]);
  return rows.map((r) => r.id);
}

/**
 * A subquery for other modules' statements: the ids of the deviations matching every condition
 * given, each an SQL expression of the caller's (a parameter placeholder, usually), emitted in
 * this order: `id` (a deviation id), `programme` (a programme id), `programmes` (an array of
 * programme ids), `programmesIn` (a subquery giving programme ids).
 */
export function deviationIdsSql(where: { id?: string; programme?: string; programmes?: string; programmesIn?: string }): string {
  const conditions = [
    where.id === undefined ? null : `id = ${where.id}`,
    where.programme === undefined ? null : `programme_id = ${where.programme}`,
    where.programmes === undefined ? null : `programme_id = ANY(${where.programmes})`,
    where.programmesIn === undefined ? null : `programme_id IN (${where.programmesIn})`,
  ].filter((c) => c !== null);
  return `SELECT id FROM deviation${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
}

/** A deviation to which a corrective action is being linked, locked (in id order) until the transaction ends. */
export interface LockedDeviation {
  id: string;
  reference: string;
  state: DeviationState;
  programmeId: string;
  detectedAt: Date;
}

/** Locks the deviations among `ids` that exist, in id order (see the lock order in docs/DEVELOPING.md). */
export async function lockDeviations(m: EntityManager, ids: readonly string[]): Promise<LockedDeviation[]> {
  if (ids.length === 0) return [];
  return m.query<LockedDeviation[]>(
    `SELECT id, reference, state, programme_id AS "programmeId", detected_at AS "detectedAt" FROM deviation WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
    [ids],
  );
}

/** Every deviation of the programmes `programmeIds`, by occurrence and detection time. */
export async function deviationsOfProgrammes(m: EntityManager, programmeIds: readonly string[]): Promise<DeviationSummary[]> {
  return m.query<DeviationSummary[]>(`${SUMMARY} WHERE programme_id = ANY($1) ORDER BY occurred_at, detected_at`, [programmeIds]);
}

/** The open deviation (neither closed nor cancelled) whose nonconformity occurred first, or null. */
export async function oldestOpenDeviation(m: EntityManager): Promise<{ reference: string; occurredAt: Date; detectedAt: Date } | null> {
  const [row] = await m.query<{ reference: string; occurredAt: Date; detectedAt: Date }[]>(
    `SELECT reference, occurred_at AS "occurredAt", detected_at AS "detectedAt" FROM deviation
     WHERE state NOT IN ('closed', 'cancelled') ORDER BY occurred_at, reference LIMIT 1`,
  );
  return row ?? null;
}

/** Deviations still open (neither closed nor cancelled), counted by severity and source, with those whose target date is before `today`. */
export async function openDeviationTallies(
  m: EntityManager,
  today: string,
): Promise<{ severity: Severity; source: DeviationSource; n: number; overdue: number }[]> {
  return m.query(
    `SELECT severity, source, count(*)::int AS n, count(*) FILTER (WHERE target_date < $1)::int AS overdue
     FROM deviation WHERE state NOT IN ('closed', 'cancelled') GROUP BY severity, source`,
    [today],
  );
}

/** A deviation with what an auditor reads in a case file: containment, root cause, target date, why it was cancelled. */
export interface DeviationCaseRow extends DeviationSummary {
  executionId: string | null;
  targetDate: string;
  containment: string | null;
  rootCause: string | null;
  /** The comment of its latest move to `cancelled`, when it was cancelled. */
  cancellationReason: string | null;
}

/** The deviations of the programme about any of the participants `participantIds` or executions `executionIds`, by reference. */
export async function deviationsForCaseFiles(
  m: EntityManager,
  programmeId: string,
  participantIds: readonly string[],
  executionIds: readonly string[],
): Promise<DeviationCaseRow[]> {
  if (participantIds.length === 0 && executionIds.length === 0) return [];
  return m.query<DeviationCaseRow[]>(
    `SELECT d.id, d.reference, d.programme_id AS "programmeId", d.title, d.severity, d.source, d.state, d.occurred_at AS "occurredAt",
       d.detected_at AS "detectedAt", d.closed_at AS "closedAt", d.procedure_key AS "procedureKey", d.version_number AS "versionNumber",
       d.participant_id AS "participantId", d.rule, d.execution_id AS "executionId", d.target_date::text AS "targetDate", d.containment,
       d.root_cause AS "rootCause",
       (SELECT t.comment FROM deviation_transition t WHERE t.deviation_id = d.id AND t.to_state = 'cancelled' ORDER BY t.seq DESC LIMIT 1)
         AS "cancellationReason"
     FROM deviation d WHERE d.programme_id = $1 AND (d.participant_id = ANY($2) OR d.execution_id = ANY($3)) ORDER BY d.reference`,
    [programmeId, [...new Set(participantIds)], [...new Set(executionIds)]],
  );
}

/** Deviations of every programme detected, and closed, within the days `from` to `to` (inclusive), by severity. */
export async function deviationFlowBetween(
  m: EntityManager,
  from: string,
  to: string,
): Promise<{ severity: Severity; detected: number; closed: number }[]> {
  return m.query(
    `SELECT severity,
       count(*) FILTER (WHERE detected_at >= $1::date AND detected_at < ($2::date + 1))::int AS detected,
       count(*) FILTER (WHERE state = 'closed' AND closed_at >= $1::date AND closed_at < ($2::date + 1))::int AS closed
     FROM deviation GROUP BY severity ORDER BY severity`,
    [from, to],
  );
}

/** Open deviations (neither closed nor cancelled) whose target date falls between `from` and `to` (inclusive): the reminder scan's. */
export async function openDeviationsDueBetween(
  m: EntityManager,
  from: string,
  to: string,
): Promise<{ id: string; reference: string; programmeId: string; title: string; targetDate: string }[]> {
  return m.query(
    `SELECT id, reference, programme_id AS "programmeId", title, target_date::text AS "targetDate" FROM deviation
     WHERE state NOT IN ('closed', 'cancelled') AND target_date BETWEEN $1 AND $2 ORDER BY target_date, reference`,
    [from, to],
  );
}
