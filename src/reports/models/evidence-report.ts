/**
 * The programme evidence report handed to a certification auditor: which procedures were in
 * force, who took part (by pseudonymous code), where every subject stands with every procedure,
 * what went wrong and what was done about it, the indicators, and the state of the audit trail.
 * Counts about people arrive with small-cell suppression already applied.
 */
import type { LocalisedText, Subject } from '../../procedures/procedure-definition.js';
import type {
  BoardDecision,
  CalendarDate,
  ConformanceStatus,
  CorrectiveActionState,
  CorrectiveActionType,
  Count,
  DeviationRule,
  DeviationSource,
  DeviationState,
  EffectivenessVerdict,
  Gender,
  Instant,
  Outcome,
  ParticipantOutcome,
  ParticipantRole,
  ParticipantStatus,
  ReportHeader,
  Severity,
  SignatureEntry,
} from './codes.js';

export interface EvidenceReportModel extends ReportHeader {
  /** Which report this is; part of the fingerprint, so two kinds of report never share one. */
  kind: 'evidence_report';
  /** `id` ties the report (and an evidence bundle's manifest) to the programme record. */
  programme: { id: string; name: string; startsOn: CalendarDate; endsOn: CalendarDate | null };
  period: { from: CalendarDate; to: CalendarDate };
  procedures: ProcedureInForce[];
  /**
   * When false the participants table has no name column, and names are never printed even if
   * a row carries one. Names are for internal use; an auditor sees codes.
   */
  includeNames: boolean;
  participants: ParticipantRow[];
  conformance: ConformanceMatrix;
  deviations: DeviationRow[];
  correctiveActions: CorrectiveActionRow[];
  indicators: Indicators;
  /** Quality objectives of the programme and the organisation, measured on the programme (absent in models built before). */
  objectives?: EvidenceObjective[];
  auditTrail: AuditTrailSummary;
  /**
   * Procedure versions no longer in force that the report cites (a plan entry, a matrix cell, a
   * deviation, a case file), each with the version that superseded it; printed beside every listed version.
   */
  supersededVersions: SupersededVersion[];
  caseFiles: CaseFiles;
  /**
   * Controlled documents in force that ask for "read and understood", with how many must and have
   * acknowledged them (ISO 9001 7.3, 7.5). Absent in reports made before documents existed.
   */
  documents?: DocumentAcknowledgementRow[];
  /**
   * Procedures whose version in force (when the report is made) asks for "read and understood",
   * with how many must and have acknowledged it (ISO 9001 7.5). Absent in reports made before
   * procedures could ask for it.
   */
  procedureAcknowledgements?: ProcedureAcknowledgementRow[];
  /**
   * Recurring activities (mentor meetings, job coaching, seminar series): cadence conformance per
   * subject and procedure, as of the matrix's day. Absent in reports made before them.
   */
  recurring?: RecurringConformanceRow[];
  /**
   * Attendance per session of cohort procedures that record it; counts of people, suppressed as
   * the other personal figures are. Absent in reports made before attendance was recorded.
   */
  attendance?: SessionAttendanceRow[];
  /**
   * Satisfaction surveys (ISO 9001 9.1.2) sent in the programme: response rate per role, results
   * per question (no figure over fewer than 5 answers), the trend across programmes, and free text
   * a quality manager has reviewed (never unreviewed text). Absent in reports made before surveys.
   */
  satisfactionSurveys?: EvidenceSurvey[];
}

/** A count of people in survey results: under 5 is "<5", a count hidden to protect another ">=5". */
export type SurveyCount = number | '<5' | '>=5';

export interface EvidenceSurvey {
  key: string;
  title: LocalisedText;
  /** Invited, answered and declined per role (adept, mentor, host) in this programme. */
  responseRates: {
    role: 'adept' | 'mentor' | 'host';
    invited: SurveyCount;
    answered: SurveyCount;
    declined: SurveyCount;
    rate: number | null;
  }[];
  questions: EvidenceSurveyQuestion[];
  /** Each scale question's mean per programme, oldest programme first (the programmes the report's author may read). */
  trends: { questionKey: string; points: { programmeName: string; startDate: CalendarDate; n: SurveyCount; mean: number | null }[] }[];
  /** Reviewed free text (as cleared, or the redaction's replacement), only where this programme's answers may be named. */
  freeText: { questionKey: string; role: 'adept' | 'mentor' | 'host'; text: string; redacted: boolean }[];
  /** Reviewed free text left out because too few in the programme answered to name it with the programme. */
  freeTextWithheld: number;
  freeTextAwaitingReview: number;
}

