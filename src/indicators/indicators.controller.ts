import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { Clock } from '../common/clock.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import {
  CreateObjectiveRequest,
  IndicatorsQuery,
  IndicatorsResponse,
  ObjectiveQuery,
  ObjectiveResponse,
  presentIndicators,
} from './indicators.dto.js';
import { IndicatorsService } from './indicators.service.js';
import { QualityObjectivesService } from './quality-objectives.service.js';

@ApiTags('indicators')
@Controller('api')
export class IndicatorsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly objectives: QualityObjectivesService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
  ) {}

  @Get('programmes/:id/indicators')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      'Indicators of a programme: participants, outcomes, in work or studies among completers, conformance rates, deviations, corrective actions. Counts of people under 5 are "<5" for everyone but quality managers and the leaders of this programme, or with suppressSmallCells=true.',
  })
  @ApiOkResponse({ type: IndicatorsResponse })
  async programme(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Query() q: IndicatorsQuery) {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, id);
    const raw = await this.indicators.measure([id], this.clock.dayUpToToday(q.today, programme.timeZone));
    return presentIndicators(raw, q.suppressSmallCells === true || !(await this.access.identifies(m, ctx, id)));
  }

  @Post('quality-objectives')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Set a quality objective: a target on an indicator, for one programme or for all' })
  @ApiCreatedResponse({ type: ObjectiveResponse })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateObjectiveRequest): Promise<ObjectiveResponse> {
    return this.objectives.create(ctx, body);
  }

  @Get('quality-objectives')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Quality objectives, each evaluated against current data: met or not_met with the measured value' })
  @ApiOkResponse({ type: [ObjectiveResponse] })
  list(@Ctx() ctx: RequestContext, @Query() q: ObjectiveQuery): Promise<ObjectiveResponse[]> {
    return this.objectives.evaluateAll(ctx, q.programmeId);
  }
}
