import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock, dayInFuture } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/problem.js';
import { allocateReference } from '../common/references.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import { actionCountsByDeviation, actionsByIds } from '../corrective-actions/corrective-actions.queries.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { deviationsByIds } from '../deviations/deviations.queries.js';
import { DeviationsService } from '../deviations/deviations.service.js';
import { programmesByIds, programmesLedBy } from '../programmes/programmes.queries.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import { userNames } from '../users/users.queries.js';
import { allows, isHandled, neededState } from './audit-rules.js';
import type { AuditUse } from './audit-rules.js';
import { checkContent, checkSample, checkStartable, checkTeam, checklistFor } from './audit-checks.js';
import type {
  AnswerItemRequest,
  AuditListResponse,
  AuditPermissions,
  AuditQuery,
  AuditResponse,
  ChecklistItemResponse,
  CloseAuditRequest,
  PlanAuditRequest,
  RecordFindingRequest,
  SignReportRequest,
  StartAuditRequest,
  UpdateAuditRequest,
} from './internal-audit.dto.js';
import { toAuditResponse, toAuditSummaryResponse, toChecklistItemResponse, toFindingResponse } from './internal-audit.mapper.js';
import {
  CONTENT_FIELDS,
  answersOf,
  auditById,
  findingsOf,
  insertAnswer,
  insertAudit,
  insertFinding,
  insertItems,
  itemsOf,
  markClosed,
  markReported,
  markStarted,
  searchAudits,
  updateAuditContent,
} from './internal-audits.queries.js';
import type { AuditContent, AuditRow, FindingRow } from './internal-audits.queries.js';

const RECORD_TYPE = 'internal_audit';
/** What the lead auditor's signature on the report means. */
const REPORT_MEANING = 'audit report';

/**
 * Internal audits (ISO 9001 9.2). Quality managers plan the year's programme and start each
 * audit; the lead auditor and team answer the checklist and record findings (a nonconformity
 * opens a deviation, an opportunity an improvement action, in the same transaction); the lead
 * auditor signs the report; the audit closes once its findings are handled. Every write locks
 * the audit row first (so two answers or two closes run one after the other), then the deviation
 * or action it opens; each is audited in the same transaction.
 */
