import type { EntityManager } from 'typeorm';
import { streamAuditEvents } from '../../audit/audit.service.js';
import type { ChainedEvent } from '../../audit/audit-chain.js';

/**
 * The records of a programme whose audit events belong in its evidence: the programme, its
 * participants, pairs, executions, deviations, the corrective actions answering them, its
 * quality objectives, and the procedure versions of its plan.
 */
export async function programmeEntityIds(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT $1::uuid::text AS id
     UNION ALL SELECT id::text FROM participant WHERE programme_id = $1
     UNION ALL SELECT id::text FROM pair WHERE programme_id = $1
     UNION ALL SELECT id::text FROM execution WHERE programme_id = $1
     UNION ALL SELECT id::text FROM deviation WHERE programme_id = $1
     UNION ALL SELECT DISTINCT l.corrective_action_id::text FROM corrective_action_deviation l JOIN deviation d ON d.id = l.deviation_id WHERE d.programme_id = $1
     UNION ALL SELECT id::text FROM quality_objective WHERE programme_id = $1
     UNION ALL SELECT DISTINCT version_id::text FROM programme_plan_entry WHERE programme_id = $1`,
    [programmeId],
  );
  return rows.map((r) => r.id);
}

export async function countEventsInScope(m: EntityManager, ids: string[], headSeq: number): Promise<number> {
  const [{ n }] = await m.query<
    {
      n: number;
    }[]
  >(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = ANY($1) AND seq <= $2`, [ids, headSeq]);
  return n;
}

/** The events in scope, oldest first, in batches (bounded memory for large programmes). */
export function eventsInScope(m: EntityManager, ids: string[], headSeq: number): AsyncGenerator<ChainedEvent[]> {
  return streamAuditEvents(m, { entityIds: ids, uptoSeq: headSeq });
}
