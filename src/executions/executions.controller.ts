import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import { CorrectStepRequest, ExecutionResponse, RecordStepRequest, StartExecutionRequest } from './execution.dto.js';
import { ExecutionViewService } from './execution-view.service.js';
import { ExecutionsService } from './executions.service.js';

const EXECUTION_ID = new UuidParam('Execution');
const RECORD_ID = new UuidParam('Step record');

@ApiTags('executions')
@Controller('api')
export class ExecutionsController {
  constructor(
    private readonly executions: ExecutionsService,
    private readonly views: ExecutionViewService,
  ) {}

  @Post('programmes/:id/executions')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: "Start an execution of a procedure for a subject, pinned to the programme plan's version" })
  @ApiCreatedResponse({ type: ExecutionResponse })
  async start(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: StartExecutionRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const execution = await this.executions.start(ctx, id, body);
    res.setHeader('Location', `/api/executions/${execution.id}`);
    return withETag(res, execution);
  }

  @Get('executions/:id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'An execution: subject, pinned version, every step record (corrected ones too), conformance and its history' })
  @ApiOkResponse({ type: ExecutionResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', EXECUTION_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.views.get(ctx, id));
  }

  @Post('executions/:id/steps')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: "Record a performed step; values are checked against the step's fields" })
  @ApiCreatedResponse({ type: ExecutionResponse })
  async record(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Body() body: RecordStepRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.executions.recordStep(ctx, id, body));
  }

  @Post('executions/:id/steps/:recordId/corrections')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary: 'Correct a recorded step: a new record supersedes the old one, both stay visible; a completed execution is judged again',
  })
  @ApiCreatedResponse({ type: ExecutionResponse })
  async correct(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Param('recordId', RECORD_ID) recordId: string,
    @Body() body: CorrectStepRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.executions.correct(ctx, id, recordId, body));
  }

  @Post('executions/:id/complete')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Complete an execution: it is frozen and judged for conformance' })
  @ApiOkResponse({ type: ExecutionResponse })
  async complete(@Ctx() ctx: RequestContext, @Param('id', EXECUTION_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.executions.complete(ctx, id));
  }
}

function withETag(res: Response, execution: ExecutionResponse): ExecutionResponse {
  setETag(res, execution.version);
  return execution;
}
