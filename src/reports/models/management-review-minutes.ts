/**
 * Minutes of a management review (ISO 9001 clause 9.3): who attended, the inputs the board
 * looked at, what it decided and which corrective actions carry each decision out, and the
 * closing signature.
 */
import type { Role } from '../../common/roles.js';
import type { LocalisedText } from '../../procedures/procedure-definition.js';
import type { CalendarDate, CorrectiveActionState, DeviationSource, Instant, ReportHeader, Severity, SignatureEntry } from './codes.js';

export interface ManagementReviewMinutesModel extends ReportHeader {
  /** Which report this is; part of the fingerprint, so two kinds of report never share one. */
  kind: 'management_review_minutes';
  review: {
    title: string;
    heldOn: CalendarDate;
    state: 'open' | 'closed';
    closedAt: Instant | null;
    periodFrom?: CalendarDate;
    periodTo?: CalendarDate;
  };
  /** Attendees without an account. */
  guests?: { name: string; role: string }[];
  attendees: { name: string; roles: Role[] }[];
  /**
   * For a closed review, the inputs snapshot frozen when it was closed (what the board saw);
   * for an open one, the inputs composed now.
   */
  inputs: ReviewInputs;
  /** Titles for the procedure keys in `inputs.conformance`; keys without a title print alone. */
  procedureTitles: Record<string, LocalisedText>;
  decisions: ReviewDecision[];
  /**
   * Each objective's measurement of the quarter the period ends in, as signed at closing (recorded
   * then, or recorded before and kept); absent while open and for reviews closed before it was kept.
   */
  objectiveMeasurements?: {
    title: string;
    unit: string;
    period: string;
    measuredOn: CalendarDate;
    measured: number | null;
    comparator: string;
    target: number;
    status: string;
    recordedAtClose: boolean;
    recordedBy: string | null;
  }[];
  /** The closing signature; null while the review is open (the minutes print as a draft). */
  signature: SignatureEntry | null;
}

/** The shape of the review's inputs snapshot (ReviewInputsService), so it can be passed as stored. */
export type PeopleCount = number | '<5';
export type Trend = 'up' | 'down' | 'flat';

export type SatisfactionSource = 'survey' | 'recorded_by_leaders';
/** A count of people from surveys: ">=5" where it is hidden so that a small one cannot be worked out. */
export type SurveyCount = number | '<5' | '>=5';
export interface SurveySource {
  surveys: string[];
  invited: SurveyCount;
  answered: SurveyCount;
  /** 0..1; null when a count is hidden. */
  responseRate: number | null;
}

