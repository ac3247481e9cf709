import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canonicalHash } from '../common/canonical.js';
import { daysBetween } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/problem.js';
import { allocateReference } from '../common/references.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import { isActiveUser, rolesOfUsers } from '../users/users.queries.js';
import { OWNER_ROLES, actionsIn, addMonths, effectiveVersion, versionStandings } from './document-control.js';
import type { VersionAction, VersionState } from './document-control.js';
import type {
  AcknowledgementResponse,
  ApproveDocumentVersionRequest,
  CreateDocumentRequest,
  CreateDocumentVersionRequest,
  DocumentResponse,
  ReviewDocumentRequest,
} from './document.dto.js';
import { toAcknowledgementResponse } from './document.mapper.js';
import { CONTROLLED_DOCUMENT, DOCUMENT_VERSION, DocumentLibraryService } from './document-library.service.js';
import {
  acknowledgementsOf,
  addContributor,
  contributorsOf,
  documentById,
  filesOf,
  insertAcknowledgement,
  insertDocument,
  insertReview,
  insertVersion,
  markApproved,
  markRejected,
  markRetired,
  markSubmitted,
  setReviewBy,
  versionsOf,
} from './documents.queries.js';
import type { DocumentRow, VersionRow } from './documents.queries.js';
import { actorOf, lockDocument, lockWritable } from './document-access.js';

/** A review-by day further ahead than this is not a plan to review. */
const MAX_REVIEW_DAYS = 5 * 366;

