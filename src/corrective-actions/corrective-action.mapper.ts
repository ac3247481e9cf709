import { daysBetween, localDate } from '../common/calendar.js';
import { toSignatureResponse } from '../signatures/signature.mapper.js';
import { effectivenessCheckFrom } from './action-plausibility.js';
import { allowedActionTargetsFor, isOverdue } from './action-states.js';
import type { Verdict } from './action-states.js';
import type { CorrectiveActionResponse } from './corrective-action.dto.js';
import type { ActionDetail, ActionSummary } from './corrective-action-queries.service.js';

type Caller = { id: string | null; roles: readonly string[] };

/**
 * `caller`: who asks (`allowedTransitions` lists only what they may do); `timeZone`: the
 * organisation's, in which the day of implementation is counted.
 */
export function toActionResponse(s: ActionSummary, today: string, caller: Caller, timeZone = 'UTC'): CorrectiveActionResponse {
  const a = s.action;
  const overdue = isOverdue(a.state, a.dueDate, today);
  return {
    id: a.id,
    reference: a.reference,
    type: a.type,
    description: a.description,
    ownerId: a.ownerId,
    ownerName: s.ownerName,
    dueDate: a.dueDate,
    effectivenessCriterion: a.effectivenessCriterion,
    state: a.state,
    allowedTransitions: allowedActionTargetsFor(a.state, caller, a.ownerId),
    overdue,
    daysLate: overdue ? daysBetween(a.dueDate, today) : 0,
    boardChangesRequested: s.boardChangesRequested,
    verdict: s.verdict as Verdict | null,
    deviations: s.deviations,
    hiddenDeviations: s.hiddenDeviations,
    reviewDecisionId: a.reviewDecisionId,
    source: { kind: a.source, id: a.sourceId, text: a.sourceText },
    implementedAt: a.implementedAt ? a.implementedAt.toISOString() : null,
    effectivenessCheckAfterDays: a.effectivenessCheckAfterDays,
    effectivenessCheckFrom: a.implementedAt
      ? effectivenessCheckFrom(localDate(a.implementedAt, timeZone), a.effectivenessCheckAfterDays)
      : null,
    closedAt: a.closedAt ? a.closedAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}

export function toActionDetailResponse(d: ActionDetail, today: string, caller: Caller, timeZone = 'UTC'): CorrectiveActionResponse {
  return {
    ...toActionResponse(d, today, caller, timeZone),
    history: d.history.map((h) => ({
      seq: h.seq,
      from: h.fromState,
      to: h.toState,
      comment: h.comment,
      verdict: h.verdict,
      evidence: h.evidence,
      signatureId: h.signatureId,
      actorId: h.actorId,
      boardReviewId: h.boardReviewId,
      at: h.occurredAt.toISOString(),
    })),
    boardReviews: d.boardReviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      comment: r.comment,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      signatureId: r.signatureId,
      reviewedAt: r.reviewedAt.toISOString(),
    })),
    signatures: d.signatures.map(toSignatureResponse),
  };
}
