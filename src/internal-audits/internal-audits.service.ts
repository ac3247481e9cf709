import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock, dayInFuture } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { notFound, unprocessable } from '../common/problem.js';
import { allocateReference } from '../common/references.js';
import type { RequestContext } from '../common/request-context.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import { userNames } from '../users/users.queries.js';
import { RECORD_TYPE, actorIdOf, lockAudit, readableAudit, requireTeam } from './audit-access.js';
import { checkContent, checkSample, checkStartable, checkTeam, checklistFor } from './audit-checks.js';
import { AuditViews } from './audit-views.service.js';
import type {
  AnswerItemRequest,
  AuditListResponse,
  AuditQuery,
  AuditResponse,
  ChecklistItemResponse,
  PlanAuditRequest,
  StartAuditRequest,
  UpdateAuditRequest,
} from './internal-audit.dto.js';
import { toAuditSummaryResponse, toChecklistItemResponse } from './internal-audit.mapper.js';
import {
  CONTENT_FIELDS,
  answersOf,
  auditById,
  insertAnswer,
  insertAudit,
  insertItems,
  itemsOf,
  markStarted,
  searchAudits,
  updateAuditContent,
} from './internal-audits.queries.js';
import type { AuditContent, AuditRow } from './internal-audits.queries.js';

/**
 * Internal audits (ISO 9001 9.2): quality managers plan the year's programme and start each audit;
 * the lead auditor and team answer the checklist. Findings are `AuditFindingsService`'s, the signed
 * report and the close `AuditReportService`'s; who may do what is `audit-access.ts`. Every write
 * locks the audit row first (so two answers or two closes run one after the other), and is audited
 * in the same transaction.
 */
