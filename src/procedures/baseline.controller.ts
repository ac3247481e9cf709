import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { BaselineAdoptionService } from './baseline-adoption.service.js';
import { AdoptBaselineRequest, BaselineResponse } from './baseline.dto.js';

/**
 * The shipped baseline and its adoption. The paths have two segments so that no procedure key
 * (`/api/procedures/:key`) is shadowed, not even a procedure called `baseline`.
 */
@ApiTags('procedures')
@Controller('api/procedures/baseline')
export class BaselineController {
  constructor(private readonly baseline: BaselineAdoptionService) {}

  @Get('adoption')
  @Authenticated()
  @ApiOperation({ summary: 'Whether the shipped baseline awaits adoption or was adopted (by whom, when), with the procedures and their content hashes' })
  @ApiOkResponse({ type: BaselineResponse })
  async view(): Promise<BaselineResponse> {
    return this.baseline.view();
  }

  @Post('adopt')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Adopt the shipped baseline with an electronic signature (password re-entered, meaning `baseline adoption`): every baseline version in review becomes effective. A second adoption answers 409.',
  })
  @ApiOkResponse({ type: BaselineResponse })
  async adopt(@Ctx() ctx: RequestContext, @Body() body: AdoptBaselineRequest): Promise<BaselineResponse> {
    return this.baseline.adopt(ctx, body.password);
  }
}
