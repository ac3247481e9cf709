import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '../auth/roles.js';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { Programme } from './programme.entity.js';

/** Roles that see every programme. Programme leaders see only the programmes they lead. */
const SEE_ALL = ['quality_manager', 'auditor', 'board_member'] as const;
/** Roles that change any programme's records. */
const WRITE_ALL = ['quality_manager'] as const;

/**
 * Programme scoping. A programme a leader does not lead does not exist for them: 404, so
 * they cannot even learn which programmes exist.
 */
@Injectable()
export class ProgrammeAccess {
  async readable(m: EntityManager, ctx: RequestContext, programmeId: string): Promise<Programme> {
    return this.check(m, ctx, programmeId, SEE_ALL);
  }

  async writable(m: EntityManager, ctx: RequestContext, programmeId: string, opts: { lock?: boolean } = {}): Promise<Programme> {
    return this.check(m, ctx, programmeId, WRITE_ALL, opts.lock);
  }

  /** SQL condition restricting `programme` rows (alias p) to what the actor may see; null when unrestricted. */
  visibilityFilter(ctx: RequestContext): { sql: string; params: unknown[] } | null {
    if (hasAnyRole(ctx.actor.roles, SEE_ALL)) return null;
    return { sql: `p.id IN (SELECT programme_id FROM programme_leader WHERE user_id = $1)`, params: [ctx.actor.id] };
  }

  /**
   * One read for roles that see every programme (the programme itself, locked when asked), one
   * more for a leader (do they lead it?). A write request runs this on its hot path.
   */
  private async check(m: EntityManager, ctx: RequestContext, programmeId: string, roles: readonly string[], lock = false): Promise<Programme> {
    const query = m.getRepository(Programme).createQueryBuilder('p').where('p.id = :programmeId', { programmeId });
    if (lock) query.setLock('pessimistic_write');
    const programme = await query.getOne();
    if (!programme) throw notFound('Programme', programmeId);
    if (!hasAnyRole(ctx.actor.roles, roles as never[])) {
      const leads = (await m.query(`SELECT 1 FROM programme_leader WHERE programme_id = $1 AND user_id = $2`, [programmeId, ctx.actor.id])) as unknown[];
      if (leads.length === 0 || !ctx.actor.roles.includes('programme_leader')) throw notFound('Programme', programmeId);
    }
    return programme;
  }
}
