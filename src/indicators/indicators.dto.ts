import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, IntField, NumberField, QueryBoolField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { IMPROVEMENT_TYPES } from '../corrective-actions/action-states.js';
import type { ImprovementType } from '../corrective-actions/action-states.js';
import { COMPARATORS } from './indicator-math.js';
import type { Comparator, Count } from './indicator-math.js';
import { INDICATOR_PATTERN, OBJECTIVE_INDICATORS } from './objectives.js';
import { SATISFACTION_INDICATORS } from './satisfaction.js';
import type { SatisfactionIndicator } from './satisfaction.js';

export class IndicatorsQuery {
  @QueryBoolField({
    description: 'Show counts of people under 5 as "<5" (always on for all but quality managers and the leaders of this programme)',
  })
  suppressSmallCells?: boolean;
  @DateField({ optional: true, description: 'Measure as of this day, today or earlier (default: today)' }) today?: string;
}

export class FunnelQuery {
  @QueryBoolField({
    description: 'Show counts of people under 5 as "<5" (always on for all but quality managers and the leaders of this programme)',
  })
  suppressSmallCells?: boolean;
}

const COUNT = { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5', '>=5'] }] };

/** One role's funnel: the stages, then where those not admitted stand and how many enrolled left. */
export class FunnelStagesResponse {
  @ApiProperty({ ...COUNT, description: 'Everyone registered: applicants (whatever became of them) and those enrolled directly' })
  interested: Count;
  @ApiProperty({ ...COUNT, description: 'With a completed interview procedure (intakeProcedure)' }) interviewed: Count;
  @ApiProperty({ ...COUNT, description: 'Enrolled: admitted by the intake decision, or enrolled directly' }) admitted: Count;
  @ApiProperty({ ...COUNT, description: 'Completed the programme' }) completed: Count;
  @ApiProperty({ ...COUNT, description: 'Still applicants, awaiting the intake decision' }) applicant: Count;
  @ApiProperty({ ...COUNT, description: 'On the waiting list' }) waitingList: Count;
  @ApiProperty({ ...COUNT, description: 'Not admitted' }) notAdmitted: Count;
  @ApiProperty({ ...COUNT, description: 'Enrolled who left early (for a job, studies or other reasons)' }) withdrawn: Count;
  @ApiProperty({ description: 'The procedure whose completion counts as the interview', example: 'intake-interview' })
  intakeProcedure: string;
}

export class FunnelResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ description: 'Whether counts of people under 5 are shown as "<5"' }) smallCellsSuppressed: boolean;
  @ApiProperty({ type: FunnelStagesResponse }) adept: FunnelStagesResponse;
  @ApiProperty({ type: FunnelStagesResponse, description: 'Mentor candidates: interviewed means vetted' }) mentor: FunnelStagesResponse;
}

const SCORE_COUNTS = {
  type: 'object',
  nullable: true,
  additionalProperties: COUNT,
  description: 'Answers per score 1..5; null when fewer than 5 answered',
} as const;

/** A satisfaction indicator from survey answers: never a figure about fewer than 5 answers. */
export class SatisfactionIndicatorResponse {
  @ApiProperty({ enum: SATISFACTION_INDICATORS, enumName: 'SatisfactionIndicator' }) indicator: SatisfactionIndicator;
  @ApiProperty({ type: [String], description: 'The surveys (keys) whose scale questions name this indicator' }) surveys: string[];
  @ApiProperty({ ...COUNT, description: 'Invitations of those surveys' }) invited: Count;
  @ApiProperty(COUNT) answered: Count;
  @ApiProperty(COUNT) declined: Count;
  @ApiProperty({ nullable: true, type: Number, description: 'answered / invited, 0..1; null when a count is hidden' })
  responseRate: number | null;
  @ApiProperty({ ...COUNT, description: 'Scale answers naming the indicator' }) n: Count;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean score 1..5, two decimals; null when fewer than 5 answered' })
  mean: number | null;
  @ApiProperty(SCORE_COUNTS) distribution: Record<string, Count> | null;
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
  @ApiProperty({
    type: 'object',
    additionalProperties: COUNT,
    description:
      'Adepts who left or completed, by the outcome recorded on leaving or completing (left_for_work, left_for_studies, personal_reasons, other, employed_in_profession, employed_other, studying, seeking_work) and not_recorded ("<5" or ">=5" when smallCellsSuppressed)',
  })
  recordedOutcomes: Record<string, Count>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Adepts in work or studies on leaving early (left for work or studies: an outcome, not a failure) or on completing, among all who left or completed: numerator, denominator, value',
  })
  successesAmongLeaversAndCompleters: unknown;
  @ApiProperty({ ...COUNT, description: 'Adepts who left early for another reason than work or studies ("<5" when smallCellsSuppressed)' })
  dropouts: Count;
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
  @ApiProperty({
    type: [SatisfactionIndicatorResponse],
    description:
      'Satisfaction from surveys answered by the people themselves (participants, mentors, host organisations), answers given up to asOf; suppressed for every reader',
  })
  satisfaction: SatisfactionIndicatorResponse[];
}

