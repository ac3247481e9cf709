import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { DateField } from '../common/fields.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import { ConformanceMatrixService } from './conformance-matrix.service.js';
import type { ConformanceMatrix } from './conformance-matrix.service.js';

export class MatrixQuery {
  @DateField({
    optional: true,
    description: 'Draw the matrix as of this day, today or earlier (default: today in the programme time zone)',
  })
  today?: string;
}

export class ConformanceMatrixResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'The procedures of the plan, with the pinned version; afterClose: true when a closed programme still takes its records',
  })
  procedures: unknown[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      "One row per subject (adept, mentor, pair, cohort) with a cell per applicable procedure: status not_applicable | not_yet_due | due | overdue | in_progress | conforming | conforming_after_correction | nonconforming | cadence_missed, execution id, version and window; a recurring procedure's cell carries `recurring` (cadenceDays, sessions, occurrences, lastDate, openExecutionId, judgedUntil, longestGapDays, gaps, sessionsShort)",
  })
  rows: unknown[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Counts by status, and conformance rates per procedure and per version',
  })
  totals: unknown;
}

@ApiTags('executions')
@Controller('api/programmes/:id/conformance')
export class ConformanceMatrixController {
  constructor(private readonly matrix: ConformanceMatrixService) {}

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Conformance matrix: every subject against every procedure in the plan, with totals and rates' })
  @ApiOkResponse({ type: ConformanceMatrixResponse })
  get(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Query() q: MatrixQuery): Promise<ConformanceMatrix> {
    return this.matrix.matrix(ctx, id, q.today);
  }
}
