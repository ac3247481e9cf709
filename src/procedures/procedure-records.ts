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
