/**
 * Reads of the programmes module's tables for other modules. First the SQL builders that other
 * modules' hot paths compose into their own statements (one round trip per request instead of one
 * per table): each returns a subquery, and each mapper turns its JSON column into the entity, as
 * TypeORM would hydrate it (dates as `YYYY-MM-DD`, instants as Date). Then plain functions taking
 * the caller's EntityManager and returning typed rows.
 */
import type { EntityManager } from 'typeorm';
import type { UserLanguage } from '../common/languages.js';
import { Pair, Participant } from './participant.entity.js';
import { ENROLLED_STATUSES } from './participant-kinds.js';
import type { Gender, ParticipantOutcome, ParticipantRole, ParticipantStatus } from './participant-kinds.js';
import { Programme } from './programme.entity.js';
import { versionDefinitionSql } from '../procedures/procedures.queries.js';
import { activeUsersWithAnyRole } from '../users/users.queries.js';

/** One row: `programme` (the programme `idSql`, JSON, null when missing) and `leads` (whether user `actorSql` leads it). */
export function programmeWithLeadershipSql(idSql: string, actorSql: string): string {
  return `SELECT (SELECT to_jsonb(p) FROM programme p WHERE p.id = ${idSql}) AS programme,
    EXISTS (SELECT 1 FROM programme_leader pl WHERE pl.programme_id = ${idSql} AND pl.user_id = ${actorSql}) AS leads`;
}

/**
 * One row: `participant` (participant `participantSql`), `pair` (pair `pairSql`), both JSON or
 * null, and `pair_adept_enrolled_at`, the enrolment day of the pair's adept (a pair's windows
 * run from it).
 */
export function subjectSql(participantSql: string, pairSql: string): string {
  return `SELECT (SELECT to_jsonb(pt) FROM participant pt WHERE pt.id = ${participantSql}) AS participant,
    (SELECT to_jsonb(pr) FROM pair pr WHERE pr.id = ${pairSql}) AS pair,
    (SELECT a.enrolled_at::text FROM pair pr JOIN participant a ON a.id = pr.adept_id WHERE pr.id = ${pairSql}) AS pair_adept_enrolled_at`;
}

type Json = Record<string, unknown>;
const instant = (v: unknown): Date => new Date(v as string);
const instantOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const textOrNull = <T = string>(v: unknown): T | null => (v === null || v === undefined ? null : (v as T));

export function programmeFromJson(j: Json): Programme {
  return Object.assign(new Programme(), {
    id: j.id as string,
    name: j.name as string,
    description: j.description as string,
    targetGroup: j.target_group as string,
    startDate: j.start_date as string,
    endDate: j.end_date as string,
    timeZone: j.time_zone as string,
    status: j.status as Programme['status'],
    activatedAt: instantOrNull(j.activated_at),
    closedAt: instantOrNull(j.closed_at),
    version: j.version as number,
    createdAt: instant(j.created_at),
    updatedAt: instant(j.updated_at),
  });
}

export function participantFromJson(j: Json): Participant {
  return Object.assign(new Participant(), {
    id: j.id as string,
    programmeId: j.programme_id as string,
    code: j.code as string,
    role: j.role as Participant['role'],
    fullName: j.full_name as string,
    email: textOrNull(j.email),
    gender: j.gender as Participant['gender'],
    profession: j.profession as string,
    countryOfOrigin: textOrNull(j.country_of_origin),
    enrolledAt: textOrNull(j.enrolled_at),
    consentRecordedAt: textOrNull(j.consent_recorded_at),
    applicationConsentAt: textOrNull(j.application_consent_at),
    admissionDecidedAt: textOrNull(j.admission_decided_at),
    status: j.status as Participant['status'],
    withdrawnAt: textOrNull(j.withdrawn_at),
    withdrawalReason: textOrNull(j.withdrawal_reason),
    completedAt: textOrNull(j.completed_at),
    outcome: textOrNull<Participant['outcome']>(j.outcome),
    outcomeNote: textOrNull(j.outcome_note),
    version: j.version as number,
    createdAt: instant(j.created_at),
  });
}

export function pairFromJson(j: Json): Pair {
  return Object.assign(new Pair(), {
    id: j.id as string,
    programmeId: j.programme_id as string,
    mentorId: j.mentor_id as string,
    adeptId: j.adept_id as string,
    matchedAt: j.matched_at as string,
    rationale: j.rationale as string,
    endedAt: textOrNull(j.ended_at),
    endReason: textOrNull(j.end_reason),
    createdAt: instant(j.created_at),
  });
}

