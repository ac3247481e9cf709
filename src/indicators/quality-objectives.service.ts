import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type { Comparator } from './indicator-math.js';
import { IndicatorsService } from './indicators.service.js';
import type { RawIndicators } from './indicators.service.js';
import type { ObjectiveResponse } from './indicators.dto.js';
import { evaluate, implausibleTarget } from './objectives.js';
import { unprocessable } from '../common/problem.js';

interface ObjectiveRow {
  id: string;
  programme_id: string | null;
  indicator: string;
  comparator: Comparator;
  target: string;
  title: string;
}

@Injectable()
export class QualityObjectivesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly indicators: IndicatorsService,
  ) {}

  async create(
    ctx: RequestContext,
    input: { programmeId?: string; indicator: string; comparator: Comparator; target: number; title: string },
  ): Promise<ObjectiveResponse> {
    const id = await this.dataSource.transaction(async (m) => {
      if (input.programmeId) await this.access.writable(m, ctx, input.programmeId);
      const implausible = implausibleTarget(input.indicator, input.comparator, input.target);
      if (implausible)
        throw unprocessable('target_out_of_range', `The target ${input.target} can never be reached: ${implausible}`, {
          errors: [{ field: 'target', message: `is out of range: ${implausible}` }],
        });
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO quality_objective (programme_id, indicator, comparator, target, title, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.programmeId ?? null, input.indicator, input.comparator, input.target, input.title, ctx.actor.id],
      );
      await this.audit.append(m, ctx, {
        action: 'quality_objective.create',
        entityType: 'quality_objective',
        entityId: row.id,
        changes: {
          programmeId: { old: null, new: input.programmeId ?? null },
          indicator: { old: null, new: input.indicator },
          comparator: { old: null, new: input.comparator },
          target: { old: null, new: input.target },
          title: { old: null, new: input.title },
        },
      });
      return row.id;
    });
    const [evaluated] = (await this.evaluateAll(ctx, input.programmeId)).filter((o) => o.id === id);
    return evaluated;
  }

  /**
   * With a programme: its objectives and the organisation-wide ones, measured on that programme.
   * Without: the organisation-wide objectives over every programme the caller may see, and each
   * programme objective on its own programme.
   */
  async evaluateAll(ctx: RequestContext, programmeId?: string): Promise<ObjectiveResponse[]> {
    const m = this.dataSource.manager;
    if (programmeId) await this.access.readable(m, ctx, programmeId);
    const visible = await this.visibleProgrammes(ctx);
    const rows = await m.query<ObjectiveRow[]>(
      `SELECT id, programme_id, indicator, comparator, target, title FROM quality_objective
       WHERE ${programmeId ? '(programme_id = $1 OR programme_id IS NULL)' : 'programme_id IS NULL OR programme_id = ANY($1)'}
       ORDER BY created_at, id`,
      [programmeId ?? visible],
    );
    const cache = new Map<string, RawIndicators>();
    const measured = async (ids: string[]) => {
      const key = ids.join(',');
      if (!cache.has(key)) cache.set(key, await this.indicators.measure(ids));
      return cache.get(key)!;
    };
    const out: ObjectiveResponse[] = [];
    for (const r of rows) {
      const scope = r.programme_id ? [r.programme_id] : programmeId ? [programmeId] : visible;
      const x = await measured(scope);
      const target = Number(r.target);
      const e = evaluate(r.indicator, r.comparator, target, x);
      out.push({
        id: r.id,
        programmeId: r.programme_id,
        indicator: r.indicator,
        comparator: r.comparator,
        target,
        title: r.title,
        measured: e.measured,
        status: e.status,
        asOf: x.asOf,
      });
    }
    return out;
  }

  private async visibleProgrammes(ctx: RequestContext): Promise<string[]> {
    return this.access.visibleIds(this.dataSource.manager, ctx);
  }
}
