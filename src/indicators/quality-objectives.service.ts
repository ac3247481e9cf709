import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import type { ImprovementType } from '../corrective-actions/action-states.js';
import { actionsByIds, actionsFromSource } from '../corrective-actions/corrective-actions.queries.js';
import type { ActionRow } from '../corrective-actions/corrective-actions.queries.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { rolesOfUsers, userNames, isActiveUser } from '../users/users.queries.js';
import type { Comparator } from './indicator-math.js';
import { IndicatorsService } from './indicators.service.js';
import type { RawIndicators } from './indicators.service.js';
import type { ObjectiveMeasurementResponse, ObjectiveResponse } from './indicators.dto.js';
import type { IndicatorUnit } from './objectives.js';
import { evaluate, implausibleTarget, measure, indicatorUnit, quarterOf, trendIsBetter, trendOf } from './objectives.js';
import { allProgrammeIds } from '../programmes/programmes.queries.js';
import { measurementsOf, objectiveRow, objectiveRows } from './indicators.queries.js';
import type { MeasurementRow, ObjectiveRow } from './indicators.queries.js';

/** Who may answer for an objective: people who act on the management system. */
const OWNER_ROLES = ['quality_manager', 'programme_leader', 'board_member'] as const;

export interface ObjectiveInput {
  programmeId?: string;
  indicator: string;
  comparator: Comparator;
  target: number;
  title: string;
  ownerId?: string;
  deadline?: string;
  actionIds?: string[];
}

export interface ObjectiveChange {
  title?: string;
  comparator?: Comparator;
  target?: number;
  ownerId?: string;
  deadline?: string;
  actionIds?: string[];
  reason: string;
}

export interface ObjectiveActionInput {
  type: ImprovementType;
  description: string;
  ownerId: string;
  dueDate: string;
  effectivenessCriterion: string;
  effectivenessCheckAfterDays?: number;
}

/** An objective as management reviews and reports read it (measured over the whole organisation). */
export interface ObjectiveStanding extends ObjectiveResponse {
  /** The measurements recorded in the period asked for. */
  inPeriod: ObjectiveMeasurementResponse[];
}

/** An objective's measurement of the quarter a management review closed in, as the review keeps it. */
export interface ClosingMeasurement {
  objectiveId: string;
  title: string;
  programmeId: string | null;
  indicator: string;
  unit: IndicatorUnit;
  /** The calendar quarter, e.g. 2027-Q1. */
  period: string;
  measuredOn: string;
  measured: number | null;
  comparator: string;
  target: number;
  status: 'met' | 'not_met' | 'not_measurable';
  /** True when the closing recorded it; false when the quarter was recorded before and is kept. */
  recordedAtClose: boolean;
  recordedBy: string | null;
  recordedAt: string;
}

/**
 * Quality objectives (ISO 9001 6.2): a target on an indicator with an owner, a deadline, a plan of
 * actions and a history of measured values per quarter. Changes are audited updates under
 * If-Match; measurements are rows that are never changed, one per objective and quarter.
 */
