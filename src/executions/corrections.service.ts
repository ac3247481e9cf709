import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../common/canonical.js';
import { conflict, forbidden, notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import { userNames } from '../users/users.queries.js';
import { ExecutionsService, latestJudgement, refuseCancelled } from './executions.service.js';
import type { Proposal } from './executions.service.js';
import { correctionRows } from './corrections.queries.js';
import type { CorrectionRow } from './corrections.queries.js';
import type { ExecutionResponse, PendingCorrectionResponse } from './execution.dto.js';
import { ExecutionViewService } from './execution-view.service.js';

/** The meaning of the signature with which a quality manager puts a held correction in force. */
export const CORRECTION_APPROVAL_MEANING = 'correction approval';

/**
 * Decisions on corrections held because they would turn a nonconforming execution into a
 * conforming one. Only a quality manager decides, and not on a correction they asked for
 * themselves: the nonconformity disappears from every count once approved, so someone other than
 * the person who changed the record must look at it (as with approving a procedure version or
 * judging a corrective action's effectiveness). Approval is signed; rejection needs a reason.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly executions: ExecutionsService,
    private readonly signatures: SignaturesService,
    private readonly views: ExecutionViewService,
  ) {}

  async approve(
    ctx: RequestContext,
    executionId: string,
    correctionId: string,
    input: { reason: string; password: string },
  ): Promise<ExecutionResponse> {
    // Refuse early what cannot succeed, so the password is not checked (nor counted) for nothing.
    await this.decidable(this.dataSource.manager, ctx, executionId, correctionId, 'approve');
    const signer = await this.signatures.confirmSigner(ctx, input.password);
    await this.dataSource.transaction(async (m) => {
      const ec = await this.executions.writableExecution(m, ctx, executionId);
      // A cancelled execution changes no more; its pending corrections can still be rejected.
      refuseCancelled(ec);
      const c = await this.decidable(m, ctx, executionId, correctionId, 'approve');
      if (c.supersedes_id && ec.records.some((r) => r.supersedesId === c.supersedes_id))
        throw conflict('record_superseded', 'The record this correction replaces was corrected since; the correction cannot be approved');
      const before = await latestJudgement(m, executionId);
      const proposal: Proposal = {
        kind: c.kind,
        stepKey: c.step_key,
        supersedesId: c.supersedes_id,
        values: c.values,
        performedAt: c.performed_at.toISOString(),
        performedBy: c.performed_by,
        notes: c.notes,
        reason: c.reason,
      };
      const applied = await this.executions.apply(m, ctx, ec, proposal);
      const signature = await this.signatures.sign(
        m,
        signer,
        {
          recordType: 'execution_correction',
          recordId: c.id,
          recordVersion: null,
          content: {
            executionId,
            correctionId: c.id,
            kind: c.kind,
            stepKey: c.step_key,
            supersedesId: c.supersedes_id,
            stepRecordId: applied.recordId,
            valuesHash: await this.audit.personal(canonicalJson(c.values), m),
            performedAt: c.performed_at.toISOString(),
            performedBy: c.performed_by,
            requestedBy: c.requested_by,
            requestedAt: c.requested_at.toISOString(),
            correctionReason: c.reason,
            approvalReason: input.reason,
            conformanceBefore: before?.conformance ?? null,
            findingsBefore: (c.findings_before as { rule: string; stepKey?: string }[]).map((f) => ({
              rule: f.rule,
              stepKey: f.stepKey ?? null,
            })),
            conformanceAfter: applied.judgement?.status ?? null,
          },
        },
        CORRECTION_APPROVAL_MEANING,
        input.reason,
      );
      await m.query(
        `INSERT INTO execution_correction_decision (correction_id, decision, reason, decided_by, signature_id, step_record_id)
         VALUES ($1, 'approved', $2, $3, $4, $5)`,
        [c.id, input.reason, ctx.actor.id, signature.id, applied.recordId],
      );
      await this.audit.append(m, ctx, {
        action: 'execution.approve_correction',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version,
        changes: {
          correctionId: { old: null, new: c.id },
          stepRecordId: { old: c.supersedes_id, new: applied.recordId },
          stepKey: { old: c.supersedes_id ? c.step_key : null, new: c.step_key },
          ...applied.judgementChanges,
          signature: { old: null, new: signatureForAudit(signature) },
        },
        reason: input.reason,
      });
      await applied.detect();
    });
    return this.views.get(ctx, executionId);
  }

  async reject(ctx: RequestContext, executionId: string, correctionId: string, input: { reason: string }): Promise<ExecutionResponse> {
    await this.dataSource.transaction(async (m) => {
      const ec = await this.executions.writableExecution(m, ctx, executionId);
      const c = await this.decidable(m, ctx, executionId, correctionId, 'reject');
      await m.query(
        `INSERT INTO execution_correction_decision (correction_id, decision, reason, decided_by) VALUES ($1, 'rejected', $2, $3)`,
        [c.id, input.reason, ctx.actor.id],
      );
      await this.audit.append(m, ctx, {
        action: 'execution.reject_correction',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version,
        changes: { correctionId: { old: null, new: c.id }, decision: { old: 'pending', new: 'rejected' } },
        reason: input.reason,
      });
    });
    return this.views.get(ctx, executionId);
  }

  /** Pending corrections in the programmes the caller may read, oldest first. */
  async pending(ctx: RequestContext): Promise<PendingCorrectionResponse[]> {
    const m = this.dataSource.manager;
    const filter = this.access.visibilityFilter(ctx);
    const rows = await correctionRows(m, { pendingOnly: true, visibility: filter });
    const names = await userNames(m, [...new Set(rows.map((r) => r.requested_by))]);
    return rows.map((r) => ({
      id: r.id,
      executionId: r.execution_id,
      programmeId: r.programme_id,
      procedureKey: r.procedure_key,
      subjectLabel: r.subject_label,
      kind: r.kind,
      stepKey: r.step_key,
      reason: r.reason,
      requestedById: r.requested_by,
      requestedByName: names.get(r.requested_by) ?? null,
      requestedAt: r.requested_at.toISOString(),
    }));
  }

  /** The correction, pending, of this execution; and for an approval, not the caller's own. */
  private async decidable(
    m: EntityManager,
    ctx: RequestContext,
    executionId: string,
    correctionId: string,
    decision: 'approve' | 'reject',
  ): Promise<CorrectionRow> {
    const [c] = await correctionRows(m, { executionId, correctionId });
    if (!c) throw notFound('Correction');
    // Quality managers reach every programme; the check keeps the rule in one place.
    await this.access.readable(m, ctx, c.programme_id, { what: 'Correction' });
    if (c.decision)
      throw conflict('correction_decided', `The correction was already ${c.decision} on ${c.decided_at!.toISOString()}`, {
        decision: c.decision,
      });
    if (decision === 'approve' && c.requested_by === ctx.actor.id)
      throw forbidden('requester_cannot_approve', 'You asked for this correction: another quality manager must approve it');
    return c;
  }
}
