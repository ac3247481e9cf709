import type { TestApp } from './test-app.js';

export interface AuditRow {
  seq: number;
  action: string;
  actor_id: string | null;
  actor_email: string;
  entity_type: string;
  entity_id: string;
  entity_version: number | null;
  changes: Record<string, { old: unknown; new: unknown }>;
  reason: string | null;
}

const COLUMNS = `seq::int AS seq, action, actor_id, actor_email, entity_type, entity_id, entity_version, changes, reason`;

/** The sequence number of the newest audit event (0 when the trail is empty). */
export async function auditHead(t: TestApp): Promise<number> {
  const [row] = await t.sql<{ seq: number }>(`SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event`);
  return row.seq;
}

/** Events appended after `seq`, oldest first. */
export function auditSince(t: TestApp, seq: number): Promise<AuditRow[]> {
  return t.sql<AuditRow>(`SELECT ${COLUMNS} FROM audit_event WHERE seq > $1 ORDER BY seq`, [seq]);
}

/** Events about one entity, oldest first. */
export function auditOf(t: TestApp, entityId: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>(`SELECT ${COLUMNS} FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [entityId]);
}

/** Runs `change` and returns the audit events it appended. */
export async function auditedBy(t: TestApp, change: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = await auditHead(t);
  await change();
  return auditSince(t, before);
}

/** The whole stored trail as text, for checking that personal data never appears in clear. */
export async function auditText(t: TestApp): Promise<string> {
  const rows = await t.sql<{ changes: unknown; reason: string | null; actor_email: string }>(
    `SELECT changes, reason, actor_email FROM audit_event ORDER BY seq`,
  );
  return JSON.stringify(rows);
}

export const PERSONAL_HASH = /^hmac-sha256:[0-9a-f]{64}$/;
