import type { EntityManager } from 'typeorm';
import { rowToEvent, type AuditRow } from '../../audit/audit.service.js';
import type { ChainedEvent } from '../../audit/audit-chain.js';

/**
 * The records of a programme whose audit events belong in its evidence: the programme, its
 * participants, pairs, executions, deviations, the corrective actions answering them, its
 * quality objectives, and the procedure versions of its plan.
 */
export async function programmeEntityIds(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = (await m.query(
    `SELECT $1::text AS id
     UNION ALL SELECT id::text FROM participant WHERE programme_id = $1
     UNION ALL SELECT id::text FROM pair WHERE programme_id = $1
     UNION ALL SELECT id::text FROM execution WHERE programme_id = $1
     UNION ALL SELECT id::text FROM deviation WHERE programme_id = $1
     UNION ALL SELECT DISTINCT l.corrective_action_id::text FROM corrective_action_deviation l JOIN deviation d ON d.id = l.deviation_id WHERE d.programme_id = $1
     UNION ALL SELECT id::text FROM quality_objective WHERE programme_id = $1
     UNION ALL SELECT DISTINCT version_id::text FROM programme_plan_entry WHERE programme_id = $1`,
    [programmeId],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

export async function countEventsInScope(m: EntityManager, ids: string[], headSeq: number): Promise<number> {
  const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = ANY($1) AND seq <= $2`, [ids, headSeq])) as { n: number }[];
  return n;
}

/** The events in scope, oldest first, in batches (bounded memory for large programmes). */
export async function* eventsInScope(m: EntityManager, ids: string[], headSeq: number, batchSize = 2000): AsyncGenerator<ChainedEvent[]> {
  let after = 0;
  for (;;) {
    const rows = (await m.query(
      `SELECT seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash
       FROM audit_event WHERE entity_id = ANY($1) AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [ids, after, headSeq, batchSize],
    )) as AuditRow[];
    if (rows.length === 0) return;
    const events = rows.map(rowToEvent);
    yield events;
    after = events[events.length - 1].seq;
    if (rows.length < batchSize) return;
  }
}
