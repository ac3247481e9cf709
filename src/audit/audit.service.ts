import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { toPlainJson } from '../common/canonical.js';
import type { RequestContext } from '../common/request-context.js';
import { ChainVerifier, hashEvent } from './audit-chain.js';
import type { ChainVerdict, ChainedEvent } from './audit-chain.js';
import { advanceCheckpoint, readCheckpoint, recordBreak } from './audit-checkpoint.js';
import type { Checkpoint } from './audit-checkpoint.js';
import type { ChainVerdictResponse } from './audit.dto.js';
import { toChainVerdictResponse, toJsonLines } from './audit.mapper.js';

/** A verification and the range of events it covered. */
export interface ChainVerification extends ChainVerdict {
  /** `full`: from the first event; `incremental`: from the checkpoint. */
  mode: 'full' | 'incremental';
  /** The events this run verified: fromSeq..toSeq (none when toSeq < fromSeq). */
  fromSeq: number;
  toSeq: number;
  /** Events 1..checkpointSeq were verified by earlier runs and not read again (0 for a full run). */
  checkpointSeq: number;
  /** When a full verification last passed, as far as this run knows. */
  fullVerifiedAt: string | null;
}

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

interface PendingEvent {
  ctx: RequestContext;
  input: AuditInput;
  /** The transaction depth (1 = top level, 2+ = savepoints) the event was appended at. */
  depth: number;
}

/**
 * The append-only, hash-chained audit trail. `append` must be called with the EntityManager of
 * the transaction that makes the change, so the change and its event commit or vanish together.
 *
 * Lock order: the chain head is the one lock every write takes, so it must be the last one any
 * transaction takes (docs/DEVELOPING.md, "Lock order"). `append` therefore only queues the event
 * on the transaction; the events are written, in the order appended, by `flush` right before the
 * outermost transaction commits (a TypeORM subscriber), when every other lock the transaction
 * needs is already held. A write path cannot take the head too early, whatever order its code is in.
 */
@Injectable()
export class AuditService {
  private piiKey: Promise<string> | undefined;
  private readonly pending = new WeakMap<QueryRunner, PendingEvent[]>();
  private fullRun: Promise<ChainVerification> | undefined;

  constructor(private readonly dataSource: DataSource) {
    const subscriber: EntitySubscriberInterface = {
      beforeTransactionCommit: (e: TransactionCommitEvent) => this.flush(e.queryRunner),
      beforeTransactionRollback: (e: TransactionRollbackEvent) => this.discard(e.queryRunner),
    };
    dataSource.subscribers.push(subscriber);
  }

