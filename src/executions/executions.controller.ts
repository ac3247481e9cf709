import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import {
  AddMissingStepRequest,
  CancelExecutionRequest,
  CorrectStepRequest,
  ExecutionResponse,
  RecordStepRequest,
  StartExecutionRequest,
} from './execution.dto.js';
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
    summary:
      'Correct a recorded step: a new record supersedes the old one, both stay visible; a completed execution is judged again. ' +
      'A correction that would turn a nonconforming execution into a conforming one is held (202) until a quality manager approves it',
  })
  @ApiCreatedResponse({ type: ExecutionResponse, description: 'The correction is in force' })
  @ApiAcceptedResponse({
    type: ExecutionResponse,
    description: "Held for a quality manager's approval (see `corrections`); nothing changed yet",
  })
  async correct(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Param('recordId', RECORD_ID) recordId: string,
    @Body() body: CorrectStepRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.executions.correct(ctx, id, recordId, body);
    if (answer.held) res.status(202);
    return withETag(res, answer.execution);
  }

  @Post('executions/:id/missing-steps')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Add a step forgotten before completion to a completed execution, as a correction with a reason; the execution is judged again. ' +
      'Held (202) for a quality manager when it would turn a nonconforming execution into a conforming one',
  })
  @ApiCreatedResponse({ type: ExecutionResponse, description: 'The step is in force' })
  @ApiAcceptedResponse({
    type: ExecutionResponse,
    description: "Held for a quality manager's approval (see `corrections`); nothing changed yet",
  })
  async addMissingStep(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Body() body: AddMissingStepRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.executions.addMissingStep(ctx, id, body);
    if (answer.held) res.status(202);
    return withETag(res, answer.execution);
  }

  @Post('executions/:id/cancel')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Cancel an execution with a reason (a completed one: quality managers only). Its records stay; it no longer counts, ' +
      'and a procedure carried out once per subject may be carried out again',
  })
  @ApiOkResponse({ type: ExecutionResponse })
  async cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Body() body: CancelExecutionRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.executions.cancel(ctx, id, body));
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
