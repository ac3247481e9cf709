import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import { ScanRequest, ScanResponse } from './deviation-scan.dto.js';
import { DeviationScanService } from './deviation-scan.service.js';

@ApiTags('deviations')
@Controller('api/programmes/:id/deviations/scan')
export class DeviationScanController {
  constructor(private readonly scans: DeviationScanService) {}

  @Post()
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Open a deviation (source system) for every subject and procedure that is overdue; idempotent' })
  @ApiOkResponse({ type: ScanResponse })
  async scan(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Body() body: ScanRequest): Promise<ScanResponse> {
    return this.scans.scan(ctx, id, body.today);
  }
}
