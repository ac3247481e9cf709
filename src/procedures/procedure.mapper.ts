import { allowedActionsFor } from './document-control.js';
import type {
  ProcedureAcknowledgementResponse,
  ProcedureAcknowledgementsResponse,
  ProcedureResponse,
  ProcedureSummaryResponse,
  ProcedureVersionResponse,
} from './procedure.dto.js';
import type { AcknowledgementRow } from './procedure-records.js';
import type { ProcedureVersion } from './procedure-version.entity.js';
import type { ProcedureOverview, VersionDetail } from './procedure-library.service.js';
import { statusCounts } from './procedure-library.service.js';
import { toSignatureResponse } from '../signatures/signature.mapper.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `caller`: who asks; `allowedActions` lists only what they may do. */
export function toVersionResponse(d: VersionDetail, caller: { id: string | null; roles: readonly string[] }): ProcedureVersionResponse {
  const v = d.version;
  const writers = [...d.contributors.map((c) => c.id), ...(d.author ? [d.author.id] : [])];
  return {
    procedureKey: d.procedure.key,
    id: v.id,
    number: v.number,
    status: v.status,
    definition: v.definition as unknown as Record<string, unknown>,
    contentHash: v.contentHash,
    changeSummary: v.changeSummary,
    acknowledgementRoles: v.acknowledgementRoles,
    author: d.author,
    contributors: d.contributors.map((c) => ({ id: c.id, name: c.name, contributions: c.contributions, firstAt: c.firstAt.toISOString() })),
    createdAt: v.createdAt.toISOString(),
    submittedAt: iso(v.submittedAt),
    effectiveFrom: iso(v.effectiveFrom),
    supersededAt: iso(v.supersededAt),
    rejectedAt: iso(v.rejectedAt),
    retiredAt: iso(v.retiredAt),
    statusReason: v.statusReason,
    signatures: d.signatures.map(toSignatureResponse),
    // A baseline version (nobody wrote it) is adopted with the whole baseline, never approved on its own.
    allowedActions: allowedActionsFor(v.status, caller, writers),
    baseline: v.baseline,
    rowVersion: v.rowVersion,
  };
}

export function toSummaryResponse(o: ProcedureOverview): ProcedureSummaryResponse {
  const latest = o.versions[o.versions.length - 1];
  const effective = o.versions.find((v) => v.status === 'effective');
  return {
    key: o.procedure.key,
    title: latest.definition.title as unknown as Record<string, string>,
    subject: latest.definition.subject,
    effectiveVersion: effective?.number ?? null,
    latestVersion: latest.number,
    latestStatus: latest.status,
    statusCounts: statusCounts(o.versions),
    acknowledgementRoles: effective?.acknowledgementRoles ?? [],
    myAcknowledgement: { required: o.myAcknowledgement.required, acknowledgedAt: iso(o.myAcknowledgement.acknowledgedAt) },
  };
}

export function toProcedureResponse(o: ProcedureOverview): ProcedureResponse {
  return {
    ...toSummaryResponse(o),
    versions: o.versions.map((v) => ({
      number: v.number,
      status: v.status,
      contentHash: v.contentHash,
      effectiveFrom: iso(v.effectiveFrom),
      supersededAt: iso(v.supersededAt),
    })),
  };
}

export function toProcedureAcknowledgementsResponse(
  key: string,
  v: ProcedureVersion | null,
  people: { id: string; name: string; roles: string[] }[],
  acks: AcknowledgementRow[],
): ProcedureAcknowledgementsResponse {
  const at = new Map(acks.map((a) => [a.userId, a.acknowledgedAt]));
  const roles: string[] = v?.acknowledgementRoles ?? [];
  const rows = people.map((p) => ({
    id: p.id,
    name: p.name,
    roles: p.roles.filter((r) => roles.includes(r)),
    acknowledgedAt: iso(at.get(p.id) ?? null),
  }));
  const done = rows.filter((r) => r.acknowledgedAt !== null);
  return {
    procedureKey: key,
    versionNumber: v?.number ?? null,
    roles: v?.acknowledgementRoles ?? [],
    required: rows.length,
    acknowledged: done.length,
    people: [...rows.filter((r) => r.acknowledgedAt === null), ...done],
  };
}

export function toProcedureAcknowledgementResponse(
  key: string,
  v: ProcedureVersion,
  acknowledgedAt: Date,
  recorded: boolean,
): ProcedureAcknowledgementResponse {
  return { procedureKey: key, versionNumber: v.number, acknowledgedAt: acknowledgedAt.toISOString(), recorded };
}
