import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { ApproveCorrectionRequest, ExecutionResponse, PendingCorrectionResponse, RejectCorrectionRequest } from './execution.dto.js';
import { CorrectionsService } from './corrections.service.js';

const EXECUTION_ID = new UuidParam('Execution');
const CORRECTION_ID = new UuidParam('Correction');

@ApiTags('executions')
@Controller('api')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get('corrections/pending')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: "Corrections awaiting a quality manager's decision, in the programmes you may read, oldest first" })
  @ApiOkResponse({ type: [PendingCorrectionResponse] })
  pending(@Ctx() ctx: RequestContext): Promise<PendingCorrectionResponse[]> {
    return this.corrections.pending(ctx);
  }

  @Post('executions/:id/corrections/:correctionId/approve')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Approve a held correction with a reason and your signature (meaning `correction approval`): it comes into force and the ' +
      'execution is judged again. Not your own correction',
  })
  @ApiOkResponse({ type: ExecutionResponse })
  async approve(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Param('correctionId', CORRECTION_ID) correctionId: string,
    @Body() body: ApproveCorrectionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExecutionResponse> {
    return withETag(res, await this.corrections.approve(ctx, id, correctionId, body));
  }

  @Post('executions/:id/corrections/:correctionId/reject')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Reject a held correction with a reason: the record and the judgement stay as they are' })
  @ApiOkResponse({ type: ExecutionResponse })
  async reject(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Param('correctionId', CORRECTION_ID) correctionId: string,
    @Body() body: RejectCorrectionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExecutionResponse> {
    return withETag(res, await this.corrections.reject(ctx, id, correctionId, body));
  }
}

function withETag(res: Response, execution: ExecutionResponse): ExecutionResponse {
  setETag(res, execution.version);
  return execution;
}
