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
  review: { title: string; heldOn: CalendarDate; state: 'open' | 'closed'; closedAt: Instant | null };
  attendees: { name: string; roles: Role[] }[];
  /**
   * For a closed review, the inputs snapshot frozen when it was closed (what the board saw);
   * for an open one, the inputs composed now.
   */
  inputs: ReviewInputs;
  /** Titles for the procedure keys in `inputs.conformance`; keys without a title print alone. */
  procedureTitles: Record<string, LocalisedText>;
  decisions: ReviewDecision[];
  /** The closing signature; null while the review is open (the minutes print as a draft). */
  signature: SignatureEntry | null;
}

/** The shape of the review's inputs snapshot (ReviewInputsService), so it can be passed as stored. */
export interface ReviewInputs {
  composedAt: Instant;
  asOf: CalendarDate;
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
  text: string;
  /** Corrective actions opened to carry the decision out. */
  trackedActions: { reference: string; state: CorrectiveActionState; dueOn: CalendarDate; overdue: boolean }[];
}
