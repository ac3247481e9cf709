/** Who may write a document, and the document row locked for it: shared by the document library's writing services. */
import type { EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import { OWNER_ROLES } from './document-control.js';
import { documentById, versionsOf } from './documents.queries.js';
import type { DocumentRow, VersionRow } from './documents.queries.js';

/** The document, locked, when the caller may work on it: a quality manager or its owner (while they hold a role that owns documents). */
export async function lockWritable(m: EntityManager, ctx: RequestContext, id: string): Promise<DocumentRow> {
  const doc = await lockDocument(m, id);
  const qm = ctx.actor.roles.includes('quality_manager');
  const owner = ctx.actor.id === doc.ownerId && hasAnyRole(ctx.actor.roles, OWNER_ROLES);
  if (!qm && !owner) throw forbidden('document_not_allowed', `Only a quality manager or the owner of ${doc.reference} may work on it`);
  return doc;
}

export function actorOf(ctx: RequestContext): string {
  if (!ctx.actor.id) throw new Error('a document is written by a person');
  return ctx.actor.id;
}

export async function lockDocument(m: EntityManager, id: string): Promise<DocumentRow> {
  const doc = await documentById(m, id, true);
  if (!doc) throw notFound('Document');
  return doc;
}

export async function draftVersion(m: EntityManager, doc: DocumentRow, n: number, what: string): Promise<VersionRow> {
  const version = (await versionsOf(m, [doc.id])).find((v) => v.number === n);
  if (!version) throw notFound(`Version ${n} of the document`);
  if (version.status !== 'draft') {
    throw conflict(
      'document_version_not_draft',
      `Version ${n} of ${doc.reference} has left draft: nobody can ${what} it; start the next version instead`,
      {
        versionStatus: version.status,
      },
    );
  }
  return version;
}
