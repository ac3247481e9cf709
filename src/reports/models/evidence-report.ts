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
  auditTrail: AuditTrailSummary;
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
