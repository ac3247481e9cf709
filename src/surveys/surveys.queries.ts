/**
 * SQL of the surveys module: the only place its tables are named. Functions take the caller's
 * EntityManager so they join its transaction. The functions at the end (results per indicator and
 * period) are for other modules: indicators, objectives, the management review's input and reports.
 */
import type { EntityManager } from 'typeorm';
import type { UserLanguage } from '../common/languages.js';
import type { SurveyAudience, SurveyContent } from './survey-content.js';
import type { Delivery, SurveyMoment } from './survey-moments.js';
import type { TextDecision } from './survey-suppression.js';
import type { StoredSurveyStatus } from './survey-versions.js';

export interface SurveyRow {
  id: string;
  key: string;
  createdAt: Date;
}

export interface SurveyVersionRow {
  id: string;
  surveyId: string;
  number: number;
  status: StoredSurveyStatus;
  content: SurveyContent;
  contentHash: string;
  changeSummary: string | null;
  authorId: string | null;
  shipped: boolean;
  createdAt: Date;
  approvedAt: Date | null;
  effectiveOn: string | null;
  rejectedAt: Date | null;
  statusReason: string | null;
}

const SURVEY = `SELECT id, key, created_at AS "createdAt" FROM survey`;
const VERSION = `SELECT id, survey_id AS "surveyId", number, status, content, content_hash AS "contentHash", change_summary AS "changeSummary",
  author_id AS "authorId", shipped, created_at AS "createdAt", approved_at AS "approvedAt", effective_on::text AS "effectiveOn",
  rejected_at AS "rejectedAt", status_reason AS "statusReason" FROM survey_version`;

export async function allSurveys(m: EntityManager): Promise<SurveyRow[]> {
  return m.query<SurveyRow[]>(`${SURVEY} ORDER BY key`);
}

/** `lock`: the survey row, before any of its versions (changes to one survey one at a time). */
export async function surveyById(m: EntityManager, id: string, lock = false): Promise<SurveyRow | null> {
  const [row] = await m.query<SurveyRow[]>(`${SURVEY} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

export async function surveyByKey(m: EntityManager, key: string): Promise<SurveyRow | null> {
  const [row] = await m.query<SurveyRow[]>(`${SURVEY} WHERE key = $1`, [key]);
  return row ?? null;
}

export async function insertSurvey(m: EntityManager, key: string, createdBy: string | null): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(`INSERT INTO survey (key, created_by) VALUES ($1, $2) RETURNING id`, [key, createdBy]);
  return row.id;
}

/** The versions of the surveys, oldest first. */
export async function surveyVersionsOf(m: EntityManager, surveyIds: readonly string[]): Promise<SurveyVersionRow[]> {
  if (surveyIds.length === 0) return [];
  return m.query<SurveyVersionRow[]>(`${VERSION} WHERE survey_id = ANY($1::uuid[]) ORDER BY survey_id, number`, [[...surveyIds]]);
}

export async function surveyVersionById(m: EntityManager, id: string): Promise<SurveyVersionRow | null> {
  const [row] = await m.query<SurveyVersionRow[]>(`${VERSION} WHERE id = $1`, [id]);
  return row ?? null;
}

export async function insertSurveyVersion(
  m: EntityManager,
  v: Pick<SurveyVersionRow, 'surveyId' | 'number' | 'content' | 'contentHash' | 'changeSummary' | 'authorId' | 'shipped'>,
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO survey_version (survey_id, number, status, content, content_hash, change_summary, author_id, shipped)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) RETURNING id`,
    [v.surveyId, v.number, JSON.stringify(v.content), v.contentHash, v.changeSummary, v.authorId, v.shipped],
  );
  return row.id;
}

export async function markSurveyVersionApproved(m: EntityManager, id: string, effectiveOn: string): Promise<void> {
  await m.query(
    `UPDATE survey_version SET status = 'approved', approved_at = now(), effective_on = $2 WHERE id = $1 AND status = 'draft'`,
    [id, effectiveOn],
  );
}