const INDICATOR_DESCRIPTION = `One of ${OBJECTIVE_INDICATORS.join(', ')}, or conformance_rate:<procedure-key>. Units: rates (*_rate) are fractions from 0 to 1 (0.9 for 90 %, not percent); median_days_to_close is days, 0 or more; open_* are counts, whole numbers 0 or more; *_satisfaction are mean scores 1..5 from survey answers (not measurable over fewer than 5 answers).`;
const TARGET_DESCRIPTION =
  'The target in the unit of the measure: a rate as a fraction 0..1 (0.9 for 90 %), days 0 or more, a count a whole number 0 or more, a score 1..5; anything else is refused (422, target_out_of_range) naming the unit';

export class CreateObjectiveRequest {
  @UuidField({ optional: true, description: 'The programme; omit for an objective over all programmes' }) programmeId?: string;
  @TextField({
    max: 100,
    pattern: INDICATOR_PATTERN,
    patternMessage: `must be one of ${OBJECTIVE_INDICATORS.join(', ')}, or conformance_rate:<procedure-key>`,
    description: INDICATOR_DESCRIPTION,
  })
  indicator: string;
  @EnumField(COMPARATORS) comparator: Comparator;
  @NumberField({ min: -1_000_000, max: 1_000_000, description: TARGET_DESCRIPTION }) target: number;
  @TextField({ max: 300, example: 'At least 90 % of intake interviews conform' }) title: string;
  @UuidField({
    optional: true,
    description: 'Who answers for it: an active quality manager, programme leader or board member (default: you)',
  })
  ownerId?: string;
  @DateField({ optional: true, description: 'When it is to be met: today or later (default: the last day of this year)' })
  deadline?: string;
  @UuidListField({ optional: true, max: 50, description: 'Existing actions that make up its plan' }) actionIds?: string[];
}

export class UpdateObjectiveRequest {
  @TextField({ optional: true, max: 300 }) title?: string;
  @EnumField(COMPARATORS, { optional: true }) comparator?: Comparator;
  @NumberField({ optional: true, min: -1_000_000, max: 1_000_000, description: TARGET_DESCRIPTION }) target?: number;
  @UuidField({ optional: true, description: 'An active quality manager, programme leader or board member' }) ownerId?: string;
  @DateField({ optional: true, description: 'Today or later' }) deadline?: string;
  @UuidListField({ optional: true, max: 50, description: 'The existing actions of its plan (the whole list)' }) actionIds?: string[];
  @TextField({
    max: 2000,
    pattern: /\S/,
    patternMessage: 'reason must not be blank',
    description: 'Why it changes (kept in the audit trail)',
  })
  reason: string;
}

export class PlanObjectiveActionRequest {
  @EnumField(IMPROVEMENT_TYPES) type: ImprovementType;
  @TextField({ max: 5000 }) description: string;
  @UuidField({ description: 'Who carries it out (a quality manager or programme leader)' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked' }) effectivenessCriterion: string;
  @IntField({ optional: true, min: 0, max: 730, description: 'Days after implementation before effectiveness is judged (default 30)' })
  effectivenessCheckAfterDays?: number;
}

export class ObjectiveQuery {
  @UuidField({ optional: true, description: "A programme's objectives (and the organisation-wide ones, measured on it)" })
  programmeId?: string;
}

export class ObjectivePlanAction {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() type: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class ObjectiveMeasurementResponse {
  @ApiProperty({ example: '2027-Q1', description: 'The calendar quarter measured' }) period: string;
  @ApiProperty({ format: 'date', description: 'The day it was measured as of' }) measuredOn: string;
  @ApiProperty({ nullable: true, type: Number }) measured: number | null;
  @ApiProperty({ enum: COMPARATORS }) comparator: string;
  @ApiProperty({ description: 'The target then' }) target: number;
  @ApiProperty({ enum: ['met', 'not_met', 'not_measurable'] }) status: string;
  @ApiProperty({ nullable: true, type: String, enum: ['up', 'down', 'flat'], description: 'Against the period before' })
  trend: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ObjectiveResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) programmeId: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty({
    enum: ['rate', 'days', 'count', 'score'],
    description: 'rate: a fraction 0..1; days; count: a whole number; score: a mean 1..5',
  })
  unit: string;
  @ApiProperty({ enum: COMPARATORS }) comparator: string;
  @ApiProperty() target: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ type: [ObjectivePlanAction], description: 'The actions of its plan: linked, and planned from the objective' })
  plan: ObjectivePlanAction[];
  @ApiProperty({ nullable: true, type: Number, description: 'The value measured now' }) measured: number | null;
  @ApiProperty({ enum: ['met', 'not_met', 'not_measurable'] }) status: string;
  @ApiPropertyOptional({ format: 'date' }) asOf?: string;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['up', 'down', 'flat'],
    description: 'The value now against the latest measurement recorded for an earlier period',
  })
  trend: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the trend moves towards the target (null: flat, equal or unknown)' })
  trendIsBetter: boolean | null;
  @ApiProperty({ type: [ObjectiveMeasurementResponse], description: 'Measurements recorded per period, oldest first (never changed)' })
  history: ObjectiveMeasurementResponse[];
  @ApiProperty({ description: 'Counts the changes; sent as its ETag' }) version: number;
}
