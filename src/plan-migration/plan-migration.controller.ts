import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { MigratePlanRequest, PROGRAMME_ID, ProgrammeResponse } from '../programmes/programme.dto.js';
import { PlanMigrationService } from './plan-migration.service.js';

@ApiTags('programmes')
@Controller('api/programmes')
export class PlanMigrationController {
  constructor(private readonly migrations: PlanMigrationService) {}

  @Post(':id/procedure-plan/migrate')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    // The operation kept its name when it left the programmes controller: generated clients call it by it.
    operationId: 'ProgrammesController_migrate',
    summary:
      'Adopt a newer effective version of a procedure for this programme. Completed executions keep their version; open ones move only with moveOpenExecutions.',
  })
  @ApiOkResponse({ type: ProgrammeResponse })
  async migrate(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: MigratePlanRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgrammeResponse> {
    const programme = await this.migrations.migrate(ctx, id, body);
    setETag(res, programme.version);
    return programme;
  }
}