@Injectable()
export class QualityObjectivesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly indicators: IndicatorsService,
    private readonly actions: CorrectiveActionsService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: ObjectiveInput): Promise<ObjectiveResponse> {
    const id = await this.dataSource.transaction(async (m) => {
      if (input.programmeId) await this.access.writable(m, ctx, input.programmeId);
      checkTarget(input.indicator, input.comparator, input.target);
      const today = this.clock.today();
      const ownerId = input.ownerId ?? ctx.actor.id!;
      const deadline = input.deadline ?? `${today.slice(0, 4)}-12-31`;
      await this.checkOwner(m, ownerId);
      checkDeadline(deadline, today);
      const actionIds = await this.checkActions(m, input.actionIds ?? []);
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO quality_objective (programme_id, indicator, comparator, target, title, created_by, owner_id, deadline, action_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[]) RETURNING id`,
        [
          input.programmeId ?? null,
          input.indicator,
          input.comparator,
          input.target,
          input.title,
          ctx.actor.id,
          ownerId,
          deadline,
          actionIds,
        ],
      );
      await this.audit.append(m, ctx, {
        action: 'quality_objective.create',
        entityType: 'quality_objective',
        entityId: row.id,
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: input.programmeId ?? null },
          indicator: { old: null, new: input.indicator },
          comparator: { old: null, new: input.comparator },
          target: { old: null, new: input.target },
          title: { old: null, new: input.title },
          ownerId: { old: null, new: ownerId },
          deadline: { old: null, new: deadline },
          actionIds: { old: null, new: actionIds },
        },
      });
      return row.id;
    });
    return this.detail(ctx, id);
  }

  /** One objective, measured on its programme (or on every programme the caller may see). */
  async detail(ctx: RequestContext, id: string): Promise<ObjectiveResponse> {
    const m = this.dataSource.manager;
    const row = await this.visible(m, ctx, id);
    const [shown] = await this.present(m, [row], async (r) => (r.programme_id ? [r.programme_id] : this.access.visibleIds(m, ctx)));
    return shown;
  }

  /**
   * With a programme: its objectives and the organisation-wide ones, measured on that programme.
   * Without: the organisation-wide objectives over every programme the caller may see, and each
   * programme objective on its own programme.
   */
  async evaluateAll(ctx: RequestContext, programmeId?: string): Promise<ObjectiveResponse[]> {
    const m = this.dataSource.manager;
    if (programmeId) await this.access.readable(m, ctx, programmeId);
    const visible = await this.access.visibleIds(m, ctx);
    const rows = await objectiveRows(m, programmeId ? { programmeId } : { programmeIds: visible });
    return this.present(m, rows, (r) => Promise.resolve(r.programme_id ? [r.programme_id] : programmeId ? [programmeId] : visible));
  }

  /** A change of title, target, owner, deadline or plan: the objective's version moves on, audited with the reason. */
  async update(ctx: RequestContext, id: string, input: ObjectiveChange, expectedVersion: number): Promise<ObjectiveResponse> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.locked(m, ctx, id, expectedVersion);
      const after = {
        title: input.title ?? before.title,
        comparator: input.comparator ?? before.comparator,
        target: input.target ?? Number(before.target),
        ownerId: input.ownerId ?? before.owner_id,
        deadline: input.deadline ?? before.deadline,
        actionIds: input.actionIds ?? before.action_ids,
      };
      if (input.target !== undefined || input.comparator !== undefined) checkTarget(before.indicator, after.comparator, after.target);
      if (input.ownerId !== undefined) await this.checkOwner(m, after.ownerId!);
      if (input.deadline !== undefined && input.deadline !== before.deadline) checkDeadline(after.deadline, this.clock.today());
      if (input.actionIds !== undefined) after.actionIds = await this.checkActions(m, input.actionIds);
      const previous = {
        title: before.title,
        comparator: before.comparator,
        target: Number(before.target),
        ownerId: before.owner_id,
        deadline: before.deadline,
        actionIds: before.action_ids,
      };
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[])
          .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(previous[k]))
          .map((k) => [k, { old: previous[k], new: after[k] }]),
      );
      if (Object.keys(changes).length === 0)
        throw unprocessable('nothing_changed', 'The change would leave the objective as it is', {
          errors: [{ field: 'reason', message: 'names a change, but no field differs from the objective as it stands' }],
        });
      await m.query(
        `UPDATE quality_objective SET title = $2, comparator = $3, target = $4, owner_id = $5, deadline = $6, action_ids = $7::uuid[],
           version = version + 1 WHERE id = $1`,
        [id, after.title, after.comparator, after.target, after.ownerId, after.deadline, after.actionIds],
      );
      await this.audit.append(m, ctx, {
        action: 'quality_objective.update',
        entityType: 'quality_objective',
        entityId: id,
        entityVersion: before.version + 1,
        changes,
        reason: input.reason.trim(),
      });
    });
    return this.detail(ctx, id);
  }

  /**
   * Plans an improvement (or preventive) action from the objective: the action names the objective
   * as its source and joins its plan, in one transaction, each audited.
   */
  async planAction(ctx: RequestContext, id: string, input: ObjectiveActionInput, expectedVersion: number): Promise<ObjectiveResponse> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.locked(m, ctx, id, expectedVersion);
      const action = await this.actions.insert(m, ctx, {
        deviationIds: [],
        type: input.type,
        description: input.description.trim(),
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        effectivenessCriterion: input.effectivenessCriterion.trim(),
        effectivenessCheckAfterDays: input.effectivenessCheckAfterDays,
        source: { kind: 'objective', id, text: before.title },
      });
      const actionIds = [...before.action_ids, action.id];
      await m.query(`UPDATE quality_objective SET action_ids = $2::uuid[], version = version + 1 WHERE id = $1`, [id, actionIds]);
      await this.audit.append(m, ctx, {
        action: 'quality_objective.update',
        entityType: 'quality_objective',
        entityId: id,
        entityVersion: before.version + 1,
        changes: { actionIds: { old: before.action_ids, new: actionIds } },
        reason: `Action ${action.reference} planned to meet the objective`,
      });
    });
    return this.detail(ctx, id);
  }

  /**
   * Records this quarter's measurement of the objective (as of today), once per quarter: a second
   * call in the same quarter answers the measurement already recorded and writes nothing.
   */
  async recordMeasurement(ctx: RequestContext, id: string): Promise<{ created: boolean; objective: ObjectiveResponse }> {
    const created = await this.dataSource.transaction(async (m) => {
      const row = await this.visible(m, ctx, id);
      await m.query(`SELECT 1 FROM quality_objective WHERE id = $1 FOR UPDATE`, [id]);
      const scope = row.programme_id ? [row.programme_id] : await this.access.visibleIds(m, ctx);
      return this.record(m, ctx, row, scope, this.clock.today());
    });
    return { created, objective: await this.detail(ctx, id) };
  }

  /**
   * Inside the caller's transaction (a management review being closed, ISO 9001 9.3): every
   * objective, the organisation's measured over every programme and a programme's over its own,
   * measured for the quarter of `day` as of `day`. A quarter already recorded keeps its row (by
   * hand, or by an earlier review); a new row is audited as recorded when the review closed. Takes
   * the objectives' row locks in id order, after the caller's lock on the review.
   */
  async recordAtReviewClose(
    m: EntityManager,
    ctx: RequestContext,
    review: { id: string; title: string },
    day: string,
  ): Promise<ClosingMeasurement[]> {
    const locked = await m.query<{ id: string }[]>(`SELECT id FROM quality_objective ORDER BY id FOR UPDATE`);
    if (locked.length === 0) return [];
    const all = await allProgrammeIds(m);
    const rows = await objectiveRows(m, { programmeIds: all });
    const recorded = new Set<string>();
    for (const row of rows) {
      const made = await this.record(m, ctx, row, row.programme_id ? [row.programme_id] : all, day, {
        managementReviewId: review.id,
        reason: `Measured when the management review "${review.title}" was closed`,
      });
      if (made) recorded.add(row.id);
    }
    const period = quarterOf(day);
    const standing = (
      await measurementsOf(
        m,
        rows.map((r) => r.id),
      )
    ).filter((h) => h.period === period);
    const names = await userNames(m, [...new Set(standing.flatMap((h) => (h.recordedBy ? [h.recordedBy] : [])))]);
    return rows.flatMap((r) => {
      const h = standing.find((x) => x.objectiveId === r.id);
      if (!h) return [];
      return [
        {
          objectiveId: r.id,
          title: r.title,
          programmeId: r.programme_id,
          indicator: r.indicator,
          unit: indicatorUnit(r.indicator),
          period: h.period,
          measuredOn: h.measuredOn,
          measured: numberOrNull(h.measured),
          comparator: h.comparator,
          target: Number(h.target),
          status: h.status,
          recordedAtClose: recorded.has(r.id),
          recordedBy: h.recordedBy ? (names.get(h.recordedBy) ?? null) : null,
          recordedAt: h.recordedAt.toISOString(),
        },
      ];
    });
  }

  /**
   * Inside the caller's transaction: the measurement of `row` for the quarter of `day`, measured as
   * of `day`, unless that quarter is recorded already (then false). `by` names the management
   * review whose closing records it, in the audit event.
   */
  async record(
    m: EntityManager,
    ctx: RequestContext,
    row: ObjectiveRow,
    scope: string[],
    day: string,
    by?: { managementReviewId: string; reason: string },
  ): Promise<boolean> {
    const period = quarterOf(day);
    const exists = await m.query<unknown[]>(`SELECT 1 FROM quality_objective_measurement WHERE objective_id = $1 AND period = $2`, [
      row.id,
      period,
    ]);
    if (exists.length) return false;
    const x = await this.indicators.measure(scope, day, m);
    const e = evaluate(row.indicator, row.comparator, Number(row.target), x);
    await m.query(
      `INSERT INTO quality_objective_measurement (objective_id, period, measured_on, measured, comparator, target, status, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.id, period, day, e.measured, row.comparator, row.target, e.status, ctx.actor.id],
    );
    const measurement = { period, measuredOn: day, measured: e.measured, status: e.status };
    await this.audit.append(m, ctx, {
      action: 'quality_objective.measure',
      entityType: 'quality_objective',
      entityId: row.id,
      entityVersion: row.version,
      changes: { measurement: { old: null, new: by ? { ...measurement, managementReviewId: by.managementReviewId } : measurement } },
      reason: by?.reason ?? null,
    });
    return true;
  }

  /**
   * Every objective measured over the whole organisation (its programme, or every programme) as
   * of `today`, with the measurements recorded between `from` and `to`: what a management review
   * and the evidence report show.
   */
  async standing(m: EntityManager, from: string, to: string, today: string, programmeId?: string): Promise<ObjectiveStanding[]> {
    const all = await allProgrammeIds(m);
    const rows = await objectiveRows(m, programmeId ? { programmeId } : { programmeIds: all });
    const shown = await this.present(
      m,
      rows,
      (r) => Promise.resolve(r.programme_id ? [r.programme_id] : programmeId ? [programmeId] : all),
      today,
    );
    return shown.map((o) => ({ ...o, inPeriod: o.history.filter((h) => h.measuredOn >= from && h.measuredOn <= to) }));
  }

  /** The headline indicators over `programmeIds` as of `today` (a management review's monitoring results). */
  async headline(m: EntityManager, programmeIds: string[], today: string) {
    const x = await this.indicators.measure(programmeIds, today, m);
    return {
      conformanceRate: measure('conformance_rate', x),
      completionRate: measure('completion_rate', x),
      withdrawalRate: measure('withdrawal_rate', x),
      inWorkOrStudiesRate: measure('in_work_or_studies_rate', x),
      actionsClosedOnTimeRate: measure('actions_closed_on_time_rate', x),
      medianDaysToClose: measure('median_days_to_close', x),
      openDeviations: measure('open_deviations', x),
    };
  }

  private async present(
    m: EntityManager,
    rows: ObjectiveRow[],
    scopeOf: (r: ObjectiveRow) => Promise<string[]>,
    today?: string,
  ): Promise<ObjectiveResponse[]> {
    const cache = new Map<string, RawIndicators>();
    const measured = async (ids: string[]) => {
      const key = ids.join(',');
      if (!cache.has(key)) cache.set(key, await this.indicators.measure(ids, today, m));
      return cache.get(key)!;
    };
    const history = await measurementsOf(
      m,
      rows.map((r) => r.id),
    );
    const plans = await this.plans(m, rows);
    const names = await userNames(m, [
      ...new Set(
        rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])).concat(history.flatMap((h) => (h.recordedBy ? [h.recordedBy] : []))),
      ),
    ]);
    const out: ObjectiveResponse[] = [];
    for (const r of rows) {
      const x = await measured(await scopeOf(r));
      const target = Number(r.target);
      const e = evaluate(r.indicator, r.comparator, target, x);
      const own = history.filter((h) => h.objectiveId === r.id);
      const shownHistory = own.map((h, i) => toMeasurement(h, own[i - 1], names));
      const currentPeriod = quarterOf(x.asOf);
      const previous = [...own].reverse().find((h) => h.period < currentPeriod);
      const trend = trendOf(previous ? numberOrNull(previous.measured) : null, e.measured);
      out.push({
        id: r.id,
        programmeId: r.programme_id,
        indicator: r.indicator,
        unit: indicatorUnit(r.indicator),
        comparator: r.comparator,
        target,
        title: r.title,
        ownerId: r.owner_id,
        ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
        deadline: r.deadline,
        plan: (plans.get(r.id) ?? []).map((a) => ({ id: a.id, reference: a.reference, type: a.type, state: a.state, dueDate: a.dueDate })),
        measured: e.measured,
        status: e.status,
        asOf: x.asOf,
        trend,
        trendIsBetter: trendIsBetter(trend, r.comparator),
        history: shownHistory,
        version: r.version,
      });
    }
    return out;
  }

  /** Each objective's plan: the actions linked to it and those planned from it, each once, by reference. */
  private async plans(m: EntityManager, rows: ObjectiveRow[]): Promise<Map<string, ActionRow[]>> {
    const linked = await actionsByIds(m, [...new Set(rows.flatMap((r) => r.action_ids))]);
    const fromObjectives = await actionsFromSource(m, 'objective');
    const out = new Map<string, ActionRow[]>();
    for (const r of rows) {
      const mine = [...linked.filter((a) => r.action_ids.includes(a.id)), ...fromObjectives.filter((a) => a.sourceId === r.id)];
      out.set(
        r.id,
        [...new Map(mine.map((a) => [a.id, a])).values()].sort((a, b) => a.reference.localeCompare(b.reference)),
      );
    }
    return out;
  }

  /** The objective if the caller may see it (its programme readable); 404 otherwise. */
  private async visible(m: EntityManager, ctx: RequestContext, id: string): Promise<ObjectiveRow> {
    const row = await objectiveRow(m, id);
    if (!row) throw notFound('Quality objective');
    if (row.programme_id) await this.access.readable(m, ctx, row.programme_id);
    return row;
  }

  private async locked(m: EntityManager, ctx: RequestContext, id: string, expectedVersion: number): Promise<ObjectiveRow> {
    await m.query(`SELECT 1 FROM quality_objective WHERE id = $1 FOR UPDATE`, [id]);
    const row = await this.visible(m, ctx, id);
    if (row.programme_id) await this.access.writable(m, ctx, row.programme_id);
    if (row.version !== expectedVersion) throw stale(row.version);
    return row;
  }

  private async checkOwner(m: EntityManager, ownerId: string): Promise<void> {
    const [owner] = await rolesOfUsers(m, [ownerId]);
    if (!owner || !(await isActiveUser(m, ownerId)) || !hasAnyRole(owner.roles, OWNER_ROLES))
      throw unprocessable('objective_owner_cannot_act', 'The owner of an objective answers for it: someone who can act on it', {
        errors: [{ field: 'ownerId', message: 'must be an active quality manager, programme leader or board member' }],
      });
  }

  private async checkActions(m: EntityManager, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set((await actionsByIds(m, unique)).map((a) => a.id));
    const unknown = unique.filter((a) => !found.has(a));
    if (unknown.length)
      throw unprocessable('unknown_action', `No action has the id ${unknown.join(', ')}`, {
        errors: [{ field: 'actionIds', message: 'must name existing actions' }],
      });
    return unique;
  }
}