/** An entry of a programme's procedure plan: the version of a procedure the programme follows. */
export interface PlanEntryRow {
  id: string;
  procedureId: string;
  procedureKey: string;
  versionId: string;
  versionNumber: number;
  contentHash: string;
}

/** The programme's plan in force (entries not replaced), by procedure key. */
export async function currentPlan(m: EntityManager, programmeId: string): Promise<PlanEntryRow[]> {
  return m.query<PlanEntryRow[]>(
    `SELECT id, procedure_id AS "procedureId", procedure_key AS "procedureKey", version_id AS "versionId", version_number AS "versionNumber",
       content_hash AS "contentHash"
     FROM programme_plan_entry WHERE programme_id = $1 AND replaced_at IS NULL ORDER BY procedure_key`,
    [programmeId],
  );
}

/** The programme's name, or null when there is none. */
export async function programmeName(m: EntityManager, programmeId: string): Promise<string | null> {
  const [row] = await m.query<{ name: string }[]>(`SELECT name FROM programme WHERE id = $1`, [programmeId]);
  return row?.name ?? null;
}

/**
 * The records of a programme other modules' reports cite by id: its participants, its pairs, and
 * the procedure versions its plan has followed (each once).
 */
export async function programmeRecordIds(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT id::text FROM participant WHERE programme_id = $1
     UNION ALL SELECT id::text FROM pair WHERE programme_id = $1
     UNION ALL SELECT DISTINCT version_id::text FROM programme_plan_entry WHERE programme_id = $1`,
    [programmeId],
  );
  return rows.map((r) => r.id);
}

/** A participant as other modules see it (the name only for readers allowed to see it: the caller decides). */
export interface ParticipantRow {
  id: string;
  code: string;
  role: ParticipantRole;
  fullName: string;
  gender: Gender;
  profession: string;
  countryOfOrigin: string | null;
  /** Null for an applicant (not enrolled). */
  enrolledAt: string | null;
  status: ParticipantStatus;
}

/** An enrolled participant (active, withdrawn or completed): enrolment day known. */
export type EnrolledParticipantRow = ParticipantRow & { enrolledAt: string; status: 'active' | 'withdrawn' | 'completed' };

const PARTICIPANT = `SELECT id, code, role, full_name AS "fullName", gender, profession, country_of_origin AS "countryOfOrigin",
  enrolled_at::text AS "enrolledAt", status FROM participant`;

/** The enrolled participants of a programme (applicants left out), by role and code. */
export async function participantsOfProgramme(m: EntityManager, programmeId: string): Promise<EnrolledParticipantRow[]> {
  return m.query<EnrolledParticipantRow[]>(
    `${PARTICIPANT} WHERE programme_id = $1 AND status IN ('active', 'withdrawn', 'completed') ORDER BY role, code`,
    [programmeId],
  );
}

/** The participants among `ids` (any programme), by id: each shown by name only where the caller may (the caller decides). */
export async function participantsByIds(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ParticipantRow & { programmeId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<(ParticipantRow & { programmeId: string })[]>(
    `SELECT id, programme_id AS "programmeId", code, role, full_name AS "fullName", gender, profession,
       country_of_origin AS "countryOfOrigin", enrolled_at::text AS "enrolledAt", status
     FROM participant WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The programmes among `ids` that exist, in no particular order. */
export async function programmesByIds(m: EntityManager, ids: readonly string[]): Promise<Programme[]> {
  if (ids.length === 0) return [];
  return m.getRepository(Programme).findBy(ids.map((id) => ({ id })));
}

/** Enrolled participants of the programmes `programmeIds` (applicants left out), counted by role, gender, status and country of origin. */
export async function participantTallies(
  m: EntityManager,
  programmeIds: readonly string[],
): Promise<
  { role: ParticipantRole; gender: Gender; status: 'active' | 'withdrawn' | 'completed'; countryOfOrigin: string | null; n: number }[]
> {
  return m.query(
    `SELECT role, gender, status, country_of_origin AS "countryOfOrigin", count(*)::int AS n FROM participant
     WHERE programme_id = ANY($1) AND status IN ('active', 'withdrawn', 'completed')
     GROUP BY 1, 2, 3, 4`,
    [programmeIds],
  );
}

/** The enrolled adepts of the programmes `programmeIds`: id, status and the outcome recorded on leaving or completing. */
export async function adeptsOfProgrammes(
  m: EntityManager,
  programmeIds: readonly string[],
): Promise<{ id: string; status: ParticipantStatus; outcome: ParticipantOutcome | null }[]> {
  return m.query(
    `SELECT id, status, outcome FROM participant WHERE programme_id = ANY($1) AND role = 'adept' AND status IN ('active', 'withdrawn', 'completed')`,
    [programmeIds],
  );
}

/**
 * Everyone of a programme ever registered, by role: id, status and whether enrolled (applicants
 * and those enrolled directly alike), for the applicant funnel.
 */
export async function funnelParticipants(
  m: EntityManager,
  programmeId: string,
): Promise<{ id: string; role: ParticipantRole; status: ParticipantStatus; enrolled: boolean }[]> {
  return m.query(`SELECT id, role, status, enrolled_at IS NOT NULL AS enrolled FROM participant WHERE programme_id = $1`, [programmeId]);
}

/** A subquery for other modules' statements: the ids of the programmes user `userSql` leads. */
export function programmesLedBySql(userSql: string): string {
  return `SELECT programme_id FROM programme_leader WHERE user_id = ${userSql}`;
}

/** The ids of the programmes the user leads. */
export async function programmesLedBy(m: EntityManager, userId: string): Promise<string[]> {
  const rows = await m.query<{ programme_id: string }[]>(programmesLedBySql('$1'), [userId]);
  return rows.map((r) => r.programme_id);
}

/** The ids of the active programmes. */
export async function activeProgrammeIds(m: EntityManager): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM programme WHERE status = 'active'`);
  return rows.map((r) => r.id);
}

/**
 * Closed programmes whose plan holds a procedure carried out after the programme closes
 * (`afterClose`, the outcome follow-ups): the periodic overdue scan still watches those.
 */
export async function closedProgrammeIdsWithAfterClose(m: EntityManager): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT p.id FROM programme p WHERE p.status = 'closed'
       AND EXISTS (SELECT 1 FROM (${currentPlanSql('p.id')}) e WHERE (${versionDefinitionSql('e.version_id')}) ->> 'afterClose' = 'true')`,
  );
  return rows.map((r) => r.id);
}

