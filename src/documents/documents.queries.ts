/**
 * The documents module's tables (`controlled_document`, `document_version`, `document_file`,
 * `document_version_contributor`, `document_review`, `document_acknowledgement`): every read and
 * write of them is here. Exported reads take the caller's `EntityManager`, so other modules (the
 * evidence report) read documents inside their own transaction.
 */
import type { EntityManager } from 'typeorm';
import { activeUsersWithAnyRole } from '../users/users.queries.js';
import { effectiveVersion } from './document-control.js';
import type { AcknowledgingRole } from '../common/roles.js';
import type { DocumentKind, StoredStatus } from './document-control.js';
import type { FileMediaType } from './document-files.js';

export interface DocumentRow {
  id: string;
  reference: string;
  kind: DocumentKind;
  title: string;
  ownerId: string;
  reviewIntervalMonths: number | null;
  reviewBy: string;
  rowVersion: number;
  createdBy: string;
  createdAt: Date;
}

export interface VersionRow {
  id: string;
  documentId: string;
  number: number;
  status: StoredStatus;
  changeSummary: string | null;
  acknowledgementRoles: AcknowledgingRole[];
  authorId: string;
  contentHash: string | null;
  rowVersion: number;
  createdAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  effectiveOn: string | null;
  rejectedAt: Date | null;
  retiredAt: Date | null;
  statusReason: string | null;
}

