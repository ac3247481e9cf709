import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { optionalIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  ActionQuery,
  ActionTransitionRequest,
  BoardReviewRequest,
  CorrectiveActionPage,
  CorrectiveActionResponse,
  CreateCorrectiveActionRequest,
} from './corrective-action.dto.js';
import { CorrectiveActionQueriesService } from './corrective-action-queries.service.js';
import { CorrectiveActionsService } from './corrective-actions.service.js';

const ACTION_ID = new UuidParam('Corrective action');

@ApiTags('corrective-actions')
@Controller('api/corrective-actions')
export class CorrectiveActionsController {
  constructor(
    private readonly actions: CorrectiveActionsService,
    private readonly queries: CorrectiveActionQueriesService,
  ) {}

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Plan a corrective action for one or more deviations; answers with a reference CA-<year>-<nnnn>' })
  @ApiCreatedResponse({ type: CorrectiveActionResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateCorrectiveActionRequest, @Res({ passthrough: true }) res: Response) {
    const a = await this.actions.create(ctx, body);
    res.setHeader('Location', `/api/corrective-actions/${a.id}`);
    return withETag(res, a);
  }

  @Get()
  @Roles('quality_manager', 'programme_leader', 'auditor', 'board_member')
  @ApiOperation({ summary: 'Corrective actions, newest first; overdue=true for those past their due date and not implemented' })
  @ApiOkResponse({ type: CorrectiveActionPage })
  async list(@Ctx() ctx: RequestContext, @Query() q: ActionQuery): Promise<CorrectiveActionPage> {
    return this.queries.page(ctx, { ...q, offset: q.cursor ? Number(q.cursor) : 0, limit: q.limit ?? 50 });
  }

  @Get(':id')
  @Roles('quality_manager', 'programme_leader', 'auditor', 'board_member')
  @ApiOperation({ summary: 'A corrective action with its history, effectiveness verdicts, board reviews and signatures' })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', ACTION_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.detail(ctx, id));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('quality_manager', 'programme_leader')
  @ApiOperation({
    summary:
      'Move an action: planned -> in_progress -> implemented (owner or quality manager) -> effectiveness_check -> closed (verdict effective by a non-owner, with evidence and signature) or back to in_progress (not_effective); cancelled with a reason',
  })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: refused (412) if the action changed since, so a signature binds what the signer saw',
  })
  async transition(
    @Ctx() ctx: RequestContext,
    @Param('id', ACTION_ID) id: string,
    @Body() body: ActionTransitionRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.actions.transition(ctx, id, body, optionalIfMatch(req)));
  }

  @Post(':id/board-reviews')
  @Roles('board_member')
  @ApiOperation({ summary: "The board's review of a corrective action, signed electronically" })
  @ApiCreatedResponse({ type: CorrectiveActionResponse })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: refused (412) if the action changed since, so a signature binds what the signer saw',
  })
  async boardReview(
    @Ctx() ctx: RequestContext,
    @Param('id', ACTION_ID) id: string,
    @Body() body: BoardReviewRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.actions.boardReview(ctx, id, body, optionalIfMatch(req)));
  }
}

function withETag(res: Response, a: CorrectiveActionResponse): CorrectiveActionResponse {
  setETag(res, a.version);
  return a;
}
