import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import { CreateObjectiveRequest, IndicatorsQuery, IndicatorsResponse, ObjectiveQuery, ObjectiveResponse } from './indicators.dto.js';
import { IndicatorsService } from './indicators.service.js';
import { QualityObjectivesService } from './quality-objectives.service.js';

@ApiTags('indicators')
@Controller('api')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly objectives: QualityObjectivesService,
  ) {}

  @Get('programmes/:id/indicators')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      'Indicators of a programme: participants, outcomes, in work or studies among completers, conformance rates, deviations, corrective actions. Counts of people under 5 are "<5" for everyone but quality managers and the leaders of this programme, or with suppressSmallCells=true.',
  })
  @ApiOkResponse({ type: IndicatorsResponse })
  async programme(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Query() q: IndicatorsQuery) {
    return this.indicators.ofProgramme(ctx, id, q);
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
