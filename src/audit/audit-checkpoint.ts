import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../common/sql.js';
import type { ChainProblem } from './audit-chain.js';

/** The row of `audit_checkpoint`: events 1..seq verified, and what the last full verification found. */
export interface Checkpoint {
  seq: number;
  hash: string;
  verifiedAt: string | null;
  fullVerifiedAt: string | null;
  broken: { seq: number; problem: ChainProblem; detail: string; foundAt: string } | null;
}

export async function readCheckpoint(m: EntityManager): Promise<Checkpoint> {
  const [r] = await m.query<
    {
      seq: string;
      hash: string;
      verified_at: Date | null;
      full_verified_at: Date | null;
      broken_seq: string | null;
      broken_problem: ChainProblem | null;
      broken_detail: string | null;
      broken_found_at: Date | null;
    }[]
  >(
    `SELECT seq, hash, verified_at, full_verified_at, broken_seq, broken_problem, broken_detail, broken_found_at FROM audit_checkpoint WHERE id = 1`,
  );
  return {
    seq: Number(r.seq),
    hash: r.hash,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    fullVerifiedAt: r.full_verified_at?.toISOString() ?? null,
    broken:
      r.broken_seq === null
        ? null
        : {
            seq: Number(r.broken_seq),
            problem: r.broken_problem!,
            detail: r.broken_detail ?? '',
            foundAt: r.broken_found_at!.toISOString(),
          },
  };
}

/**
 * Moves the checkpoint forward to a verified event, never back: concurrent verifications may
 * finish in any order. A full verification that passed also clears a recorded break.
 */
export async function advanceCheckpoint(m: EntityManager, to: { seq: number; hash: string }, full: boolean): Promise<string | null> {
  const [row] = await modifyReturning<{ full_verified_at: Date | null }>(
    m,
    `UPDATE audit_checkpoint SET
       seq = CASE WHEN $1 >= seq THEN $1 ELSE seq END,
       hash = CASE WHEN $1 >= seq THEN $2 ELSE hash END,
       verified_at = now(),
       full_verified_at = CASE WHEN $3 THEN now() ELSE full_verified_at END,
       broken_seq = CASE WHEN $3 THEN NULL ELSE broken_seq END,
       broken_problem = CASE WHEN $3 THEN NULL ELSE broken_problem END,
       broken_detail = CASE WHEN $3 THEN NULL ELSE broken_detail END,
       broken_found_at = CASE WHEN $3 THEN NULL ELSE broken_found_at END
     WHERE id = 1 RETURNING full_verified_at`,
    [to.seq, to.hash, full],
  );
  return row?.full_verified_at?.toISOString() ?? null;
}

/** A full verification found the chain broken: every incremental verification reports it until a full one passes. */
export async function recordBreak(m: EntityManager, b: { seq: number; problem: ChainProblem; detail: string }): Promise<void> {
  await m.query(
    `UPDATE audit_checkpoint SET broken_seq = $1, broken_problem = $2, broken_detail = $3, broken_found_at = now() WHERE id = 1`,
    [b.seq, b.problem, b.detail],
  );
}