@Injectable()
export class InternalAuditsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly signatures: SignaturesService,
    private readonly deviations: DeviationsService,
    private readonly actions: CorrectiveActionsService,
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
    const programmes = await this.programmeNames(m, rows);
    return { items: rows.map((r) => toAuditSummaryResponse(r, { names, programmes, today })) };
  }

  async get(ctx: RequestContext, id: string): Promise<AuditResponse> {
    const m = this.dataSource.manager;
    return this.detail(m, ctx, await this.readable(m, ctx, id));
  }

  async plan(ctx: RequestContext, body: PlanAuditRequest): Promise<AuditResponse> {
    const actorId = this.actorId(ctx);
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
      return this.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  async update(ctx: RequestContext, id: string, body: UpdateAuditRequest, expected: number): Promise<AuditResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockFor(m, ctx, id, 'edit');
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
      return this.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /** Starts the audit: independence judged again on the period, the checklist generated from what is in force now. */
  async start(ctx: RequestContext, id: string, body: StartAuditRequest, expected: number | undefined): Promise<AuditResponse> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockFor(m, ctx, id, 'start');
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
      return this.detail(m, ctx, (await auditById(m, id))!);
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
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await this.lockFor(m, ctx, id, 'record');
      this.requireTeam(ctx, audit);
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

  /**
   * Records a finding on checklist items. A nonconformity opens a deviation (source
   * `internal_audit`, in the audited programme); an opportunity for improvement opens an
   * improvement action without a deviation. The audit row is locked before either is inserted.
   */
  async recordFinding(ctx: RequestContext, id: string, body: RecordFindingRequest): Promise<AuditResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await this.lockFor(m, ctx, id, 'record');
      this.requireTeam(ctx, audit);
      const items = new Set((await itemsOf(m, id)).map((i) => i.id));
      const foreign = body.itemIds.filter((i) => !items.has(i));
      if (foreign.length) {
        throw unprocessable('unknown_checklist_item', `Not an item of this audit's checklist: ${foreign.join(', ')}`, {
          errors: [{ field: 'itemIds', message: `names items that are not on this audit's checklist: ${foreign.join(', ')}` }],
        });
      }
      const incomplete = (field: string, message: string, detail: string) =>
        unprocessable('finding_incomplete', detail, { errors: [{ field, message }] });
      if (body.kind === 'nonconformity' && !body.grade)
        throw incomplete('grade', 'is required for a nonconformity', 'A nonconformity is graded major or minor');
      if (body.kind !== 'nonconformity' && body.grade)
        throw incomplete('grade', 'is only given for a nonconformity', 'Only a nonconformity is graded');
      if (body.kind === 'opportunity' && !body.action) {
        throw incomplete(
          'action',
          'is required for an opportunity for improvement',
          'An opportunity for improvement opens an improvement action: name its owner, due date and criterion',
        );
      }
      if (body.kind !== 'opportunity' && body.action)
        throw incomplete(
          'action',
          'is only given for an opportunity for improvement',
          'Only an opportunity for improvement opens an action here',
        );
      const programmeId = audit.programmeId ?? body.programmeId ?? null;
      if (body.kind === 'nonconformity' && programmeId === null) {
        throw incomplete(
          'programmeId',
          'is required for a nonconformity of an audit of the whole organisation',
          'Name the programme the nonconformity is recorded in',
        );
      }
      if (body.programmeId && (body.kind !== 'nonconformity' || (audit.programmeId && body.programmeId !== audit.programmeId))) {
        throw incomplete(
          'programmeId',
          'is only given for a nonconformity of an audit of the whole organisation',
          'The programme is the audited one',
        );
      }
      const title = body.title.trim();
      const description = body.description.trim();
      let deviationId: string | null = null;
      let actionId: string | null = null;
      if (body.kind === 'nonconformity') {
        const d = await this.deviations.insert(m, ctx, {
          programmeId: programmeId!,
          title,
          description: `${description}\n\nInternal audit ${audit.reference}: ${audit.title}`,
          severity: body.grade!,
          source: 'internal_audit',
          detectedAt: this.clock.now().toISOString(),
        });
        deviationId = d.id;
      }
      if (body.kind === 'opportunity') {
        const a = await this.actions.insert(m, ctx, {
          deviationIds: [],
          type: 'improvement',
          description: `${title}: ${description} (internal audit ${audit.reference})`,
          ownerId: body.action!.ownerId,
          dueDate: body.action!.dueDate,
          effectivenessCriterion: body.action!.effectivenessCriterion.trim(),
          fieldPrefix: 'action.',
          source: { kind: 'internal_audit', id: audit.id, text: `${audit.reference}: ${title}` },
        });
        actionId = a.id;
      }
      const f = await insertFinding(m, {
        auditId: id,
        kind: body.kind,
        grade: body.grade ?? null,
        title,
        description,
        itemIds: body.itemIds,
        deviationId,
        actionId,
        recordedBy: actorId,
      });
      await this.audit.append(m, ctx, {
        action: 'internal_audit_finding.record',
        entityType: 'internal_audit_finding',
        entityId: f.id,
        entityVersion: 1,
        changes: {
          auditId: { old: null, new: id },
          seq: { old: null, new: f.seq },
          kind: { old: null, new: f.kind },
          grade: { old: null, new: f.grade },
          title: { old: null, new: title },
          itemIds: { old: null, new: f.itemIds },
          ...(deviationId ? { deviationId: { old: null, new: deviationId } } : {}),
          ...(actionId ? { actionId: { old: null, new: actionId } } : {}),
        },
      });
      return this.detail(m, ctx, audit);
    });
  }

  /**
   * The lead auditor signs the report: the password first (outside the transaction), then, with
   * every item answered, the report's content (scope, criteria, team, answers, findings,
   * conclusion) is signed and kept with the signature; no answer or finding is added after it.
   */
  async signReport(ctx: RequestContext, id: string, body: SignReportRequest, expected: number | undefined): Promise<AuditResponse> {
    const peek = await this.readable(this.dataSource.manager, ctx, id);
    this.requireState(peek, 'report');
    this.requireLead(ctx, peek);
    const signer = await this.signatures.confirmSigner(ctx, body.password);
    return this.dataSource.transaction(async (m) => {
      const audit = await this.lockFor(m, ctx, id, 'report');
      this.requireLead(ctx, audit);
      if (expected !== undefined && audit.version !== expected) throw stale(audit.version);
      const items = await itemsOf(m, id);
      const answers = await answersOf(m, id);
      const open = items.filter((i) => !answers.some((a) => a.itemId === i.id));
      if (open.length) {
        throw conflict(
          'checklist_incomplete',
          `${open.length} of ${items.length} checklist items have no answer yet (items ${open.map((i) => i.seq).join(', ')})`,
        );
      }
      const findings = await findingsOf(m, [id]);
      const conclusion = body.conclusion.trim();
      const content = {
        record: RECORD_TYPE,
        reference: audit.reference,
        title: audit.title,
        scope: audit.scope,
        clauses: audit.clauses,
        procedureKeys: audit.procedureKeys,
        processes: audit.processes,
        programmeId: audit.programmeId,
        period: { from: audit.periodFrom, to: audit.periodTo },
        performedOn: audit.performedOn,
        leadAuditorId: audit.leadAuditorId,
        teamIds: audit.teamIds,
        items: items.map((i) => {
          const a = answers.filter((x) => x.itemId === i.id).at(-1)!;
          return { seq: i.seq, result: a.result, revision: a.revision, executionIds: a.executionIds, deviationIds: a.deviationIds };
        }),
        findings: findings.map((f) => ({
          seq: f.seq,
          kind: f.kind,
          grade: f.grade,
          title: f.title,
          deviationId: f.deviationId,
          actionId: f.actionId,
        })),
        conclusion,
      };
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: RECORD_TYPE, recordId: id, recordVersion: audit.version + 1, content },
        REPORT_MEANING,
        null,
      );
      await markReported(m, id, conclusion, signature.id);
      await this.audit.append(m, ctx, {
        action: 'internal_audit.report',
        entityType: RECORD_TYPE,
        entityId: id,
        entityVersion: audit.version + 1,
        changes: {
          state: { old: 'in_progress', new: 'reported' },
          conclusion: { old: null, new: conclusion },
          signature: { old: null, new: signatureForAudit(signature) },
        },
      });
      return this.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /** Closes a reported audit once every finding is handled (see `isHandled`); refused naming the findings still open. */
  async close(ctx: RequestContext, id: string, body: CloseAuditRequest, expected: number | undefined): Promise<AuditResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await this.lockFor(m, ctx, id, 'close');
      if (!this.mayClose(ctx, audit)) throw forbidden('audit_not_allowed', 'Only a quality manager or the lead auditor closes an audit');
      if (expected !== undefined && audit.version !== expected) throw stale(audit.version);
      const findings = await findingsOf(m, [id]);
      const state = await this.findingState(m, findings);
      const open = findings.filter((f) => !state.get(f.id)!.handled);
      if (open.length) {
        const why = open.map((f) =>
          f.kind === 'nonconformity'
            ? `finding ${f.seq} (deviation ${state.get(f.id)!.deviation?.reference} is ${state.get(f.id)!.deviation?.state}: analyse it and plan an action)`
            : `finding ${f.seq} (its improvement action is cancelled)`,
        );
        throw conflict('findings_open', `The audit cannot close while findings are not handled: ${why.join('; ')}`, {
          openFindings: open.map((f) => f.seq),
        });
      }
      const comment = body.comment?.trim() || null;
      await markClosed(m, id, actorId);
      await this.audit.append(m, ctx, {
        action: 'internal_audit.close',
        entityType: RECORD_TYPE,
        entityId: id,
        entityVersion: audit.version + 1,
        reason: comment,
        changes: { state: { old: 'reported', new: 'closed' } },
      });
      return this.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /** The audit, when the caller may read it: quality managers, auditors and board members every audit; the team theirs; leaders their programmes'. */
  private async readable(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<AuditRow> {
    const a = await auditById(m, id, lock);
    if (!a || !(await this.reads(m, ctx, a))) throw notFound('Internal audit');
    return a;
  }

  private async reads(m: EntityManager, ctx: RequestContext, a: AuditRow): Promise<boolean> {
    if (hasAnyRole(ctx.actor.roles, ['quality_manager', 'auditor', 'board_member'])) return true;
    if (this.onTeam(ctx, a)) return true;
    return (
      a.programmeId !== null &&
      ctx.actor.roles.includes('programme_leader') &&
      (await programmesLedBy(m, ctx.actor.id!)).includes(a.programmeId)
    );
  }

  /** Locks the audit row (step 4 of the lock order) and checks the state the use needs. */
  private async lockFor(m: EntityManager, ctx: RequestContext, id: string, use: AuditUse): Promise<AuditRow> {
    const a = await this.readable(m, ctx, id, true);
    this.requireState(a, use);
    return a;
  }

  private requireState(a: AuditRow, use: AuditUse): void {
    if (!allows(a.state, use)) {
      throw conflict(
        'audit_state',
        `Audit ${a.reference} is ${a.state.replace('_', ' ')}: it must be ${neededState(use).replace('_', ' ')} to ${USE_WORDS[use]}`,
      );
    }
  }

  private onTeam(ctx: RequestContext, a: AuditRow): boolean {
    return ctx.actor.id !== null && (a.leadAuditorId === ctx.actor.id || a.teamIds.includes(ctx.actor.id));
  }

  private requireTeam(ctx: RequestContext, a: AuditRow): void {
    if (!this.onTeam(ctx, a)) throw forbidden('not_audit_team', 'Only the lead auditor and the audit team record answers and findings');
  }

  private requireLead(ctx: RequestContext, a: AuditRow): void {
    if (a.leadAuditorId !== ctx.actor.id) throw forbidden('not_lead_auditor', 'Only the lead auditor signs the audit report');
  }

  private mayClose(ctx: RequestContext, a: AuditRow): boolean {
    return hasAnyRole(ctx.actor.roles, ['quality_manager']) || a.leadAuditorId === ctx.actor.id;
  }

  /** Each finding's deviation or action as it stands, and whether the finding is handled. */
  private async findingState(
    m: EntityManager,
    findings: FindingRow[],
  ): Promise<
    Map<
      string,
      {
        deviation: { id: string; reference: string; state: string; programmeId: string } | null;
        action: { id: string; reference: string; state: string } | null;
        handled: boolean;
      }
    >
  > {
    const deviationIds = findings.flatMap((f) => (f.deviationId ? [f.deviationId] : []));
    const deviations = new Map((await deviationsByIds(m, deviationIds)).map((d) => [d.id, d]));
    const counts = await actionCountsByDeviation(m, deviationIds);
    const actions = new Map(
      (
        await actionsByIds(
          m,
          findings.flatMap((f) => (f.actionId ? [f.actionId] : [])),
        )
      ).map((a) => [a.id, a]),
    );
    return new Map(
      findings.map((f) => {
        const d = f.deviationId ? deviations.get(f.deviationId) : undefined;
        const a = f.actionId ? actions.get(f.actionId) : undefined;
        const deviation = d ? { id: d.id, reference: d.reference, state: d.state, programmeId: d.programmeId } : null;
        const action = a ? { id: a.id, reference: a.reference, state: a.state } : null;
        return [f.id, { deviation, action, handled: isHandled(f, d ? { state: d.state, actions: counts.get(d.id) ?? 0 } : null, action) }];
      }),
    );
  }

  private async detail(m: EntityManager, ctx: RequestContext, a: AuditRow): Promise<AuditResponse> {
    const items = await itemsOf(m, a.id);
    const answers = await answersOf(m, a.id);
    const findings = await findingsOf(m, [a.id]);
    const state = await this.findingState(m, findings);
    const names = await userNames(m, [
      ...new Set([
        ...(a.leadAuditorId ? [a.leadAuditorId] : []),
        ...a.teamIds,
        ...answers.map((x) => x.recordedBy),
        ...findings.map((f) => f.recordedBy),
      ]),
    ]);
    const signature = a.reportSignatureId
      ? ((await this.signatures.listFor(RECORD_TYPE, [a.id], m)).find((s) => s.id === a.reportSignatureId) ?? null)
      : null;
    const isQm = hasAnyRole(ctx.actor.roles, ['quality_manager']);
    const may: AuditPermissions = {
      manage: isQm && a.state === 'planned',
      record: this.onTeam(ctx, a) && a.state === 'in_progress',
      sign: a.leadAuditorId === ctx.actor.id && a.state === 'in_progress',
      close: this.mayClose(ctx, a) && a.state === 'reported',
    };
    return toAuditResponse(a, {
      names,
      programmes: await this.programmeNames(m, [a]),
      today: this.clock.today(),
      items: items.map((i) =>
        toChecklistItemResponse(
          i,
          answers.filter((x) => x.itemId === i.id),
          names,
        ),
      ),
      findings: findings.map((f) => toFindingResponse(f, { names, ...state.get(f.id)! })),
      signature: signature
        ? {
            signerName: signature.signerName,
            meaning: signature.meaning,
            signedAt: signature.signedAt.toISOString(),
            contentHash: signature.contentHash,
          }
        : null,
      may,
    });
  }

  private async programmeNames(m: EntityManager, rows: AuditRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])))];
    return new Map((await programmesByIds(m, ids)).map((p) => [p.id, p.name]));
  }

  private actorId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new Error('an internal audit is recorded by a person');
    return ctx.actor.id;
  }
}

const USE_WORDS: Record<AuditUse, string> = {
  edit: 'change its plan',
  start: 'start it',
  record: 'record answers and findings',
  report: 'sign its report',
  close: 'close it',
};

function contentOf(a: AuditRow): AuditContent {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, a[f]])) as unknown as AuditContent;
}
