import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../../auth/roles.js';
import type { RequestContext } from '../../common/request-context.js';
import { isOverdue } from '../../corrective-actions/action-states.js';
import { CorrectiveActionsService } from '../../corrective-actions/corrective-actions.service.js';
import { ManagementReviewsService } from '../../management-reviews/management-reviews.service.js';
import type { ManagementReviewMinutesModel } from '../models/management-review-minutes.js';
import { reportHeader, signatureEntry } from './report-header.js';
import type { ReportRequest } from './report-header.js';

/** Builds the minutes of a management review: for a closed one, exactly the inputs frozen at closing. */
@Injectable()
export class MinutesBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ManagementReviewsService,
    private readonly actions: CorrectiveActionsService,
  ) {}

  async build(ctx: RequestContext, id: string, req: ReportRequest): Promise<ManagementReviewMinutesModel> {
    const view = await this.reviews.get(id);
    const inputs = await this.reviews.inputsFor(id, req.generatedAt);
    const attendees = await this.dataSource.query<{ name: string; roles: Role[] }[]>(
      `SELECT u.name, u.roles FROM management_review_attendee a JOIN app_user u ON u.id = a.user_id WHERE a.management_review_id = $1 ORDER BY u.name`,
      [id],
    );
    const titles = await this.dataSource.query<{ key: string; title: never }[]>(
      `SELECT DISTINCT ON (p.key) p.key, v.definition->'title' AS title FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id ORDER BY p.key, v.number DESC`,
    );
    const today = this.actions.dayOf(req.generatedAt);
    const r = view.review;
    return {
      kind: 'management_review_minutes',
      ...reportHeader(ctx, req),
      review: { title: r.title, heldOn: r.heldOn, state: r.state, closedAt: r.closedAt ? r.closedAt.toISOString() : null },
      attendees,
      inputs: inputs,
      procedureTitles: Object.fromEntries(
        titles.filter((t) => inputs.conformance.some((c) => c.procedureKey === t.key)).map((t) => [t.key, t.title]),
      ),
      decisions: view.decisions.map((d) => ({
        seq: d.decision.seq,
        text: d.decision.text,
        trackedActions: d.action
          ? [
              {
                reference: d.action.reference,
                state: d.action.state as never,
                dueOn: d.action.dueDate,
                overdue: isOverdue(d.action.state as never, d.action.dueDate, today),
              },
            ]
          : [],
      })),
      signature: view.signature ? signatureEntry(view.signature) : null,
    };
  }
}
