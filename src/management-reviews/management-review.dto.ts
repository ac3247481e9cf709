import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, NestedField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { DECISION_CATEGORIES, NOTE_TOPICS } from './management-review.entity.js';
import type { DecisionCategory, NoteTopic } from './management-review.entity.js';
import { SignatureResponse } from '../signatures/signature.dto.js';

export class GuestInput {
  @TextField({ max: 200, pattern: /\S/, patternMessage: 'name must not be blank', example: 'Eva Ekonom' }) name: string;
  @TextField({ max: 200, pattern: /\S/, patternMessage: 'role must not be blank', example: 'Representative of the co-financier' })
  role: string;
}

export class CreateManagementReviewRequest {
  @DateField({ description: 'Day of the meeting' }) heldOn: string;
  @TextField({ max: 300, example: 'Management review, spring 2027' }) title: string;
  @UuidListField({ min: 1, max: 50, description: 'Users who attend' }) attendeeIds: string[];
  @DateField({
    optional: true,
    description:
      'First day of the period reviewed (default: the day after the latest earlier review was held, or a year before the meeting)',
  })
  periodFrom?: string;
  @DateField({ optional: true, description: 'Last day of the period reviewed, on or before the meeting (default: the day of the meeting)' })
  periodTo?: string;
  @NestedField(() => GuestInput, { optional: true, each: true, maxItems: 20, description: 'Attendees without an account: name and role' })
  guests?: GuestInput[];
}

export class CreateNoteRequest {
  @EnumField(NOTE_TOPICS, {
    description: 'issues: changes in internal and external issues (9.3.2 b); resources: adequacy of resources (9.3.2 e)',
  })
  topic: NoteTopic;
  @TextField({ max: 5000, pattern: /\S/, patternMessage: 'text must not be blank' }) text: string;
}

export class DecisionActionInput {
  @UuidField({ description: 'Who carries out the action' }) ownerId: string;
  @DateField() dueDate: string;
  @TextField({ max: 5000 }) description: string;
  @TextField({ optional: true, max: 2000, description: 'How we will know it worked (default: followed up at the next management review)' })
  effectivenessCriterion?: string;
}

export class CreateDecisionRequest {
  @TextField({ max: 5000, description: 'The decision as minuted' }) text: string;
  @EnumField(DECISION_CATEGORIES, {
    optional: true,
    description:
      'ISO 9001 9.3.3: improvement, qms_change (a change to the quality management system), resource_need, other (default: improvement with an action, else other)',
  })
  category?: DecisionCategory;
  @NestedField(() => DecisionActionInput, {
    optional: true,
    description: 'An action to track: becomes a corrective action of type improvement',
  })
  action?: DecisionActionInput;
}

export class CloseReviewRequest {
  @TextField({ max: 256, description: 'Your password: closing is signed electronically by a board member' }) password: string;
  @TextField({ optional: true, max: 2000 }) comment?: string;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ enum: DECISION_CATEGORIES }) category: string;
  @ApiProperty({ nullable: true, type: Object, description: 'The tracked action: id, reference, state, due date' })
  action: { id: string; reference: string; state: string; dueDate: string } | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class GuestResponse {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
}

export class NoteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTE_TOPICS }) topic: string;
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ClosingMeasurementResponse {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: "The objective's programme; null for the organisation's" })
  programmeId: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: ['rate', 'days', 'count'], description: 'rate: a fraction 0..1; days; count: a whole number' }) unit: string;
  @ApiProperty({ example: '2027-Q1', description: 'The calendar quarter measured' }) period: string;
  @ApiProperty({ format: 'date', description: 'The day it was measured as of' }) measuredOn: string;
  @ApiProperty({ nullable: true, type: Number }) measured: number | null;
  @ApiProperty() comparator: string;
  @ApiProperty({ description: 'The target then' }) target: number;
  @ApiProperty({ enum: ['met', 'not_met', 'not_measurable'] }) status: string;
  @ApiProperty({ description: 'True when closing the review recorded it; false when the quarter was recorded before and is kept' })
  recordedAtClose: boolean;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ManagementReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Counts the changes to the review (1 + decisions minuted, + 1 once closed); sent as its ETag' })
  version: number;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', description: 'First day of the period reviewed' }) periodFrom: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period reviewed' }) periodTo: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Attendees: id and name' }) attendees: {
    id: string;
    name: string;
  }[];
  @ApiProperty({ type: [GuestResponse], description: 'Attendees without an account' }) guests: GuestResponse[];
  @ApiProperty({ type: [NoteResponse], description: 'Issues and resources as recorded, in order (never changed)' }) notes: NoteResponse[];
  @ApiProperty({ type: [DecisionResponse] }) decisions: DecisionResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: SignatureResponse }) signature: SignatureResponse | null;
  @ApiProperty({
    type: [ClosingMeasurementResponse],
    description:
      "Each quality objective's measurement of the quarter the period ends in, as signed at closing (recorded then, or recorded before and kept); empty while the review is open",
  })
  objectiveMeasurements: ClosingMeasurementResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class OldestOpenDeviation {
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time', description: 'When its nonconformity occurred' }) occurredAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was detected' }) detectedAt: string;
}