export interface EvidenceSurveyQuestion {
  key: string;
  type: 'scale' | 'choice' | 'multiselect' | 'text';
  label: LocalisedText;
  n: SurveyCount;
  /** Scale: the mean, two decimals; null when suppressed or not a scale. */
  mean: number | null;
  /** Fewer than 5 answered (or a count would give one away): no mean, no distribution. */
  suppressed: boolean;
  /** Per scale value or option: its label and count. */
  distribution: { value: string; label: LocalisedText; count: SurveyCount }[];
}

/** One subject's recurring activity judged against its cadence. */
export interface RecurringConformanceRow {
  /** The subject's code (participant code, pair code, cohort). */
  subject: string;
  subjectType: Subject;
  procedureKey: string;
  cadenceDays: number;
  sessions: number | null;
  status: ConformanceStatus;
  occurrences: number;
  lastDate: CalendarDate | null;
  longestGapDays: number | null;
  /** Gaps longer than the cadence; `open`: still growing on the day of the report. */
  gapsOverCadence: { from: CalendarDate; to: CalendarDate; days: number; open: boolean }[];
  sessionsShort: { planned: number; held: number } | null;
}

/** Who attended one session, as counts. */
export interface SessionAttendanceRow {
  procedureKey: string;
  title: LocalisedText;
  date: CalendarDate | null;
  present: Count;
  absent: Count;
  notRecorded: Count;
  total: Count;
}

export interface ProcedureAcknowledgementRow {
  key: string;
  title: LocalisedText;
  version: number;
  effectiveFrom: Instant;
  /** Active users holding a role the version names. */
  required: number;
  acknowledged: number;
}

export interface DocumentAcknowledgementRow {
  reference: string;
  title: string;
  version: number;
  effectiveOn: CalendarDate;
  /** Active users holding a role the version names. */
  required: number;
  acknowledged: number;
}

export interface SupersededVersion {
  key: string;
  version: number;
  /** The version that took its place. */
  by: number;
  on: Instant;
}

/**
 * A case file per subject (participant, pair), or per sampled subject. Case files are the
 * evidence behind the registers: what was recorded, corrected and judged, and what was done
 * about each nonconformity.
 */
export interface CaseFiles {
  /** null: every subject has a case file; otherwise the random sample an auditor asked for. */
  sample: { size: number; seed: number; of: number } | null;
  subjects: CaseFile[];
}

export interface CaseFile {
  /** Pseudonymous code; for a pair "mentor/adept". */
  subject: string;
  subjectType: Subject;
  /** Only when the report includes names (`includeNames`); for a pair both names. */
  name?: string;
  executions: CaseExecution[];
  /** Deviations concerning the subject (its participant, or one of its executions). */
  deviations: CaseDeviation[];
}

export interface CaseExecution {
  procedureKey: string;
  title: LocalisedText;
  /** The pinned version. */
  version: number;
  contentHash: string;
  state: 'open' | 'completed' | 'cancelled';
  startedAt: Instant;
  completedAt: Instant | null;
  /** When and why it was cancelled (a cancelled execution stands for nothing); null when it was not. */
  cancellation: { at: Instant; reason: string | null } | null;
  /**
   * The approval that turned its judgement from nonconforming to conforming (a correction or an
   * added step, signed by a quality manager); null when its judgement did not change so.
   * `approvedBy` is null for a change made before approval was required.
   */
  conformingAfterCorrection: { approvedBy: string | null; approvedAt: Instant | null; reason: string | null } | null;
  /** The step records in force (corrections applied), in the order they were recorded. */
  steps: CaseStep[];
  corrections: CaseCorrection[];
  /** Every judgement, oldest first; the last one counts. */
  judgements: CaseJudgement[];
}

