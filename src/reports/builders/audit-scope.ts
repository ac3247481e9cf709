import type { EntityManager } from 'typeorm';
import { countAuditEvents, streamAuditEvents } from '../../audit/audit.service.js';
import type { ChainedEvent } from '../../audit/audit-chain.js';
import { actionsLinkedTo } from '../../corrective-actions/corrective-actions.queries.js';
import { deviationIdsOfProgramme } from '../../deviations/deviations.queries.js';
import { executionIdsOfProgramme } from '../../executions/executions.queries.js';
import { objectiveIdsOfProgramme } from '../../indicators/indicators.queries.js';
import { programmeRecordIds } from '../../programmes/programmes.queries.js';

/**
 * The records of a programme whose audit events belong in its evidence: the programme, its
 * participants, pairs, executions, deviations, the corrective actions answering them, its
 * quality objectives, and the procedure versions of its plan.
 */
export async function programmeEntityIds(m: EntityManager, programmeId: string): Promise<string[]> {
  const deviations = await deviationIdsOfProgramme(m, programmeId);
  return [
    programmeId,
    ...(await programmeRecordIds(m, programmeId)),
    ...(await executionIdsOfProgramme(m, programmeId)),
    ...deviations,
    ...(await actionsLinkedTo(m, deviations)).map((a) => a.id),
    ...(await objectiveIdsOfProgramme(m, programmeId)),
  ];
}

export async function countEventsInScope(m: EntityManager, ids: string[], headSeq: number): Promise<number> {
  return countAuditEvents(m, ids, headSeq);
}

/** The events in scope, oldest first, in batches (bounded memory for large programmes). */
export function eventsInScope(m: EntityManager, ids: string[], headSeq: number): AsyncGenerator<ChainedEvent[]> {
  return streamAuditEvents(m, { entityIds: ids, uptoSeq: headSeq });
}
