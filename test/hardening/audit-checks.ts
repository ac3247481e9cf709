/** Checks on a service's database after the fact: rows against their audit events, the chain, references. */
import type pg from 'pg';

/** Tables of records that each get audit events under their own id. */
export const AUDITED_TABLES = [
  'app_user',
  'programme',
  'participant',
  'pair',
  'execution',
  'deviation',
  'corrective_action',
  'management_review',
  'quality_objective',
  'training_record',
];

/** Rows of the audited tables without a single audit event naming them. */
export async function rowsWithoutEvents(db: pg.Client): Promise<string[]> {
  const union = AUDITED_TABLES.map((t) => `SELECT '${t}' AS t, id::text AS id FROM ${t}`).join(' UNION ALL ');
  const { rows } = await db.query<{ t: string; id: string }>(
    `SELECT r.t, r.id FROM (${union}) r WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.entity_id = r.id)`,
  );
  return rows.map((r) => `${r.t} ${r.id}`);
}

/** Creation events whose record does not exist (the event committed without its row). */
export async function eventsWithoutRows(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ action: string; entity_id: string }>(
    `SELECT action, entity_id FROM audit_event e WHERE
       (action = 'deviation.create' AND NOT EXISTS (SELECT 1 FROM deviation d WHERE d.id::text = e.entity_id))
       OR (action = 'corrective_action.create' AND NOT EXISTS (SELECT 1 FROM corrective_action a WHERE a.id::text = e.entity_id))
       OR (entity_type = 'participant' AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.id::text = e.entity_id))`,
  );
  return rows.map((r) => `${r.action} ${r.entity_id}`);
}

/** Audit sequence numbers are exactly 1..n and the head points at n. */
export async function chainShape(db: pg.Client): Promise<{ events: number; gapFree: boolean; headSeq: number }> {
  const { rows } = await db.query<{ n: number; max: number; head: number }>(
    `SELECT count(*)::int AS n, coalesce(max(seq), 0)::int AS max, (SELECT seq::int FROM audit_head WHERE id = 1) AS head FROM audit_event`,
  );
  return { events: rows[0].n, gapFree: rows[0].n === rows[0].max, headSeq: rows[0].head };
}

/** For each reference kind and year, the numbers used; checked to be 1..n without repeats. */
export async function referenceProblems(
  db: pg.Client,
  table: 'deviation' | 'corrective_action',
): Promise<{ count: number; problems: string[] }> {
  const { rows } = await db.query<{ reference: string }>(`SELECT reference FROM ${table} ORDER BY reference`);
  const byPrefix = new Map<string, number[]>();
  for (const { reference } of rows) {
    const m = /^([A-Z]+-\d{4})-(\d{4,})$/.exec(reference);
    if (!m) return { count: rows.length, problems: [`malformed reference ${reference}`] };
    byPrefix.set(m[1], [...(byPrefix.get(m[1]) ?? []), Number(m[2])]);
  }
  const problems: string[] = [];
  for (const [prefix, numbers] of byPrefix) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const repeats = sorted.filter((n, i) => i > 0 && sorted[i - 1] === n);
    if (repeats.length) problems.push(`${prefix}: repeated ${[...new Set(repeats)].join(', ')}`);
    const missing = Array.from({ length: sorted[sorted.length - 1] }, (_, i) => i + 1).filter((n) => !sorted.includes(n));
    if (missing.length) problems.push(`${prefix}: missing ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? '...' : ''}`);
  }
  return { count: rows.length, problems };
}
