import type { Deviation } from './deviation.entity.js';

/**
 * What a quality manager signs when closing a deviation: the deviation as it stands closed, with
 * the corrective actions it rests on. The signature keeps it and its SHA-256 (canonical JSON), so
 * the closure is bound to this content, not only to the record's id.
 */
export function deviationClosureContent(
  d: Deviation,
  actions: readonly { reference: string; state: string }[],
  steps: readonly string[],
  comment: string | null,
): Record<string, unknown> {
  return {
    record: 'deviation',
    reference: d.reference,
    version: d.version,
    programmeId: d.programmeId,
    participantId: d.participantId,
    executionId: d.executionId,
    procedureKey: d.procedureKey,
    versionNumber: d.versionNumber,
    steps: [...steps],
    title: d.title,
    description: d.description,
    severity: d.severity,
    source: d.source,
    rule: d.rule,
    occurredAt: d.occurredAt.toISOString(),
    detectedAt: d.detectedAt.toISOString(),
    targetDate: d.targetDate,
    containment: d.containment,
    rootCause: d.rootCause,
    correctionOnlyJustification: d.correctionOnlyJustification,
    state: d.state,
    closedAt: d.closedAt ? d.closedAt.toISOString() : null,
    // Code-unit order: the same in every locale.
    correctiveActions: [...actions]
      .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
      .map((a) => ({ reference: a.reference, state: a.state })),
    comment,
  };
}