export class ReviewDeviationInputs {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ ...COUNTS, description: 'Open deviations by severity' }) openBySeverity: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Open deviations by source' }) openBySource: Record<string, number>;
  @ApiPropertyOptional({
    type: OldestOpenDeviation,
    nullable: true,
    description:
      'The open deviation that has stood longest, counted from when its nonconformity occurred; null when none is open (absent from reviews closed before it was kept)',
  })
  oldestOpen?: OldestOpenDeviation | null;
}

export class ReviewActionInputs {
  @ApiProperty({ ...COUNTS, description: 'Corrective actions by state' }) byState: Record<string, number>;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: [String] }) overdueReferences: string[];
}

export class ReviewConformanceInput {
  @ApiProperty() procedureKey: string;
  @ApiProperty() conforming: number;
  @ApiProperty() completed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'conforming / completed; null when none completed' }) rate: number | null;
}

export class ReviewDecisionActionInput {
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() overdue: boolean;
}

export class ReviewEarlierDecisionInput {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() title: string;
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ type: ReviewDecisionActionInput, nullable: true }) action: ReviewDecisionActionInput | null;
}

/** What top management reviews (ISO 9001 9.3.2), composed from the records. */
export class ManagementReviewInputsResponse {
  @ApiProperty({ format: 'date-time' }) composedAt: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: ReviewDeviationInputs }) deviations: ReviewDeviationInputs;
  @ApiProperty({ type: ReviewActionInputs }) correctiveActions: ReviewActionInputs;
  @ApiProperty({ type: [ReviewConformanceInput] }) conformance: ReviewConformanceInput[];
  @ApiProperty({ type: [ReviewEarlierDecisionInput], description: '9.3.2 a: status of actions from previous reviews' })
  earlierDecisions: ReviewEarlierDecisionInput[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The period reviewed (from, to) and the one of equal length before it (previousFrom, previousTo), for trends',
  })
  period?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '9.3.2 b: changes in external and internal issues, as recorded on the review (seq, text, recordedAt)',
  })
  issues?: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      '9.3.2 c 1: adept satisfaction 1-5 at final evaluations completed in the period: responses, mean, distribution, feedbackGiven, previousMean, trend; counts of people under 5 are <5 and the mean is then null',
  })
  satisfaction?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '9.3.2 c 2: quality objectives with owner, deadline, target, measured, status, trend and the measurements of the period',
  })
  objectives?: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      '9.3.2 c 3: per procedure, executions completed in the period, conformance rate, the rate of the period before and the trend',
  })
  processPerformance?: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '9.3.2 c 4: deviations detected and closed in the period, detected by severity',
  })
  nonconformities?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '9.3.2 c 5: the headline indicators over every programme',
  })
  monitoring?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '9.3.2 c 6: the internal audits performed in the period, each with its findings by kind',
  })
  internalAudits?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '9.3.2 c 7: mentors: pairs matched and ended early in the period, mentor feedback given, mentor satisfaction',
  })
  externalProviders?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '9.3.2 d: the adequacy of resources, as recorded on the review',
  })
  resources?: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '9.3.2 e: risks and opportunities with actions: rating before and after treatment, the actions and their state',
  })
  risks?: Record<string, unknown>[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '9.3.2 f: open actions without a deviation and open opportunities in the risk register',
  })
  opportunities?: Record<string, unknown>;
}
