import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '../common/roles.js';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { Programme } from './programme.entity.js';

/** Roles that see every programme. Programme leaders see only the programmes they lead. */
const SEE_ALL = ['quality_manager', 'auditor', 'board_member'] as const;
/** Roles that change any programme's records. */
const WRITE_ALL = ['quality_manager'] as const;
/** Roles that see who the participants of every programme are. */
const IDENTIFY_ALL = ['quality_manager'] as const;

export interface ScopeOptions {
  /**
   * What the caller asked for, named in the 404 when the programme is hidden or missing
   * ("Execution not found"): a record in a programme the caller may not see answers exactly
   * like a record that does not exist. Default: the programme itself.
   */
  what?: string;
}

/**
 * Programme scoping. A programme a leader does not lead does not exist for them: 404, so
 * they cannot even learn which programmes exist.
 */
@Injectable()
export class ProgrammeAccess {
  async readable(m: EntityManager, ctx: RequestContext, programmeId: string, opts: ScopeOptions = {}): Promise<Programme> {
    return this.check(m, ctx, programmeId, SEE_ALL, opts.what);
  }

  async writable(
    m: EntityManager,
    ctx: RequestContext,
    programmeId: string,
    opts: ScopeOptions & { lock?: boolean } = {},
  ): Promise<Programme> {
    return this.check(m, ctx, programmeId, WRITE_ALL, opts.what, opts.lock);
  }

  /**
   * Whether the actor may see who the participants of this programme are: names, contact details
   * and the free text written about them. Decided per programme: a quality manager, or a leader
   * of this programme. Everyone else (auditors, board members, leaders of other programmes) gets
   * the pseudonymised view, whatever other roles they hold.
   */
  async identifies(m: EntityManager, ctx: RequestContext, programmeId: string): Promise<boolean> {
    if (hasAnyRole(ctx.actor.roles, IDENTIFY_ALL)) return true;
    if (!ctx.actor.id || !ctx.actor.roles.includes('programme_leader')) return false;
    const rows = await m.query<unknown[]>(`SELECT 1 FROM programme_leader WHERE programme_id = $1 AND user_id = $2`, [
      programmeId,
      ctx.actor.id,
    ]);
    return rows.length > 0;
  }

  /** SQL condition restricting `programme` rows (alias p) to what the actor may see; null when unrestricted. */
  visibilityFilter(ctx: RequestContext): { sql: string; params: unknown[] } | null {
    if (hasAnyRole(ctx.actor.roles, SEE_ALL)) return null;
    return { sql: `p.id IN (SELECT programme_id FROM programme_leader WHERE user_id = $1)`, params: [ctx.actor.id] };
  }

  /** The ids of the programmes the actor may see, in id order. */
  async visibleIds(m: EntityManager, ctx: RequestContext): Promise<string[]> {
    const filter = this.visibilityFilter(ctx);
    const rows = await m.query<{ id: string }[]>(
      `SELECT p.id FROM programme p ${filter ? `WHERE ${filter.sql}` : ''} ORDER BY p.id`,
      filter?.params ?? [],
    );
    return rows.map((r) => r.id);
  }

  /**
   * One read: the programme (locked when asked) and, for an actor whose roles do not reach every
   * programme, whether they lead it. A write request runs this on its hot path.
   */
  private async check(
    m: EntityManager,
    ctx: RequestContext,
    programmeId: string,
    roles: readonly string[],
    what = 'Programme',
    lock = false,
  ): Promise<Programme> {
    const asLeader = !hasAnyRole(ctx.actor.roles, roles as never[]);
    const query = m.getRepository(Programme).createQueryBuilder('p').where('p.id = :programmeId', { programmeId });
    if (asLeader) {
      query
        .addSelect('EXISTS (SELECT 1 FROM programme_leader pl WHERE pl.programme_id = p.id AND pl.user_id = :actorId)', 'leads')
        .setParameter('actorId', ctx.actor.id);
    }
    if (lock) query.setLock('pessimistic_write');
    const { entities, raw } = await query.getRawAndEntities<{ leads?: boolean }>();
    return this.admit(ctx, entities[0] ?? null, raw[0]?.leads === true, roles, what);
  }

  /**
   * `writable` for a caller that read the programme itself, in a statement of its own
   * (programmeWithLeadershipSql: the programme and whether the actor leads it).
   */
  writableFrom(ctx: RequestContext, programme: Programme | null, leads: boolean, what = 'Programme'): Programme {
    return this.admit(ctx, programme, leads, WRITE_ALL, what);
  }

  private admit(ctx: RequestContext, programme: Programme | null, leads: boolean, roles: readonly string[], what: string): Programme {
    if (!programme) throw notFound(what);
    const asLeader = !hasAnyRole(ctx.actor.roles, roles as never[]);
    if (asLeader && !(leads && ctx.actor.roles.includes('programme_leader'))) throw notFound(what);
    return programme;
  }
}
