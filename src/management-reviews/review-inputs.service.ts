import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTION_STATES, isOverdue } from '../corrective-actions/action-states.js';
import type { ActionState } from '../corrective-actions/action-states.js';
import { actionsOfDecisions, allActions } from '../corrective-actions/corrective-actions.queries.js';
import type { ActionRow } from '../corrective-actions/corrective-actions.queries.js';
import { DEVIATION_SOURCES, SEVERITIES } from '../deviations/deviation-states.js';
import type { DeviationSource, Severity } from '../deviations/deviation-states.js';
import { oldestOpenDeviation, openDeviationTallies } from '../deviations/deviations.queries.js';
import { completedConformanceByProcedure } from '../executions/executions.queries.js';

/** What top management reviews (ISO 9001 9.3.2), composed from the records, never typed in. */
export interface ManagementReviewInputs {
  composedAt: string;
  asOf: string;
  deviations: {
    open: number;
    overdue: number;
    openBySeverity: Record<Severity, number>;
    openBySource: Record<DeviationSource, number>;
    /**
     * The open deviation whose nonconformity has stood longest, counted from when it occurred (not
     * from its data entry); null when none is open. Absent in snapshots of reviews closed before it was kept.
     */
    oldestOpen?: { reference: string; occurredAt: string; detectedAt: string } | null;
  };
  correctiveActions: {
    byState: Record<ActionState, number>;
    overdue: number;
    overdueReferences: string[];
  };
  conformance: { procedureKey: string; conforming: number; completed: number; rate: number | null }[];
  earlierDecisions: {
    reviewId: string;
    heldOn: string;
    title: string;
    seq: number;
    text: string;
    action: { reference: string; state: ActionState; dueDate: string; overdue: boolean } | null;
  }[];
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

@Injectable()
export class ReviewInputsService {
  /** `composedAt` defaults to now; a report passes its generation time so that it can be reproduced. */
  async compose(
    m: EntityManager,
    review: { id: string; heldOn: string },
    today: string,
    composedAt = new Date().toISOString(),
  ): Promise<ManagementReviewInputs> {
    const deviations = await openDeviationTallies(m, today);
    const oldest = await oldestOpenDeviation(m);
    const openBySeverity = zero(SEVERITIES);
    const openBySource = zero(DEVIATION_SOURCES);
    for (const r of deviations) {
      openBySeverity[r.severity] += r.n;
      openBySource[r.source] += r.n;
    }
    const actions = await allActions(m);
    const byState = zero(ACTION_STATES);
    for (const a of actions) byState[a.state]++;
    const overdueActions = actions.filter((a) => isOverdue(a.state, a.dueDate, today));
    const conformance = await completedConformanceByProcedure(m);
    const decisions = await m.query<{ id: string; held_on: string; title: string; decision_id: string; seq: number; text: string }[]>(
      `SELECT r.id, r.held_on, r.title, d.id AS decision_id, d.seq, d.text
       FROM management_review r JOIN management_review_decision d ON d.management_review_id = r.id
       WHERE r.state = 'closed' AND r.id <> $1 AND r.held_on <= $2
       ORDER BY r.held_on, r.id, d.seq`,
      [review.id, review.heldOn],
    );
    const decisionActions = await actionsOfDecisions(
      m,
      decisions.map((d) => d.decision_id),
    );
    // Each decision with the action it created (a decision that created none stands alone).
    const earlier = decisions.flatMap((d): ((typeof decisions)[number] & { action: ActionRow | null })[] => {
      const created = decisionActions.filter((a) => a.reviewDecisionId === d.decision_id);
      return created.length ? created.map((a) => ({ ...d, action: a })) : [{ ...d, action: null }];
    });
    return {
      composedAt,
      asOf: today,
      deviations: {
        open: deviations.reduce((s, r) => s + r.n, 0),
        overdue: deviations.reduce((s, r) => s + r.overdue, 0),
        openBySeverity,
        openBySource,
        oldestOpen: oldest
          ? { reference: oldest.reference, occurredAt: oldest.occurredAt.toISOString(), detectedAt: oldest.detectedAt.toISOString() }
          : null,
      },
      correctiveActions: { byState, overdue: overdueActions.length, overdueReferences: overdueActions.map((a) => a.reference) },
      conformance: conformance.map((c) => ({
        procedureKey: c.procedureKey,
        conforming: c.conforming,
        completed: c.completed,
        rate: c.completed ? Math.round((c.conforming / c.completed) * 10000) / 10000 : null,
      })),
      earlierDecisions: earlier.map((e) => ({
        reviewId: e.id,
        heldOn: e.held_on,
        title: e.title,
        seq: e.seq,
        text: e.text,
        action: e.action
          ? {
              reference: e.action.reference,
              state: e.action.state,
              dueDate: e.action.dueDate,
              overdue: isOverdue(e.action.state, e.action.dueDate, today),
            }
          : null,
      })),
    };
  }
}
