import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { RequestContext } from '../../common/request-context.js';
import { deviationsByIds } from '../../deviations/deviations.queries.js';
import { InternalAuditsService } from '../../internal-audits/internal-audits.service.js';
import { localise } from '../i18n.js';
import type { InternalAuditReportModel } from '../models/internal-audit-report.js';
import { reportHeader } from './report-header.js';
import type { ReportRequest } from './report-header.js';

/** Builds an internal audit's report from the audit as its reader sees it (the same access rule: 404 to others). */
@Injectable()
export class InternalAuditReportBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audits: InternalAuditsService,
  ) {}

  async build(ctx: RequestContext, id: string, req: ReportRequest): Promise<InternalAuditReportModel> {
    const a = await this.audits.get(ctx, id);
    const sampledDeviations = [...new Set(a.items.flatMap((i) => i.answer?.deviationIds ?? []))];
    const references = new Map((await deviationsByIds(this.dataSource.manager, sampledDeviations)).map((d) => [d.id, d.reference]));
    const ref = (id: string) => references.get(id) ?? id;
    const seqOf = new Map(a.items.map((i) => [i.id, i.seq]));
    return {
      kind: 'internal_audit_report',
      ...reportHeader(ctx, req, this.clock.timeZone),
      audit: {
        reference: a.reference,
        title: a.title,
        state: a.state,
        year: a.year,
        plannedMonth: a.plannedMonth,
        performedOn: a.performedOn,
        programmeName: a.programmeName,
        processes: a.processes,
        procedureKeys: a.procedureKeys,
        clauses: a.items.filter((i) => i.clause !== null).map((i) => ({ number: i.clause!, title: localise(i.title, req.lang) })),
        scope: a.scope,
        periodFrom: a.periodFrom,
        periodTo: a.periodTo,
        leadAuditor: a.leadAuditor?.name ?? null,
        team: a.team.map((p) => p.name),
        conclusion: a.conclusion,
      },
      items: a.items.map((i) => ({
        seq: i.seq,
        title: localise(i.title, req.lang),
        ref: i.clause ?? `${i.procedureKey} v${i.versionNumber} ${i.stepKey}`,
        result: i.answer?.result ?? null,
        notes: i.answer?.notes ?? null,
        executions: i.answer?.executionIds.length ?? 0,
        deviations: (i.answer?.deviationIds ?? []).map(ref).sort(),
      })),
      sample: {
        executions: new Set(a.items.flatMap((i) => i.answer?.executionIds ?? [])).size,
        deviations: sampledDeviations.map(ref).sort(),
      },
      findings: a.findings.map((f) => ({
        seq: f.seq,
        kind: f.kind,
        grade: f.grade,
        title: f.title,
        description: f.description,
        items: f.itemIds.map((x) => seqOf.get(x) ?? 0).sort((p, q) => p - q),
        opened: f.deviation
          ? `${f.deviation.reference} (${f.deviation.state})`
          : f.action
            ? `${f.action.reference} (${f.action.state})`
            : null,
        handled: f.handled,
      })),
      signature: a.reportSignature
        ? {
            signerName: a.reportSignature.signerName,
            meaning: a.reportSignature.meaning,
            comment: null,
            signedAt: a.reportSignature.signedAt,
            contentHash: a.reportSignature.contentHash,
          }
        : null,
      reportedAt: a.reportedAt,
    };
  }
}
