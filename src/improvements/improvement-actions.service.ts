import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import type { CorrectiveActionResponse } from '../corrective-actions/corrective-action.dto.js';
import { CorrectiveActionQueriesService } from '../corrective-actions/corrective-action-queries.service.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { objectiveExists } from '../indicators/indicators.queries.js';
import { reviewExists } from '../management-reviews/management-reviews.queries.js';
import { riskById } from '../risks/risks.queries.js';
import type { CreateImprovementActionRequest } from './improvement-action.dto.js';

/**
 * Actions without a deviation (ISO 9001 10.3): an improvement or preventive action that names
 * where it comes from (a management review, a risk or opportunity, an internal audit finding, a
 * quality objective, or something else in words) and then lives as every action does: the same
 * states, effectiveness check, signed closure and board review.
 */
@Injectable()
export class ImprovementActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: CorrectiveActionsService,
    private readonly queries: CorrectiveActionQueriesService,
  ) {}

  async plan(ctx: RequestContext, body: CreateImprovementActionRequest): Promise<CorrectiveActionResponse> {
    const id = await this.dataSource.transaction(async (m) => {
      const text = body.sourceText?.trim() || null;
      await checkSource(m, body.source, body.sourceId, text);
      const action = await this.actions.insert(m, ctx, {
        deviationIds: [],
        type: body.type,
        description: body.description.trim(),
        ownerId: body.ownerId,
        dueDate: body.dueDate,
        effectivenessCriterion: body.effectivenessCriterion.trim(),
        effectivenessCheckAfterDays: body.effectivenessCheckAfterDays,
        source: { kind: body.source, id: body.sourceId ?? null, text },
      });
      return action.id;
    });
    return this.queries.detail(ctx, id);
  }
}

/** A review, risk or objective is named by its id (which must exist); an audit finding or anything else in words. */
async function checkSource(m: EntityManager, source: string, sourceId: string | undefined, text: string | null): Promise<void> {
  const byId = source === 'management_review' || source === 'risk' || source === 'objective';
  if (byId && !sourceId) throw validationFailed([{ field: 'sourceId', message: `is required for the source ${source}` }]);
  if (!byId && sourceId)
    throw validationFailed([{ field: 'sourceId', message: `must be left out for the source ${source}: name it in sourceText` }]);
  if (!byId && !text)
    throw validationFailed([
      {
        field: 'sourceText',
        message: source === 'internal_audit' ? 'must name the audit finding' : 'must say where the action comes from',
      },
    ]);
  if (!sourceId) return;
  const exists =
    source === 'management_review'
      ? await reviewExists(m, sourceId)
      : source === 'risk'
        ? (await riskById(m, sourceId)) !== null
        : await objectiveExists(m, sourceId);
  if (!exists)
    throw unprocessable('unknown_source', `No ${source.replace('_', ' ')} has the id ${sourceId}`, {
      errors: [{ field: 'sourceId', message: `must name an existing ${source.replace('_', ' ')}` }],
    });
}