export interface FileRow {
  id: string;
  versionId: string;
  filename: string;
  mediaType: FileMediaType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export type Contribution = 'created' | 'edited' | 'uploaded';

export interface ContributorRow {
  versionId: string;
  userId: string;
  contribution: Contribution;
  firstAt: Date;
}

export interface ReviewRow {
  id: string;
  documentId: string;
  versionId: string;
  reviewedBy: string;
  reviewedAt: Date;
  comment: string;
  previousReviewBy: string;
  nextReviewBy: string;
}

export interface AcknowledgementRow {
  versionId: string;
  userId: string;
  acknowledgedAt: Date;
}

const DOCUMENT_COLUMNS = `d.id, d.reference, d.kind, d.title, d.owner_id AS "ownerId", d.review_interval_months AS "reviewIntervalMonths",
  d.review_by::text AS "reviewBy", d.row_version AS "rowVersion", d.created_by AS "createdBy", d.created_at AS "createdAt"`;

const VERSION_COLUMNS = `v.id, v.document_id AS "documentId", v.number, v.status, v.change_summary AS "changeSummary",
  v.acknowledgement_roles::text[] AS "acknowledgementRoles", v.author_id AS "authorId", v.content_hash AS "contentHash",
  v.row_version AS "rowVersion", v.created_at AS "createdAt", v.submitted_at AS "submittedAt", v.approved_at AS "approvedAt",
  v.effective_on::text AS "effectiveOn", v.rejected_at AS "rejectedAt", v.retired_at AS "retiredAt", v.status_reason AS "statusReason"`;

const FILE_COLUMNS = `f.id, f.version_id AS "versionId", f.filename, f.media_type AS "mediaType", f.size_bytes AS "sizeBytes", f.sha256,
  f.uploaded_by AS "uploadedBy", f.uploaded_at AS "uploadedAt"`;

/** Every document, by reference. */
export function allDocuments(m: EntityManager): Promise<DocumentRow[]> {
  return m.query<DocumentRow[]>(`SELECT ${DOCUMENT_COLUMNS} FROM controlled_document d ORDER BY d.reference`);
}

/** A document; `lock` holds its row until the transaction ends (changes to one document are made one at a time). */
export async function documentById(m: EntityManager, id: string, lock = false): Promise<DocumentRow | null> {
  const [row] = await m.query<DocumentRow[]>(
    `SELECT ${DOCUMENT_COLUMNS} FROM controlled_document d WHERE d.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The versions of the documents among `documentIds`, by document and number. */
export function versionsOf(m: EntityManager, documentIds: readonly string[]): Promise<VersionRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return m.query<VersionRow[]>(
    `SELECT ${VERSION_COLUMNS} FROM document_version v WHERE v.document_id = ANY($1) ORDER BY v.document_id, v.number`,
    [documentIds],
  );
}

/** The files of the versions among `versionIds` (without their content), by version and name. */
export function filesOf(m: EntityManager, versionIds: readonly string[]): Promise<FileRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return m.query<FileRow[]>(`SELECT ${FILE_COLUMNS} FROM document_file f WHERE f.version_id = ANY($1) ORDER BY f.version_id, f.filename`, [
    versionIds,
  ]);
}

/** A file of a version with its content, or null. */
export async function fileWithContent(
  m: EntityManager,
  versionId: string,
  fileId: string,
): Promise<(FileRow & { content: Buffer }) | null> {
  const [row] = await m.query<(FileRow & { content: Buffer })[]>(
    `SELECT ${FILE_COLUMNS}, f.content FROM document_file f WHERE f.version_id = $1 AND f.id = $2`,
    [versionId, fileId],
  );
  return row ?? null;
}

export function contributorsOf(m: EntityManager, versionIds: readonly string[]): Promise<ContributorRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return m.query<ContributorRow[]>(
    `SELECT c.version_id AS "versionId", c.user_id AS "userId", c.contribution, c.first_at AS "firstAt"
     FROM document_version_contributor c WHERE c.version_id = ANY($1) ORDER BY c.first_at, c.user_id, c.contribution`,
    [versionIds],
  );
}

export function reviewsOf(m: EntityManager, documentId: string): Promise<ReviewRow[]> {
  return m.query<ReviewRow[]>(
    `SELECT r.id, r.document_id AS "documentId", r.version_id AS "versionId", r.reviewed_by AS "reviewedBy", r.reviewed_at AS "reviewedAt",
       r.comment, r.previous_review_by::text AS "previousReviewBy", r.next_review_by::text AS "nextReviewBy"
     FROM document_review r WHERE r.document_id = $1 ORDER BY r.reviewed_at, r.id`,
    [documentId],
  );
}

/** The acknowledgements of the versions among `versionIds`, of one user when `userId` is given. */
export function acknowledgementsOf(m: EntityManager, versionIds: readonly string[], userId?: string): Promise<AcknowledgementRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return m.query<AcknowledgementRow[]>(
    `SELECT a.version_id AS "versionId", a.user_id AS "userId", a.acknowledged_at AS "acknowledgedAt"
     FROM document_acknowledgement a WHERE a.version_id = ANY($1) AND ($2::uuid IS NULL OR a.user_id = $2)
     ORDER BY a.acknowledged_at, a.user_id`,
    [versionIds, userId ?? null],
  );
}

export async function insertDocument(
  m: EntityManager,
  d: Pick<DocumentRow, 'reference' | 'kind' | 'title' | 'ownerId' | 'reviewIntervalMonths' | 'reviewBy' | 'createdBy'>,
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO controlled_document (reference, kind, title, owner_id, review_interval_months, review_by, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [d.reference, d.kind, d.title, d.ownerId, d.reviewIntervalMonths, d.reviewBy, d.createdBy],
  );
  return row.id;
}

export async function setReviewBy(m: EntityManager, documentId: string, reviewBy: string): Promise<void> {
  await m.query(`UPDATE controlled_document SET review_by = $2, row_version = row_version + 1 WHERE id = $1`, [documentId, reviewBy]);
}

export async function insertVersion(
  m: EntityManager,
  v: { documentId: string; number: number; changeSummary: string | null; acknowledgementRoles: readonly string[]; authorId: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO document_version (document_id, number, status, change_summary, acknowledgement_roles, author_id)
     VALUES ($1, $2, 'draft', $3, $4::text[], $5) RETURNING id`,
    [v.documentId, v.number, v.changeSummary, [...v.acknowledgementRoles], v.authorId],
  );
  return row.id;
}

export async function markSubmitted(m: EntityManager, versionId: string, contentHash: string): Promise<void> {
  await m.query(
    `UPDATE document_version SET status = 'in_review', submitted_at = now(), content_hash = $2, row_version = row_version + 1 WHERE id = $1`,
    [versionId, contentHash],
  );
}

export async function markApproved(m: EntityManager, versionId: string, effectiveOn: string): Promise<void> {
  await m.query(
    `UPDATE document_version SET status = 'approved', approved_at = date_trunc('milliseconds', clock_timestamp()), effective_on = $2,
       row_version = row_version + 1 WHERE id = $1`,
    [versionId, effectiveOn],
  );
}

export async function markRejected(m: EntityManager, versionId: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE document_version SET status = 'rejected', rejected_at = now(), status_reason = $2, row_version = row_version + 1 WHERE id = $1`,
    [versionId, reason],
  );
}

export async function markRetired(m: EntityManager, versionId: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE document_version SET status = 'retired', retired_at = now(), status_reason = $2, row_version = row_version + 1 WHERE id = $1`,
    [versionId, reason],
  );
}

