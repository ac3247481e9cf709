/**
 * Reads of recurring activities and attendance (plain SQL, rows as stored).
 */
import type { EntityManager } from 'typeorm';
import { localDate } from '../common/calendar.js';
import { versionsById } from '../procedures/procedures.queries.js';
import { rosterOfProgramme } from '../programmes/programmes.queries.js';
import type { RosterRow } from '../programmes/programmes.queries.js';

/** A current step record is one no correction replaced. */
const CURRENT = `NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)`;

export interface OccurrenceRow {
  id: string;
  procedure_key: string;
  version_id: string;
  version_number: number;
  state: 'open' | 'completed';
  /** The last current step's performed_at (what the matrix counts as the day it was done). */
  done_at: Date | null;
  completed_at: Date | null;
  conformance: 'conforming' | 'nonconforming' | null;
  recorded_by: string | null;
  /** Current values by step key. */
  values_by_step: Record<string, Record<string, unknown>>;
}

/** The occurrences (executions not cancelled) of `procedureKeys` for one subject, oldest first. */
export async function occurrencesOf(
  m: EntityManager,
  programmeId: string,
  procedureKeys: readonly string[],
  subjectId: string,
): Promise<OccurrenceRow[]> {
  if (procedureKeys.length === 0) return [];
  return m.query<OccurrenceRow[]>(
    `SELECT e.id, e.procedure_key, e.version_id, e.version_number, e.state, e.completed_at,
       (SELECT max(r.performed_at) FROM execution_step_record r WHERE r.execution_id = e.id AND ${CURRENT}) AS done_at,
       (SELECT j.conformance FROM execution_judgement j WHERE j.execution_id = e.id ORDER BY j.seq DESC LIMIT 1) AS conformance,
       (SELECT r.recorded_by FROM execution_step_record r WHERE r.execution_id = e.id ORDER BY r.recorded_at DESC, r.id DESC LIMIT 1) AS recorded_by,
       coalesce((SELECT jsonb_object_agg(r.step_key, r."values") FROM execution_step_record r WHERE r.execution_id = e.id AND ${CURRENT}), '{}'::jsonb)
         AS values_by_step
     FROM execution e
     WHERE e.programme_id = $1 AND e.procedure_key = ANY($2) AND coalesce(e.participant_id, e.pair_id, e.programme_id) = $3
       AND e.state <> 'cancelled'
     ORDER BY e.created_at, e.id`,
    [programmeId, [...procedureKeys], subjectId],
  );
}

export interface AttendanceRow {
  id: string;
  execution_id: string;
  participant_id: string;
  present: boolean;
  absence_reason: string | null;
  supersedes_id: string | null;
  correction_reason: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  superseded: boolean;
}

/** Every attendance entry of the executions `ids` (superseded ones too), oldest first. */
export async function attendanceOf(m: EntityManager, executionIds: readonly string[], participantId?: string): Promise<AttendanceRow[]> {
  if (executionIds.length === 0) return [];
  return m.query<AttendanceRow[]>(
    `SELECT a.id, a.execution_id, a.participant_id, a.present, a.absence_reason, a.supersedes_id, a.correction_reason, a.recorded_by,
       a.recorded_at, EXISTS (SELECT 1 FROM execution_attendance s WHERE s.supersedes_id = a.id) AS superseded
     FROM execution_attendance a
     WHERE a.execution_id = ANY($1) AND ($2::uuid IS NULL OR a.participant_id = $2::uuid)
     ORDER BY a.recorded_at, a.id`,
    [[...executionIds], participantId ?? null],
  );
}

export interface SessionRow {
  id: string;
  programme_id: string;
  procedure_key: string;
  version_id: string;
  version_number: number;
  state: 'open' | 'completed' | 'cancelled';
  done_at: Date | null;
}

/** Executions with the day they were done (the last current step performed), by id or for a programme's cohort. */
export async function sessions(m: EntityManager, where: { executionId: string } | { cohortOf: string }): Promise<SessionRow[]> {
  const [condition, param] =
    'executionId' in where
      ? ['e.id = $1', where.executionId]
      : [`e.programme_id = $1 AND e.subject_type = 'cohort' AND e.state <> 'cancelled'`, where.cohortOf];
  return m.query<SessionRow[]>(
    `SELECT e.id, e.programme_id, e.procedure_key, e.version_id, e.version_number, e.state,
       (SELECT max(r.performed_at) FROM execution_step_record r WHERE r.execution_id = e.id AND ${CURRENT}) AS done_at
     FROM execution e WHERE ${condition} ORDER BY e.created_at, e.id`,
    [param],
  );
}

/** The entries in force for one execution, by participant. */
export function currentEntries(rows: readonly AttendanceRow[], executionId: string): Map<string, AttendanceRow> {
  return new Map(rows.filter((r) => r.execution_id === executionId && !r.superseded).map((r) => [r.participant_id, r]));
}

/** Who is on a session's list on `day`: enrolled by then, and not withdrawn before it. */
export function rosterOn<T extends Pick<RosterRow, 'enrolledAt' | 'withdrawnAt'>>(roster: readonly T[], day: string): T[] {
  return roster.filter((r) => r.enrolledAt <= day && (r.withdrawnAt === null || r.withdrawnAt >= day));
}

/** Present and absent among the entries in force; not recorded: those on the list without one. */
export function attendanceCounts(
  listed: readonly { id: string }[],
  current: Map<string, AttendanceRow>,
): { present: number; absent: number; notRecorded: number } {
  const counts = { present: 0, absent: 0, notRecorded: 0 };
  for (const r of current.values()) counts[r.present ? 'present' : 'absent']++;
  counts.notRecorded = listed.filter((p) => !current.has(p.id)).length;
  return counts;
}

/**
 * Each dated session (an occurrence, not cancelled, of a cohort procedure that records attendance,
 * with a step recorded) of the programme with its attendance counts, in date order: for reports.
 */
export async function attendanceSessions(
  m: EntityManager,
  programmeId: string,
  timeZone: string,
): Promise<{ executionId: string; procedureKey: string; date: string; present: number; absent: number; notRecorded: number }[]> {
  const cohort = await sessions(m, { cohortOf: programmeId });
  const versions = await versionsById(m, [...new Set(cohort.map((s) => s.version_id))]);
  const dated = cohort.filter((s) => s.done_at && versions.get(s.version_id)?.definition.attendance);
  if (dated.length === 0) return [];
  const entries = await attendanceOf(
    m,
    dated.map((s) => s.id),
  );
  const roster = await rosterOfProgramme(m, programmeId);
  return dated
    .map((s) => {
      const date = localDate(s.done_at!, timeZone);
      const current = currentEntries(entries, s.id);
      const listed = rosterOn(roster, date).filter((r) => !current.has(r.id));
      return { executionId: s.id, procedureKey: s.procedure_key, date, ...attendanceCounts(listed, current) };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
