import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTION_STATES, isOverdue } from '../corrective-actions/action-states.js';
import type { ActionState } from '../corrective-actions/action-states.js';
import { DEVIATION_SOURCES, SEVERITIES } from '../deviations/deviation-states.js';
import type { DeviationSource, Severity } from '../deviations/deviation-states.js';

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
    const deviations = await m.query<{ severity: Severity; source: DeviationSource; n: number; overdue: number }[]>(
      `SELECT severity, source, count(*)::int AS n, count(*) FILTER (WHERE target_date < $1)::int AS overdue
       FROM deviation WHERE state NOT IN ('closed', 'cancelled') GROUP BY severity, source`,
      [today],
    );
    const [oldest] = await m.query<{ reference: string; occurred_at: Date; detected_at: Date }[]>(
      `SELECT reference, occurred_at, detected_at FROM deviation WHERE state NOT IN ('closed', 'cancelled')
       ORDER BY occurred_at, reference LIMIT 1`,
    );
    const openBySeverity = zero(SEVERITIES);
    const openBySource = zero(DEVIATION_SOURCES);
    for (const r of deviations) {
      openBySeverity[r.severity] += r.n;
      openBySource[r.source] += r.n;
    }
    const actions = await m.query<
      {
        reference: string;
        state: ActionState;
        due_date: string;
      }[]
    >(`SELECT reference, state, due_date FROM corrective_action ORDER BY reference`);
    const byState = zero(ACTION_STATES);
    for (const a of actions) byState[a.state]++;
    const overdueActions = actions.filter((a) => isOverdue(a.state, a.due_date, today));
    const conformance = await m.query<{ procedure_key: string; conforming: number; completed: number }[]>(
      `SELECT e.procedure_key, count(*) FILTER (WHERE j.conformance = 'conforming')::int AS conforming, count(*)::int AS completed
       FROM execution e
       JOIN LATERAL (SELECT conformance FROM execution_judgement WHERE execution_id = e.id ORDER BY seq DESC LIMIT 1) j ON true
       WHERE e.state = 'completed' GROUP BY e.procedure_key ORDER BY e.procedure_key`,
    );
    const earlier = await m.query<
      {
        id: string;
        held_on: string;
        title: string;
        seq: number;
        text: string;
        reference: string | null;
        state: ActionState | null;
        due_date: string | null;
      }[]
    >(
      `SELECT r.id, r.held_on, r.title, d.seq, d.text, a.reference, a.state, a.due_date
       FROM management_review r JOIN management_review_decision d ON d.management_review_id = r.id
       LEFT JOIN corrective_action a ON a.review_decision_id = d.id
       WHERE r.state = 'closed' AND r.id <> $1 AND r.held_on <= $2
       ORDER BY r.held_on, r.id, d.seq`,
      [review.id, review.heldOn],
    );
    return {
      composedAt,
      asOf: today,
      deviations: {
        open: deviations.reduce((s, r) => s + r.n, 0),
        overdue: deviations.reduce((s, r) => s + r.overdue, 0),
        openBySeverity,
        openBySource,
        oldestOpen: oldest
          ? { reference: oldest.reference, occurredAt: oldest.occurred_at.toISOString(), detectedAt: oldest.detected_at.toISOString() }
          : null,
      },
      correctiveActions: { byState, overdue: overdueActions.length, overdueReferences: overdueActions.map((a) => a.reference) },
      conformance: conformance.map((c) => ({
        procedureKey: c.procedure_key,
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
        action: e.reference
          ? { reference: e.reference, state: e.state!, dueDate: e.due_date!, overdue: isOverdue(e.state!, e.due_date!, today) }
          : null,
      })),
    };
  }
}
