import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { isOverdue } from '../../corrective-actions/action-states.js';
import { CorrectiveActionsService } from '../../corrective-actions/corrective-actions.service.js';
import { attendeeIds } from '../../management-reviews/management-reviews.queries.js';
import { ManagementReviewsService } from '../../management-reviews/management-reviews.service.js';
import { latestTitles } from '../../procedures/procedures.queries.js';
import { usersByIds } from '../../users/users.queries.js';
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
    private readonly clock: Clock,
  ) {}

  async build(ctx: RequestContext, id: string, req: ReportRequest): Promise<ManagementReviewMinutesModel> {
    const view = await this.reviews.get(id);
    const inputs = await this.reviews.inputsFor(id, req.generatedAt);
    const m = this.dataSource.manager;
    const attendees = (await usersByIds(m, await attendeeIds(m, id))).map((u) => ({ name: u.name, roles: u.roles }));
    const titles = await latestTitles(m);
    const today = this.actions.dayOf(req.generatedAt);
    const r = view.review;
    return {
      kind: 'management_review_minutes',
      ...reportHeader(ctx, req, this.clock.timeZone),
      review: {
        title: r.title,
        heldOn: r.heldOn,
        state: r.state,
        closedAt: r.closedAt ? r.closedAt.toISOString() : null,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
      },
      attendees,
      guests: view.guests.map((g) => ({ name: g.name, role: g.role })),
      inputs: inputs,
      procedureTitles: Object.fromEntries(
        [...titles].filter(([key]) => inputs.conformance.some((c) => c.procedureKey === key)) as [string, never][],
      ),
      decisions: view.decisions.map((d) => ({
        seq: d.decision.seq,
        category: d.decision.category,
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
      ...(view.measurements.length
        ? {
            objectiveMeasurements: view.measurements.map((x) => ({
              title: x.title,
              unit: x.unit,
              period: x.period,
              measuredOn: x.measuredOn,
              measured: x.measured,
              comparator: x.comparator,
              target: x.target,
              status: x.status,
              recordedAtClose: x.recordedAtClose,
              recordedBy: x.recordedBy,
            })),
          }
        : {}),
      signature: view.signature ? signatureEntry(view.signature) : null,
    };
  }
}
