import type { EntityManager } from 'typeorm';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { deviationIdsSql } from '../deviations/deviations.queries.js';
import type { ProgrammeAccess } from '../programmes/programme-access.js';
import { programmesLedBySql } from '../programmes/programmes.queries.js';
import { CorrectiveAction } from './corrective-action.entity.js';

/**
 * Reads an action the actor may see: programme leaders only those they own or that address their
 * programmes. Shared by the service (before a change) and the queries service (before a read).
 */
export async function findVisibleAction(
  m: EntityManager,
  access: ProgrammeAccess,
  ctx: RequestContext,
  id: string,
): Promise<CorrectiveAction> {
  const action = await m.getRepository(CorrectiveAction).findOneBy({ id });
  if (!action) throw notFound('Corrective action');
  if (access.visibilityFilter(ctx) && action.ownerId !== ctx.actor.id) {
    const visible = await m.query<unknown[]>(
      `SELECT 1 FROM corrective_action_deviation l
       WHERE l.corrective_action_id = $1 AND l.deviation_id IN (${deviationIdsSql({ programmesIn: programmesLedBySql('$2') })}) LIMIT 1`,
      [id, ctx.actor.id],
    );
    if (visible.length === 0) throw notFound('Corrective action');
  }
  return action;
}
