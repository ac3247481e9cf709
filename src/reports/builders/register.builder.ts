import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { daysBetween } from '../../common/calendar.js';
import type { RequestContext } from '../../common/request-context.js';
import { isOverdue } from '../../corrective-actions/action-states.js';
import type { ActionState } from '../../corrective-actions/action-states.js';
import { CorrectiveActionQueriesService } from '../../corrective-actions/corrective-action-queries.service.js';
import { CorrectiveActionsService } from '../../corrective-actions/corrective-actions.service.js';
import type { CorrectiveActionRegisterModel } from '../models/corrective-action-register.js';
import { reportHeader } from './report-header.js';
import type { ReportRequest } from './report-header.js';

export interface RegisterRequest extends ReportRequest {
  state?: ActionState;
  overdue?: boolean;
  programmeId?: string;
}

/** Builds the board's register of corrective actions, with the same filters as the list. */
@Injectable()
export class RegisterBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: CorrectiveActionQueriesService,
    private readonly actions: CorrectiveActionsService,
  ) {}

  async build(ctx: RequestContext, req: RegisterRequest): Promise<CorrectiveActionRegisterModel> {
    const today = this.actions.dayOf(req.generatedAt);
    const ids: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.queries.list(ctx, {
        state: req.state,
        overdue: req.overdue,
        programmeId: req.programmeId,
        today,
        offset,
        limit: 500,
      });
      ids.push(...page.items.map((i) => i.action.id));
      if (!page.nextCursor) break;
    }
    const summaries = (await this.queries.summaries(ids)).sort((a, b) => a.action.reference.localeCompare(b.action.reference));
    const deviations = await this.dataSource.query<
      { corrective_action_id: string; reference: string; title: string; severity: never; state: never }[]
    >(
      `SELECT l.corrective_action_id, d.reference, d.title, d.severity, d.state FROM corrective_action_deviation l JOIN deviation d ON d.id = l.deviation_id
       WHERE l.corrective_action_id = ANY($1) ORDER BY d.reference`,
      [ids],
    );
    const checks = await this.dataSource.query<
      { corrective_action_id: string; verdict: never; occurred_at: Date; evidence: string | null; name: string | null }[]
    >(
      `SELECT DISTINCT ON (t.corrective_action_id) t.corrective_action_id, t.verdict, t.occurred_at, t.evidence, u.name
       FROM corrective_action_transition t LEFT JOIN app_user u ON u.id = t.actor_id
       WHERE t.corrective_action_id = ANY($1) AND t.verdict IS NOT NULL ORDER BY t.corrective_action_id, t.seq DESC`,
      [ids],
    );
    const reviews = await this.dataSource.query<
      { corrective_action_id: string; decision: never; reviewed_at: Date; comment: string; name: string }[]
    >(
      `SELECT r.corrective_action_id, r.decision, r.reviewed_at, r.comment, u.name FROM board_review r JOIN app_user u ON u.id = r.reviewer_id
       WHERE r.corrective_action_id = ANY($1) ORDER BY r.reviewed_at, r.id`,
      [ids],
    );
    const [programme] = req.programmeId
      ? await this.dataSource.query<{ name: string }[]>(`SELECT name FROM programme WHERE id = $1`, [req.programmeId])
      : [];
    return {
      kind: 'corrective_action_register',
      ...reportHeader(ctx, req),
      filters: { programmeName: programme?.name ?? null, states: req.state ? [req.state] : null, overdueOnly: req.overdue ?? null },
      actions: summaries.map(({ action: a, ownerName }) => {
        const check = checks.find((c) => c.corrective_action_id === a.id);
        return {
          reference: a.reference,
          type: a.type,
          state: a.state,
          description: a.description,
          effectivenessCriterion: a.effectivenessCriterion,
          ownerName,
          dueOn: a.dueDate,
          createdAt: a.createdAt.toISOString(),
          implementedAt: a.implementedAt ? a.implementedAt.toISOString() : null,
          closedAt: a.closedAt ? a.closedAt.toISOString() : null,
          overdueDays: isOverdue(a.state, a.dueDate, today) ? daysBetween(a.dueDate, today) : 0,
          deviations: deviations
            .filter((d) => d.corrective_action_id === a.id)
            .map((d) => ({ reference: d.reference, title: d.title, severity: d.severity, state: d.state })),
          effectiveness: check
            ? {
                verdict: check.verdict,
                checkedAt: check.occurred_at.toISOString(),
                checkedByName: check.name ?? '',
                evidence: check.evidence,
              }
            : null,
          boardReviews: reviews
            .filter((r) => r.corrective_action_id === a.id)
            .map((r) => ({ decision: r.decision, reviewerName: r.name, reviewedAt: r.reviewed_at.toISOString(), comment: r.comment })),
        };
      }),
    };
  }
}
