/** Assertions on the audit trail and on row counts, read straight from the database. */
import type { TestApp } from './test-app.js';

export interface StoredEvent {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  entityVersion: number | null;
  changes: Record<string, unknown>;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

/** Every stored audit event, in seq order. */
export async function storedEvents(t: TestApp, where = 'TRUE', params: unknown[] = []): Promise<StoredEvent[]> {
  const rows = await t.sql<Record<string, unknown>>(
    `SELECT seq::int AS seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version,
            changes, reason, request_id, prev_hash, hash
     FROM audit_event WHERE ${where} ORDER BY seq`,
    params,
  );
  return rows.map((r) => ({
    seq: r.seq as number,
    occurredAt: r.occurred_at as Date,
    actorId: r.actor_id as string | null,
    actorEmail: r.actor_email as string,
    action: r.action as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    entityVersion: r.entity_version as number | null,
    changes: r.changes as Record<string, unknown>,
    reason: r.reason as string | null,
    requestId: r.request_id as string | null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}

export interface TrailState {
  events: number;
  maxSeq: number;
  headSeq: number;
  headHash: string;
}

/** How many events there are and where the chain head stands. */
export async function trailState(t: TestApp): Promise<TrailState> {
  const [r] = await t.sql<{ events: number; max_seq: number; head_seq: number; head_hash: string }>(
    `SELECT (SELECT count(*)::int FROM audit_event) AS events,
            (SELECT coalesce(max(seq), 0)::int FROM audit_event) AS max_seq,
            h.seq::int AS head_seq, h.hash AS head_hash
     FROM audit_head h WHERE h.id = 1`,
  );
  return { events: r.events, maxSeq: r.max_seq, headSeq: r.head_seq, headHash: r.head_hash };
}

export async function countRows(t: TestApp, table: 'app_user' | 'audit_event' | 'idempotency_record'): Promise<number> {
  const [r] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.n;
}

/** The seq numbers stored, checked to be exactly 1..n. */
export async function expectGapFreeTrail(t: TestApp): Promise<number> {
  const seqs = (await t.sql<{ seq: number }>(`SELECT seq::int AS seq FROM audit_event ORDER BY seq`)).map((r) => r.seq);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  const state = await trailState(t);
  expect(state.headSeq).toBe(seqs.length);
  return seqs.length;
}
