import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { CorrectiveActionResponse } from '../corrective-actions/corrective-action.dto.js';
import { CreateImprovementActionRequest } from './improvement-action.dto.js';
import { ImprovementActionsService } from './improvement-actions.service.js';

@ApiTags('corrective-actions')
@Controller('api/improvement-actions')
export class ImprovementActionsController {
  constructor(private readonly improvements: ImprovementActionsService) {}

  @Post()
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Plan an improvement or preventive action without a deviation (ISO 9001 10.3), naming its source: a management review, risk, internal audit finding, quality objective or other; it then lives as every corrective action (CA-<year>-<nnnn>)',
  })
  @ApiCreatedResponse({ type: CorrectiveActionResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateImprovementActionRequest, @Res({ passthrough: true }) res: Response) {
    const a = await this.improvements.plan(ctx, body);
    res.setHeader('Location', `/api/corrective-actions/${a.id}`);
    setETag(res, a.version);
    return a;
  }
}
