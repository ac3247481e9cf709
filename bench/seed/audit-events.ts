/**
 * Many audit events, fast: chained events appended straight to audit_event in batches, each
 * hashed with the chain's own `hashEvent`, continuing from the head and moving the head with
 * them, all in one transaction that holds the head locked (as every append of the service does),
 * so the chain stays valid and the service's appends cannot interleave. The triggers on
 * audit_event refuse updates, deletes and truncation, not inserts. The events look like the
 * service's own (enrolments, executions started, steps recorded, completions, deviations), with
 * hashed personal values where the service hashes them.
 */
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hashEvent } from '../../src/audit/audit-chain.js';
import type { ChainedEvent, UnhashedEvent } from '../../src/audit/audit-chain.js';

const hmac = (i: number) => 'hmac-sha256:' + createHash('sha256').update(`bench value ${i}`).digest('hex');

function changesFor(
  kind: number,
  i: number,
  programmeId: string,
): { action: string; entityType: string; entityVersion: number | null; changes: Record<string, unknown> } {
  switch (kind) {
    case 0:
      return {
        action: 'participant.enrol',
        entityType: 'participant',
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          code: { old: null, new: `A-${(i * 7919).toString(36).toUpperCase().padStart(6, '0').slice(-6)}` },
          role: { old: null, new: i % 2 ? 'mentor' : 'adept' },
          fullName: { old: null, new: hmac(i) },
          email: { old: null, new: hmac(i + 1) },
          enrolledAt: { old: null, new: '2026-01-05' },
        },
      };
    case 1:
      return {
        action: 'execution.start',
        entityType: 'execution',
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          procedureKey: { old: null, new: 'intake-interview' },
          versionNumber: { old: null, new: 1 },
          contentHash: { old: null, new: createHash('sha256').update('intake-interview').digest('hex') },
          subject: { old: null, new: 'A-7K3Q9X' },
        },
      };
    case 2:
    case 3:
      return {
        action: 'execution.record_step',
        entityType: 'execution',
        entityVersion: 1,
        changes: {
          stepRecordId: { old: null, new: randomUUID() },
          stepKey: { old: null, new: kind === 2 ? 'preparation' : 'interview' },
          valuesHash: { old: null, new: hmac(i) },
          performedAt: { old: null, new: new Date(Date.UTC(2025, 10, 3, 8, i % 60)).toISOString() },
          performedBy: { old: null, new: randomUUID() },
        },
      };
    case 4:
      return {
        action: 'execution.complete',
        entityType: 'execution',
        entityVersion: 2,
        changes: {
          state: { old: 'open', new: 'completed' },
          conformance: { old: null, new: i % 7 ? 'conforming' : 'nonconforming' },
          findings: { old: null, new: i % 7 ? [] : [{ rule: 'missing_step', stepKey: 'consent', fieldKey: null }] },
          versionNumber: { old: null, new: 1 },
        },
      };
    default:
      return {
        action: 'deviation.open',
        entityType: 'deviation',
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          title: { old: null, new: `Follow-up ${i} not held in its window` },
          severity: { old: null, new: ['minor', 'major', 'critical'][i % 3] },
          source: { old: null, new: 'system' },
          state: { old: null, new: 'open' },
        },
      };
  }
}

/**
 * Appends events until the chain holds `total` events. Returns every event of the chain that it
 * wrote (the ones before stay as the service wrote them).
 */
export async function appendChainedEvents(
  c: pg.Client,
  total: number,
  opts: { batch?: number; log?: (line: string) => void } = {},
): Promise<{ written: ChainedEvent[]; firstSeq: number }> {
  const batch = opts.batch ?? 2000;
  const [actor] = (await c.query<{ id: string; email: string }>(`SELECT id, email FROM app_user ORDER BY created_at LIMIT 1`)).rows;
  const programmeId = randomUUID();
  const written: ChainedEvent[] = [];
  await c.query('BEGIN');
  try {
    const [head] = (await c.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`)).rows;
    let seq = Number(head.seq);
    let prevHash = head.hash;
    const firstSeq = seq + 1;
    const base = Date.now() - (total + 1) * 1000;
    while (seq < total) {
      const events: ChainedEvent[] = [];
      for (let n = 0; n < batch && seq < total; n++) {
        seq++;
        const kind = seq % 6;
        const body = changesFor(kind, seq, programmeId);
        const unhashed: UnhashedEvent = {
          seq,
          occurredAt: new Date(base + seq * 1000 + (seq % 997)).toISOString(),
          actorId: actor.id,
          actorEmail: actor.email,
          action: body.action,
          entityType: body.entityType,
          entityId: randomUUID(),
          entityVersion: body.entityVersion,
          changes: body.changes,
          reason: seq % 50 === 0 ? 'Correction after the monthly review' : null,
          requestId: randomUUID(),
          prevHash,
        };
        const event = { ...unhashed, hash: hashEvent(unhashed) };
        prevHash = event.hash;
        events.push(event);
      }
      await c.query(
        `INSERT INTO audit_event (seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::text[])`,
        [
          events.map((e) => e.seq),
          events.map((e) => e.occurredAt),
          events.map((e) => e.actorId),
          events.map((e) => e.actorEmail),
          events.map((e) => e.action),
          events.map((e) => e.entityType),
          events.map((e) => e.entityId),
          events.map((e) => e.entityVersion),
          events.map((e) => JSON.stringify(e.changes)),
          events.map((e) => e.reason),
          events.map((e) => e.requestId),
          events.map((e) => e.prevHash),
          events.map((e) => e.hash),
        ],
      );
      written.push(...events);
      if (Math.floor(seq / 20_000) > Math.floor((seq - events.length) / 20_000))
        opts.log?.(`  ${seq.toLocaleString('en-US')} events in the chain`);
    }
    await c.query(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, [seq, prevHash]);
    await c.query('COMMIT');
    return { written, firstSeq };
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  }
}
