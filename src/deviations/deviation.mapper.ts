import { toSignatureResponse } from '../signatures/signature.mapper.js';
import type { DeviationResponse } from './deviation.dto.js';
import type { Deviation } from './deviation.entity.js';
import { allowedDeviationTargetsFor, isDeviationOpen } from './deviation-states.js';
import type { Caller } from './deviation-states.js';
import type { DeviationDetail } from './deviation-queries.service.js';
import type { DeviationStep } from './deviation-steps.js';

/** `caller`: who asks; `allowedTransitions` lists only the states they may move the deviation to. */
export function toDeviationResponse(
  d: Deviation,
  participantCode: string | null,
  today: string,
  steps: readonly DeviationStep[],
  caller: Caller,
): DeviationResponse {
  return {
    id: d.id,
    reference: d.reference,
    programmeId: d.programmeId,
    title: d.title,
    description: d.description,
    severity: d.severity,
    source: d.source,
    occurredAt: d.occurredAt.toISOString(),
    detectedAt: d.detectedAt.toISOString(),
    targetDate: d.targetDate,
    overdue: isDeviationOpen(d.state) && d.targetDate < today,
    executionId: d.executionId,
    procedureKey: d.procedureKey,
    versionNumber: d.versionNumber,
    stepKey: d.stepKey,
    rule: d.rule,
    steps: steps.map((x) => ({
      executionId: x.executionId,
      stepKey: x.stepKey,
      recordId: x.recordId,
      detail: x.detail,
      addedAt: x.addedAt.toISOString(),
    })),
    participantId: d.participantId,
    participantCode,
    containment: d.containment,
    rootCause: d.rootCause,
    correctionOnlyJustification: d.correctionOnlyJustification,
    state: d.state,
    allowedTransitions: allowedDeviationTargetsFor(d.state, caller),
    createdAt: d.createdAt.toISOString(),
    closedAt: d.closedAt ? d.closedAt.toISOString() : null,
    version: d.version,
  };
}

export function toDeviationDetailResponse(x: DeviationDetail, today: string, caller: Caller): DeviationResponse {
  return {
    ...toDeviationResponse(x.deviation, x.participantCode, today, x.steps, caller),
    history: x.history.map((h) => ({
      seq: h.seq,
      from: h.fromState,
      to: h.toState,
      comment: h.comment,
      details: h.details,
      signatureId: h.signatureId,
      actorId: h.actorId,
      at: h.occurredAt.toISOString(),
    })),
    actions: x.actions.map((a) => ({ id: a.id, reference: a.reference, type: a.type, state: a.state, dueDate: a.dueDate })),
    signatures: x.signatures.map(toSignatureResponse),
  };
}