@Injectable()
export class InternalAuditsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly signatures: SignaturesService,
    private readonly views: AuditViews,
  ) {}

  /** The programme of audits: every signed-in person reads what is planned and its state. */
  async list(ctx: RequestContext, q: AuditQuery): Promise<AuditListResponse> {
    const m = this.dataSource.manager;
    const today = this.clock.today();
    const rows = await searchAudits(m, {
      year: q.year,
      state: q.due ? 'planned' : q.state,
      dueBy: q.due ? Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) : undefined,
      deviationId: q.deviationId,
    });
    const names = await userNames(m, [...new Set(rows.flatMap((r) => (r.leadAuditorId ? [r.leadAuditorId] : [])))]);
    const programmes = await this.views.programmeNames(m, rows);
    return { items: rows.map((r) => toAuditSummaryResponse(r, { names, programmes, today })) };
  }

  async get(ctx: RequestContext, id: string): Promise<AuditResponse> {
    const m = this.dataSource.manager;
    return this.views.detail(m, ctx, await readableAudit(m, ctx, id));
  }

  async plan(ctx: RequestContext, body: PlanAuditRequest): Promise<AuditResponse> {
    const actorId = actorIdOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const content: AuditContent = {
        title: body.title.trim(),
        processes: (body.processes ?? []).map((p) => p.trim()),
        procedureKeys: body.procedureKeys ?? [],
        programmeId: body.programmeId ?? null,
        plannedMonth: body.plannedMonth,
        importance: body.importance,
        previousResults: body.previousResults?.trim() || null,
        scope: body.scope?.trim() || null,
        clauses: body.clauses ?? [],
        periodFrom: body.periodFrom ?? null,
        periodTo: body.periodTo ?? null,
        plannedOn: body.plannedOn ?? null,
        leadAuditorId: body.leadAuditorId ?? null,
        teamIds: body.teamIds ?? [],
      };
      await checkContent(m, content);
      await checkTeam(m, this.signatures, content);
      const reference = await allocateReference(m, 'IA', body.year);
      const id = await insertAudit(m, { ...content, reference, year: body.year, createdBy: actorId });
      await this.audit.append(m, ctx, {
        action: 'internal_audit.plan',
        entityType: RECORD_TYPE,
        entityId: id,
        entityVersion: 1,
        changes: {
          reference: { old: null, new: reference },
          year: { old: null, new: body.year },
          state: { old: null, new: 'planned' },
          ...Object.fromEntries(CONTENT_FIELDS.map((f) => [f, { old: null, new: content[f] }])),
        },
      });
      return this.views.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  async update(ctx: RequestContext, id: string, body: UpdateAuditRequest, expected: number): Promise<AuditResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await lockAudit(m, ctx, id, 'edit');
      if (current.version !== expected) throw stale(current.version);
      const before = contentOf(current);
      const pick = <K extends keyof AuditContent>(k: K, v: AuditContent[K] | undefined): AuditContent[K] =>
        v === undefined ? before[k] : v;
      const after: AuditContent = {
        title: pick('title', body.title?.trim()),
        processes: pick(
          'processes',
          body.processes?.map((p) => p.trim()),
        ),
        procedureKeys: pick('procedureKeys', body.procedureKeys),
        programmeId: pick('programmeId', body.programmeId),
        plannedMonth: pick('plannedMonth', body.plannedMonth),
        importance: pick('importance', body.importance),
        previousResults: pick('previousResults', body.previousResults === undefined ? undefined : body.previousResults?.trim() || null),
        scope: pick('scope', body.scope === undefined ? undefined : body.scope?.trim() || null),
        clauses: pick('clauses', body.clauses),
        periodFrom: pick('periodFrom', body.periodFrom),
        periodTo: pick('periodTo', body.periodTo),
        plannedOn: pick('plannedOn', body.plannedOn),
        leadAuditorId: pick('leadAuditorId', body.leadAuditorId),
        teamIds: pick('teamIds', body.teamIds),
      };
      const changed = CONTENT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (changed.length === 0) {
        throw unprocessable('nothing_changed', 'Nothing would change', {
          errors: [{ field: '', message: 'must change at least one field' }],
        });
      }
      await checkContent(m, after);
      await checkTeam(m, this.signatures, after);
      if (!(await updateAuditContent(m, id, expected, after))) throw stale(undefined);
      await this.audit.append(m, ctx, {
        action: 'internal_audit.update',
        entityType: RECORD_TYPE,
        entityId: id,
        entityVersion: expected + 1,
        changes: Object.fromEntries(changed.map((f) => [f, { old: before[f], new: after[f] }])),
      });
      return this.views.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /** Starts the audit: independence judged again on the period, the checklist generated from what is in force now. */
  async start(ctx: RequestContext, id: string, body: StartAuditRequest, expected: number | undefined): Promise<AuditResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await lockAudit(m, ctx, id, 'start');
      if (expected !== undefined && current.version !== expected) throw stale(current.version);
      const content = contentOf(current);
      checkStartable(content);
      await checkTeam(m, this.signatures, content);
      const today = this.clock.today();
      const performedOn = body.performedOn ?? today;
      if (performedOn > today) throw dayInFuture('performedOn', performedOn, today);
      const items = await checklistFor(m, content);
      await insertItems(m, id, items);
      await markStarted(m, id, performedOn);
      await this.audit.append(m, ctx, {
        action: 'internal_audit.start',
        entityType: RECORD_TYPE,
        entityId: id,
        entityVersion: current.version + 1,
        changes: {
          state: { old: 'planned', new: 'in_progress' },
          performedOn: { old: null, new: performedOn },
          checklist: {
            old: null,
            new: items.map((i) => (i.kind === 'clause' ? i.clause : `${i.procedureKey} v${i.versionNumber} ${i.stepKey}`)),
          },
        },
      });
      return this.views.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /**
   * Answers a checklist item: a new answer that supersedes the one standing (kept in the
   * history). With If-Match, the revision the auditor last read: two answers given at once on the
   * same reading are not both taken.
   */
  async answer(
    ctx: RequestContext,
    id: string,
    itemId: string,
    body: AnswerItemRequest,
    expectedRevision: number | undefined,
  ): Promise<ChecklistItemResponse> {
    const actorId = actorIdOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await lockAudit(m, ctx, id, 'record');
      requireTeam(ctx, audit);
      const item = (await itemsOf(m, id)).find((i) => i.id === itemId);
      if (!item) throw notFound('Checklist item');
      const before = (await answersOf(m, id)).filter((a) => a.itemId === itemId);
      const revision = before.at(-1)?.revision ?? 0;
      if (expectedRevision !== undefined && expectedRevision !== revision) throw stale(revision);
      const executionIds = body.executionIds ?? [];
      const deviationIds = body.deviationIds ?? [];
      await checkSample(m, audit, executionIds, deviationIds);
      const inserted = await insertAnswer(m, {
        itemId,
        result: body.result,
        notes: body.notes?.trim() || null,
        executionIds,
        deviationIds,
        recordedBy: actorId,
      });
      const previous = before.at(-1);
      await this.audit.append(m, ctx, {
        action: 'internal_audit_item.answer',
        entityType: 'internal_audit_item',
        entityId: itemId,
        entityVersion: inserted.revision,
        changes: {
          auditId: { old: null, new: id },
          result: { old: previous?.result ?? null, new: body.result },
          notes: { old: previous?.notes ?? null, new: body.notes?.trim() || null },
          executionIds: { old: previous?.executionIds ?? null, new: executionIds },
          deviationIds: { old: previous?.deviationIds ?? null, new: deviationIds },
        },
      });
      const answers = (await answersOf(m, id)).filter((a) => a.itemId === itemId);
      return toChecklistItemResponse(item, answers, await userNames(m, [...new Set(answers.map((a) => a.recordedBy))]));
    });
  }
}

function contentOf(a: AuditRow): AuditContent {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, a[f]])) as unknown as AuditContent;
}
