/**
 * The codes that appear in report models, and the header every model carries. Report models are
 * plain data (JSON-safe: strings, numbers, booleans, null, arrays, objects; no Dates, no
 * undefined values that matter), so the fingerprint — SHA-256 of the canonical JSON — is the
 * same wherever the model is rebuilt. The lists mirror the domain modules' own code lists; the
 * report layer keeps its copy so that it depends on nothing but plain data (the spec checks
 * that the copies still agree).
 */
export const REPORT_LANGUAGES = ['en', 'sv', 'nb'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const CONFORMANCE_STATUSES = [
  'not_applicable',
  'not_yet_due',
  'due',
  'overdue',
  'in_progress',
  'conforming',
  'conforming_after_correction',
  'nonconforming',
  'cadence_missed',
] as const;
export type ConformanceStatus = (typeof CONFORMANCE_STATUSES)[number];

export const PROCEDURE_VERSION_STATUSES = ['draft', 'in_review', 'effective', 'superseded', 'rejected', 'retired'] as const;
export type ProcedureVersionStatus = (typeof PROCEDURE_VERSION_STATUSES)[number];

export const DEVIATION_STATES = ['open', 'analysis', 'action_plan', 'in_progress', 'closed', 'cancelled'] as const;
export type DeviationState = (typeof DEVIATION_STATES)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEVIATION_SOURCES = ['manual', 'internal_audit', 'external_audit', 'participant_feedback', 'system'] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];

/** What an automatic deviation was found by: a conformance rule, or a window that closed with nothing done. */
export const DEVIATION_RULES = [
  'missing_step',
  'missing_field',
  'unexpected_value',
  'outside_window',
  'before_effective',
  'performer_role',
  'performer_competence',
  'order',
  'unknown_step',
  'overdue',
  'cadence_missed',
] as const;
export type DeviationRule = (typeof DEVIATION_RULES)[number];

export const CORRECTIVE_ACTION_TYPES = ['correction', 'corrective', 'preventive', 'improvement'] as const;
export type CorrectiveActionType = (typeof CORRECTIVE_ACTION_TYPES)[number];

export const CORRECTIVE_ACTION_STATES = ['planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed', 'cancelled'] as const;
export type CorrectiveActionState = (typeof CORRECTIVE_ACTION_STATES)[number];

export const EFFECTIVENESS_VERDICTS = ['effective', 'not_effective'] as const;
export type EffectivenessVerdict = (typeof EFFECTIVENESS_VERDICTS)[number];

export const BOARD_DECISIONS = ['endorsed', 'changes_requested', 'escalated'] as const;
export type BoardDecision = (typeof BOARD_DECISIONS)[number];

export const OUTCOMES = [
  'employed_full_time',
  'employed_part_time',
  'studies',
  'internship',
  'job_seeking',
  'other',
  'not_evaluated',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes recorded on a participant on leaving early or completing (see programmes/participant-kinds.ts). */
export const PARTICIPANT_OUTCOMES = [
  'left_for_work',
  'left_for_studies',
  'personal_reasons',
  'other',
  'employed_in_profession',
  'employed_other',
  'studying',
  'seeking_work',
  'not_recorded',
] as const;
export type ParticipantOutcome = (typeof PARTICIPANT_OUTCOMES)[number];

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const PARTICIPANT_ROLES = ['adept', 'mentor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_STATUSES = ['applicant', 'waiting_list', 'not_admitted', 'active', 'withdrawn', 'completed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/**
 * A count after small-cell suppression, done by the service that builds the model: a number,
 * or a string standing for a suppressed value (e.g. "<5"), printed as given.
 */
export type Count = number | string;

/** Calendar date, YYYY-MM-DD. */
export type CalendarDate = string;
/**
 * Instant, ISO 8601 in UTC (e.g. 2026-03-03T09:15:00.000Z); printed in the report's time zone with
 * its offset ("2026-03-03 10:15 UTC+1").
 */
export type Instant = string;

/** What every report model starts with. */
export interface ReportHeader {
  lang: ReportLanguage;
  /** When the model was built; also the PDF's creation date, so part of what is reproduced. */
  generatedAt: Instant;
  /** Printed name of the person who asked for the report. */
  generatedBy: string;
  /**
   * IANA time zone every time of day is printed in: the programme's for its evidence report, the
   * organisation's (`TIME_ZONE`) for the others.
   */
  timeZone: string;
}

/** An electronic signature as shown in a report, bound to the content hash it signed. */
export interface SignatureEntry {
  signerName: string;
  /** What the signature means, printed verbatim as recorded ("approved", "baseline import"). */
  meaning: string;
  comment: string | null;
  signedAt: Instant;
  /** SHA-256 of the signed content, when the signed record has one. */
  contentHash: string | null;
}
