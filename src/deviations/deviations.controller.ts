import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { optionalIfMatch, requireIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import {
  CreateDeviationRequest,
  DeviationPage,
  DeviationQuery,
  DeviationResponse,
  DeviationTransitionRequest,
  UpdateDeviationRequest,
} from './deviation.dto.js';
import { DeviationQueriesService } from './deviation-queries.service.js';
import { DeviationsService } from './deviations.service.js';

const DEVIATION_ID = new UuidParam('Deviation');

@ApiTags('deviations')
@Controller('api/deviations')
export class DeviationsController {
  constructor(
    private readonly deviations: DeviationsService,
    private readonly queries: DeviationQueriesService,
  ) {}

  @Post()
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Record a deviation (nonconformity); answers with a reference DEV-<year>-<nnnn>' })
  @ApiCreatedResponse({ type: DeviationResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateDeviationRequest, @Res({ passthrough: true }) res: Response) {
    const d = await this.deviations.create(ctx, body);
    res.setHeader('Location', `/api/deviations/${d.id}`);
    return withETag(res, d);
  }

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Deviations, newest first, with filters (programme, state, severity, source, procedure, overdue)' })
  @ApiOkResponse({ type: DeviationPage })
  async list(@Ctx() ctx: RequestContext, @Query() q: DeviationQuery): Promise<DeviationPage> {
    return this.queries.page(ctx, { ...q, offset: q.cursor ? Number(q.cursor) : 0, limit: q.limit ?? 50 });
  }

  @Get(':id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'A deviation with its history, linked corrective actions and signatures' })
  @ApiOkResponse({ type: DeviationResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', DEVIATION_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.detail(ctx, id));
  }

  @Patch(':id')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Edit a deviation that is not closed or cancelled; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: DeviationResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', DEVIATION_ID) id: string,
    @Body() body: UpdateDeviationRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = requireIfMatch(req);
    const { reason, ...patch } = body;
    return withETag(res, await this.deviations.update(ctx, id, expected, patch, reason));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Move a deviation: open -> analysis -> action_plan (root cause) -> in_progress (a corrective action, or for minor a justification) -> closed (all actions closed, comment, signature); cancelled from open/analysis; reopen closed -> in_progress',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: the move is refused (412) if the deviation changed since, so a signature binds what the signer saw',
  })
  @ApiOkResponse({ type: DeviationResponse })
  async transition(
    @Ctx() ctx: RequestContext,
    @Param('id', DEVIATION_ID) id: string,
    @Body() body: DeviationTransitionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.deviations.transition(ctx, id, body, optionalIfMatch(req)));
  }
}

function withETag(res: Response, d: DeviationResponse): DeviationResponse {
  setETag(res, d.version);
  return d;
}
