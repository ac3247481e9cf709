import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/problem.js';
import type { RequestContext } from '../../common/request-context.js';
import { actionsByIds } from '../../corrective-actions/corrective-actions.queries.js';
import { programmesByIds } from '../../programmes/programmes.queries.js';
import { band, heatMap, score } from '../../risks/risk-rating.js';
import { registerRisks, revisionsOfRisks } from '../../risks/risks.queries.js';
import { userNames } from '../../users/users.queries.js';
import type { RiskRegisterModel } from '../models/risk-register.js';
import { reportHeader } from './report-header.js';
import type { ReportRequest } from './report-header.js';

export interface RiskRegisterRequest extends ReportRequest {
  programmeId?: string;
}

/** Builds the register of risks and opportunities: heat maps of the open ones, every risk with its history. */
@Injectable()
export class RiskRegisterBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async build(ctx: RequestContext, req: RiskRegisterRequest): Promise<RiskRegisterModel> {
    const m = this.dataSource.manager;
    const [programme] = req.programmeId ? await programmesByIds(m, [req.programmeId]) : [];
    if (req.programmeId && !programme) throw notFound('Programme');
    const rows = await registerRisks(m, req.programmeId ?? null);
    const revisions = await revisionsOfRisks(
      m,
      rows.map((r) => r.id),
    );
    const actions = new Map((await actionsByIds(m, [...new Set(rows.flatMap((r) => r.actionIds))])).map((a) => [a.id, a]));
    const names = await userNames(m, [...rows.map((r) => r.ownerId), ...revisions.map((r) => r.recordedBy)]);
    const programmes = new Map(
      (await programmesByIds(m, [...new Set(rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])))])).map((p) => [p.id, p.name]),
    );
    const today = this.clock.today();
    const open = (kind: 'risk' | 'opportunity') => rows.filter((r) => r.kind === kind && r.status === 'open');
    return {
      kind: 'risk_register',
      ...reportHeader(ctx, req, this.clock.timeZone),
      programmeName: programme?.name ?? null,
      heatMaps: { risk: heatMap(open('risk')), opportunity: heatMap(open('opportunity')) },
      risks: rows.map((r) => {
        const s = score(r.likelihood, r.impact);
        return {
          reference: r.reference,
          kind: r.kind,
          title: r.title,
          programmeName: r.programmeId ? (programmes.get(r.programmeId) ?? null) : null,
          cause: r.cause,
          consequence: r.consequence,
          likelihood: r.likelihood,
          impact: r.impact,
          score: s,
          band: band(s),
          residualLikelihood: r.residualLikelihood,
          residualImpact: r.residualImpact,
          residualScore: r.residualLikelihood === null || r.residualImpact === null ? null : score(r.residualLikelihood, r.residualImpact),
          treatment: r.treatment,
          actions: r.actionIds.flatMap((id) => {
            const a = actions.get(id);
            return a ? [{ reference: a.reference, state: a.state }] : [];
          }),
          ownerName: names.get(r.ownerId) ?? '',
          nextReviewOn: r.nextReviewOn,
          reviewOverdue: r.status === 'open' && r.nextReviewOn < today,
          status: r.status,
          revisions: revisions
            .filter((v) => v.riskId === r.id)
            .map((v) => ({
              revision: v.revision,
              change: v.change,
              reason: v.reason,
              recordedByName: names.get(v.recordedBy) ?? '',
              recordedAt: v.recordedAt.toISOString(),
            })),
        };
      }),
    };
  }
}