/** The programme `id`, or null. */
export async function programmeById(m: EntityManager, id: string): Promise<Programme | null> {
  return m.getRepository(Programme).findOneBy({ id });
}

/** The participant `id` (of programme `programmeId` when given), or null. */
export async function participantById(m: EntityManager, id: string, programmeId?: string): Promise<Participant | null> {
  return m.getRepository(Participant).findOneBy(programmeId === undefined ? { id } : { id, programmeId });
}

/** The pair `id` (of programme `programmeId` when given), or null. */
export async function pairById(m: EntityManager, id: string, programmeId?: string): Promise<Pair | null> {
  return m.getRepository(Pair).findOneBy(programmeId === undefined ? { id } : { id, programmeId });
}

/** Whether participant `id` belongs to programme `programmeId`. */
export async function isParticipantOf(m: EntityManager, id: string, programmeId: string): Promise<boolean> {
  const rows = await m.query<unknown[]>(`SELECT 1 FROM participant WHERE id = $1 AND programme_id = $2`, [id, programmeId]);
  return rows.length > 0;
}

/** The pseudonymous codes of the participants among `ids`, by id. */
export async function participantCodes(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<{ id: string; code: string }[]>(`SELECT id, code FROM participant WHERE id = ANY($1)`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** A scalar subquery for other modules' statements: the code of participant `idSql` (null when none). */
export function participantCodeSql(idSql: string): string {
  return `(SELECT code FROM participant WHERE id = ${idSql})`;
}

/** The programme's plan entry in force for the procedure `procedureKey`, or null. */
export async function planEntryFor(m: EntityManager, programmeId: string, procedureKey: string): Promise<PlanEntryRow | null> {
  const [row] = await m.query<PlanEntryRow[]>(
    `SELECT id, procedure_id AS "procedureId", procedure_key AS "procedureKey", version_id AS "versionId", version_number AS "versionNumber",
       content_hash AS "contentHash"
     FROM programme_plan_entry WHERE programme_id = $1 AND procedure_key = $2 AND replaced_at IS NULL`,
    [programmeId, procedureKey],
  );
  return row ?? null;
}

/**
 * A subquery for other modules' statements: the plan in force of programme `programmeSql`, columns
 * procedure_id, procedure_key, version_id, version_number (join the version's definition yourself).
 */
export function currentPlanSql(programmeSql: string): string {
  return `SELECT procedure_id, procedure_key, version_id, version_number FROM programme_plan_entry
    WHERE programme_id = ${programmeSql} AND replaced_at IS NULL`;
}

/** A participant as the conformance matrix reads it (columns as stored). */
export interface MatrixParticipantRow {
  id: string;
  code: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  /** Null for an applicant. */
  enrolled_at: string | null;
  withdrawn_at: string | null;
}

/** The programme's participants for the conformance matrix, by role and code. */
export async function matrixParticipants(m: EntityManager, programmeId: string): Promise<MatrixParticipantRow[]> {
  return m.query<MatrixParticipantRow[]>(
    `SELECT id, code, role, status, enrolled_at, withdrawn_at FROM participant WHERE programme_id = $1 ORDER BY role, code`,
    [programmeId],
  );
}

/** A pair as the conformance matrix reads it (columns as stored). */
export interface MatrixPairRow {
  id: string;
  mentor_id: string;
  adept_id: string;
  ended_at: string | null;
}

/** The programme's pairs for the conformance matrix, in the order they were matched. */
export async function matrixPairs(m: EntityManager, programmeId: string): Promise<MatrixPairRow[]> {
  return m.query<MatrixPairRow[]>(`SELECT id, mentor_id, adept_id, ended_at FROM pair WHERE programme_id = $1 ORDER BY matched_at, id`, [
    programmeId,
  ]);
}

/** The leaders of each of the programmes `programmeIds` (user ids), by programme. */
export async function leadersOfProgrammes(m: EntityManager, programmeIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (programmeIds.length === 0) return out;
  const rows = await m.query<{ programmeId: string; userId: string }[]>(
    `SELECT programme_id AS "programmeId", user_id AS "userId" FROM programme_leader WHERE programme_id = ANY($1) ORDER BY programme_id, user_id`,
    [[...new Set(programmeIds)]],
  );
  for (const r of rows) out.set(r.programmeId, [...(out.get(r.programmeId) ?? []), r.userId]);
  return out;
}

/**
 * The leaders of each programme who lead it now: active accounts still holding the programme
 * leader role (an assignment outlives a deactivation or a role taken away). For whom to remind.
 */
export async function activeLeadersOfProgrammes(m: EntityManager, programmeIds: readonly string[]): Promise<Map<string, string[]>> {
  const leaders = await leadersOfProgrammes(m, programmeIds);
  if (leaders.size === 0) return leaders;
  const current = new Set((await activeUsersWithAnyRole(m, ['programme_leader'])).map((u) => u.id));
  return new Map([...leaders].map(([id, users]) => [id, users.filter((u) => current.has(u))]));
}

/** The ids of every programme (organisation-wide measures: management reviews, objectives). */
export async function allProgrammeIds(m: EntityManager): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM programme ORDER BY id`);
  return rows.map((r) => r.id);
}

/** Pairs of every programme matched, and ended before their programme's end, within the days `from` to `to` (inclusive). */
export async function pairFlowBetween(m: EntityManager, from: string, to: string): Promise<{ matched: number; endedEarly: number }> {
  const [row] = await m.query<{ matched: number; endedEarly: number }[]>(
    `SELECT count(*) FILTER (WHERE pr.matched_at BETWEEN $1::date AND $2::date)::int AS matched,
       count(*) FILTER (WHERE pr.ended_at BETWEEN $1::date AND $2::date AND pr.ended_at < p.end_date)::int AS "endedEarly"
     FROM pair pr JOIN programme p ON p.id = pr.programme_id`,
    [from, to],
  );
  return row;
}

/** A participant as an attendance list shows them (the name only for readers allowed to see it: the caller decides). */
export interface RosterRow {
  id: string;
  code: string;
  fullName: string;
  role: ParticipantRole;
  enrolledAt: string;
  withdrawnAt: string | null;
}

/**
 * The programme's enrolled participants with their enrolment and withdrawal days, by role and code
 * (attendance lists are cut from them by day). Applicants are not on it: they are not in the programme yet.
 */
export async function rosterOfProgramme(m: EntityManager, programmeId: string): Promise<RosterRow[]> {
  return m.query<RosterRow[]>(
    `SELECT id, code, full_name AS "fullName", role, enrolled_at::text AS "enrolledAt", withdrawn_at::text AS "withdrawnAt"
     FROM participant WHERE programme_id = $1 AND status = ANY($2::text[]) ORDER BY role, code`,
    [programmeId, ENROLLED_STATUSES],
  );
}

/** The e-mail addresses on record of participants (null where none), by id: for mail to them (a survey), never shown or logged. */
/** Each participant's preferred language among `ids` (null when not known), by id. */
export async function participantLanguages(m: EntityManager, ids: readonly string[]): Promise<Map<string, UserLanguage | null>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<{ id: string; language: UserLanguage | null }[]>(
    `SELECT id, language FROM participant WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.language]));
}

export async function participantEmails(m: EntityManager, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<{ id: string; email: string | null }[]>(`SELECT id, email FROM participant WHERE id = ANY($1::uuid[])`, [
    [...new Set(ids)],
  ]);
  return new Map(rows.map((r) => [r.id, r.email]));
}
