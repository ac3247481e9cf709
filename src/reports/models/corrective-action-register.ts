/**
 * The board's register of corrective actions: each action with the deviations it answers, who
 * owns it, where it stands, whether it worked, and what the board decided about it.
 */
import type {
  BoardDecision,
  CalendarDate,
  CorrectiveActionState,
  CorrectiveActionType,
  DeviationState,
  EffectivenessVerdict,
  Instant,
  ReportHeader,
  Severity,
} from './codes.js';

export interface CorrectiveActionRegisterModel extends ReportHeader {
  /** Which report this is; part of the fingerprint, so two kinds of report never share one. */
  kind: 'corrective_action_register';
  /** The selection the register was drawn with, printed on the cover. */
  filters: CorrectiveActionFilters;
  actions: CorrectiveActionEntry[];
}

/** Every field is optional: absent (or null) means "not filtered on". */
export interface CorrectiveActionFilters {
  programmeName?: string | null;
  states?: CorrectiveActionState[] | null;
  types?: CorrectiveActionType[] | null;
  overdueOnly?: boolean | null;
  ownerName?: string | null;
  dueFrom?: CalendarDate | null;
  dueTo?: CalendarDate | null;
}

export interface CorrectiveActionEntry {
  reference: string;
  type: CorrectiveActionType;
  state: CorrectiveActionState;
  description: string;
  /** How the action's effect will be judged, as set when it was planned. */
  effectivenessCriterion: string;
  ownerName: string;
  dueOn: CalendarDate;
  createdAt: Instant;
  implementedAt: Instant | null;
  closedAt: Instant | null;
  /** Days past the due date while not closed; 0 when not overdue. */
  overdueDays: number;
  deviations: { reference: string; title: string; severity: Severity; state: DeviationState }[];
  effectiveness: EffectivenessCheck | null;
  boardReviews: BoardReview[];
}

export interface EffectivenessCheck {
  verdict: EffectivenessVerdict;
  checkedAt: Instant;
  checkedByName: string;
  /** What the verdict rests on, as recorded. */
  evidence: string | null;
  /** SHA-256 of the content the closing signature binds, when the verdict closed the action. */
  signedContentHash: string | null;
}

export interface BoardReview {
  decision: BoardDecision;
  reviewerName: string;
  reviewedAt: Instant;
  comment: string | null;
  /** SHA-256 of the content the reviewer's signature binds (older reviews: null). */
  signedContentHash: string | null;
}
