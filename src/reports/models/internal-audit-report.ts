/**
 * An internal audit's report (ISO 9001 9.2) as printed: scope and criteria, the team, the
 * checklist with the answers that stand and the records sampled, the findings with the deviation
 * or action each opened, the conclusion and the lead auditor's signature. Sampled executions are
 * counted and referred to by id only: no participant is named.
 */
import type { CalendarDate, Instant, ReportHeader, SignatureEntry } from './codes.js';

export type AuditAnswerResult = 'conforming' | 'nonconforming' | 'observation' | 'not_applicable';
export type AuditFindingKind = 'nonconformity' | 'observation' | 'opportunity';
export type AuditState = 'planned' | 'in_progress' | 'reported' | 'closed';

export interface InternalAuditReportModel extends ReportHeader {
  kind: 'internal_audit_report';
  audit: {
    reference: string;
    title: string;
    state: AuditState;
    year: number;
    plannedMonth: number;
    performedOn: CalendarDate | null;
    programmeName: string | null;
    processes: string[];
    procedureKeys: string[];
    clauses: { number: string; title: string }[];
    scope: string | null;
    periodFrom: CalendarDate | null;
    periodTo: CalendarDate | null;
    leadAuditor: string | null;
    team: string[];
    conclusion: string | null;
  };
  items: {
    seq: number;
    title: string;
    /** The procedure step (`key v1 step`) or the clause number it checks. */
    ref: string;
    result: AuditAnswerResult | null;
    notes: string | null;
    executions: number;
    deviations: string[];
  }[];
  sample: { executions: number; deviations: string[] };
  findings: {
    seq: number;
    kind: AuditFindingKind;
    grade: 'major' | 'minor' | null;
    title: string;
    description: string;
    items: number[];
    /** The deviation (reference and state) or action (reference and state) it opened. */
    opened: string | null;
    handled: boolean;
  }[];
  signature: SignatureEntry | null;
  reportedAt: Instant | null;
}