/**
 * Writes to the document library under document control. Every method is one transaction that
 * locks the document row first, so changes to one document are made one at a time; each change is
 * audited in its transaction.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    private readonly library: DocumentLibraryService,
  ) {}

  async create(ctx: RequestContext, body: CreateDocumentRequest): Promise<DocumentResponse> {
    const actorId = actorOf(ctx);
    const today = this.clock.today();
    const interval = body.reviewIntervalMonths ?? null;
    const reviewBy = body.reviewBy ?? (interval ? addMonths(today, interval) : null);
    if (!reviewBy)
      throw reviewByInvalid(
        'reviewBy',
        'A document needs a review interval or a review-by day',
        'is required without reviewIntervalMonths',
      );
    checkReviewBy('reviewBy', reviewBy, today);
    return this.dataSource.transaction(async (m) => {
      await checkOwner(m, body.ownerId);
      const reference = await allocateReference(m, 'DOC', Number(today.slice(0, 4)));
      const title = body.title.trim();
      const id = await insertDocument(m, {
        reference,
        kind: body.kind,
        title,
        ownerId: body.ownerId,
        reviewIntervalMonths: interval,
        reviewBy,
        createdBy: actorId,
      });
      await this.audit.append(m, ctx, {
        action: 'controlled_document.create',
        entityType: CONTROLLED_DOCUMENT,
        entityId: id,
        entityVersion: 1,
        changes: {
          reference: { old: null, new: reference },
          kind: { old: null, new: body.kind },
          title: { old: null, new: title },
          ownerId: { old: null, new: body.ownerId },
          reviewIntervalMonths: { old: null, new: interval },
          reviewBy: { old: null, new: reviewBy },
        },
      });
      await this.draft(m, ctx, { id, reference }, 1, body.changeSummary?.trim() || null, body.acknowledgementRoles ?? []);
      return this.library.detail(m, ctx, id);
    });
  }

  async createVersion(ctx: RequestContext, id: string, body: CreateDocumentVersionRequest): Promise<DocumentResponse> {
    return this.dataSource.transaction(async (m) => {
      const doc = await lockWritable(m, ctx, id);
      const versions = await versionsOf(m, [id]);
      const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
      if (open) {
        throw conflict(
          'document_open_version_exists',
          `Version ${open.number} of ${doc.reference} is still ${open.status === 'draft' ? 'a draft' : 'under review'}; finish or reject it before starting another`,
          { openVersion: open.number },
        );
      }
      const previous = versions.at(-1);
      const roles = body.acknowledgementRoles ?? previous?.acknowledgementRoles ?? [];
      await this.draft(m, ctx, doc, (previous?.number ?? 0) + 1, body.changeSummary?.trim() || null, roles);
      return this.library.detail(m, ctx, id);
    });
  }

  async submit(ctx: RequestContext, id: string, n: number): Promise<DocumentResponse> {
    return this.dataSource.transaction(async (m) => {
      const doc = await lockWritable(m, ctx, id);
      const version = await this.versionFor(m, doc, n, 'submit');
      const files = await filesOf(m, [version.id]);
      if (files.length === 0)
        throw conflict('document_version_empty', `Version ${n} of ${doc.reference} has no file yet: upload the document first`);
      const hash = canonicalHash(await signedContent(m, doc, version));
      await markSubmitted(m, version.id, hash);
      await this.audit.append(m, ctx, {
        action: 'document_version.submit',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: { status: { old: 'draft', new: 'in_review' }, contentHash: { old: null, new: hash } },
      });
      return this.library.detail(m, ctx, id);
    });
  }

  /**
   * Approval is an electronic signature by a quality manager who wrote none of the version: the
   * password is checked first (outside the transaction), then the version is approved to come into
   * force on its effective day, and the signature keeps what was signed (the files' hashes).
   */
  async approve(ctx: RequestContext, id: string, n: number, body: ApproveDocumentVersionRequest): Promise<DocumentResponse> {
    const reader = this.dataSource.manager;
    const peekDoc = await documentById(reader, id);
    if (!peekDoc) throw notFound('Document');
    const peek = await this.versionFor(reader, peekDoc, n, 'approve');
    await checkApprover(reader, ctx, peek);
    const signer = await this.signatures.confirmSigner(ctx, body.password);
    return this.dataSource.transaction(async (m) => {
      const doc = (await documentById(m, id, true))!;
      const version = await this.versionFor(m, doc, n, 'approve');
      await checkApprover(m, ctx, version);
      const today = this.clock.today();
      const versions = await versionsOf(m, [id]);
      const effectiveOn = body.effectiveOn ?? today;
      const latest = versions
        .filter((v) => v.effectiveOn !== null)
        .sort((a, b) => a.effectiveOn!.localeCompare(b.effectiveOn!))
        .at(-1);
      if (effectiveOn < today)
        throw effectiveInvalid(`A version cannot come into force on a day that has passed (today is ${today})`, 'must be today or later');
      if (latest && effectiveOn < latest.effectiveOn!) {
        throw effectiveInvalid(
          `Version ${latest.number} comes into force on ${latest.effectiveOn}; a later version cannot come into force before it`,
          `must be ${latest.effectiveOn} or later`,
        );
      }
      const inForce = effectiveVersion(versions, today);
      await markApproved(m, version.id, effectiveOn);
      const content = await signedContent(m, doc, version);
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: DOCUMENT_VERSION, recordId: version.id, recordVersion: n, content },
        'approved',
        body.comment,
      );
      await this.audit.append(m, ctx, {
        action: 'document_version.approve',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: {
          status: { old: 'in_review', new: 'approved' },
          effectiveOn: { old: null, new: effectiveOn },
          signature: { old: null, new: signatureForAudit(signature) },
          ...(inForce ? { supersedes: { old: null, new: inForce.number } } : {}),
        },
        reason: body.comment,
      });
      if (doc.reviewIntervalMonths)
        await this.moveReviewBy(
          m,
          ctx,
          doc,
          addMonths(effectiveOn, doc.reviewIntervalMonths),
          `Version ${n} comes into force on ${effectiveOn}`,
        );
      return this.library.detail(m, ctx, id);
    });
  }

  async reject(ctx: RequestContext, id: string, n: number, comment: string): Promise<DocumentResponse> {
    return this.dataSource.transaction(async (m) => {
      const doc = await lockDocument(m, id);
      const version = await this.versionFor(m, doc, n, 'reject');
      await markRejected(m, version.id, comment);
      await this.audit.append(m, ctx, {
        action: 'document_version.reject',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: { status: { old: 'in_review', new: 'rejected' } },
        reason: comment,
      });
      return this.library.detail(m, ctx, id);
    });
  }

  /** Retiring the version in force is signed like an approval (meaning `retirement`): the document is no longer in force. */
  async retire(ctx: RequestContext, id: string, n: number, reason: string, password: string): Promise<DocumentResponse> {
    const reader = this.dataSource.manager;
    const peekDoc = await documentById(reader, id);
    if (!peekDoc) throw notFound('Document');
    await this.versionFor(reader, peekDoc, n, 'retire');
    const signer = await this.signatures.confirmSigner(ctx, password);
    return this.dataSource.transaction(async (m) => {
      const doc = await lockDocument(m, id);
      const version = await this.versionFor(m, doc, n, 'retire');
      await markRetired(m, version.id, reason);
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: DOCUMENT_VERSION, recordId: version.id, recordVersion: n, contentHash: version.contentHash },
        'retirement',
        reason,
      );
      await this.audit.append(m, ctx, {
        action: 'document_version.retire',
        entityType: DOCUMENT_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: { status: { old: 'approved', new: 'retired' }, signature: { old: null, new: signatureForAudit(signature) } },
        reason,
      });
      return this.library.detail(m, ctx, id);
    });
  }

  /**
   * "Reviewed, no change": the owner or a quality manager confirms the version in force still
   * fits, and the review-by day moves on. Recorded (who, when, what they found) and audited; not
   * signed, as nothing that was signed changes.
   */
  async review(ctx: RequestContext, id: string, body: ReviewDocumentRequest): Promise<DocumentResponse> {
    const actorId = actorOf(ctx);
    const today = this.clock.today();
    return this.dataSource.transaction(async (m) => {
      const doc = await lockWritable(m, ctx, id);
      const inForce = effectiveVersion(await versionsOf(m, [id]), today);
      if (!inForce) throw conflict('document_not_in_force', `No version of ${doc.reference} is in force: there is nothing to review`);
      const next = body.nextReviewBy ?? (doc.reviewIntervalMonths ? addMonths(today, doc.reviewIntervalMonths) : null);
      if (!next)
        throw reviewByInvalid(
          'nextReviewBy',
          'The document has no review interval: say when it is reviewed next',
          'is required without a review interval',
        );
      checkReviewBy('nextReviewBy', next, today);
      const comment = body.comment.trim();
      await insertReview(m, {
        documentId: id,
        versionId: inForce.id,
        reviewedBy: actorId,
        comment,
        previousReviewBy: doc.reviewBy,
        nextReviewBy: next,
      });
      await this.moveReviewBy(m, ctx, doc, next, comment, 'review');
      return this.library.detail(m, ctx, id);
    });
  }

  /** "Read and understood" of the version in force; acknowledging again records nothing and answers the first acknowledgement. */
  async acknowledge(ctx: RequestContext, id: string): Promise<AcknowledgementResponse> {
    const actorId = actorOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const doc = await documentById(m, id);
      if (!doc) throw notFound('Document');
      const inForce = effectiveVersion(await versionsOf(m, [id]), this.clock.today());
      if (!inForce) throw conflict('document_not_in_force', `No version of ${doc.reference} is in force: there is nothing to acknowledge`);
      if (!inForce.acknowledgementRoles.some((r) => ctx.actor.roles.includes(r))) {
        throw forbidden('acknowledgement_not_required', `Version ${inForce.number} of ${doc.reference} does not ask you to acknowledge it`);
      }
      const at = await insertAcknowledgement(m, inForce.id, actorId);
      if (at) {
        await this.audit.append(m, ctx, {
          action: 'document_version.acknowledge',
          entityType: DOCUMENT_VERSION,
          entityId: inForce.id,
          entityVersion: inForce.number,
          changes: { acknowledgedBy: { old: null, new: actorId }, acknowledgedAt: { old: null, new: at.toISOString() } },
        });
        return toAcknowledgementResponse(id, inForce, at, true);
      }
      const [earlier] = await acknowledgementsOf(m, [inForce.id], actorId);
      return toAcknowledgementResponse(id, inForce, earlier.acknowledgedAt, false);
    });
  }

  private async draft(
    m: EntityManager,
    ctx: RequestContext,
    doc: Pick<DocumentRow, 'id' | 'reference'>,
    number: number,
    changeSummary: string | null,
    roles: readonly string[],
  ): Promise<void> {
    const actorId = actorOf(ctx);
    const versionId = await insertVersion(m, { documentId: doc.id, number, changeSummary, acknowledgementRoles: roles, authorId: actorId });
    await addContributor(m, versionId, actorId, 'created');
    await this.audit.append(m, ctx, {
      action: 'document_version.create',
      entityType: DOCUMENT_VERSION,
      entityId: versionId,
      entityVersion: number,
      changes: {
        documentReference: { old: null, new: doc.reference },
        number: { old: null, new: number },
        status: { old: null, new: 'draft' },
        acknowledgementRoles: { old: null, new: [...roles] },
        ...(changeSummary ? { changeSummary: { old: null, new: changeSummary } } : {}),
      },
    });
  }

  private async moveReviewBy(
    m: EntityManager,
    ctx: RequestContext,
    doc: DocumentRow,
    next: string,
    reason: string,
    verb: 'review' | 'reschedule' = 'reschedule',
  ): Promise<void> {
    await setReviewBy(m, doc.id, next);
    await this.audit.append(m, ctx, {
      action: `controlled_document.${verb}`,
      entityType: CONTROLLED_DOCUMENT,
      entityId: doc.id,
      entityVersion: doc.rowVersion + 1,
      changes: { reviewBy: { old: doc.reviewBy, new: next } },
      reason,
    });
  }

  /** Version n of the document, when `action` can be taken on it today. */
  private async versionFor(m: EntityManager, doc: DocumentRow, n: number, action: VersionAction): Promise<VersionRow> {
    const versions = await versionsOf(m, [doc.id]);
    const version = versions.find((v) => v.number === n);
    if (!version) throw notFound(`Version ${n} of the document`);
    const state = versionStandings(versions, this.clock.today()).get(version.id)!.state;
    if (!actionsIn(state).includes(action)) throw notAllowed(n, state, action);
    return version;
  }
}

