/**
 * The audit chain, as pure functions: how an event is hashed and how a sequence of events
 * is verified. Used by the service, by the offline verifier (no database) and by tests.
 */
import { canonicalJson, sha256Hex } from '../common/canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as stored and exported. `hash` covers every other member. */
export interface ChainedEvent {
  seq: number;
  occurredAt: string;
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

export type UnhashedEvent = Omit<ChainedEvent, 'hash'>;

export function hashEvent(e: UnhashedEvent): string {
  const body: UnhashedEvent = {
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityVersion: e.entityVersion,
    changes: e.changes,
    reason: e.reason,
    requestId: e.requestId,
    prevHash: e.prevHash,
  };
  return sha256Hex(canonicalJson(body));
}

export type ChainProblem = 'sequence_gap' | 'broken_link' | 'hash_mismatch' | 'head_mismatch' | 'unexpected_event' | 'malformed_event';

export interface ChainVerdict {
  valid: boolean;
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  headHash: string | null;
  firstInvalidSeq?: number;
  problem?: ChainProblem;
  detail?: string;
}

/**
 * Feeds events in order and reports the first one that breaks the chain.
 * By default the chain must start at seq 1 from the genesis hash; an export that starts
 * later can be checked from its first event's `prevHash` (`anchored: false`).
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string | null;
  private count = 0;
  private firstSeq: number | null = null;
  private lastSeq: number | null = null;
  private failure: { seq: number; problem: ChainProblem; detail: string } | undefined;
  /** The event the chain continues from (seq 0 and the genesis hash, unless `after` is given). */
  private readonly start: { seq: number; hash: string } | null;

  /**
   * `after`: the chain continues from an event already verified (a checkpoint): the first event
   * pushed must be `after.seq + 1` and point at `after.hash`.
   */
  constructor(opts: { anchored?: boolean; after?: { seq: number; hash: string } } = {}) {
    const anchored = opts.anchored ?? true;
    this.start = opts.after ?? (anchored ? { seq: 0, hash: GENESIS_HASH } : null);
    this.expectedSeq = this.start ? this.start.seq + 1 : -1;
    this.prevHash = this.start ? this.start.hash : null;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Returns false once the chain is broken (further events are ignored). */
  push(e: ChainedEvent): boolean {
    if (this.failure) return false;
    if (!isWellFormed(e)) {
      return this.fail(
        this.expectedSeq > 0 ? this.expectedSeq : Number(e?.seq) || 0,
        'malformed_event',
        'an event lacks a member or has one of the wrong type',
      );
    }
    if (this.expectedSeq === -1) this.expectedSeq = e.seq;
    if (this.prevHash === null) this.prevHash = e.prevHash;
    if (e.seq !== this.expectedSeq) {
      const detail = e.seq > this.expectedSeq ? `event ${this.expectedSeq} is missing` : `event ${e.seq} is out of order or duplicated`;
      return this.fail(this.expectedSeq, 'sequence_gap', detail);
    }
    if (e.prevHash !== this.prevHash) {
      return this.fail(e.seq, 'broken_link', `event ${e.seq} does not point at the hash of event ${e.seq - 1}`);
    }
    if (hashEvent(e) !== e.hash) {
      return this.fail(e.seq, 'hash_mismatch', `event ${e.seq} was altered after it was written`);
    }
    if (this.firstSeq === null) this.firstSeq = e.seq;
    this.lastSeq = e.seq;
    this.prevHash = e.hash;
    this.expectedSeq++;
    this.count++;
    return true;
  }

  /** The chain head recorded by the database must match the last event seen. */
  checkHead(head: { seq: number; hash: string }): boolean {
    if (this.failure) return false;
    const lastSeq = this.lastSeq ?? this.start?.seq ?? 0;
    if (head.seq > lastSeq)
      return this.fail(lastSeq + 1, 'sequence_gap', `the chain head is at ${head.seq} but event ${lastSeq + 1} is missing`);
    if (head.seq < lastSeq) return this.fail(head.seq + 1, 'unexpected_event', `event ${head.seq + 1} lies beyond the chain head`);
    if (head.seq > 0 && head.hash !== this.prevHash)
      return this.fail(head.seq, 'head_mismatch', `the chain head hash does not match event ${head.seq}`);
    return true;
  }

  /** Input that is not an event at all (a line of an export that is not JSON). */
  reportMalformed(detail: string): void {
    if (!this.failure) this.fail(this.expectedSeq > 0 ? this.expectedSeq : (this.lastSeq ?? 0) + 1, 'malformed_event', detail);
  }

  /** An event found beyond the head after verification (inserted behind the service's back). */
  reportUnexpected(seq: number, problem: ChainProblem = 'unexpected_event', detail = `event ${seq} lies beyond the chain head`): void {
    if (!this.failure) this.fail(seq, problem, detail);
  }

  verdict(): ChainVerdict {
    const base = {
      events: this.count,
      firstSeq: this.firstSeq,
      lastSeq: this.lastSeq,
      headHash: this.count > 0 ? this.prevHash : (this.start?.hash ?? null),
    };
    if (!this.failure) return { valid: true, ...base };
    return { valid: false, ...base, firstInvalidSeq: this.failure.seq, problem: this.failure.problem, detail: this.failure.detail };
  }

  private fail(seq: number, problem: ChainProblem, detail: string): false {
    this.failure = { seq, problem, detail };
    return false;
  }
}

function isWellFormed(e: ChainedEvent): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    Number.isSafeInteger(e.seq) &&
    typeof e.occurredAt === 'string' &&
    typeof e.action === 'string' &&
    typeof e.entityType === 'string' &&
    typeof e.entityId === 'string' &&
    typeof e.actorEmail === 'string' &&
    typeof e.prevHash === 'string' &&
    typeof e.hash === 'string' &&
    typeof e.changes === 'object' &&
    e.changes !== null
  );
}