  append(manager: EntityManager, ctx: RequestContext, input: AuditInput): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      return Promise.reject(new Error('audit events must be appended inside the transaction that makes the change'));
    }
    const list = this.pending.get(runner) ?? [];
    // Copied now: the caller may change its objects after appending.
    list.push({ ctx, input: { ...input, changes: toPlainJson(input.changes ?? {}) }, depth: depthOf(runner) });
    this.pending.set(runner, list);
    return Promise.resolve();
  }

  /**
   * Writes the transaction's queued events under the chain head's lock (held until commit). A
   * savepoint's release (a service transaction nested in a keyed request's transaction) only
   * hands its events to the enclosing level: they are written when the outermost transaction
   * commits, after every lock of every nested transaction.
   */
  private async flush(runner: QueryRunner): Promise<void> {
    const list = this.pending.get(runner);
    if (!list?.length) return;
    const depth = depthOf(runner);
    if (depth > 1) {
      for (const e of list) if (e.depth >= depth) e.depth = depth - 1;
      return;
    }
    this.pending.delete(runner);
    const [head] = (await runner.query(`SELECT seq, hash, clock_timestamp() AS now FROM audit_head WHERE id = 1 FOR UPDATE`)) as {
      seq: string;
      hash: string;
      now: Date;
    }[];
    let prev = { seq: Number(head.seq), hash: head.hash };
    for (const { ctx, input } of list) {
      const unhashed = {
        seq: prev.seq + 1,
        occurredAt: head.now.toISOString(),
        actorId: ctx.actor.id,
        actorEmail: ctx.actor.email,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        entityVersion: input.entityVersion ?? null,
        changes: input.changes ?? {},
        reason: input.reason ?? null,
        requestId: ctx.requestId,
        prevHash: prev.hash,
      };
      const event: ChainedEvent = { ...unhashed, hash: hashEvent(unhashed) };
      await runner.query(
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
      prev = { seq: event.seq, hash: event.hash };
    }
  }

  /** A rollback (of the transaction, or of a savepoint) drops the events appended inside it. */
  private discard(runner: QueryRunner): void {
    const list = this.pending.get(runner);
    if (!list) return;
    const depth = depthOf(runner);
    const kept = list.filter((e) => e.depth < depth);
    if (kept.length) this.pending.set(runner, kept);
    else this.pending.delete(runner);
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
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM audit_event ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(rowToEvent);
    const nextCursor = rows.length > filter.limit ? String(items[items.length - 1].seq) : null;
    return { items, nextCursor };
  }

  /** Reads events in seq order, in batches, from `afterSeq` up to `uptoSeq`. */
  stream(opts: { afterSeq?: number; uptoSeq?: number; batchSize?: number } = {}): AsyncGenerator<ChainedEvent[]> {
    return streamAuditEvents(this.dataSource.manager, opts);
  }

  /** The chain's verdict as the API answers it: the whole chain, or only what follows the checkpoint. */
  async verdict(mode?: 'full' | 'incremental'): Promise<ChainVerdictResponse> {
    return toChainVerdictResponse(mode === 'incremental' ? await this.verifyIncremental() : await this.verify());
  }

  /** The chain up to the present head, as JSON lines (a chunk per batch read), with that head. */
  async exportLines(): Promise<{ head: { seq: number; hash: string }; chunks: AsyncGenerator<string> }> {
    const head = await this.head();
    return { head, chunks: toJsonLines(this.stream({ uptoSeq: head.seq })) };
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const [h] = await this.dataSource.query<{ seq: string; hash: string }[]>(`SELECT seq, hash FROM audit_head WHERE id = 1`);
    return { seq: Number(h.seq), hash: h.hash };
  }

  /**
   * Verifies the whole stored chain, from the first event, against the head recorded when
   * verification began (events appended meanwhile are left for the next run). The one way to
   * catch an event altered before the checkpoint: run by GET /api/audit-events/verify (default),
   * the demo and the hardening checks. Concurrent calls share one run, so callers cannot pile up
   * full reads of a long chain. It moves the checkpoint forward when the chain holds, and records
   * the break when it does not.
   */
  verify(): Promise<ChainVerification> {
    this.fullRun ??= this.verifyFrom(null).finally(() => (this.fullRun = undefined));
    return this.fullRun;
  }

  /**
   * Verifies the events after the checkpoint, after checking that the checkpointed event is
   * still the one verified: cost grows with the events since the last verification, not with
   * the chain. Used by the evidence report and bundle (which state the range) and by
   * GET /api/audit-events/verify?mode=incremental. A break recorded by a full verification is
   * reported until a full verification passes again.
   */
  async verifyIncremental(): Promise<ChainVerification> {
    const checkpoint = await readCheckpoint(this.dataSource.manager);
    if (checkpoint.broken) {
      const head = await this.head();
      return {
        valid: false,
        events: 0,
        firstSeq: null,
        lastSeq: null,
        headHash: null,
        firstInvalidSeq: checkpoint.broken.seq,
        problem: checkpoint.broken.problem,
        detail: `${checkpoint.broken.detail} (found by the full verification of ${checkpoint.broken.foundAt}; run it again once resolved)`,
        mode: 'incremental',
        fromSeq: checkpoint.seq + 1,
        toSeq: head.seq,
        checkpointSeq: checkpoint.seq,
        fullVerifiedAt: checkpoint.fullVerifiedAt,
      };
    }
    return this.verifyFrom(checkpoint);
  }

  private async verifyFrom(checkpoint: Checkpoint | null): Promise<ChainVerification> {
    const m = this.dataSource.manager;
    const head = await this.head();
    const after = checkpoint && checkpoint.seq > 0 ? { seq: checkpoint.seq, hash: checkpoint.hash } : undefined;
    const verifier = new ChainVerifier(after ? { after } : {});
    if (after) {
      // The checkpointed event must still be the one verified, unchanged.
      const read = await this.stream({ afterSeq: after.seq - 1, uptoSeq: after.seq, batchSize: 1 }).next();
      const anchor: ChainedEvent | undefined = read.done ? undefined : read.value[0];
      if (!anchor) verifier.reportUnexpected(after.seq, 'sequence_gap', `event ${after.seq}, the verified checkpoint, is missing`);
      else if (anchor.hash !== after.hash || hashEvent(anchor) !== after.hash)
        verifier.reportUnexpected(
          after.seq,
          'hash_mismatch',
          `event ${after.seq}, the verified checkpoint, was altered after it was verified`,
        );
      else if (head.seq < after.seq)
        verifier.reportUnexpected(
          head.seq + 1,
          'head_mismatch',
          `the chain head (${head.seq}) lies before the verified checkpoint (${after.seq})`,
        );
    }
    if (!verifier.failed) {
      for await (const batch of this.stream({ afterSeq: after?.seq ?? 0, uptoSeq: head.seq })) {
        for (const e of batch) if (!verifier.push(e)) break;
        if (verifier.failed) break;
      }
      verifier.checkHead(head);
    }
    if (!verifier.failed) {
      // Rows beyond the head that no append wrote (the head moves with every append).
      const current = await this.head();
      const [beyond] = await this.dataSource.query<
        {
          seq: string | null;
        }[]
      >(`SELECT min(seq) AS seq FROM audit_event WHERE seq > $1`, [current.seq]);
      if (beyond.seq !== null) verifier.reportUnexpected(Number(beyond.seq));
    }
    const verdict = verifier.verdict();
    const full = checkpoint === null;
    let fullVerifiedAt = checkpoint?.fullVerifiedAt ?? null;
    if (verdict.valid) fullVerifiedAt = await advanceCheckpoint(m, head, full);
    else if (full) await recordBreak(m, { seq: verdict.firstInvalidSeq!, problem: verdict.problem!, detail: verdict.detail ?? '' });
    return {
      ...verdict,
      mode: full ? 'full' : 'incremental',
      fromSeq: (after?.seq ?? 0) + 1,
      toSeq: head.seq,
      checkpointSeq: after?.seq ?? 0,
      fullVerifiedAt,
    };
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
    const rows = await m.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM audit_event WHERE seq > $1 AND seq <= $2 ${scope} ORDER BY seq LIMIT $3`,
      [after, upto, batchSize, ...(opts.entityIds ? [opts.entityIds] : [])],
    );
    if (rows.length === 0) return;
    const events = rows.map(rowToEvent);
    yield events;
    after = events[events.length - 1].seq;
    if (rows.length < batchSize) return;
  }
}

/** How many events of the given entities the chain holds up to `uptoSeq`. */
export async function countAuditEvents(m: EntityManager, entityIds: string[], uptoSeq: number): Promise<number> {
  const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = ANY($1) AND seq <= $2`, [
    entityIds,
    uptoSeq,
  ]);
  return n;
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

/** How deep the runner's transaction is nested (1 = top level); TypeORM keeps it on the runner. */
function depthOf(runner: QueryRunner): number {
  return (runner as QueryRunner & { transactionDepth?: number }).transactionDepth ?? 1;
}
