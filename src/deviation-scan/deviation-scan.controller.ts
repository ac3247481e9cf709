import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { DateField } from '../common/fields.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import { DeviationResponse } from '../deviations/deviation.dto.js';
import { toDeviationResponse } from '../deviations/deviation.mapper.js';
import { DeviationScanService } from './deviation-scan.service.js';

export class ScanRequest {
  @DateField({
    optional: true,
    description:
      'Judge overdue as of this day: today (the default, in the programme time zone), or a past day (quality managers only, to catch up on a missed scan); never a day to come',
  })
  today?: string;
}

export class ScanResponse {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ description: 'Subject-procedure cells overdue now' }) overdueCells: number;
  @ApiProperty({ type: [DeviationResponse], description: 'Deviations opened by this scan (none for an overdue that already has one)' })
  opened: DeviationResponse[];
}

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
    const r = await this.scans.scan(ctx, id, body.today);
    // A scan finds procedures not done, never a step: what it opens lists no steps.
    return {
      today: r.today,
      overdueCells: r.overdueCells,
      opened: r.opened.map((d) => toDeviationResponse(d, null, r.today, [], ctx.actor)),
    };
  }
}
