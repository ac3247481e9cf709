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
  detectedAt: Date;
  closedAt: Date | null;
  procedureKey: string | null;
  versionNumber: number | null;
  participantId: string | null;
}

const SUMMARY = `SELECT id, reference, programme_id AS "programmeId", title, severity, source, state, detected_at AS "detectedAt",
  closed_at AS "closedAt", procedure_key AS "procedureKey", version_number AS "versionNumber", participant_id AS "participantId" FROM deviation`;

/** The deviations among `ids`, by reference. */
export async function deviationsByIds(m: EntityManager, ids: readonly string[]): Promise<DeviationSummary[]> {
  if (ids.length === 0) return [];
  return m.query<DeviationSummary[]>(`${SUMMARY} WHERE id = ANY($1) ORDER BY reference`, [[...new Set(ids)]]);
}

/** The deviations of a programme detected on the days `from` to `to` (inclusive), by detection time and reference. */
export async function deviationsDetectedBetween(
  m: EntityManager,
  programmeId: string,
  from: string,
  to: string,
): Promise<DeviationSummary[]> {
  return m.query<DeviationSummary[]>(
    `${SUMMARY} WHERE programme_id = $1 AND detected_at >= $2::date AND detected_at < ($3::date + 1) ORDER BY detected_at, reference`,
    [programmeId, from, to],
  );
}

/** The ids of every deviation of the programme. */
export async function deviationIdsOfProgramme(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM deviation WHERE programme_id = $1`, [programmeId]);
  return rows.map((r) => r.id);
}

/** A subquery: the ids of the deviations whose programme is one of `programmesSql` (an array). */
export function deviationIdsOfProgrammesSql(programmesSql: string): string {
  return `SELECT id FROM deviation WHERE programme_id = ANY(${programmesSql})`;
}

/** A subquery: the id of deviation `idSql` when its programme is one of `programmesSql` (an array). */
export function deviationIfInProgrammesSql(idSql: string, programmesSql: string): string {
  return `SELECT id FROM deviation WHERE id = ${idSql} AND programme_id = ANY(${programmesSql})`;
}
