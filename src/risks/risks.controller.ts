import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import {
  CreateRiskRequest,
  PlanRiskActionRequest,
  HeatMapQuery,
  HeatMapResponse,
  ReviseRiskRequest,
  RiskHistoryResponse,
  RiskPage,
  RiskQuery,
  RiskResponse,
} from './risk.dto.js';
import { RisksService } from './risks.service.js';

const RISK = new UuidParam('Risk');

@ApiTags('risks')
@Controller('api/risks')
export class RisksController {
  constructor(private readonly risks: RisksService) {}

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      "The register of risks and opportunities, overdue reviews first. Programme leaders see the organisation's risks, their programmes' and those they own.",
  })
  @ApiOkResponse({ type: RiskPage })
  list(@Ctx() ctx: RequestContext, @Query() q: RiskQuery): Promise<RiskPage> {
    return this.risks.list(ctx, q);
  }

  @Get('heat-map')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Open risks (or opportunities) counted by likelihood and impact, before and after treatment' })
  @ApiOkResponse({ type: HeatMapResponse })
  heatMap(@Ctx() ctx: RequestContext, @Query() q: HeatMapQuery): Promise<HeatMapResponse> {
    return this.risks.heatMap(ctx, q);
  }

  @Post()
  @Roles('quality_manager', 'programme_leader')
  @ApiOperation({
    summary: "Record a risk or opportunity: a quality manager for the organisation or any programme, a leader for their programme's",
  })
  @ApiCreatedResponse({ type: RiskResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateRiskRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RiskResponse> {
    const risk = await this.risks.create(ctx, body);
    setETag(res, risk.version);
    return risk;
  }

  @Get(':id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'A risk as it stands (its latest revision); the ETag is its revision' })
  @ApiOkResponse({ type: RiskResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', RISK) id: string, @Res({ passthrough: true }) res: Response): Promise<RiskResponse> {
    const risk = await this.risks.get(ctx, id);
    setETag(res, risk.version);
    return risk;
  }

  @Get(':id/history')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Every revision of a risk, oldest first, with who made it, when and why' })
  @ApiOkResponse({ type: RiskHistoryResponse })
  history(@Ctx() ctx: RequestContext, @Param('id', RISK) id: string): Promise<RiskHistoryResponse> {
    return this.risks.history(ctx, id);
  }

  @Post(':id/actions')
  @Roles('quality_manager', 'programme_leader')
  @ApiOperation({
    summary:
      'Plan an action that carries out the treatment (preventive or improvement, with no deviation), linked to the risk by a new revision; needs If-Match. A quality manager, the owner, or a leader of its programme.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the revision you last read' })
  @ApiCreatedResponse({ type: RiskResponse })
  async planAction(
    @Ctx() ctx: RequestContext,
    @Param('id', RISK) id: string,
    @Body() body: PlanRiskActionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RiskResponse> {
    const risk = await this.risks.planAction(ctx, id, body, requireIfMatch(req));
    setETag(res, risk.version);
    return risk;
  }

  @Post(':id/revisions')
  @Roles('quality_manager', 'programme_leader', 'board_member')
  @ApiOperation({
    summary:
      'Revise, review, close or reopen a risk: a new revision with a reason (fields left out keep their value); needs If-Match. A quality manager, the owner, or a leader of its programme.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the revision you last read' })
  @ApiCreatedResponse({ type: RiskResponse })
  async revise(
    @Ctx() ctx: RequestContext,
    @Param('id', RISK) id: string,
    @Body() body: ReviseRiskRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RiskResponse> {
    const risk = await this.risks.revise(ctx, id, body, requireIfMatch(req));
    setETag(res, risk.version);
    return risk;
  }
}
