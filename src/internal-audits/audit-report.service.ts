import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { stale } from '../common/etag.js';
import { conflict, forbidden } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import { RECORD_TYPE, actorIdOf, lockAudit, mayClose, readableAudit, requireLead, requireState } from './audit-access.js';
import { AuditViews } from './audit-views.service.js';
import type { AuditResponse, CloseAuditRequest, SignReportRequest } from './internal-audit.dto.js';
import { answersOf, auditById, findingsOf, itemsOf, markClosed, markReported } from './internal-audits.queries.js';

/** What the lead auditor's signature on the report means. */
const REPORT_MEANING = 'audit report';

/** The end of an internal audit: the lead auditor signs the report (ISO 9001 9.2.2 e); the audit closes once its findings are handled. */
@Injectable()
export class AuditReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly views: AuditViews,
  ) {}

  /**
   * The lead auditor signs the report: the password first (outside the transaction), then, with
   * every item answered, the report's content (scope, criteria, team, answers, findings,
   * conclusion) is signed and kept with the signature; no answer or finding is added after it.
   */
  async signReport(ctx: RequestContext, id: string, body: SignReportRequest, expected: number | undefined): Promise<AuditResponse> {
    const peek = await readableAudit(this.dataSource.manager, ctx, id);
    requireState(peek, 'report');
    requireLead(ctx, peek);
    const signer = await this.signatures.confirmSigner(ctx, body.password);
    return this.dataSource.transaction(async (m) => {
      const audit = await lockAudit(m, ctx, id, 'report');
      requireLead(ctx, audit);
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
      return this.views.detail(m, ctx, (await auditById(m, id))!);
    });
  }

  /** Closes a reported audit once every finding is handled (see `isHandled`); refused naming the findings still open. */
  async close(ctx: RequestContext, id: string, body: CloseAuditRequest, expected: number | undefined): Promise<AuditResponse> {
    const actorId = actorIdOf(ctx);
    return this.dataSource.transaction(async (m) => {
      const audit = await lockAudit(m, ctx, id, 'close');
      if (!mayClose(ctx, audit)) throw forbidden('audit_not_allowed', 'Only a quality manager or the lead auditor closes an audit');
      if (expected !== undefined && audit.version !== expected) throw stale(audit.version);
      const findings = await findingsOf(m, [id]);
      const state = await this.views.findingState(m, findings);
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
      return this.views.detail(m, ctx, (await auditById(m, id))!);
    });
  }
}