export interface ReviewInputs {
  composedAt: Instant;
  asOf: CalendarDate;
  /** The period reviewed, and the one of equal length before it (for trends). */
  period?: { from: string; to: string; previousFrom: string; previousTo: string };
  /** b) Changes in external and internal issues, as recorded on the review. */
  issues?: { seq: number; text: string; recordedAt: string }[];
  /**
   * c 1) Customer satisfaction: the adepts' satisfaction (1-5) in the period, from their surveys
   * where they answered any (source survey), else as leaders recorded it at final evaluations;
   * the host organisations' from their surveys. Reviews before surveys have no source (leaders).
   */
  satisfaction?: {
    source?: SatisfactionSource;
    sourceNote?: string;
    survey?: SurveySource | null;
    employers?: {
      indicator: string;
      responses: PeopleCount;
      mean: number | null;
      previousMean: number | null;
      trend: Trend | null;
      survey: SurveySource;
      sourceNote: string;
    } | null;
    procedureKey: string;
    stepKey: string;
    fieldKey: string;
    responses: PeopleCount;
    /** null when fewer than 5 answered (it could identify someone). */
    mean: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', SurveyCount>;
    feedbackGiven: PeopleCount;
    previousMean: number | null;
    trend: Trend | null;
  };
  /** c 2) The extent to which quality objectives have been met. */
  objectives?: {
    id: string;
    title: string;
    ownerName: string | null;
    deadline: string;
    indicator: string;
    unit: string;
    comparator: string;
    target: number;
    measured: number | null;
    status: string;
    trend: Trend | null;
    trendIsBetter: boolean | null;
    measuredInPeriod: { period: string; measured: number | null; status: string }[];
  }[];
  /** c 3) Process performance and conformity: executions completed in the period, against the period before. */
  processPerformance?: {
    procedureKey: string;
    conforming: number;
    completed: number;
    rate: number | null;
    previousRate: number | null;
    trend: Trend | null;
  }[];
  /** c 4) Nonconformities in the period (the open ones and actions are in deviations and correctiveActions). */
  nonconformities?: { detected: number; closed: number; detectedBySeverity: Record<Severity, number> };
  /** c 5) Monitoring and measurement results: the indicators over every programme. */
  monitoring?: {
    conformanceRate: number | null;
    completionRate: number | null;
    withdrawalRate: number | null;
    inWorkOrStudiesRate: number | null;
    actionsClosedOnTimeRate: number | null;
    medianDaysToClose: number | null;
    openDeviations: number | null;
  };
  /** c 6) Audit results. */
  internalAudits?: {
    available: boolean;
    note: string | null;
    audits: {
      id: string;
      reference: string;
      title: string;
      state: string;
      performedOn: string | null;
      findings: { major: number; minor: number; observations: number; opportunities: number };
    }[];
  };
  /** c 7) Performance of external providers: the volunteer mentors. */
  externalProviders?: {
    pairsMatched: PeopleCount;
    pairsEndedEarly: PeopleCount;
    mentorFeedbackGiven: PeopleCount;
    mentorSatisfactionResponses: PeopleCount;
    mentorSatisfactionMean: number | null;
    mentorSatisfactionSource?: SatisfactionSource;
    mentorSatisfactionSourceNote?: string;
    mentorSatisfactionSurvey?: SurveySource | null;
  };
  /** d) The adequacy of resources, as recorded on the review. */
  resources?: { seq: number; text: string; recordedAt: string }[];
  /** e) The effectiveness of actions taken to address risks and opportunities. */
  risks?: {
    reference: string;
    kind: string;
    title: string;
    status: string;
    ratingBefore: number;
    ratingAfter: number | null;
    actions: { reference: string; state: string }[];
  }[];
  /** f) Opportunities for improvement: open actions without a deviation, and open opportunities in the register. */
  opportunities?: {
    actions: { reference: string; type: string; source: string; sourceText: string | null; state: string; dueDate: string }[];
    register: { reference: string; title: string; rating: number }[];
  };
  deviations: {
    open: number;
    overdue: number;
    openBySeverity: Record<Severity, number>;
    openBySource: Record<DeviationSource, number>;
    /** Absent in snapshots of reviews closed before it was kept. */
    oldestOpen?: { reference: string; occurredAt: Instant; detectedAt: Instant } | null;
  };
  correctiveActions: {
    byState: Record<CorrectiveActionState, number>;
    overdue: number;
    overdueReferences: string[];
  };
  /** `rate` is a fraction 0-1 (rounded to four places), null when nothing was completed. */
  conformance: { procedureKey: string; conforming: number; completed: number; rate: number | null }[];
  earlierDecisions: {
    reviewId: string;
    heldOn: CalendarDate;
    title: string;
    seq: number;
    text: string;
    action: { reference: string; state: CorrectiveActionState; dueDate: CalendarDate; overdue: boolean } | null;
  }[];
}

export interface ReviewDecision {
  /** Number within the review, 1, 2, ... */
  seq: number;
  /** ISO 9001 9.3.3: improvement, qms_change, resource_need, other (absent in models built before it was kept). */
  category?: string;
  text: string;
  /** Corrective actions opened to carry the decision out. */
  trackedActions: { reference: string; state: CorrectiveActionState; dueOn: CalendarDate; overdue: boolean }[];
}
