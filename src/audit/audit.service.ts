import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { toPlainJson } from '../common/canonical.js';
import type { RequestContext } from '../common/request-context.js';
import { ChainVerifier, hashEvent } from './audit-chain.js';
import type { ChainVerdict, ChainedEvent } from './audit-chain.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  entityVersion?: number | null;
  /** `{ field: { old, new } }`; secrets never, personal data through `personal()`. */
  changes?: Record<string, unknown>;
  reason?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  afterSeq?: number;
  limit: number;
}

const COLUMNS = `seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash`;

export type AuditRow = {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_email: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_version: number | null;
  changes: Record<string, unknown>;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

export function rowToEvent(r: AuditRow): ChainedEvent {
  return {
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityVersion: r.entity_version,
    changes: r.changes,
    reason: r.reason,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The append-only, hash-chained audit trail. `append` must be called with the
 * EntityManager of the transaction that makes the change, so the change and its
 * event commit or vanish together. Call it last in the transaction: it locks the
 * chain head until commit.
 */
@Injectable()
export class AuditService {
  private piiKey: Promise<string> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, ctx: RequestContext, input: AuditInput): Promise<ChainedEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit events must be appended inside the transaction that makes the change');
    }
    const [head] = (await manager.query(`SELECT seq, hash, clock_timestamp() AS now FROM audit_head WHERE id = 1 FOR UPDATE`)) as {
      seq: string;
      hash: string;
      now: Date;
    }[];
    const unhashed = {
      seq: Number(head.seq) + 1,
      occurredAt: head.now.toISOString(),
      actorId: ctx.actor.id,
      actorEmail: ctx.actor.email,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      entityVersion: input.entityVersion ?? null,
      changes: toPlainJson(input.changes ?? {}),
      reason: input.reason ?? null,
      requestId: ctx.requestId,
      prevHash: head.hash,
    };
    const event: ChainedEvent = { ...unhashed, hash: hashEvent(unhashed) };
    await manager.query(
      `WITH appended AS (
         INSERT INTO audit_event (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING seq, hash)
       UPDATE audit_head SET seq = appended.seq, hash = appended.hash FROM appended WHERE audit_head.id = 1`,
      [
        event.seq,
        event.occurredAt,
        event.actorId,
        event.actorEmail,
        event.action,
        event.entityType,
        event.entityId,
        event.entityVersion,
        JSON.stringify(event.changes),
        event.reason,
        event.requestId,
        event.prevHash,
        event.hash,
      ],
    );
    return event;
  }

  /**
   * A keyed hash of a personal value, so the trail shows that it changed (and lets a holder
   * of the value check it) without storing it. The key never leaves the database.
   * `manager` is the caller's transaction: the key is read through it, because a second
   * connection opened inside a transaction deadlocks on the embedded database.
   */
  async personal(value: string | null | undefined, manager: EntityManager): Promise<string | null> {
    if (value === null || value === undefined) return null;
    this.piiKey ??= manager
      .query(`SELECT value FROM app_setting WHERE key = 'pii_hash_key'`)
      .then((rows: { value: string }[]) => rows[0].value)
      .catch((e: unknown) => {
        this.piiKey = undefined;
        throw e;
      });
    return (
      'hmac-sha256:' +
      createHmac('sha256', await this.piiKey)
        .update(value)
        .digest('hex')
    );
  }

  async list(filter: AuditFilter): Promise<{ items: ChainedEvent[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.entityType) add('entity_type = ?', filter.entityType);
    if (filter.entityId) add('entity_id = ?', filter.entityId);
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.afterSeq !== undefined) add('seq > ?', filter.afterSeq);
    params.push(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_event ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
    const items = rows.slice(0, filter.limit).map(rowToEvent);
    const nextCursor = rows.length > filter.limit ? String(items[items.length - 1].seq) : null;
    return { items, nextCursor };
  }

  /** Reads events in seq order, in batches, from `afterSeq` up to `uptoSeq`. */
  stream(opts: { afterSeq?: number; uptoSeq?: number; batchSize?: number } = {}): AsyncGenerator<ChainedEvent[]> {
    return streamAuditEvents(this.dataSource.manager, opts);
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const [h] = (await this.dataSource.query(`SELECT seq, hash FROM audit_head WHERE id = 1`)) as { seq: string; hash: string }[];
    return { seq: Number(h.seq), hash: h.hash };
  }

  /**
   * Verifies the whole stored chain against the head recorded when verification began.
   * Events appended meanwhile are left for the next run.
   */
  async verify(): Promise<ChainVerdict> {
    const head = await this.head();
    const verifier = new ChainVerifier();
    for await (const batch of this.stream({ uptoSeq: head.seq })) {
      for (const e of batch) if (!verifier.push(e)) break;
      if (verifier.failed) break;
    }
    verifier.checkHead(head);
    if (!verifier.failed) {
      // Rows beyond the head that no append wrote (the head moves with every append).
      const current = await this.head();
      const [beyond] = (await this.dataSource.query(`SELECT min(seq) AS seq FROM audit_event WHERE seq > $1`, [current.seq])) as {
        seq: string | null;
      }[];
      if (beyond.seq !== null) verifier.reportUnexpected(Number(beyond.seq));
    }
    return verifier.verdict();
  }
}

/**
 * Events in seq order, in batches (bounded memory over any number of events), from `afterSeq`
 * up to `uptoSeq`, optionally only those of the given entities.
 */
export async function* streamAuditEvents(
  m: EntityManager,
  opts: { afterSeq?: number; uptoSeq?: number; entityIds?: string[]; batchSize?: number } = {},
): AsyncGenerator<ChainedEvent[]> {
  const batchSize = opts.batchSize ?? 2000;
  let after = opts.afterSeq ?? 0;
  const upto = opts.uptoSeq ?? Number.MAX_SAFE_INTEGER;
  const scope = opts.entityIds ? 'AND entity_id = ANY($4)' : '';
  for (;;) {
    const rows = (await m.query(`SELECT ${COLUMNS} FROM audit_event WHERE seq > $1 AND seq <= $2 ${scope} ORDER BY seq LIMIT $3`, [
      after,
      upto,
      batchSize,
      ...(opts.entityIds ? [opts.entityIds] : []),
    ])) as AuditRow[];
    if (rows.length === 0) return;
    const events = rows.map(rowToEvent);
    yield events;
    after = events[events.length - 1].seq;
    if (rows.length < batchSize) return;
  }
}

/** Field-by-field changes between two snapshots, for the `changes` member of an event. */
export function diffChanges<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const f of fields) {
    const o: unknown = before ? (before[f] ?? null) : null;
    const n: unknown = after[f] ?? null;
    if (JSON.stringify(toPlainJson(o)) !== JSON.stringify(toPlainJson(n))) out[f] = { old: o, new: n };
  }
  return out;
}
