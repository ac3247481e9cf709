/**
 * The risk module's tables (`risk`, `risk_revision`): every read and write of them is here.
 * Exported reads take the caller's `EntityManager`, so other modules (reports, management
 * reviews) read the register inside their own transaction.
 */
import type { EntityManager } from 'typeorm';
import type { RiskChange, RiskContent, RiskKind } from './risk-rating.js';

/** A risk with its latest revision. */
export interface RiskRow extends RiskContent {
  id: string;
  reference: string;
  kind: RiskKind;
  programmeId: string | null;
  createdAt: Date;
  createdBy: string;
  revision: number;
  change: RiskChange;
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export type RevisionRow = Omit<RiskRow, 'id' | 'reference' | 'kind' | 'programmeId' | 'createdAt' | 'createdBy'>;

const REVISION_COLUMNS = `rv.revision, rv.change, rv.reason, rv.title, rv.cause, rv.consequence, rv.likelihood, rv.impact,
  rv.treatment, rv.action_ids::text[] AS "actionIds", rv.residual_likelihood AS "residualLikelihood",
  rv.residual_impact AS "residualImpact", rv.owner_id AS "ownerId", rv.next_review_on::text AS "nextReviewOn", rv.status,
  rv.recorded_by AS "recordedBy", rv.recorded_at AS "recordedAt"`;

const RISK_COLUMNS = `r.id, r.reference, r.kind, r.programme_id AS "programmeId", r.created_at AS "createdAt", r.created_by AS "createdBy",
  ${REVISION_COLUMNS}`;

/** The latest revision of each risk, joined to the risk (alias r, rv). */
const CURRENT = `risk r JOIN LATERAL (
  SELECT * FROM risk_revision x WHERE x.risk_id = r.id ORDER BY x.revision DESC LIMIT 1) rv ON true`;

export interface RiskFilter {
  /** SQL restricting what the caller sees (alias r), with its parameters numbered from $1; null: everything. */
  visibility: { sql: string; params: unknown[] } | null;
  programmeId?: string;
  organisation?: boolean;
  kind?: RiskKind;
  status?: 'open' | 'closed';
  ownerId?: string;
  /** Only open risks whose review day is before this day. */
  overdueOn?: string;
  q?: string;
  /** Overdue is judged against this day for the ordering. */
  today: string;
  offset: number;
  limit: number;
}

function where(f: Omit<RiskFilter, 'today' | 'offset' | 'limit'>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.visibility) {
    params.push(...f.visibility.params);
    conditions.push(`(${f.visibility.sql})`);
  }
  if (f.programmeId && f.organisation) conditions.push(`(r.programme_id = ${p(f.programmeId)} OR r.programme_id IS NULL)`);
  else if (f.programmeId) conditions.push(`r.programme_id = ${p(f.programmeId)}`);
  else if (f.organisation) conditions.push(`r.programme_id IS NULL`);
  if (f.kind) conditions.push(`r.kind = ${p(f.kind)}`);
  if (f.status) conditions.push(`rv.status = ${p(f.status)}`);
  if (f.ownerId) conditions.push(`rv.owner_id = ${p(f.ownerId)}`);
  if (f.overdueOn) conditions.push(`rv.status = 'open' AND rv.next_review_on < ${p(f.overdueOn)}::date`);
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(r.reference ILIKE ${like} OR rv.title ILIKE ${like} OR rv.cause ILIKE ${like} OR rv.consequence ILIKE ${like})`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export async function searchRisks(m: EntityManager, f: RiskFilter): Promise<{ rows: RiskRow[]; total: number }> {
  const w = where(f);
  const [{ total }] = await m.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${CURRENT} ${w.sql}`, w.params);
  const n = w.params.length;
  const rows = await m.query<RiskRow[]>(
    `SELECT ${RISK_COLUMNS} FROM ${CURRENT} ${w.sql}
     ORDER BY (rv.status = 'open' AND rv.next_review_on < $${n + 1}::date) DESC, rv.status, rv.next_review_on, r.reference
     OFFSET $${n + 2} LIMIT $${n + 3}`,
    [...w.params, f.today, f.offset, f.limit],
  );
  return { rows, total };
}

/** Every open risk the filter admits (for the heat map): ratings only. */
export async function openRatings(
  m: EntityManager,
  f: Pick<RiskFilter, 'visibility' | 'programmeId' | 'organisation' | 'kind'>,
): Promise<Pick<RiskContent, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>[]> {
  const w = where({ ...f, status: 'open' });
  return m.query(
    `SELECT rv.likelihood, rv.impact, rv.residual_likelihood AS "residualLikelihood", rv.residual_impact AS "residualImpact"
     FROM ${CURRENT} ${w.sql}`,
    w.params,
  );
}

/** A risk with its latest revision; `lock` holds the risk row until the transaction ends (one revision at a time). */
export async function riskById(m: EntityManager, id: string, lock = false): Promise<RiskRow | null> {
  if (lock) await m.query(`SELECT id FROM risk WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await m.query<RiskRow[]>(`SELECT ${RISK_COLUMNS} FROM ${CURRENT} WHERE r.id = $1`, [id]);
  return row ?? null;
}

export async function revisionsOf(m: EntityManager, riskId: string): Promise<RevisionRow[]> {
  return m.query<RevisionRow[]>(`SELECT ${REVISION_COLUMNS} FROM risk_revision rv WHERE rv.risk_id = $1 ORDER BY rv.revision`, [riskId]);
}

export async function insertRisk(
  m: EntityManager,
  r: { reference: string; kind: RiskKind; programmeId: string | null; createdBy: string },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO risk (reference, kind, programme_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [r.reference, r.kind, r.programmeId, r.createdBy],
  );
  return row.id;
}

export async function insertRevision(
  m: EntityManager,
  riskId: string,
  revision: number,
  change: RiskChange,
  reason: string | null,
  c: RiskContent,
  recordedBy: string,
): Promise<void> {
  await m.query(
    `INSERT INTO risk_revision (risk_id, revision, change, reason, title, cause, consequence, likelihood, impact, treatment,
       action_ids, residual_likelihood, residual_impact, owner_id, next_review_on, status, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $15, $16, $17)`,
    [
      riskId,
      revision,
      change,
      reason,
      c.title,
      c.cause,
      c.consequence,
      c.likelihood,
      c.impact,
      c.treatment,
      c.actionIds,
      c.residualLikelihood,
      c.residualImpact,
      c.ownerId,
      c.nextReviewOn,
      c.status,
      recordedBy,
    ],
  );
}

/** Open risks whose review day has passed, owned by `ownerId` (the owner's home). */
export async function overdueRisksOwnedBy(m: EntityManager, ownerId: string, today: string): Promise<RiskRow[]> {
  return m.query<RiskRow[]>(
    `SELECT ${RISK_COLUMNS} FROM ${CURRENT} WHERE rv.owner_id = $1 AND rv.status = 'open' AND rv.next_review_on < $2::date
     ORDER BY rv.next_review_on, r.reference`,
    [ownerId, today],
  );
}
