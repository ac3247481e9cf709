import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, NumberField, QueryBoolField, TextField, UuidField } from '../common/fields.js';
import { COMPARATORS } from './indicator-math.js';
import type { Comparator, Count } from './indicator-math.js';
import { INDICATOR_PATTERN, OBJECTIVE_INDICATORS } from './objectives.js';

export class IndicatorsQuery {
  @QueryBoolField({
    description: 'Show counts of people under 5 as "<5" (always on for all but quality managers and the leaders of this programme)',
  })
  suppressSmallCells?: boolean;
  @DateField({ optional: true, description: 'Measure as of this day, today or earlier (default: today)' }) today?: string;
}

export class IndicatorsResponse {
  @ApiProperty({ type: [String] }) programmeIds: string[];
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ description: 'Whether counts of people under 5 are shown as "<5"' }) smallCellsSuppressed: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'By role and gender, by role (enrolled, active, completed, withdrawn), countries of origin; counts of people under 5 are "<5" (or a second cell ">=5") when smallCellsSuppressed',
  })
  participants: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5', '>=5'] }] },
    description: 'Adepts by outcome at the final evaluation, and not_evaluated ("<5" or ">=5" when smallCellsSuppressed)',
  })
  outcomes: Record<string, Count>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5', '>=5'] }] },
    description: 'Adepts in their own profession: yes, no, unknown ("<5" or ">=5" when smallCellsSuppressed)',
  })
  inOwnProfession: Record<string, Count>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Completers employed or studying: numerator, denominator, value (internships not counted); when smallCellsSuppressed, counts under 5 (or a remainder under 5) are "<5" and value is null',
  })
  inWorkOrStudiesAmongCompleters: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Conformance rate overall, per procedure and per version' })
  conformance: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'By severity, source, state and month of occurrence (byMonth); median days to closure from detection (medianDaysDetectionToClosure) and from occurrence (medianDaysOccurrenceToClosure)',
  })
  deviations: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'By state; closed on time as a rate' })
  correctiveActions: unknown;
}

export class CreateObjectiveRequest {
  @UuidField({ optional: true, description: 'The programme; omit for an objective over all programmes' }) programmeId?: string;
  @TextField({
    max: 100,
    pattern: INDICATOR_PATTERN,
    patternMessage: `must be one of ${OBJECTIVE_INDICATORS.join(', ')}, or conformance_rate:<procedure-key>`,
    description: `One of ${OBJECTIVE_INDICATORS.join(', ')}, or conformance_rate:<procedure-key>. Rates are fractions 0..1.`,
  })
  indicator: string;
  @EnumField(COMPARATORS) comparator: Comparator;
  @NumberField({ min: -1_000_000, max: 1_000_000, description: 'The target (rates as fractions, e.g. 0.9)' }) target: number;
  @TextField({ max: 300, example: 'At least 90 % of intake interviews conform' }) title: string;
}

export class ObjectiveQuery {
  @UuidField({ optional: true, description: "A programme's objectives (and the organisation-wide ones, measured on it)" })
  programmeId?: string;
}

export class ObjectiveResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) programmeId: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: COMPARATORS }) comparator: string;
  @ApiProperty() target: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The value measured now' }) measured: number | null;
  @ApiProperty({ enum: ['met', 'not_met', 'not_measurable'] }) status: string;
  @ApiPropertyOptional({ format: 'date' }) asOf?: string;
}
