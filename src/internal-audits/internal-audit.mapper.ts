import type {
  AuditAnswerResponse,
  AuditFindingResponse,
  AuditPermissions,
  AuditPersonRef,
  AuditResponse,
  AuditSummaryResponse,
  ChecklistItemResponse,
  FindingActionRef,
  FindingDeviationRef,
  ReportSignatureResponse,
} from './internal-audit.dto.js';
import { isDue } from './audit-rules.js';
import type { AnswerRow, AuditRow, FindingRow, ItemRow } from './internal-audits.queries.js';

const person = (id: string, names: Map<string, string>): AuditPersonRef => ({ id, name: names.get(id) ?? '' });

export function toAuditSummaryResponse(
  a: AuditRow,
  x: { names: Map<string, string>; programmes: Map<string, string>; today: string },
): AuditSummaryResponse {
  return {
    id: a.id,
    reference: a.reference,
    year: a.year,
    title: a.title,
    processes: a.processes,
    procedureKeys: a.procedureKeys,
    programmeId: a.programmeId,
    programmeName: a.programmeId ? (x.programmes.get(a.programmeId) ?? null) : null,
    plannedMonth: a.plannedMonth,
    importance: a.importance,
    previousResults: a.previousResults,
    state: a.state,
    due: isDue(a.state, a.year, a.plannedMonth, x.today),
    plannedOn: a.plannedOn,
    performedOn: a.performedOn,
    leadAuditor: a.leadAuditorId ? person(a.leadAuditorId, x.names) : null,
    version: a.version,
  };
}

export function toAnswerResponse(r: AnswerRow, names: Map<string, string>): AuditAnswerResponse {
  return {
    revision: r.revision,
    result: r.result,
    notes: r.notes,
    executionIds: r.executionIds,
    deviationIds: r.deviationIds,
    recordedBy: person(r.recordedBy, names),
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function toChecklistItemResponse(i: ItemRow, answers: AnswerRow[], names: Map<string, string>): ChecklistItemResponse {
  const history = answers.map((r) => toAnswerResponse(r, names));
  return {
    id: i.id,
    seq: i.seq,
    kind: i.kind,
    procedureKey: i.procedureKey,
    versionNumber: i.versionNumber,
    stepKey: i.stepKey,
    clause: i.clause,
    title: i.title,
    answer: history.at(-1) ?? null,
    history,
  };
}

export function toFindingResponse(
  f: FindingRow,
  x: { names: Map<string, string>; deviation: FindingDeviationRef | null; action: FindingActionRef | null; handled: boolean },
): AuditFindingResponse {
  return {
    id: f.id,
    seq: f.seq,
    kind: f.kind,
    grade: f.grade,
    title: f.title,
    description: f.description,
    itemIds: f.itemIds,
    deviation: x.deviation,
    action: x.action,
    handled: x.handled,
    recordedBy: person(f.recordedBy, x.names),
    recordedAt: f.recordedAt.toISOString(),
  };
}

export function toAuditResponse(
  a: AuditRow,
  x: {
    names: Map<string, string>;
    programmes: Map<string, string>;
    today: string;
    items: ChecklistItemResponse[];
    findings: AuditFindingResponse[];
    signature: ReportSignatureResponse | null;
    may: AuditPermissions;
  },
): AuditResponse {
  return {
    ...toAuditSummaryResponse(a, x),
    scope: a.scope,
    clauses: a.clauses,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    team: a.teamIds.map((id) => person(id, x.names)),
    conclusion: a.conclusion,
    reportSignature: x.signature,
    reportedAt: a.reportedAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
    items: x.items,
    findings: x.findings,
    may: x.may,
  };
}
