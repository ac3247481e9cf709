/**
 * The register of risks and opportunities (ISO 9001 6.1) as printed: the heat maps of the open
 * ones before and after treatment, the register itself, and each risk with its history.
 */
import type { CalendarDate, CorrectiveActionState, Instant, ReportHeader } from './codes.js';

export type RiskKind = 'risk' | 'opportunity';
export type RiskBand = 'low' | 'medium' | 'high';
export type RiskChange = 'created' | 'revised' | 'reviewed' | 'closed' | 'reopened';

export interface RiskRegisterModel extends ReportHeader {
  /** Which report this is; part of the fingerprint, so two kinds of report never share one. */
  kind: 'risk_register';
  /** The programme the register is drawn for (with the organisation's risks), or null for all. */
  programmeName: string | null;
  /** Counts of open risks, and of open opportunities: [likelihood - 1][impact - 1]. */
  heatMaps: Record<RiskKind, HeatMapCounts>;
  risks: RiskEntry[];
}

export interface HeatMapCounts {
  total: number;
  inherent: number[][];
  residual: number[][];
  residualNotAssessed: number;
}

export interface RiskEntry {
  reference: string;
  kind: RiskKind;
  title: string;
  /** The programme's name, or null for the whole organisation. */
  programmeName: string | null;
  cause: string;
  consequence: string;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  treatment: string | null;
  actions: { reference: string; state: CorrectiveActionState }[];
  ownerName: string;
  nextReviewOn: CalendarDate;
  reviewOverdue: boolean;
  status: 'open' | 'closed';
  revisions: { revision: number; change: RiskChange; reason: string | null; recordedByName: string; recordedAt: Instant }[];
}
