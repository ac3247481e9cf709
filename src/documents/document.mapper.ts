import type { Signature } from '../signatures/signature.entity.js';
import { toSignatureResponse } from '../signatures/signature.mapper.js';
import type { Caller, VersionStanding } from './document-control.js';
import { allowedActionsFor } from './document-control.js';
import type {
  AcknowledgementResponse,
  AcknowledgementsResponse,
  DocumentFileResponse,
  DocumentResponse,
  DocumentSummaryResponse,
  DocumentVersionResponse,
  PersonRefResponse,
} from './document.dto.js';
import type { AcknowledgementRow, ContributorRow, DocumentRow, FileRow, ReviewRow, VersionRow } from './documents.queries.js';

const person = (id: string, names: Map<string, string>): PersonRefResponse => ({ id, name: names.get(id) ?? '' });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the mapper needs beside a document's rows. */
export interface DocumentView {
  doc: DocumentRow;
  /** The versions the caller sees, oldest first. */
  versions: VersionRow[];
  standings: Map<string, VersionStanding>;
  effective: VersionRow | null;
  today: string;
  names: Map<string, string>;
  myAcknowledgement: { required: boolean; acknowledgedAt: Date | null };
}

export interface DocumentDetail extends DocumentView {
  files: FileRow[];
  contributors: ContributorRow[];
  signatures: Signature[];
  reviews: ReviewRow[];
  caller: Caller;
  mayDraft: boolean;
  mayReview: boolean;
}

export function toDocumentSummary(x: DocumentView): DocumentSummaryResponse {
  const latest = x.versions.at(-1) ?? null;
  return {
    id: x.doc.id,
    reference: x.doc.reference,
    kind: x.doc.kind,
    title: x.doc.title,
    owner: person(x.doc.ownerId, x.names),
    reviewIntervalMonths: x.doc.reviewIntervalMonths,
    reviewBy: x.doc.reviewBy,
    reviewOverdue: x.effective !== null && x.doc.reviewBy < x.today,
    effectiveVersion: x.effective?.number ?? null,
    effectiveOn: x.effective?.effectiveOn ?? null,
    latestVersion: latest?.number ?? null,
    latestState: latest ? x.standings.get(latest.id)!.state : null,
    myAcknowledgement: { required: x.myAcknowledgement.required, acknowledgedAt: iso(x.myAcknowledgement.acknowledgedAt) },
    version: x.doc.rowVersion,
  };
}

export function toDocumentFileResponse(
  f: FileRow,
  documentId: string,
  versionNumber: number,
  names: Map<string, string>,
): DocumentFileResponse {
  return {
    id: f.id,
    filename: f.filename,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    uploadedBy: person(f.uploadedBy, names),
    uploadedAt: f.uploadedAt.toISOString(),
    href: `/api/documents/${documentId}/versions/${versionNumber}/files/${f.id}`,
  };
}

function toVersionResponse(v: VersionRow, x: DocumentDetail): DocumentVersionResponse {
  const standing = x.standings.get(v.id)!;
  const contributors: DocumentVersionResponse['contributors'] = [];
  for (const c of x.contributors.filter((c) => c.versionId === v.id)) {
    const known = contributors.find((k) => k.id === c.userId);
    if (known) known.contributions.push(c.contribution);
    else contributors.push({ id: c.userId, name: x.names.get(c.userId) ?? '', contributions: [c.contribution] });
  }
  const writers = [...new Set([v.authorId, ...contributors.map((c) => c.id)])];
  return {
    id: v.id,
    number: v.number,
    state: standing.state,
    changeSummary: v.changeSummary,
    acknowledgementRoles: v.acknowledgementRoles,
    author: person(v.authorId, x.names),
    contributors,
    contentHash: v.contentHash,
    createdAt: v.createdAt.toISOString(),
    submittedAt: iso(v.submittedAt),
    approvedAt: iso(v.approvedAt),
    effectiveOn: v.effectiveOn,
    supersededOn: standing.supersededOn,
    rejectedAt: iso(v.rejectedAt),
    retiredAt: iso(v.retiredAt),
    statusReason: v.statusReason,
    files: x.files.filter((f) => f.versionId === v.id).map((f) => toDocumentFileResponse(f, x.doc.id, v.number, x.names)),
    signatures: x.signatures.filter((s) => s.recordId === v.id).map(toSignatureResponse),
    allowedActions: allowedActionsFor(standing.state, x.caller, x.doc.ownerId, writers),
  };
}

export function toDocumentResponse(x: DocumentDetail): DocumentResponse {
  return {
    ...toDocumentSummary(x),
    createdAt: x.doc.createdAt.toISOString(),
    versions: x.versions.map((v) => toVersionResponse(v, x)),
    reviews: x.reviews.map((r) => ({
      id: r.id,
      versionNumber: x.versions.find((v) => v.id === r.versionId)?.number ?? 0,
      reviewedBy: person(r.reviewedBy, x.names),
      reviewedAt: r.reviewedAt.toISOString(),
      comment: r.comment,
      previousReviewBy: r.previousReviewBy,
      nextReviewBy: r.nextReviewBy,
    })),
    mayDraft: x.mayDraft,
    mayReview: x.mayReview,
  };
}

export function toAcknowledgementsResponse(
  v: VersionRow | null,
  people: { id: string; name: string; roles: string[] }[],
  acks: AcknowledgementRow[],
): AcknowledgementsResponse {
  const at = new Map(acks.map((a) => [a.userId, a.acknowledgedAt]));
  const rows = people.map((p) => ({
    id: p.id,
    name: p.name,
    roles: p.roles.filter((r) => (v?.acknowledgementRoles as string[] | undefined)?.includes(r)),
    acknowledgedAt: iso(at.get(p.id) ?? null),
  }));
  const missing = rows.filter((r) => r.acknowledgedAt === null);
  const done = rows.filter((r) => r.acknowledgedAt !== null);
  return {
    versionNumber: v?.number ?? null,
    roles: v?.acknowledgementRoles ?? [],
    required: rows.length,
    acknowledged: done.length,
    people: [...missing, ...done],
  };
}

export function toAcknowledgementResponse(
  documentId: string,
  v: VersionRow,
  acknowledgedAt: Date,
  recorded: boolean,
): AcknowledgementResponse {
  return { documentId, versionNumber: v.number, acknowledgedAt: acknowledgedAt.toISOString(), recorded };
}
