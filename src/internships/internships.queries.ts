/**
 * The internship module's tables (`internship`, `internship_revision`): every read and write of
 * them is here.
 */
import type { EntityManager } from 'typeorm';
import type { InternshipChange, InternshipContent } from './internship-outcomes.js';

/** A placement with its latest revision. */
export interface InternshipRow extends InternshipContent {
  id: string;
  programmeId: string;
  participantId: string;
  organisationId: string;
  createdAt: Date;
  createdBy: string;
  revision: number;
  change: InternshipChange;
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export type InternshipRevisionRow = Omit<
  InternshipRow,
  'id' | 'programmeId' | 'participantId' | 'organisationId' | 'createdAt' | 'createdBy'
>;

const REVISION_COLUMNS = `rv.revision, rv.change, rv.reason, rv.supervisor_name AS "supervisorName", rv.supervisor_role AS "supervisorRole",
  rv.supervisor_email AS "supervisorEmail", rv.start_date::text AS "startDate", rv.end_date::text AS "endDate",
  rv.hours_per_week AS "hoursPerWeek", rv.outcome, rv.outcome_note AS "outcomeNote", rv.ended_on::text AS "endedOn",
  rv.recorded_by AS "recordedBy", rv.recorded_at AS "recordedAt"`;

const COLUMNS = `i.id, i.programme_id AS "programmeId", i.participant_id AS "participantId", i.organisation_id AS "organisationId",
  i.created_at AS "createdAt", i.created_by AS "createdBy", ${REVISION_COLUMNS}`;

/** The latest revision of each placement (alias i, rv). */
const CURRENT = `internship i JOIN LATERAL (
  SELECT * FROM internship_revision x WHERE x.internship_id = i.id ORDER BY x.revision DESC LIMIT 1) rv ON true`;

const ORDER = `ORDER BY rv.start_date DESC, i.created_at DESC, i.id`;

export async function internshipsOfProgramme(m: EntityManager, programmeId: string): Promise<InternshipRow[]> {
  return m.query<InternshipRow[]>(`SELECT ${COLUMNS} FROM ${CURRENT} WHERE i.programme_id = $1 ${ORDER}`, [programmeId]);
}

export async function internshipsOfParticipant(m: EntityManager, participantId: string): Promise<InternshipRow[]> {
  return m.query<InternshipRow[]>(`SELECT ${COLUMNS} FROM ${CURRENT} WHERE i.participant_id = $1 ${ORDER}`, [participantId]);
}

/** The placements with an organisation, in the programmes among `programmeIds` (null: every programme). */
export async function internshipsAtOrganisation(
  m: EntityManager,
  organisationId: string,
  programmeIds: readonly string[] | null,
): Promise<InternshipRow[]> {
  return m.query<InternshipRow[]>(
    `SELECT ${COLUMNS} FROM ${CURRENT} WHERE i.organisation_id = $1 AND ($2::uuid[] IS NULL OR i.programme_id = ANY($2::uuid[])) ${ORDER}`,
    [organisationId, programmeIds],
  );
}

/** A placement with its latest revision; `lock` holds its row until the transaction ends (one revision at a time). */
export async function internshipById(m: EntityManager, id: string, lock = false): Promise<InternshipRow | null> {
  if (lock) await m.query(`SELECT id FROM internship WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await m.query<InternshipRow[]>(`SELECT ${COLUMNS} FROM ${CURRENT} WHERE i.id = $1`, [id]);
  return row ?? null;
}

export async function internshipRevisions(m: EntityManager, id: string): Promise<InternshipRevisionRow[]> {
  return m.query<InternshipRevisionRow[]>(
    `SELECT ${REVISION_COLUMNS} FROM internship_revision rv WHERE rv.internship_id = $1 ORDER BY rv.revision`,
    [id],
  );
}

export async function insertInternship(
  m: EntityManager,
  r: { programmeId: string; participantId: string; organisationId: string; createdBy: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO internship (programme_id, participant_id, organisation_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [r.programmeId, r.participantId, r.organisationId, r.createdBy],
  );
  return row.id;
}

export async function insertInternshipRevision(
  m: EntityManager,
  id: string,
  revision: number,
  change: InternshipChange,
  reason: string | null,
  c: InternshipContent,
  recordedBy: string,
): Promise<void> {
  await m.query(
    `INSERT INTO internship_revision (internship_id, revision, change, reason, supervisor_name, supervisor_role, supervisor_email,
       start_date, end_date, hours_per_week, outcome, outcome_note, ended_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      revision,
      change,
      reason,
      c.supervisorName,
      c.supervisorRole,
      c.supervisorEmail,
      c.startDate,
      c.endDate,
      c.hoursPerWeek,
      c.outcome,
      c.outcomeNote,
      c.endedOn,
      recordedBy,
    ],
  );
}
