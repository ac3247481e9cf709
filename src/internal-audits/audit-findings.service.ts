import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { DeviationsService } from '../deviations/deviations.service.js';
import { actorIdOf, lockAudit, requireTeam } from './audit-access.js';
import { AuditViews } from './audit-views.service.js';
import type { AuditResponse, RecordFindingRequest } from './internal-audit.dto.js';
import { insertFinding, itemsOf } from './internal-audits.queries.js';

/** Findings of an internal audit (ISO 9001 9.2.2 c-d): each, in the audit's transaction, opens what handles it. */
@Injectable()
export class AuditFindingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deviations: DeviationsService,
    private readonly actions: CorrectiveActionsService,
    private readonly views: AuditViews,
  ) {}

  /**
   * Records a finding on checklist items. A nonconformity opens a deviation (source
   * `internal_audit`, in the audited programme); an opportunity for improvement opens an
   * improvement action without a deviation. The audit row is locked before either is inserted.
   */
  async recordFinding(ctx: RequestContext, id: string, body: RecordFindingRequest): Promise<AuditResponse> {
    const actorId = actorIdOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await lockAudit(m, ctx, id, 'record');
      requireTeam(ctx, audit);
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
      return this.views.detail(m, ctx, audit);
    });
  }
}
