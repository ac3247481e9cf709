import { SignaturesService } from '../../signatures/signatures.service.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DataSource } from 'typeorm';
import { daysBetween } from '../../common/calendar.js';
import type { RequestContext } from '../../common/request-context.js';
import { isOverdue } from '../../corrective-actions/action-states.js';
import type { ActionState } from '../../corrective-actions/action-states.js';
import { CorrectiveActionQueriesService } from '../../corrective-actions/corrective-action-queries.service.js';
import { CorrectiveActionsService } from '../../corrective-actions/corrective-actions.service.js';
import { boardReviewsOf, deviationLinks, latestEffectivenessChecks } from '../../corrective-actions/corrective-actions.queries.js';
import { deviationsByIds } from '../../deviations/deviations.queries.js';
import { programmeName } from '../../programmes/programmes.queries.js';
import { userNames } from '../../users/users.queries.js';
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
    private readonly clock: Clock,
    private readonly signatures: SignaturesService,
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
    const m = this.dataSource.manager;
    const links = await deviationLinks(m, ids);
    // By deviation reference, as each action lists them.
    const linked = await deviationsByIds(
      m,
      links.map((l) => l.deviationId),
    );
    const checks = await latestEffectivenessChecks(m, ids);
    const reviews = await boardReviewsOf(m, ids);
    const signedHashes = new Map((await this.signatures.listFor('corrective_action', ids, m)).map((s) => [s.id, s.contentHash]));
    const names = await userNames(m, [
      ...checks.map((c) => c.actorId).filter((id): id is string => id !== null),
      ...reviews.map((r) => r.reviewerId),
    ]);
    const programme = req.programmeId ? await programmeName(m, req.programmeId) : null;
    return {
      kind: 'corrective_action_register',
      ...reportHeader(ctx, req, this.clock.timeZone),
      filters: { programmeName: programme, states: req.state ? [req.state] : null, overdueOnly: req.overdue ?? null },
      actions: summaries.map(({ action: a, ownerName }) => {
        const check = checks.find((c) => c.correctiveActionId === a.id);
        const answers = new Set(links.filter((l) => l.correctiveActionId === a.id).map((l) => l.deviationId));
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
          deviations: linked
            .filter((d) => answers.has(d.id))
            .map((d) => ({ reference: d.reference, title: d.title, severity: d.severity, state: d.state })),
          effectiveness: check
            ? {
                verdict: check.verdict,
                checkedAt: check.occurredAt.toISOString(),
                checkedByName: (check.actorId && names.get(check.actorId)) ?? '',
                evidence: check.evidence,
                signedContentHash: (check.signatureId && signedHashes.get(check.signatureId)) ?? null,
              }
            : null,
          boardReviews: reviews
            .filter((r) => r.correctiveActionId === a.id)
            .map((r) => ({
              decision: r.decision,
              reviewerName: names.get(r.reviewerId)!,
              reviewedAt: r.reviewedAt.toISOString(),
              comment: r.comment,
              signedContentHash: signedHashes.get(r.signatureId) ?? null,
            })),
        };
      }),
    };
  }
}
