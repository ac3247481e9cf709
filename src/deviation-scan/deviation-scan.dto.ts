import { ApiProperty } from '@nestjs/swagger';
import { DateField } from '../common/fields.js';
import { DeviationResponse } from '../deviations/deviation.dto.js';

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
  @ApiProperty({
    description:
      'Gaps longer than the cadence of a recurring activity (and series short of their sessions) found now, those already with a deviation included',
  })
  cadenceGaps: number;
  @ApiProperty({ type: [DeviationResponse], description: 'Deviations opened by this scan (none for an overdue that already has one)' })
  opened: DeviationResponse[];
}
