import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { requireIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Roles } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import {
  CreateObjectiveRequest,
  FunnelQuery,
  FunnelResponse,
  IndicatorsQuery,
  IndicatorsResponse,
  ObjectiveQuery,
  ObjectiveResponse,
  PlanObjectiveActionRequest,
  UpdateObjectiveRequest,
} from './indicators.dto.js';

const OBJECTIVE_ID = new UuidParam('Quality objective');
const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'The ETag last read (its version); 412 if it changed since, 428 without',
};
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

  @Get('programmes/:id/funnel')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      'The applicant funnel of a programme, adepts and mentor candidates apart: interested, interviewed, admitted, completed (figures only, no names). Counts of people under 5 are "<5" for everyone but quality managers and the leaders of this programme, or with suppressSmallCells=true.',
  })
  @ApiOkResponse({ type: FunnelResponse })
  async funnel(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Query() q: FunnelQuery): Promise<FunnelResponse> {
    return this.indicators.funnel(ctx, id, q);
  }

  @Post('quality-objectives')
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Set a quality objective (ISO 9001 6.2): a target on an indicator in its unit, for one programme or for all, with an owner, a deadline and a plan of actions',
  })
  @ApiCreatedResponse({ type: ObjectiveResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateObjectiveRequest, @Res({ passthrough: true }) res: Response) {
    const o = await this.objectives.create(ctx, body);
    setETag(res, o.version);
    return o;
  }

  @Get('quality-objectives/:id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'A quality objective with its plan, its value now, its trend and its measurements per quarter' })
  @ApiOkResponse({ type: ObjectiveResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', OBJECTIVE_ID) id: string, @Res({ passthrough: true }) res: Response) {
    const o = await this.objectives.detail(ctx, id);
    setETag(res, o.version);
    return o;
  }

  @Patch('quality-objectives/:id')
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Change the title, target, owner, deadline or plan of an objective, with a reason (audited); its measurements stay as recorded',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ObjectiveResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', OBJECTIVE_ID) id: string,
    @Body() body: UpdateObjectiveRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const o = await this.objectives.update(ctx, id, body, requireIfMatch(req));
    setETag(res, o.version);
    return o;
  }

  @Post('quality-objectives/:id/actions')
  @Roles('quality_manager')
  @ApiOperation({
    summary: 'Plan an improvement or preventive action from the objective: it names the objective as its source and joins its plan',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ObjectiveResponse })
  async planAction(
    @Ctx() ctx: RequestContext,
    @Param('id', OBJECTIVE_ID) id: string,
    @Body() body: PlanObjectiveActionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const o = await this.objectives.planAction(ctx, id, body, requireIfMatch(req));
    setETag(res, o.version);
    return o;
  }

  @Post('quality-objectives/:id/measurements')
  @HttpCode(201)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      "Record this quarter's measurement of the objective (as of today): 201 the first time, 200 with the measurement already recorded afterwards in the same quarter",
  })
  @ApiCreatedResponse({ type: ObjectiveResponse })
  @ApiOkResponse({ type: ObjectiveResponse })
  async measure(@Ctx() ctx: RequestContext, @Param('id', OBJECTIVE_ID) id: string, @Res({ passthrough: true }) res: Response) {
    const r = await this.objectives.recordMeasurement(ctx, id);
    res.status(r.created ? 201 : 200);
    setETag(res, r.objective.version);
    return r.objective;
  }

  @Get('quality-objectives')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Quality objectives, each evaluated against current data: met or not_met with the measured value' })
  @ApiOkResponse({ type: [ObjectiveResponse] })
  list(@Ctx() ctx: RequestContext, @Query() q: ObjectiveQuery): Promise<ObjectiveResponse[]> {
    return this.objectives.evaluateAll(ctx, q.programmeId);
  }
}