export async function markSurveyVersionRejected(m: EntityManager, id: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE survey_version SET status = 'rejected', rejected_at = now(), status_reason = $2 WHERE id = $1 AND status = 'draft'`,
    [id, reason],
  );
}

// --- Plan, sends, invitations ---

export interface PlanEntryRow {
  id: string;
  programmeId: string;
  surveyId: string;
  surveyKey: string;
  audience: SurveyAudience;
  moment: SurveyMoment;
  procedureKey: string | null;
  offsetDays: number;
  expiresInDays: number;
  language: UserLanguage;
  createdAt: Date;
  sent: number;
}

const PLAN_ENTRY = `SELECT e.id, e.programme_id AS "programmeId", e.survey_id AS "surveyId", s.key AS "surveyKey", e.audience, e.moment,
  e.procedure_key AS "procedureKey", e.offset_days AS "offsetDays", e.expires_in_days AS "expiresInDays", e.language,
  e.created_at AS "createdAt", (SELECT count(*)::int FROM survey_invitation i WHERE i.plan_entry_id = e.id) AS sent
  FROM survey_plan_entry e JOIN survey s ON s.id = e.survey_id`;

export async function planEntriesOf(m: EntityManager, programmeIds: readonly string[]): Promise<PlanEntryRow[]> {
  if (programmeIds.length === 0) return [];
  return m.query<PlanEntryRow[]>(`${PLAN_ENTRY} WHERE e.programme_id = ANY($1::uuid[]) ORDER BY e.programme_id, e.created_at, e.id`, [
    [...programmeIds],
  ]);
}

export async function planEntryById(m: EntityManager, id: string): Promise<PlanEntryRow | null> {
  const [row] = await m.query<PlanEntryRow[]>(`${PLAN_ENTRY} WHERE e.id = $1`, [id]);
  return row ?? null;
}

/** The programmes that have a survey plan. */
export async function programmesWithSurveyPlan(m: EntityManager): Promise<string[]> {
  const rows = await m.query<{ programme_id: string }[]>(`SELECT DISTINCT programme_id FROM survey_plan_entry ORDER BY programme_id`);
  return rows.map((r) => r.programme_id);
}

export async function insertPlanEntry(
  m: EntityManager,
  e: Omit<PlanEntryRow, 'id' | 'createdAt' | 'sent' | 'surveyKey'> & { createdBy: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO survey_plan_entry (programme_id, survey_id, audience, moment, procedure_key, offset_days, expires_in_days, language, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [e.programmeId, e.surveyId, e.audience, e.moment, e.procedureKey, e.offsetDays, e.expiresInDays, e.language, e.createdBy],
  );
  return row.id;
}

export async function insertSend(
  m: EntityManager,
  s: { programmeId: string; versionId: string; audience: SurveyAudience; planEntryId: string | null; sentBy: string | null },
): Promise<{ id: string; sentAt: Date }> {
  const [row] = await m.query<{ id: string; sentAt: Date }[]>(
    `INSERT INTO survey_send (programme_id, version_id, audience, plan_entry_id, sent_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, sent_at AS "sentAt"`,
    [s.programmeId, s.versionId, s.audience, s.planEntryId, s.sentBy],
  );
  return row;
}

export interface NewInvitation {
  id: string;
  sendId: string;
  versionId: string;
  programmeId: string;
  planEntryId: string | null;
  recipientKind: 'participant' | 'internship';
  recipientId: string;
  role: SurveyAudience;
  language: UserLanguage;
  delivery: Delivery;
  nonce: string;
  tokenHash: string;
  expiresOn: string;
}

/** Inserts the invitation; false when its plan entry has asked the recipient already (nothing written). */
export async function insertInvitation(m: EntityManager, i: NewInvitation): Promise<boolean> {
  const rows = await m.query<unknown[]>(
    `INSERT INTO survey_invitation (id, send_id, version_id, programme_id, plan_entry_id, recipient_kind, recipient_id, role, language,
       delivery, nonce, token_hash, expires_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (plan_entry_id, recipient_id) WHERE plan_entry_id IS NOT NULL DO NOTHING RETURNING id`,
    [
      i.id,
      i.sendId,
      i.versionId,
      i.programmeId,
      i.planEntryId,
      i.recipientKind,
      i.recipientId,
      i.role,
      i.language,
      i.delivery,
      i.nonce,
      i.tokenHash,
      i.expiresOn,
    ],
  );
  return rows.length > 0;
}

export interface InvitationRow {
  id: string;
  sendId: string;
  versionId: string;
  surveyId: string;
  surveyKey: string;
  versionNumber: number;
  programmeId: string;
  planEntryId: string | null;
  recipientKind: 'participant' | 'internship';
  recipientId: string;
  role: SurveyAudience;
  language: UserLanguage;
  delivery: Delivery;
  nonce: string;
  expiresOn: string;
  createdAt: Date;
  response: 'answered' | 'declined' | null;
  handedOutAt: Date | null;
}

const INVITATION = `SELECT i.id, i.send_id AS "sendId", i.version_id AS "versionId", v.survey_id AS "surveyId", s.key AS "surveyKey",
  v.number AS "versionNumber", i.programme_id AS "programmeId", i.plan_entry_id AS "planEntryId", i.recipient_kind AS "recipientKind",
  i.recipient_id AS "recipientId", i.role, i.language, i.delivery, i.nonce, i.expires_on::text AS "expiresOn", i.created_at AS "createdAt",
  r.outcome AS response, h.handed_out_at AS "handedOutAt"
  FROM survey_invitation i JOIN survey_version v ON v.id = i.version_id JOIN survey s ON s.id = v.survey_id
  LEFT JOIN survey_response r ON r.invitation_id = i.id LEFT JOIN survey_handout h ON h.invitation_id = i.id`;

export async function invitationsOfProgramme(m: EntityManager, programmeId: string): Promise<InvitationRow[]> {
  return m.query<InvitationRow[]>(`${INVITATION} WHERE i.programme_id = $1 ORDER BY i.created_at DESC, i.id`, [programmeId]);
}

export async function invitationsOfSend(m: EntityManager, sendId: string): Promise<InvitationRow[]> {
  return m.query<InvitationRow[]>(`${INVITATION} WHERE i.send_id = $1 ORDER BY i.role, i.id`, [sendId]);
}

/** `lock`: the invitation row (a handout, an answer: one at a time per invitation). */
export async function invitationById(m: EntityManager, id: string, lock = false): Promise<InvitationRow | null> {
  if (lock) await m.query(`SELECT 1 FROM survey_invitation WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await m.query<InvitationRow[]>(`${INVITATION} WHERE i.id = $1`, [id]);
  return row ?? null;
}

export async function invitationByTokenHash(m: EntityManager, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await m.query<InvitationRow[]>(`${INVITATION} WHERE i.token_hash = $1`, [tokenHash]);
  return row ?? null;
}

/** The recipients of a programme already asked a survey (any version, by hand or by plan). */
export async function recipientsAsked(m: EntityManager, programmeId: string, surveyId: string): Promise<Set<string>> {
  const rows = await m.query<{ recipient_id: string }[]>(
    `SELECT DISTINCT i.recipient_id FROM survey_invitation i JOIN survey_version v ON v.id = i.version_id
     WHERE i.programme_id = $1 AND v.survey_id = $2`,
    [programmeId, surveyId],
  );
  return new Set(rows.map((r) => r.recipient_id));
}

/** Records the handout; false when the invitation was handed out before. */
export async function insertHandout(m: EntityManager, invitationId: string, by: string): Promise<Date | null> {
  const [row] = await m.query<{ at: Date }[]>(
    `INSERT INTO survey_handout (invitation_id, handed_out_by) VALUES ($1, $2) ON CONFLICT (invitation_id) DO NOTHING
     RETURNING handed_out_at AS at`,
    [invitationId, by],
  );
  return row?.at ?? null;
}

// --- Responses ---

export interface NewResponse {
  invitationId: string;
  outcome: 'answered' | 'declined';
  versionId: string;
  programmeId: string;
  role: SurveyAudience;
  participantCode: string | null;
  answers: Record<string, unknown> | null;
}

/** Single use: the first answer or decline is kept, a later one is not (null). */
export async function insertResponse(m: EntityManager, r: NewResponse): Promise<{ id: string; respondedAt: Date } | null> {
  const [row] = await m.query<{ id: string; respondedAt: Date }[]>(
    `INSERT INTO survey_response (invitation_id, outcome, version_id, programme_id, role, participant_code, answers)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (invitation_id) DO NOTHING RETURNING id, responded_at AS "respondedAt"`,
    [
      r.invitationId,
      r.outcome,
      r.versionId,
      r.programmeId,
      r.role,
      r.participantCode,
      r.answers === null ? null : JSON.stringify(r.answers),
    ],
  );
  return row ?? null;
}

export async function insertTextAnswer(m: EntityManager, responseId: string, questionKey: string, text: string): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO survey_text_answer (response_id, question_key, text) VALUES ($1, $2, $3) RETURNING id`,
    [responseId, questionKey, text],
  );
  return row.id;
}

export interface ResultFilter {
  programmeIds: readonly string[];
  from?: string;
  to?: string;
}

export interface ResponseRow {
  programmeId: string;
  role: SurveyAudience;
  outcome: 'answered' | 'declined';
  answers: Record<string, unknown> | null;
}

/** The answers and declines of a survey (every version) in the programmes, answered within the period. */
export async function responsesOf(m: EntityManager, surveyId: string, f: ResultFilter): Promise<ResponseRow[]> {
  return m.query<ResponseRow[]>(
    `SELECT r.programme_id AS "programmeId", r.role, r.outcome, r.answers
     FROM survey_response r JOIN survey_version v ON v.id = r.version_id
     WHERE v.survey_id = $1 AND r.programme_id = ANY($2::uuid[])
       AND ($3::date IS NULL OR r.responded_at::date >= $3::date) AND ($4::date IS NULL OR r.responded_at::date <= $4::date)`,
    [surveyId, [...f.programmeIds], f.from ?? null, f.to ?? null],
  );
}

/** Invitations of a survey per programme and role (those made within the period, when one is given). */
export async function invitedCounts(
  m: EntityManager,
  surveyId: string,
  f: ResultFilter,
): Promise<{ programmeId: string; role: SurveyAudience; invited: number }[]> {
  return m.query(
    `SELECT i.programme_id AS "programmeId", i.role, count(*)::int AS invited
     FROM survey_invitation i JOIN survey_version v ON v.id = i.version_id
     WHERE v.survey_id = $1 AND i.programme_id = ANY($2::uuid[])
       AND ($3::date IS NULL OR i.expires_on >= $3::date) AND ($4::date IS NULL OR i.created_at::date <= $4::date)
     GROUP BY i.programme_id, i.role`,
    [surveyId, [...f.programmeIds], f.from ?? null, f.to ?? null],
  );
}

export interface TextAnswerRow {
  id: string;
  surveyId: string;
  surveyKey: string;
  questionKey: string;
  programmeId: string;
  role: SurveyAudience;
  text: string;
  answeredAt: Date;
  decision: TextDecision | null;
  replacement: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

const TEXT_ANSWER = `SELECT t.id, v.survey_id AS "surveyId", s.key AS "surveyKey", t.question_key AS "questionKey", r.programme_id AS "programmeId",
  r.role, t.text, r.responded_at AS "answeredAt", w.decision, w.replacement, w.reviewed_by AS "reviewedBy", w.reviewed_at AS "reviewedAt"
  FROM survey_text_answer t JOIN survey_response r ON r.id = t.response_id JOIN survey_version v ON v.id = r.version_id
  JOIN survey s ON s.id = v.survey_id LEFT JOIN survey_text_review w ON w.text_answer_id = t.id`;

export async function textAnswers(m: EntityManager, reviewed: boolean): Promise<TextAnswerRow[]> {
  return m.query<TextAnswerRow[]>(`${TEXT_ANSWER} WHERE (w.text_answer_id IS NOT NULL) = $1 ORDER BY r.responded_at, t.id LIMIT 500`, [
    reviewed,
  ]);
}

export async function textAnswerById(m: EntityManager, id: string, lock = false): Promise<TextAnswerRow | null> {
  if (lock) await m.query(`SELECT 1 FROM survey_text_answer WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await m.query<TextAnswerRow[]>(`${TEXT_ANSWER} WHERE t.id = $1`, [id]);
  return row ?? null;
}

/** The free text of a survey in the programmes within the period: every answer, reviewed or not (the caller shows only the reviewed). */
export async function textAnswersOf(m: EntityManager, surveyId: string, f: ResultFilter): Promise<TextAnswerRow[]> {
  return m.query<TextAnswerRow[]>(
    `${TEXT_ANSWER} WHERE v.survey_id = $1 AND r.programme_id = ANY($2::uuid[])
       AND ($3::date IS NULL OR r.responded_at::date >= $3::date) AND ($4::date IS NULL OR r.responded_at::date <= $4::date)
     ORDER BY t.question_key, r.responded_at, t.id`,
    [surveyId, [...f.programmeIds], f.from ?? null, f.to ?? null],
  );
}

/** Records the review; false when the answer was reviewed before. */
export async function insertTextReview(
  m: EntityManager,
  id: string,
  decision: TextDecision,
  replacement: string | null,
  by: string,
): Promise<boolean> {
  const rows = await m.query<unknown[]>(
    `INSERT INTO survey_text_review (text_answer_id, decision, replacement, reviewed_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (text_answer_id) DO NOTHING RETURNING text_answer_id`,
    [id, decision, replacement, by],
  );
  return rows.length > 0;
}

// --- Findings ---

export interface FindingRow {
  id: string;
  kind: 'deviation' | 'improvement';
  recordId: string;
  reference: string;
  surveyId: string;
  surveyKey: string;
  questionKey: string;
  programmeId: string;
  textAnswerId: string | null;
  createdAt: Date;
}

const FINDING = `SELECT f.id, f.kind, f.record_id AS "recordId", f.reference, f.survey_id AS "surveyId", s.key AS "surveyKey",
  f.question_key AS "questionKey", f.programme_id AS "programmeId", f.text_answer_id AS "textAnswerId", f.created_at AS "createdAt"
  FROM survey_finding f JOIN survey s ON s.id = f.survey_id`;

export async function insertFinding(
  m: EntityManager,
  f: Omit<FindingRow, 'id' | 'createdAt' | 'surveyKey'> & { createdBy: string },
): Promise<FindingRow> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO survey_finding (kind, record_id, reference, survey_id, question_key, programme_id, text_answer_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.kind, f.recordId, f.reference, f.surveyId, f.questionKey, f.programmeId, f.textAnswerId, f.createdBy],
  );
  const [found] = await m.query<FindingRow[]>(`${FINDING} WHERE f.id = $1`, [row.id]);
  return found;
}