export interface CaseStep {
  stepKey: string;
  performedAt: Instant;
  performedBy: string | null;
  recordedAt: Instant;
  /**
   * Field values as recorded: text, number, yes/no or date, as printed. A multiselect's choices or
   * a checklist's ticked items also come as `words`: their labels, in each language, one per line.
   */
  values: { field: string; value: string | number | boolean; words?: LocalisedText }[];
  /** Fields whose values were withheld (free text about the subject, in the pseudonymised report). */
  withheld: string[];
  /** Notes; null when none or withheld. */
  notes: string | null;
  notesWithheld: boolean;
}

export interface CaseCorrection {
  stepKey: string;
  by: string | null;
  at: Instant;
  reason: string;
  /**
   * What changed (`performedAt`: instants; `notes`; field keys), old → new; a value is null where
   * absent, and both are null where withheld (free text in the pseudonymised report).
   */
  changes: { field: string; old: string | null; new: string | null; withheld: boolean }[];
}

export interface CaseJudgement {
  conformance: 'conforming' | 'nonconforming';
  /** What caused the judgement: `completion`, `correction` (printed as recorded when another). */
  cause: string;
  judgedAt: Instant;
  version: number;
  findings: { rule: DeviationRule | null; stepKey: string | null }[];
}

export interface CaseDeviation {
  reference: string;
  title: string;
  rule: DeviationRule | null;
  severity: Severity;
  state: DeviationState;
  occurredAt: Instant;
  detectedAt: Instant;
  closedAt: Instant | null;
  procedureKey: string | null;
  procedureVersion: number | null;
  containment: string | null;
  rootCause: string | null;
  targetDate: CalendarDate;
  /** Whether it was closed by its target date; null while open and not yet past it. */
  targetMet: boolean | null;
  cancellationReason: string | null;
  signatures: SignatureEntry[];
  actions: CaseAction[];
}

export interface CaseAction {
  reference: string;
  type: CorrectiveActionType;
  description: string;
  ownerName: string;
  state: CorrectiveActionState;
  dueOn: CalendarDate;
  /** Implemented (or closed) by the due date; null while open and not yet due. */
  dueMet: boolean | null;
  effectivenessCriterion: string;
  effectiveness: { verdict: EffectivenessVerdict; at: Instant; evidence: string | null } | null;
  cancellationReason: string | null;
  signatures: SignatureEntry[];
}

export interface ProcedureInForce {
  key: string;
  title: LocalisedText;
  version: number;
  effectiveFrom: Instant;
  /** SHA-256 of the version's definition. */
  contentHash: string;
  /** Approval signatures on the version. */
  approvals: SignatureEntry[];
}

export interface ParticipantRow {
  /** Pseudonymous code, e.g. "A-0042". */
  code: string;
  role: ParticipantRole;
  gender: Gender;
  profession: string;
  enrolledOn: CalendarDate;
  status: ParticipantStatus;
  /** Only when the report includes names (`includeNames`). */
  name?: string;
}

/**
 * Rows are subjects, columns are procedures; `cells[i]` belongs to `procedures[i]`, null where
 * the procedure does not concern the subject (a mentor procedure for a pair).
 */
export interface ConformanceMatrix {
  /** Day the statuses were evaluated for. */
  asOf: CalendarDate;
  procedures: { key: string; title: LocalisedText }[];
  rows: ConformanceRow[];
}

export interface ConformanceRow {
  /** The subject's code (participant code, pair code, cohort name). */
  subject: string;
  subjectType: Subject;
  cells: (ConformanceCell | null)[];
}

export interface ConformanceCell {
  status: ConformanceStatus;
  /** Version of the procedure the status was judged against; null when nothing was recorded. */
  version: number | null;
}