/** What an approval signs: the document, the version and each file by its SHA-256. */
async function signedContent(m: EntityManager, doc: DocumentRow, v: VersionRow): Promise<Record<string, unknown>> {
  const files = await filesOf(m, [v.id]);
  return {
    document: { id: doc.id, reference: doc.reference, kind: doc.kind, title: doc.title },
    version: v.number,
    changeSummary: v.changeSummary,
    acknowledgementRoles: [...v.acknowledgementRoles].sort(),
    files: files
      .map((f) => ({ filename: f.filename, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 }))
      .sort((a, b) => a.filename.localeCompare(b.filename)),
  };
}

/**
 * Four eyes: nobody approves a version they wrote any of. The author, everyone who edited it and
 * everyone who uploaded one of its files are its writers.
 */
async function checkApprover(m: EntityManager, ctx: RequestContext, v: VersionRow): Promise<void> {
  const writers = new Set([v.authorId, ...(await contributorsOf(m, [v.id])).map((c) => c.userId)]);
  if (ctx.actor.id && writers.has(ctx.actor.id)) {
    throw forbidden(
      'document_author_cannot_approve',
      'You wrote part of this version (created it, edited it or uploaded a file); another quality manager must approve it',
    );
  }
}

async function checkOwner(m: EntityManager, ownerId: string): Promise<void> {
  const field = (message: string) => ({ errors: [{ field: 'ownerId', message }] });
  const [owner] = await rolesOfUsers(m, [ownerId]);
  if (!owner || !(await isActiveUser(m, ownerId)))
    throw unprocessable('unknown_owner', 'The owner named is not an active user', field('must be an active user'));
  if (!hasAnyRole(owner.roles, OWNER_ROLES)) {
    throw unprocessable(
      'document_owner_cannot_act',
      'The owner of a document must be a quality manager, programme leader or board member: someone who can act on it',
      field('must be a quality manager, programme leader or board member'),
    );
  }
}

function checkReviewBy(field: string, day: string, today: string): void {
  const days = daysBetween(today, day);
  if (days <= 0) throw reviewByInvalid(field, `The review-by day ${day} is not after today (${today})`, 'must be after today');
  if (days > MAX_REVIEW_DAYS)
    throw reviewByInvalid(field, `The review-by day ${day} is more than five years away`, 'must be within five years');
}

function reviewByInvalid(field: string, detail: string, message: string) {
  return unprocessable('review_by_invalid', detail, { errors: [{ field, message }] });
}

function effectiveInvalid(detail: string, message: string) {
  return unprocessable('effective_date_invalid', detail, { errors: [{ field: 'effectiveOn', message }] });
}

function notAllowed(n: number, state: VersionState, action: VersionAction) {
  return conflict('transition_not_allowed', `Cannot ${action} version ${n}: it is ${state.replace('_', ' ')}`, {
    versionState: state,
    allowedActions: actionsIn(state),
  });
}