export async function findingsOf(m: EntityManager, surveyId: string, programmeIds: readonly string[]): Promise<FindingRow[]> {
  return m.query<FindingRow[]>(`${FINDING} WHERE f.survey_id = $1 AND f.programme_id = ANY($2::uuid[]) ORDER BY f.created_at, f.id`, [
    surveyId,
    [...programmeIds],
  ]);
}

// --- For other modules: results by indicator ---

export interface IndicatorAnswerRow {
  programmeId: string;
  surveyKey: string;
  questionKey: string;
  role: SurveyAudience;
  /** Scale answers (1..5) given within the period. */
  values: number[];
}

/**
 * The scale answers feeding an indicator (e.g. `participant_satisfaction`) per programme, survey
 * and question, answered within [from, to] (either open), optionally in some programmes only. Raw
 * values: the caller suppresses small cells (SMALL_CELL_LIMIT) before showing them.
 */
export async function surveyIndicatorAnswers(
  m: EntityManager,
  q: { indicator: string; from?: string | null; to?: string | null; programmeIds?: readonly string[] | null },
): Promise<IndicatorAnswerRow[]> {
  return m.query<IndicatorAnswerRow[]>(
    `SELECT r.programme_id AS "programmeId", s.key AS "surveyKey", question->>'key' AS "questionKey", r.role,
       array_agg((r.answers->>(question->>'key'))::int ORDER BY r.responded_at) AS values
     FROM survey_response r JOIN survey_version v ON v.id = r.version_id JOIN survey s ON s.id = v.survey_id
       CROSS JOIN LATERAL jsonb_array_elements(v.content->'questions') AS question
     WHERE r.outcome = 'answered' AND question->>'indicator' = $1 AND question->>'type' = 'scale'
       AND jsonb_typeof(r.answers->(question->>'key')) = 'number'
       AND ($2::date IS NULL OR r.responded_at::date >= $2::date) AND ($3::date IS NULL OR r.responded_at::date <= $3::date)
       AND ($4::uuid[] IS NULL OR r.programme_id = ANY($4::uuid[]))
     GROUP BY r.programme_id, s.key, question->>'key', r.role
     ORDER BY r.programme_id, s.key, question->>'key'`,
    [q.indicator, q.from ?? null, q.to ?? null, q.programmeIds ? [...q.programmeIds] : null],
  );
}