export interface DeviationRow {
  /** e.g. "DEV-2027-0001". */
  reference: string;
  /** When the nonconformity occurred (never after detectedAt). */
  occurredAt: Instant;
  detectedAt: Instant;
  severity: Severity;
  source: DeviationSource;
  procedureKey: string | null;
  procedureVersion: number | null;
  state: DeviationState;
  /** As recorded; an automatic deviation (with `rule`) is printed by its rule in the report's language instead. */
  title: string;
  /** The rule that found an automatic deviation; null for one reported by a person. */
  rule: DeviationRule | null;
  /** Pseudonymous code of the participant concerned, when one is. */
  subject: string | null;
  /** The steps an automatic deviation concerns (step keys of the execution), in the order found. */
  steps: string[];
  closedAt: Instant | null;
}

export interface CorrectiveActionRow {
  /** e.g. "CA-2027-0003". */
  reference: string;
  type: CorrectiveActionType;
  description: string;
  ownerName: string;
  dueOn: CalendarDate;
  state: CorrectiveActionState;
  /** Days past the due date while not closed; 0 when not overdue. */
  overdueDays: number;
  effectiveness: EffectivenessVerdict | null;
  boardDecisions: { decision: BoardDecision; decidedOn: CalendarDate }[];
}

/** A rate with what it was computed from; `percent` is null when the denominator is 0. */
export interface Rate {
  numerator: Count;
  denominator: Count;
  /** 0-100, unrounded. */
  percent: number | null;
}

export interface Indicators {
  participantsByRoleAndGender: { role: ParticipantRole; counts: Record<Gender, Count>; total: Count }[];
  /** Number of distinct countries of origin. */
  countries: Count;
  enrolled: Count;
  completed: Count;
  withdrawn: Count;
  outcomes: { outcome: Outcome; count: Count }[];
  /** Completers employed or studying, over all completers. */
  inWorkOrStudies: Rate;
  /** The applicant funnel by role: interested, interviewed, admitted, completed (absent in reports made before applicants existed). */
  funnel?: { role: ParticipantRole; interested: Count; interviewed: Count; admitted: Count; completed: Count }[];
  /** Adepts who left or completed, by the outcome recorded then (left for work: an outcome, not a dropout). */
  leavingOutcomes?: { outcome: ParticipantOutcome; count: Count }[];
  /** Adepts in work or studies on leaving early or on completing, among all who left or completed. */
  successesAmongLeavers?: Rate;
  conformanceByProcedure: { key: string; title: LocalisedText; rate: Rate }[];
  conformanceByVersion: { key: string; version: number; rate: Rate }[];
  deviationsBySeverity: Record<Severity, number>;
  deviationsBySource: Record<DeviationSource, number>;
  deviationsByState: Record<DeviationState, number>;
  /** Deviations per month in which they occurred, for the stacked chart; months in order. */
  deviationsPerMonth: { month: string; counts: Record<Severity, number> }[];
  correctiveActionsClosedOnTime: Rate;
  /** Median days from detection to closure of closed deviations; null when none closed. */
  medianDaysDetectionToClosure: number | null;
  /** Median days from occurrence to closure of closed deviations; null when none closed. */
  medianDaysOccurrenceToClosure: number | null;
}

export interface AuditTrailSummary {
  eventsInScope: number;
  chainHead: { seq: number; hash: string };
  /**
   * The chain verification made for this report: events 1..throughSeq, incrementally (events
   * verified by an earlier verification, up to the stored checkpoint, are not read again; only
   * the checkpointed event is re-checked). Where the checkpoint stood is left out on purpose: it
   * moves with every verification, and the same records and generation time must give the same
   * report. `fullVerifiedAt`: when a full verification (every event read) last passed.
   */
  verification: ({ valid: true } | { valid: false; firstInvalidSeq: number }) & {
    throughSeq: number;
    fullVerifiedAt: string | null;
  };
}

/** A quality objective as the evidence report prints it: owner, deadline, value now, status, trend, and its quarters in the period. */
export interface EvidenceObjective {
  title: string;
  ownerName: string | null;
  deadline: string;
  indicator: string;
  /** rate (a fraction 0..1), days or count. */
  unit: string;
  comparator: string;
  target: number;
  measured: number | null;
  status: string;
  trend: string | null;
  history: { period: string; measured: number | null; status: string }[];
}
