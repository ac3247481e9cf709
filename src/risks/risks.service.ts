import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hasAnyRole } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { daysBetween } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/problem.js';
import { allocateReference } from '../common/references.js';
import type { RequestContext } from '../common/request-context.js';
import { actionsByIds } from '../corrective-actions/corrective-actions.queries.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { programmesByIds } from '../programmes/programmes.queries.js';
import { isActiveUser, rolesOfUsers, userNames } from '../users/users.queries.js';
import type {
  CreateRiskRequest,
  PlanRiskActionRequest,
  HeatMapQuery,
  HeatMapResponse,
  ReviseRiskRequest,
  RiskHistoryResponse,
  RiskPage,
  RiskQuery,
  RiskResponse,
} from './risk.dto.js';
import { toRevisionResponse, toRiskResponse } from './risk.mapper.js';
import { CONTENT_FIELDS, changedFields, classifyChange, heatMap } from './risk-rating.js';
import type { RiskContent } from './risk-rating.js';
import { insertRevision, insertRisk, openRatings, revisionsOf, riskById, searchRisks } from './risks.queries.js';
import type { RiskRow } from './risks.queries.js';

/** Who may own a risk: people who act on it. Auditors and administrators do not. */
const OWNER_ROLES: Role[] = ['quality_manager', 'programme_leader', 'board_member'];
/** A review date further ahead than this is not a plan to review. */
const MAX_REVIEW_DAYS = 730;

/**
 * The register of risks and opportunities (ISO 9001 6.1). A quality manager keeps it; a
 * programme leader records the risks of the programmes they lead; the owner of a risk revises
 * and reviews it. Every change is a new revision with its reason, audited in the same transaction.
 */