/** Response counts of every survey per programme and role: invited, answered, declined (raw). */
export async function surveyResponseCounts(
  m: EntityManager,
  programmeIds: readonly string[],
): Promise<{ programmeId: string; surveyKey: string; role: SurveyAudience; invited: number; answered: number; declined: number }[]> {
  if (programmeIds.length === 0) return [];
  return m.query(
    `SELECT i.programme_id AS "programmeId", s.key AS "surveyKey", i.role, count(*)::int AS invited,
       count(*) FILTER (WHERE r.outcome = 'answered')::int AS answered, count(*) FILTER (WHERE r.outcome = 'declined')::int AS declined
     FROM survey_invitation i JOIN survey_version v ON v.id = i.version_id JOIN survey s ON s.id = v.survey_id
       LEFT JOIN survey_response r ON r.invitation_id = i.id
     WHERE i.programme_id = ANY($1::uuid[])
     GROUP BY i.programme_id, s.key, i.role ORDER BY i.programme_id, s.key, i.role`,
    [[...programmeIds]],
  );
}

/** The recipients a plan entry has asked. */
export async function recipientsOfEntry(m: EntityManager, planEntryId: string): Promise<Set<string>> {
  const rows = await m.query<{ recipient_id: string }[]>(`SELECT recipient_id FROM survey_invitation WHERE plan_entry_id = $1`, [
    planEntryId,
  ]);
  return new Set(rows.map((r) => r.recipient_id));
}
