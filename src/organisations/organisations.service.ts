import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { stale } from '../common/etag.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import { hasAnyRole } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import type { RequestContext } from '../common/request-context.js';
import { userNames } from '../users/users.queries.js';
import type {
  CreateOrganisationRequest,
  OrganisationHistoryResponse,
  OrganisationPage,
  OrganisationQuery,
  OrganisationResponse,
  ReviseOrganisationRequest,
} from './organisation.dto.js';
import { toOrganisationResponse, toOrganisationRevisionResponse } from './organisation.mapper.js';
import { ORGANISATION_FIELDS, classifyOrganisationChange, nameKey } from './organisation-sectors.js';
import type { OrganisationContent } from './organisation-sectors.js';
import {
  insertOrganisation,
  insertOrganisationRevision,
  lockOrganisationNames,
  organisationById,
  organisationNamed,
  organisationRevisions,
  searchOrganisations,
} from './organisations.queries.js';
import type { OrganisationRow } from './organisations.queries.js';

/** Who keeps the register. Everyone signed in reads it. */
export const KEEP_ORGANISATIONS: Role[] = ['quality_manager', 'programme_leader'];

/** Fields whose values are a contact person's personal data: the audit trail keeps a keyed hash of them. */
const PERSONAL: readonly string[] = ['contactName', 'contactEmail', 'contactPhone'];

/**
 * The register of host organisations and employers (internships, employment). Quality managers
 * and programme leaders keep it; every change is a new revision with its reason, audited in the
 * same transaction. A name is unique in the register whatever its case and spacing.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, q: OrganisationQuery): Promise<OrganisationPage> {
    const m = this.dataSource.manager;
    const offset = Number(q.cursor ?? 0);
    const limit = q.limit ?? 50;
    const { rows, total } = await searchOrganisations(m, {
      q: q.q?.trim() || undefined,
      sector: q.sector,
      active: q.active,
      offset,
      limit,
    });
    const items = await this.present(m, ctx, rows);
    return { items, nextCursor: offset + rows.length < total ? String(offset + limit) : null, total };
  }

  async get(ctx: RequestContext, id: string): Promise<OrganisationResponse> {
    const m = this.dataSource.manager;
    const row = await organisationById(m, id);
    if (!row) throw notFound('Organisation');
    const [shown] = await this.present(m, ctx, [row]);
    return shown;
  }

  async history(id: string): Promise<OrganisationHistoryResponse> {
    const m = this.dataSource.manager;
    if (!(await organisationById(m, id))) throw notFound('Organisation');
    const revisions = await organisationRevisions(m, id);
    const names = await userNames(m, [...new Set(revisions.map((r) => r.recordedBy))]);
    return { revisions: revisions.map((r) => toOrganisationRevisionResponse(r, names)) };
  }

  async create(ctx: RequestContext, body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const content: OrganisationContent = {
        name: tidyName(body.name),
        sector: body.sector,
        contactName: body.contactName?.trim() || null,
        contactEmail: body.contactEmail?.trim() || null,
        contactPhone: body.contactPhone?.trim() || null,
        notes: body.notes?.trim() || null,
        active: true,
      };
      await this.nameIsFree(m, content.name, null);
      const id = await insertOrganisation(m, actorId);
      await insertOrganisationRevision(m, id, 1, 'created', null, content, actorId);
      await this.audit.append(m, ctx, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: id,
        entityVersion: 1,
        changes: await this.changes(m, null, content),
      });
      const [shown] = await this.present(m, ctx, [(await organisationById(m, id))!]);
      return shown;
    });
  }

  async revise(ctx: RequestContext, id: string, body: ReviseOrganisationRequest, expectedVersion: number): Promise<OrganisationResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const renames = body.name !== undefined;
      // The names lock comes before the organisation's row (an advisory lock serialising a kind of write).
      if (renames) await lockOrganisationNames(m);
      const current = await organisationById(m, id, true);
      if (!current) throw notFound('Organisation');
      if (current.revision !== expectedVersion) throw stale(current.revision);
      const before = contentOf(current);
      const after: OrganisationContent = {
        name: body.name === undefined ? before.name : tidyName(body.name),
        sector: body.sector ?? before.sector,
        contactName: body.contactName === undefined ? before.contactName : body.contactName?.trim() || null,
        contactEmail: body.contactEmail === undefined ? before.contactEmail : body.contactEmail?.trim() || null,
        contactPhone: body.contactPhone === undefined ? before.contactPhone : body.contactPhone?.trim() || null,
        notes: body.notes === undefined ? before.notes : body.notes?.trim() || null,
        active: body.active ?? before.active,
      };
      const change = classifyOrganisationChange(before, after);
      if (change === null) throw unprocessable('nothing_changed', 'Nothing would change: give at least one new value');
      if (renames && nameKey(after.name) !== nameKey(before.name)) await this.nameIsFree(m, after.name, id, true);
      const revision = current.revision + 1;
      const reason = body.reason.trim();
      await insertOrganisationRevision(m, id, revision, change, reason, after, actorId);
      await this.audit.append(m, ctx, {
        action: `organisation.${change === 'revised' ? 'revise' : change === 'deactivated' ? 'deactivate' : 'reactivate'}`,
        entityType: 'organisation',
        entityId: id,
        entityVersion: revision,
        reason,
        changes: await this.changes(m, before, after),
      });
      const [shown] = await this.present(m, ctx, [(await organisationById(m, id))!]);
      return shown;
    });
  }

  /** 409 naming the organisation that already has the name (case and spacing aside). */
  private async nameIsFree(m: EntityManager, name: string, exceptId: string | null, locked = false): Promise<void> {
    if (!locked) await lockOrganisationNames(m);
    const existing = await organisationNamed(m, nameKey(name), exceptId);
    if (existing) {
      throw conflict('organisation_name_taken', `The register already has an organisation named “${existing.name}”`, {
        existing,
        errors: [{ field: 'name', message: `is already the name of “${existing.name}”` }],
      });
    }
  }

  private async changes(
    m: EntityManager,
    before: OrganisationContent | null,
    after: OrganisationContent,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const f of ORGANISATION_FIELDS) {
      const old = before ? before[f] : null;
      if (before && old === after[f]) continue;
      out[f] = PERSONAL.includes(f)
        ? { old: await this.audit.personal(old as string | null, m), new: await this.audit.personal(after[f] as string | null, m) }
        : { old, new: after[f] };
    }
    return out;
  }

  private async present(m: EntityManager, ctx: RequestContext, rows: OrganisationRow[]): Promise<OrganisationResponse[]> {
    const names = await userNames(m, [...new Set(rows.map((r) => r.recordedBy))]);
    const mayRevise = hasAnyRole(ctx.actor.roles, KEEP_ORGANISATIONS);
    return rows.map((r) => toOrganisationResponse(r, names, mayRevise));
  }

  private actorId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new Error('an organisation is recorded by a person');
    return ctx.actor.id;
  }
}

function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function contentOf(r: OrganisationRow): OrganisationContent {
  return {
    name: r.name,
    sector: r.sector,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    notes: r.notes,
    active: r.active,
  };
}