export async function insertFile(
  m: EntityManager,
  f: { versionId: string; filename: string; mediaType: FileMediaType; sha256: string; content: Buffer; uploadedBy: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO document_file (version_id, filename, media_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [f.versionId, f.filename, f.mediaType, f.content.length, f.sha256, f.content, f.uploadedBy],
  );
  return row.id;
}

export async function fileNamed(m: EntityManager, versionId: string, filename: string): Promise<boolean> {
  const rows = await m.query<unknown[]>(`SELECT 1 FROM document_file WHERE version_id = $1 AND filename = $2`, [versionId, filename]);
  return rows.length > 0;
}

export async function deleteFile(m: EntityManager, fileId: string): Promise<void> {
  await m.query(`DELETE FROM document_file WHERE id = $1`, [fileId]);
}

/** Records that a person contributed to a draft (once per kind of contribution). */
export async function addContributor(m: EntityManager, versionId: string, userId: string, contribution: Contribution): Promise<void> {
  await m.query(`INSERT INTO document_version_contributor (version_id, user_id, contribution) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    versionId,
    userId,
    contribution,
  ]);
}

export async function insertReview(
  m: EntityManager,
  r: Pick<ReviewRow, 'documentId' | 'versionId' | 'reviewedBy' | 'comment' | 'previousReviewBy' | 'nextReviewBy'>,
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO document_review (document_id, version_id, reviewed_by, comment, previous_review_by, next_review_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.documentId, r.versionId, r.reviewedBy, r.comment, r.previousReviewBy, r.nextReviewBy],
  );
  return row.id;
}

/** Records an acknowledgement; null when the user had already acknowledged the version (nothing written). */
export async function insertAcknowledgement(m: EntityManager, versionId: string, userId: string): Promise<Date | null> {
  const rows = await m.query<{ at: Date }[]>(
    `INSERT INTO document_acknowledgement (version_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING acknowledged_at AS at`,
    [versionId, userId],
  );
  return rows[0]?.at ?? null;
}

/** Read and understood, per document whose version in force on `today` asks for acknowledgement. */
export interface AcknowledgementCount {
  documentId: string;
  reference: string;
  kind: DocumentKind;
  title: string;
  versionNumber: number;
  effectiveOn: string;
  roles: AcknowledgingRole[];
  /** Active users holding one of the roles. */
  required: number;
  /** Of those, who acknowledged the version in force. */
  acknowledged: number;
}

/**
 * For the evidence report: each document whose version in force on `today` requires
 * acknowledgement, with how many people must acknowledge it and how many have. By reference.
 */
export async function acknowledgementCounts(m: EntityManager, today: string): Promise<AcknowledgementCount[]> {
  const documents = await allDocuments(m);
  const versions = await versionsOf(
    m,
    documents.map((d) => d.id),
  );
  const out: AcknowledgementCount[] = [];
  const inForce = documents.flatMap((d) => {
    const v = effectiveVersion(
      versions.filter((x) => x.documentId === d.id),
      today,
    );
    return v && v.acknowledgementRoles.length > 0 ? [{ d, v }] : [];
  });
  const acks = await acknowledgementsOf(
    m,
    inForce.map((x) => x.v.id),
  );
  for (const { d, v } of inForce) {
    const people = await activeUsersWithAnyRole(m, v.acknowledgementRoles);
    const done = new Set(acks.filter((a) => a.versionId === v.id).map((a) => a.userId));
    out.push({
      documentId: d.id,
      reference: d.reference,
      kind: d.kind,
      title: d.title,
      versionNumber: v.number,
      effectiveOn: v.effectiveOn!,
      roles: v.acknowledgementRoles,
      required: people.length,
      acknowledged: people.filter((p) => done.has(p.id)).length,
    });
  }
  return out;
}
