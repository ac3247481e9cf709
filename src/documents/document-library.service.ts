import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import { activeUsersWithAnyRole, userNames } from '../users/users.queries.js';
import { OWNER_ROLES, effectiveVersion, seesDrafts, versionStandings } from './document-control.js';
import { contentDisposition } from './document-files.js';
import type { AcknowledgementsResponse, DocumentQuery, DocumentResponse, DocumentSummaryResponse } from './document.dto.js';
import { toAcknowledgementsResponse, toDocumentResponse, toDocumentSummary } from './document.mapper.js';
import type { DocumentView } from './document.mapper.js';
import {
  acknowledgementsOf,
  allDocuments,
  contributorsOf,
  documentById,
  fileWithContent,
  filesOf,
  reviewsOf,
  versionsOf,
} from './documents.queries.js';
import type { AcknowledgementRow, DocumentRow, VersionRow } from './documents.queries.js';

/** The record type of a document version in signatures and audit events. */
export const DOCUMENT_VERSION = 'document_version';
export const CONTROLLED_DOCUMENT = 'controlled_document';

/** A file as a download sends it. */
export interface FileDownload {
  content: Buffer;
  mediaType: string;
  contentDisposition: string;
  sha256: string;
}

/**
 * Reads of the document library: everyone signed in reads what is approved and its files; quality
 * managers, auditors and a document's owner also see its drafts, versions under review and
 * rejected ones. Another caller asking for those is answered as if they did not exist.
 */
@Injectable()
export class DocumentLibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, q: DocumentQuery): Promise<DocumentSummaryResponse[]> {
    const m = this.dataSource.manager;
    const today = this.clock.today();
    const owner = q.owner === 'me' ? ctx.actor.id : q.owner?.toLowerCase();
    const documents = (await allDocuments(m)).filter((d) => (!q.kind || d.kind === q.kind) && (!owner || d.ownerId === owner));
    const views = await this.views(m, ctx, documents, today);
    return views
      .filter((x) => !q.overdue || (x.effective !== null && x.doc.reviewBy < today))
      .filter((x) => !q.toAcknowledge || (x.myAcknowledgement.required && x.myAcknowledgement.acknowledgedAt === null))
      .map(toDocumentSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<DocumentResponse> {
    return this.detail(this.dataSource.manager, ctx, id);
  }

  /** The document as the caller sees it, read through `m` (a write's transaction answers with it). */
  async detail(m: EntityManager, ctx: RequestContext, id: string): Promise<DocumentResponse> {
    const doc = await documentById(m, id);
    if (!doc) throw notFound('Document');
    const today = this.clock.today();
    const [view] = await this.views(m, ctx, [doc], today);
    const ids = view.versions.map((v) => v.id);
    const [files, contributors, signatures, reviews] = [
      await filesOf(m, ids),
      await contributorsOf(m, ids),
      await this.signatures.listFor(DOCUMENT_VERSION, ids, m),
      await reviewsOf(m, id),
    ];
    const more = await userNames(m, [
      ...files.map((f) => f.uploadedBy),
      ...contributors.map((c) => c.userId),
      ...reviews.map((r) => r.reviewedBy),
    ]);
    for (const [k, name] of more) view.names.set(k, name);
    const qm = ctx.actor.roles.includes('quality_manager');
    const owner = ctx.actor.id === doc.ownerId && ctx.actor.roles.some((r) => (OWNER_ROLES as string[]).includes(r));
    const allVersions = await versionsOf(m, [id]);
    const open = allVersions.some((v) => v.status === 'draft' || v.status === 'in_review');
    return toDocumentResponse({
      ...view,
      files,
      contributors,
      signatures,
      reviews,
      caller: ctx.actor,
      mayDraft: (qm || owner) && !open,
      mayReview: (qm || owner) && view.effective !== null,
    });
  }

  /** Who must acknowledge the version in force, and who has (quality managers and auditors). */
  async acknowledgements(id: string): Promise<AcknowledgementsResponse> {
    const m = this.dataSource.manager;
    const doc = await documentById(m, id);
    if (!doc) throw notFound('Document');
    const effective = effectiveVersion(await versionsOf(m, [id]), this.clock.today());
    if (!effective) return toAcknowledgementsResponse(null, [], []);
    const people = await activeUsersWithAnyRole(m, effective.acknowledgementRoles);
    return toAcknowledgementsResponse(effective, people, await acknowledgementsOf(m, [effective.id]));
  }

  /** A file of a version the caller sees, with the headers its download is sent with. */
  async download(ctx: RequestContext, id: string, n: number, fileId: string): Promise<FileDownload> {
    const m = this.dataSource.manager;
    const doc = await documentById(m, id);
    if (!doc) throw notFound('Document');
    const version = (await versionsOf(m, [id])).find((v) => v.number === n);
    if (!version || !visible(ctx, doc, version)) throw notFound(`Version ${n} of the document`);
    const file = await fileWithContent(m, version.id, fileId);
    if (!file) throw notFound('File');
    return { content: file.content, mediaType: file.mediaType, contentDisposition: contentDisposition(file.filename), sha256: file.sha256 };
  }

  private async views(m: EntityManager, ctx: RequestContext, documents: DocumentRow[], today: string): Promise<DocumentView[]> {
    const versions = await versionsOf(
      m,
      documents.map((d) => d.id),
    );
    const mine = ctx.actor.id ? await this.myAcknowledgements(m, ctx.actor.id, versions) : [];
    const names = await userNames(m, [...documents.map((d) => d.ownerId), ...versions.map((v) => v.authorId)]);
    return documents.map((doc) => {
      const own = versions.filter((v) => v.documentId === doc.id);
      const effective = effectiveVersion(own, today);
      const required = effective !== null && effective.acknowledgementRoles.some((r) => ctx.actor.roles.includes(r));
      return {
        doc,
        versions: own.filter((v) => visible(ctx, doc, v)),
        standings: versionStandings(own, today),
        effective,
        today,
        names,
        myAcknowledgement: {
          required,
          acknowledgedAt: (effective && mine.find((a) => a.versionId === effective.id)?.acknowledgedAt) ?? null,
        },
      };
    });
  }

  private async myAcknowledgements(m: EntityManager, userId: string, versions: VersionRow[]): Promise<AcknowledgementRow[]> {
    const approved = versions.filter((v) => v.status === 'approved').map((v) => v.id);
    return acknowledgementsOf(m, approved, userId);
  }
}

/** Approved versions (in force, to come, superseded, retired) are for everyone; the others for those who see drafts. */
function visible(ctx: RequestContext, doc: DocumentRow, v: VersionRow): boolean {
  return v.status === 'approved' || v.status === 'retired' || seesDrafts(ctx.actor, doc.ownerId);
}