@Injectable()
export class RisksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
    private readonly actions: CorrectiveActionsService,
  ) {}

  async list(ctx: RequestContext, q: RiskQuery): Promise<RiskPage> {
    const m = this.dataSource.manager;
    if (q.programmeId) await this.access.readable(m, ctx, q.programmeId);
    const today = this.clock.today();
    const offset = Number(q.cursor ?? 0);
    const limit = q.limit ?? 50;
    const { rows, total } = await searchRisks(m, {
      visibility: await this.visibility(m, ctx),
      programmeId: q.programmeId,
      organisation: q.organisation,
      kind: q.kind,
      status: q.status,
      ownerId: q.ownerId,
      overdueOn: q.overdue ? today : undefined,
      q: q.q?.trim() || undefined,
      today,
      offset,
      limit,
    });
    const items = await this.present(m, ctx, rows, today);
    return { items, nextCursor: offset + rows.length < total ? String(offset + limit) : null, total };
  }

  async get(ctx: RequestContext, id: string): Promise<RiskResponse> {
    const m = this.dataSource.manager;
    const row = await this.visibleRisk(m, ctx, id);
    const [shown] = await this.present(m, ctx, [row], this.clock.today());
    return shown;
  }

  async history(ctx: RequestContext, id: string): Promise<RiskHistoryResponse> {
    const m = this.dataSource.manager;
    await this.visibleRisk(m, ctx, id);
    const revisions = await revisionsOf(m, id);
    const names = await this.names(
      m,
      revisions.flatMap((r) => [r.ownerId, r.recordedBy]),
    );
    return { revisions: revisions.map((r) => toRevisionResponse(r, names)) };
  }

  async heatMap(ctx: RequestContext, q: HeatMapQuery): Promise<HeatMapResponse> {
    const m = this.dataSource.manager;
    if (q.programmeId) await this.access.readable(m, ctx, q.programmeId);
    const kind = q.kind ?? 'risk';
    const ratings = await openRatings(m, {
      visibility: await this.visibility(m, ctx),
      programmeId: q.programmeId,
      organisation: q.programmeId ? true : undefined,
      kind,
    });
    return { kind, ...heatMap(ratings) };
  }

  async create(ctx: RequestContext, body: CreateRiskRequest): Promise<RiskResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      if (body.programmeId) await this.access.writable(m, ctx, body.programmeId);
      else if (!hasAnyRole(ctx.actor.roles, ['quality_manager'])) {
        throw forbidden('risk_not_allowed', 'Only a quality manager records risks of the whole organisation; name your programme');
      }
      const content: RiskContent = {
        title: body.title.trim(),
        cause: body.cause.trim(),
        consequence: body.consequence.trim(),
        likelihood: body.likelihood,
        impact: body.impact,
        treatment: body.treatment?.trim() || null,
        actionIds: body.actionIds ?? [],
        residualLikelihood: body.residualLikelihood ?? null,
        residualImpact: body.residualImpact ?? null,
        ownerId: body.ownerId,
        nextReviewOn: body.nextReviewOn,
        status: 'open',
      };
      await this.check(m, content, null);
      const reference = await allocateReference(m, 'RISK', Number(this.clock.today().slice(0, 4)));
      const id = await insertRisk(m, { reference, kind: body.kind, programmeId: body.programmeId ?? null, createdBy: actorId });
      await insertRevision(m, id, 1, 'created', null, content, actorId);
      await this.audit.append(m, ctx, {
        action: 'risk.create',
        entityType: 'risk',
        entityId: id,
        entityVersion: 1,
        changes: {
          reference: { old: null, new: reference },
          kind: { old: null, new: body.kind },
          programmeId: { old: null, new: body.programmeId ?? null },
          ...Object.fromEntries(CONTENT_FIELDS.map((f) => [f, { old: null, new: content[f] }])),
        },
      });
      const row = await riskById(m, id);
      const [shown] = await this.present(m, ctx, [row!], this.clock.today());
      return shown;
    });
  }

  async revise(ctx: RequestContext, id: string, body: ReviseRiskRequest, expectedVersion: number): Promise<RiskResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      // Locks the risk: revisions of one risk are made one at a time, each on the one before.
      const current = await this.visibleRisk(m, ctx, id, true);
      if (!this.mayRevise(ctx, current, await this.led(m, ctx))) {
        throw forbidden('risk_not_allowed', 'Only a quality manager, the owner of the risk or a leader of its programme revises it');
      }
      if (current.revision !== expectedVersion) throw stale(current.revision);
      const before = contentOf(current);
      const after: RiskContent = {
        title: body.title?.trim() ?? before.title,
        cause: body.cause?.trim() ?? before.cause,
        consequence: body.consequence?.trim() ?? before.consequence,
        likelihood: body.likelihood ?? before.likelihood,
        impact: body.impact ?? before.impact,
        treatment: body.treatment === undefined ? before.treatment : body.treatment?.trim() || null,
        actionIds: body.actionIds ?? before.actionIds,
        residualLikelihood: body.residualLikelihood === undefined ? before.residualLikelihood : body.residualLikelihood,
        residualImpact: body.residualImpact === undefined ? before.residualImpact : body.residualImpact,
        ownerId: body.ownerId ?? before.ownerId,
        nextReviewOn: body.nextReviewOn ?? before.nextReviewOn,
        status: body.status ?? before.status,
      };
      const change = classifyChange(before, after);
      if (change === null) {
        throw unprocessable('nothing_changed', 'Nothing would change: a review that finds nothing to change sets the next review date', {
          errors: [{ field: 'nextReviewOn', message: 'must be a new date when nothing else changes' }],
        });
      }
      if (before.status === 'closed' && change !== 'reopened') {
        throw conflict('risk_closed', 'The risk is closed: reopen it (status open) to change it', {
          errors: [{ field: 'status', message: 'must be open to change a closed risk' }],
        });
      }
      await this.check(m, after, before);
      const revision = current.revision + 1;
      const reason = body.reason.trim();
      await insertRevision(m, id, revision, change, reason, after, actorId);
      await this.audit.append(m, ctx, {
        action: `risk.${change === 'revised' ? 'revise' : change === 'reviewed' ? 'review' : change === 'closed' ? 'close' : 'reopen'}`,
        entityType: 'risk',
        entityId: id,
        entityVersion: revision,
        reason,
        changes: Object.fromEntries(changedFields(before, after).map((f) => [f, { old: before[f], new: after[f] }])),
      });
      const row = await riskById(m, id);
      const [shown] = await this.present(m, ctx, [row!], this.clock.today());
      return shown;
    });
  }

  /**
   * Plans an action that carries out the treatment and links it to the risk, in one transaction:
   * the action (no deviation; its own life cycle and effectiveness check) and a revision of the
   * risk listing it, each audited. Who may revise the risk may plan it; the owner of the action
   * must be someone who can act (a quality manager or programme leader).
   */
  async planAction(ctx: RequestContext, id: string, body: PlanRiskActionRequest, expectedVersion: number): Promise<RiskResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const current = await this.visibleRisk(m, ctx, id, true);
      if (!this.mayRevise(ctx, current, await this.led(m, ctx))) {
        throw forbidden('risk_not_allowed', 'Only a quality manager, the owner of the risk or a leader of its programme revises it');
      }
      if (current.revision !== expectedVersion) throw stale(current.revision);
      if (current.status === 'closed') {
        throw conflict('risk_closed', 'The risk is closed: reopen it (status open) to change it', {
          errors: [{ field: 'status', message: 'must be open to plan an action' }],
        });
      }
      const action = await this.actions.insert(m, ctx, {
        deviationIds: [],
        type: body.type,
        description: body.description.trim(),
        ownerId: body.ownerId,
        dueDate: body.dueDate,
        effectivenessCriterion: body.effectivenessCriterion.trim(),
        effectivenessCheckAfterDays: body.effectivenessCheckAfterDays,
        source: { kind: 'risk', id, text: current.title },
      });
      const before = contentOf(current);
      const after: RiskContent = { ...before, actionIds: [...before.actionIds, action.id] };
      const revision = current.revision + 1;
      const reason = `Action ${action.reference} planned to carry out the treatment`;
      await insertRevision(m, id, revision, 'revised', reason, after, actorId);
      await this.audit.append(m, ctx, {
        action: 'risk.revise',
        entityType: 'risk',
        entityId: id,
        entityVersion: revision,
        reason,
        changes: { actionIds: { old: before.actionIds, new: after.actionIds } },
      });
      const row = await riskById(m, id);
      const [shown] = await this.present(m, ctx, [row!], this.clock.today());
      return shown;
    });
  }

  /**
   * What must hold of a revision's content, each failure naming its field: a residual rating
   * complete or absent, a review date to come (checked when it moves), an owner who can act on
   * it, actions that exist.
   */
  private async check(m: EntityManager, c: RiskContent, before: RiskContent | null): Promise<void> {
    const field = (name: string, message: string) => ({ errors: [{ field: name, message }] });
    if ((c.residualLikelihood === null) !== (c.residualImpact === null)) {
      const missing = c.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
      throw unprocessable(
        'residual_incomplete',
        'The rating after treatment needs both likelihood and impact, or neither while it is not assessed',
        field(missing, 'is required with the other residual rating'),
      );
    }
    if (c.status === 'open' && (!before || before.nextReviewOn !== c.nextReviewOn || before.status === 'closed')) {
      const days = daysBetween(this.clock.today(), c.nextReviewOn);
      if (days < 0)
        throw unprocessable(
          'review_in_past',
          'The next review cannot be planned on a day that has passed',
          field('nextReviewOn', 'must be today or later'),
        );
      if (days > MAX_REVIEW_DAYS)
        throw unprocessable(
          'review_too_far',
          'The next review is more than two years away',
          field('nextReviewOn', 'must be within two years'),
        );
    }
    if (!before || before.ownerId !== c.ownerId) {
      const [owner] = await rolesOfUsers(m, [c.ownerId]);
      if (!owner || !(await isActiveUser(m, c.ownerId))) {
        throw unprocessable('unknown_owner', 'The owner named is not an active user', field('ownerId', 'must be an active user'));
      }
      if (!hasAnyRole(owner.roles, OWNER_ROLES)) {
        throw unprocessable(
          'risk_owner_cannot_act',
          'The owner of a risk must be a quality manager, programme leader or board member: someone who can act on it',
          field('ownerId', 'must be a quality manager, programme leader or board member'),
        );
      }
    }
    const added = c.actionIds.filter((a) => !before?.actionIds.includes(a));
    if (added.length) {
      const found = new Set((await actionsByIds(m, added)).map((a) => a.id));
      const unknown = added.filter((a) => !found.has(a));
      if (unknown.length) {
        throw unprocessable(
          'unknown_action',
          `No action has the id ${unknown.join(', ')}`,
          field('actionIds', 'must name existing actions'),
        );
      }
    }
  }

  /** The risk, when the caller may see it; 404 otherwise (a hidden risk answers like a missing one). */
  private async visibleRisk(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<RiskRow> {
    const row = await riskById(m, id, lock);
    if (!row || !(await this.sees(m, ctx, row))) throw notFound('Risk');
    return row;
  }

  /** Everyone who reads programmes sees the organisation's risks; a leader sees their programmes' and those they own. */
  private async sees(m: EntityManager, ctx: RequestContext, row: RiskRow): Promise<boolean> {
    const visibility = await this.visibility(m, ctx);
    if (!visibility || row.programmeId === null || row.ownerId === ctx.actor.id) return true;
    return (visibility.params[0] as string[]).includes(row.programmeId);
  }

  private async visibility(m: EntityManager, ctx: RequestContext): Promise<{ sql: string; params: unknown[] } | null> {
    if (!this.access.visibilityFilter(ctx)) return null;
    const programmes = await this.access.visibleIds(m, ctx);
    return { sql: `(r.programme_id IS NULL OR r.programme_id = ANY($1::uuid[]) OR rv.owner_id = $2)`, params: [programmes, ctx.actor.id] };
  }

  /**
   * Whether the caller may revise the risk: a quality manager, its owner (while they hold a role
   * that owns risks), or a leader of its programme (`led`: the programmes the caller leads).
   */
  private mayRevise(ctx: RequestContext, row: RiskRow, led: readonly string[]): boolean {
    if (hasAnyRole(ctx.actor.roles, ['quality_manager'])) return true;
    if (row.ownerId === ctx.actor.id && hasAnyRole(ctx.actor.roles, OWNER_ROLES)) return true;
    return row.programmeId !== null && ctx.actor.roles.includes('programme_leader') && led.includes(row.programmeId);
  }

  private async led(m: EntityManager, ctx: RequestContext): Promise<string[]> {
    return ctx.actor.roles.includes('programme_leader') && this.access.visibilityFilter(ctx) ? this.access.visibleIds(m, ctx) : [];
  }

  private async present(m: EntityManager, ctx: RequestContext, rows: RiskRow[], today: string): Promise<RiskResponse[]> {
    const names = await this.names(
      m,
      rows.flatMap((r) => [r.ownerId, r.recordedBy]),
    );
    const programmes = new Map(
      (await programmesByIds(m, [...new Set(rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])))])).map((p) => [p.id, p.name]),
    );
    const led = await this.led(m, ctx);
    return rows.map((r) => toRiskResponse(r, { names, programmes, today, mayRevise: this.mayRevise(ctx, r, led) }));
  }

  private names(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    return userNames(m, [...new Set(ids)]);
  }

  private actorId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new Error('a risk is recorded by a person');
    return ctx.actor.id;
  }
}

export function contentOf(r: RiskRow): RiskContent {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, r[f]])) as unknown as RiskContent;
}
