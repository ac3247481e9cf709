import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService, diffChanges } from '../audit/audit.service.js';
import { hasAnyRole } from '../common/roles.js';
import { stale } from '../common/etag.js';
import { modifyReturning } from '../common/sql.js';
import { isValidTimeZone } from '../common/calendar.js';
import { conflict, forbidden, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { effectiveVersions, versionByKeyAndNumber } from '../procedures/procedures.queries.js';
import { requireBaselineAdopted } from '../procedures/baseline-gate.js';
import type { VersionRow } from '../procedures/procedures.queries.js';
import { usersByIds } from '../users/users.queries.js';
import { ProgrammeAccess } from './programme-access.js';
import { PlanEntry, Programme } from './programme.entity.js';
import type { ProgrammeResponse } from './programme.dto.js';
import { toProgrammeResponse } from './programme.mapper.js';

export interface ProgrammeInput {
  name: string;
  description: string;
  targetGroup: string;
  startDate: string;
  endDate: string;
  leaderIds: string[];
  timeZone?: string;
}

export interface ProgrammeView {
  programme: Programme;
  leaders: { id: string; name: string }[];
  plan: PlanEntry[];
  history: PlanEntry[];
}

const AUDITED = ['name', 'description', 'targetGroup', 'startDate', 'endDate', 'timeZone', 'status'] as const;

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
  ) {}

  async create(ctx: RequestContext, input: ProgrammeInput): Promise<ProgrammeResponse> {
    checkDates(input.startDate, input.endDate);
    const timeZone = input.timeZone ?? 'Europe/Stockholm';
    if (!isValidTimeZone(timeZone))
      throw validationFailed([{ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Stockholm' }]);
    return this.dataSource.transaction(async (m) => {
      await requireLeaders(m, input.leaderIds);
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO programme (name, description, target_group, start_date, end_date, time_zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.name, input.description, input.targetGroup, input.startDate, input.endDate, timeZone],
      );
      await setLeaders(m, row.id, input.leaderIds);
      const programme = await m.getRepository(Programme).findOneByOrFail({ id: row.id });
      await this.audit.append(m, ctx, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: programme.id,
        entityVersion: programme.version,
        changes: { ...diffChanges(null, programme, AUDITED), leaderIds: { old: null, new: [...input.leaderIds].sort() } },
      });
      return this.view(m, programme);
    });
  }

  async list(ctx: RequestContext, status?: string): Promise<ProgrammeResponse[]> {
    const filter = this.access.visibilityFilter(ctx);
    const params: unknown[] = filter ? [...filter.params] : [];
    const where: string[] = filter ? [filter.sql] : [];
    if (status) {
      params.push(status);
      where.push(`p.status = $${params.length}`);
    }
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT p.id FROM programme p ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY p.start_date DESC, p.name`,
      params,
    );
    const programmes = await this.dataSource.getRepository(Programme).findBy(rows.map((r) => ({ id: r.id })));
    const byId = new Map(programmes.map((p) => [p.id, p]));
    return Promise.all(rows.map((r) => this.view(this.dataSource.manager, byId.get(r.id)!)));
  }

  async get(ctx: RequestContext, id: string): Promise<ProgrammeResponse> {
    const programme = await this.access.readable(this.dataSource.manager, ctx, id);
    return this.view(this.dataSource.manager, programme);
  }

  async update(ctx: RequestContext, id: string, expected: number, patch: Partial<ProgrammeInput>): Promise<ProgrammeResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.access.writable(m, ctx, id, { lock: true });
      // Who leads a programme decides who sees its records: a leader may not hand it on or share it.
      if (patch.leaderIds && !hasAnyRole(ctx.actor.roles, ['quality_manager'])) {
        throw forbidden('forbidden_role', 'Only a quality manager assigns the leaders of a programme');
      }
      if (before.version !== expected) throw stale(before.version);
      if (before.status === 'closed') throw conflict('programme_closed', 'A closed programme cannot change');
      if ((patch.startDate || patch.endDate) && before.status !== 'planned') {
        throw conflict(
          'programme_dates_fixed',
          'Start and end dates can change only while the programme is planned: every time window is measured from them',
        );
      }
      const next = {
        name: patch.name ?? before.name,
        description: patch.description ?? before.description,
        targetGroup: patch.targetGroup ?? before.targetGroup,
        startDate: patch.startDate ?? before.startDate,
        endDate: patch.endDate ?? before.endDate,
      };
      checkDates(next.startDate, next.endDate);
      const oldLeaders = await leaderIds(m, id);
      const newLeaders = patch.leaderIds ? [...patch.leaderIds].sort() : oldLeaders;
      const leadersChange = JSON.stringify(oldLeaders) !== JSON.stringify(newLeaders);
      // Nothing to change: no new version and no audit event, which records changes only.
      if (!leadersChange && Object.keys(diffChanges(before, { ...before, ...next }, AUDITED)).length === 0) return this.view(m, before);
      const rows = await modifyReturning(
        m,
        `UPDATE programme SET name = $3, description = $4, target_group = $5, start_date = $6, end_date = $7, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expected, next.name, next.description, next.targetGroup, next.startDate, next.endDate],
      );
      if (rows.length === 0) throw stale(undefined);
      const changes: Record<string, unknown> = {};
      if (leadersChange) {
        await requireLeaders(m, newLeaders);
        await setLeaders(m, id, newLeaders);
        changes.leaderIds = { old: oldLeaders, new: newLeaders };
      }
      const after = await m.getRepository(Programme).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        entityVersion: after.version,
        changes: { ...diffChanges(before, after, AUDITED), ...changes },
      });
      return this.view(m, after);
    });
  }

  /** Activation pins, for each procedure in force now, its effective version: the programme's plan. */
  async activate(ctx: RequestContext, id: string): Promise<ProgrammeResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.access.writable(m, ctx, id, { lock: true });
      if (before.status !== 'planned')
        throw conflict('transition_not_allowed', `The programme is ${before.status}; only a planned programme can be activated`, {
          allowed: allowedFor(before.status),
        });
      await requireBaselineAdopted(m);
      const pinned = await effectiveVersions(m);
      if (pinned.length)
        await m.query(
          `INSERT INTO programme_plan_entry (programme_id, procedure_id, procedure_key, version_id, version_number, content_hash, adopted_by, reason)
           SELECT $1, v.procedure_id, v.procedure_key, v.version_id, v.version_number, v.content_hash, $2, 'Effective when the programme was activated'
           FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::int[], $7::text[])
             WITH ORDINALITY AS v(procedure_id, procedure_key, version_id, version_number, content_hash, n)
           ORDER BY v.n`,
          [
            id,
            ctx.actor.id,
            pinned.map((v) => v.procedureId),
            pinned.map((v) => v.procedureKey),
            pinned.map((v) => v.id),
            pinned.map((v) => v.number),
            pinned.map((v) => v.contentHash),
          ],
        );
      await m.query(
        `UPDATE programme SET status = 'active', activated_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      const after = await m.getRepository(Programme).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'programme.activate',
        entityType: 'programme',
        entityId: id,
        entityVersion: after.version,
        changes: {
          status: { old: 'planned', new: 'active' },
          procedurePlan: {
            old: null,
            new: pinned.map((v) => ({ procedureKey: v.procedureKey, version: v.number, contentHash: v.contentHash })),
          },
        },
      });
      return this.view(m, after);
    });
  }

  async close(ctx: RequestContext, id: string): Promise<ProgrammeResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.access.writable(m, ctx, id, { lock: true });
      if (before.status !== 'active')
        throw conflict('transition_not_allowed', `The programme is ${before.status}; only an active programme can be closed`, {
          allowed: allowedFor(before.status),
        });
      await m.query(`UPDATE programme SET status = 'closed', closed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
      ]);
      const after = await m.getRepository(Programme).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'programme.close',
        entityType: 'programme',
        entityId: id,
        entityVersion: after.version,
        changes: { status: { old: 'active', new: 'closed' } },
      });
      return this.view(m, after);
    });
  }

  /**
   * Explicit adoption of a newer effective version (the plan's half of a plan migration, in the
   * caller's transaction): locks the programme, checks the version, and replaces the plan entry.
   * Moving open executions is the caller's (see plan-migration/).
   */
  async adoptVersion(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    input: { procedureKey: string; toVersion: number; reason: string },
  ): Promise<{ programme: Programme; target: VersionRow; previousNumber: number | null }> {
    const programme = await this.access.writable(m, ctx, id, { lock: true });
    if (programme.status !== 'active')
      throw conflict('programme_not_active', `The programme is ${programme.status}; its plan can change only while it is active`);
    const target = await versionByKeyAndNumber(m, input.procedureKey, input.toVersion);
    if (!target) throw notFound(`Version ${input.toVersion} of procedure ${input.procedureKey}`);
    if (target.status !== 'effective') {
      throw unprocessable(
        'version_not_effective',
        `Version ${input.toVersion} of ${input.procedureKey} is ${target.status}; only the effective version can be adopted`,
        {
          errors: [{ field: 'toVersion', message: 'must be the effective version' }],
        },
      );
    }
    const current = await currentPlanEntry(m, id, target.procedureId);
    if (current && current.versionNumber >= input.toVersion) {
      throw conflict('not_newer', `The programme already follows version ${current.versionNumber} of ${input.procedureKey}`);
    }
    // The old entry is marked replaced (not edited otherwise) before the new one takes its place.
    if (current) await m.query(`UPDATE programme_plan_entry SET replaced_at = now() WHERE id = $1`, [current.id]);
    const [entry] = await m.query<{ id: string }[]>(
      `INSERT INTO programme_plan_entry (programme_id, procedure_id, procedure_key, version_id, version_number, content_hash, adopted_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [id, target.procedureId, input.procedureKey, target.id, target.number, target.contentHash, ctx.actor.id, input.reason],
    );
    if (current) await m.query(`UPDATE programme_plan_entry SET replaced_by_id = $2 WHERE id = $1`, [current.id, entry.id]);
    return { programme, target, previousNumber: current?.versionNumber ?? null };
  }

  /** The programme's response: its leaders and plan read through `m` (the caller's transaction). */
  async view(m: EntityManager, programme: Programme): Promise<ProgrammeResponse> {
    return toProgrammeResponse(await this.viewOf(m, programme));
  }

  private async viewOf(m: EntityManager, programme: Programme): Promise<ProgrammeView> {
    const leaders = (await usersByIds(m, await leaderIds(m, programme.id))).map((u) => ({ id: u.id, name: u.name }));
    const entries = await m
      .getRepository(PlanEntry)
      .find({ where: { programmeId: programme.id }, order: { procedureKey: 'ASC', adoptedAt: 'ASC' } });
    return {
      programme,
      leaders,
      plan: entries.filter((e) => e.replacedAt === null),
      history: entries.filter((e) => e.replacedAt !== null),
    };
  }
}

async function currentPlanEntry(m: EntityManager, programmeId: string, procedureId: string): Promise<PlanEntry | null> {
  return m
    .getRepository(PlanEntry)
    .createQueryBuilder('e')
    .where('e.programme_id = :programmeId AND e.procedure_id = :procedureId AND e.replaced_at IS NULL', { programmeId, procedureId })
    .getOne();
}

function allowedFor(status: string): string[] {
  return status === 'planned' ? ['activate'] : status === 'active' ? ['close'] : [];
}

function checkDates(start: string, end: string): void {
  if (end <= start) throw validationFailed([{ field: 'endDate', message: 'must be after startDate' }]);
}

async function requireLeaders(m: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const users = await usersByIds(m, ids);
  const bad = ids.filter((id) => !users.some((u) => u.id === id && u.active && u.roles.includes('programme_leader')));
  if (bad.length) {
    throw unprocessable('invalid_leader', `Not an active user with the programme_leader role: ${bad.join(', ')}`, {
      errors: [{ field: 'leaderIds', message: `must name active users with the programme_leader role; these are not: ${bad.join(', ')}` }],
    });
  }
}

async function setLeaders(m: EntityManager, programmeId: string, ids: string[]): Promise<void> {
  await m.query(`DELETE FROM programme_leader WHERE programme_id = $1`, [programmeId]);
  for (const userId of new Set(ids)) {
    await m.query(`INSERT INTO programme_leader (programme_id, user_id) VALUES ($1, $2)`, [programmeId, userId]);
  }
}

async function leaderIds(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<
    {
      user_id: string;
    }[]
  >(`SELECT user_id FROM programme_leader WHERE programme_id = $1 ORDER BY user_id`, [programmeId]);
  return rows.map((r) => r.user_id);
}