function checkTarget(indicator: string, comparator: Comparator, target: number): void {
  const implausible = implausibleTarget(indicator, comparator, target);
  if (implausible)
    throw unprocessable('target_out_of_range', `The target ${target} can never be reached: ${implausible}`, {
      errors: [{ field: 'target', message: `is out of range: ${implausible}` }],
    });
}

function checkDeadline(deadline: string, today: string): void {
  if (deadline < today)
    throw unprocessable('deadline_in_past', `The deadline ${deadline} has already passed (today is ${today})`, {
      errors: [{ field: 'deadline', message: `must be today (${today}) or later` }],
    });
}

function numberOrNull(v: string | number | null): number | null {
  return v === null ? null : Number(v);
}

function toMeasurement(h: MeasurementRow, before: MeasurementRow | undefined, names: Map<string, string>): ObjectiveMeasurementResponse {
  return {
    period: h.period,
    measuredOn: h.measuredOn,
    measured: numberOrNull(h.measured),
    comparator: h.comparator,
    target: Number(h.target),
    status: h.status,
    trend: before ? trendOf(numberOrNull(before.measured), numberOrNull(h.measured)) : null,
    recordedBy: h.recordedBy ? (names.get(h.recordedBy) ?? null) : null,
    recordedAt: h.recordedAt.toISOString(),
  };
}
