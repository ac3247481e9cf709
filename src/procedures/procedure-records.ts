import type { EntityManager } from 'typeorm';
import { notFound } from '../common/problem.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';

/**
 * Reading and locking the library's rows, shared by the services of this module (which write) and
 * the library service (which reads): a file of its own, so that neither service imports the other's.
 */

/** The record type of a procedure version in signatures and audit events. */
export const PROCEDURE_VERSION = 'procedure_version';

export async function findProcedure(m: EntityManager, key: string): Promise<Procedure> {
  const p = await m.getRepository(Procedure).findOneBy({ key });
  if (!p) throw notFound('Procedure');
  return p;
}

export async function lockProcedure(m: EntityManager, key: string): Promise<Procedure> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM procedure WHERE key = $1 FOR UPDATE`, [key]);
  if (rows.length === 0) throw notFound('Procedure');
  return m.getRepository(Procedure).findOneByOrFail({ id: rows[0].id });
}

export async function findVersion(m: EntityManager, procedure: Procedure, n: number): Promise<ProcedureVersion> {
  const v = await m.getRepository(ProcedureVersion).findOneBy({ procedureId: procedure.id, number: n });
  if (!v) throw notFound(`Version ${n} of procedure ${procedure.key}`);
  return v;
}

export type Contribution = 'created' | 'edited' | 'imported';

/** Records that a person contributed to a draft's content (once per kind of contribution). */
export async function addContributor(m: EntityManager, versionId: string, userId: string, contribution: Contribution): Promise<void> {
  await m.query(
    `INSERT INTO procedure_version_contributor (version_id, user_id, contribution) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [versionId, userId, contribution],
  );
}

/**
 * The procedure `key`, share-locked until the transaction ends: an approval or retirement (which
 * locks the row for update) waits, or is waited for, so an acknowledgement sees the version in force.
 */
export async function shareProcedure(m: EntityManager, key: string): Promise<Procedure> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM procedure WHERE key = $1 FOR SHARE`, [key]);
  if (rows.length === 0) throw notFound('Procedure');
  return m.getRepository(Procedure).findOneByOrFail({ id: rows[0].id });
}

/** One "read and understood" of a procedure version. */
export interface AcknowledgementRow {
  versionId: string;
  userId: string;
  acknowledgedAt: Date;
}

/** The acknowledgements of the versions among `versionIds`, of one user when `userId` is given; oldest first. */
export function acknowledgementsOf(m: EntityManager, versionIds: readonly string[], userId?: string): Promise<AcknowledgementRow[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return m.query<AcknowledgementRow[]>(
    `SELECT a.version_id AS "versionId", a.user_id AS "userId", a.acknowledged_at AS "acknowledgedAt"
     FROM procedure_acknowledgement a WHERE a.version_id = ANY($1) AND ($2::uuid IS NULL OR a.user_id = $2)
     ORDER BY a.acknowledged_at, a.user_id`,
    [[...versionIds], userId ?? null],
  );
}

/** Records an acknowledgement; null when the user had already acknowledged the version (nothing written). */
export async function insertAcknowledgement(m: EntityManager, versionId: string, userId: string): Promise<Date | null> {
  const rows = await m.query<{ at: Date }[]>(
    `INSERT INTO procedure_acknowledgement (version_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING acknowledged_at AS at`,
    [versionId, userId],
  );
  return rows[0]?.at ?? null;
}

/** The caller's own standing with the version in force of each procedure: asked or not, and when they acknowledged it. */
export async function myAcknowledgements(
  m: EntityManager,
  caller: { id: string | null; roles: readonly string[] },
  inForce: readonly ProcedureVersion[],
): Promise<Map<string, { required: boolean; acknowledgedAt: Date | null }>> {
  const asked = inForce.filter((v) => v.acknowledgementRoles.some((r) => caller.roles.includes(r)));
  const mine: AcknowledgementRow[] = caller.id
    ? await acknowledgementsOf(
        m,
        asked.map((v) => v.id),
        caller.id,
      )
    : [];
  return new Map(
    inForce.map((v) => [
      v.id,
      { required: asked.includes(v), acknowledgedAt: mine.find((a) => a.versionId === v.id)?.acknowledgedAt ?? null },
    ]),
  );
}
