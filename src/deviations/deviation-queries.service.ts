import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { participantCodeSql, participantCodes, programmesLedBySql } from '../programmes/programmes.queries.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import type { Signature } from '../signatures/signature.entity.js';
import { Deviation, DeviationTransition } from './deviation.entity.js';
import type { DeviationPage, DeviationResponse } from './deviation.dto.js';
import { toDeviationDetailResponse, toDeviationResponse } from './deviation.mapper.js';
import { LinkedActions } from './deviation-ports.js';
import type { LinkedAction } from './deviation-ports.js';
import type { DeviationSource, DeviationState, Severity } from './deviation-states.js';
import { deviationSteps } from './deviation-steps.js';
import type { DeviationStep } from './deviation-steps.js';

export interface DeviationFilter {
  programmeId?: string;
  state?: DeviationState;
  severity?: Severity;
  source?: DeviationSource;
  procedure?: string;
  overdue?: boolean;
  offset: number;
  limit: number;
}

export interface DeviationDetail {
  deviation: Deviation;
  participantCode: string | null;
  steps: DeviationStep[];
  history: DeviationTransition[];
  actions: LinkedAction[];
  signatures: Signature[];
}

@Injectable()
export class DeviationQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    private readonly linkedActions: LinkedActions,
  ) {}

  /** A page of deviations as the caller reads them. */
  async page(ctx: RequestContext, f: DeviationFilter): Promise<DeviationPage> {
    const page = await this.list(ctx, f);
    const today = this.clock.today();
    return {
      items: page.items.map((i) => toDeviationResponse(i.deviation, i.participantCode, today, i.steps, ctx.actor)),
      nextCursor: page.nextCursor,
    };
  }

  /** A deviation with its history, linked actions and signatures, as the caller reads it. */
  async detail(ctx: RequestContext, id: string): Promise<DeviationResponse> {
    return toDeviationDetailResponse(await this.get(ctx, id), this.clock.today(), ctx.actor);
  }

  /** The rows of a page of deviations (for the register report and the demonstration). */
  async list(
    ctx: RequestContext,
    f: DeviationFilter,
  ): Promise<{ items: { deviation: Deviation; participantCode: string | null; steps: DeviationStep[] }[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    const visibility = this.access.visibilityFilter(ctx);
    if (visibility) add(`d.programme_id IN (${programmesLedBySql('?')})`, ctx.actor.id);
    if (f.programmeId) add('d.programme_id = ?', f.programmeId);
    if (f.state) add('d.state = ?', f.state);
    if (f.severity) add('d.severity = ?', f.severity);
    if (f.source) add('d.source = ?', f.source);
    if (f.procedure) add('d.procedure_key = ?', f.procedure);
    if (f.overdue !== undefined) {
      add(
        f.overdue
          ? `d.state NOT IN ('closed', 'cancelled') AND d.target_date < ?`
          : `NOT (d.state NOT IN ('closed', 'cancelled') AND d.target_date < ?)`,
        this.clock.today(),
      );
    }
    params.push(f.limit + 1, f.offset);
    const rows = await this.dataSource.query<{ id: string; participant_code: string | null }[]>(
      `SELECT d.id, ${participantCodeSql('d.participant_id')} AS participant_code FROM deviation d
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY d.created_at DESC, d.reference DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const page = rows.slice(0, f.limit);
    const entities = page.length ? await this.dataSource.getRepository(Deviation).findBy(page.map((r) => ({ id: r.id }))) : [];
    const byId = new Map(entities.map((d) => [d.id, d]));
    const steps = await deviationSteps(
      this.dataSource.manager,
      page.map((r) => r.id),
    );
    return {
      items: page.map((r) => ({ deviation: byId.get(r.id)!, participantCode: r.participant_code, steps: steps.get(r.id) ?? [] })),
      nextCursor: rows.length > f.limit ? String(f.offset + f.limit) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<DeviationDetail> {
    const m = this.dataSource.manager;
    const deviation = await m.getRepository(Deviation).findOneBy({ id });
    if (!deviation) throw notFound('Deviation');
    await this.access.readable(m, ctx, deviation.programmeId, { what: 'Deviation' });
    const history = await m.getRepository(DeviationTransition).find({ where: { deviationId: id }, order: { seq: 'ASC' } });
    const actions = await this.linkedActions.of(m, id);
    const code = deviation.participantId ? (await participantCodes(m, [deviation.participantId])).get(deviation.participantId) : undefined;
    return {
      deviation,
      participantCode: code ?? null,
      steps: (await deviationSteps(m, [id])).get(id) ?? [],
      history,
      actions,
      signatures: await this.signatures.listFor('deviation', [id]),
    };
  }
}
