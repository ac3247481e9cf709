import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, NestedField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { DECISION_CATEGORIES, NOTE_TOPICS } from './management-review.entity.js';
import type { DecisionCategory, NoteTopic } from './management-review.entity.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { ACTION_STATES } from '../corrective-actions/action-states.js';
import type { ActionState } from '../corrective-actions/action-states.js';

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
  @ApiProperty({ enum: ACTION_STATES }) state: ActionState;
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

/** A count of people: "<5" for 1 to 4 (small-cell suppression, as the indicators do). */
export type PeopleCount = number | '<5';
const PEOPLE = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['<5'] },
  ],
  description: 'A count of people; "<5" for 1 to 4',
};
const TREND = {
  enum: ['up', 'down', 'flat'],
  nullable: true,
  type: String,
  description: 'Against the period before; null without one',
} as const;
const NULLABLE_NUMBER = { type: Number, nullable: true } as const;
export type Trend = 'up' | 'down' | 'flat';

export class ReviewPeriodInput {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date', description: 'First day of the period of equal length before it (for trends)' }) previousFrom: string;
  @ApiProperty({ format: 'date' }) previousTo: string;
}

export class ReviewNoteInput {
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export type SurveyCount = number | '<5' | '>=5';
const SURVEY_COUNT = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['<5', '>=5'] },
  ],
  description: 'A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it',
};

/** Answers per score; from surveys a cell may be ">=5" (hidden so that a small one cannot be worked out). */
export class ScoreDistribution {
  @ApiProperty({ ...SURVEY_COUNT, name: '1' }) '1': SurveyCount;
  @ApiProperty({ ...SURVEY_COUNT, name: '2' }) '2': SurveyCount;
  @ApiProperty({ ...SURVEY_COUNT, name: '3' }) '3': SurveyCount;
  @ApiProperty({ ...SURVEY_COUNT, name: '4' }) '4': SurveyCount;
  @ApiProperty({ ...SURVEY_COUNT, name: '5' }) '5': SurveyCount;
}

export const SATISFACTION_SOURCES = ['survey', 'recorded_by_leaders'] as const;
export type SatisfactionSource = (typeof SATISFACTION_SOURCES)[number];
const SOURCE = {
  enum: SATISFACTION_SOURCES,
  enumName: 'SatisfactionSource',
  description:
    "Where the figures come from: survey (answered by the people themselves; replaces the leaders' scores where there are survey answers in the period) or recorded_by_leaders",
} as const;
const SOURCE_NOTE = {
  description: 'The source in words, e.g. "survey (12 answers, response rate 80 %)" or "recorded by leaders"',
  example: 'survey (12 answers, response rate 80 %)',
} as const;

/** The surveys a satisfaction figure comes from: how many were asked and answered. */
export class ReviewSurveySourceInput {
  @ApiProperty({ type: [String], description: 'The surveys (keys) whose scale questions feed the figure' }) surveys: string[];
  @ApiProperty(SURVEY_COUNT) invited: SurveyCount;
  @ApiProperty(SURVEY_COUNT) answered: SurveyCount;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'answered / invited, 0..1; null when a count is hidden' }) responseRate: number | null;
}

/** Satisfaction of the host organisations (employers) of internships, from their survey answers. */
export class ReviewSurveySatisfactionInput {
  @ApiProperty({ example: 'employer_satisfaction' }) indicator: string;
  @ApiProperty(PEOPLE) responses: PeopleCount;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Mean score 1-5; null when fewer than 5 answered' }) mean: number | null;
  @ApiProperty(NULLABLE_NUMBER) previousMean: number | null;
  @ApiProperty(TREND) trend: Trend | null;
  @ApiProperty({ type: ReviewSurveySourceInput }) survey: ReviewSurveySourceInput;
  @ApiProperty(SOURCE_NOTE) sourceNote: string;
}

export class ReviewSatisfactionInput {
  @ApiPropertyOptional(SOURCE) source?: SatisfactionSource;
  @ApiPropertyOptional(SOURCE_NOTE) sourceNote?: string;
  @ApiPropertyOptional({ type: ReviewSurveySourceInput, nullable: true, description: 'With source survey: the surveys and their response' })
  survey?: ReviewSurveySourceInput | null;
  @ApiPropertyOptional({
    type: ReviewSurveySatisfactionInput,
    nullable: true,
    description: 'Host organisations (employers) of internships, from their survey answers; null when none answered in the period',
  })
  employers?: ReviewSurveySatisfactionInput | null;
  @ApiProperty() procedureKey: string;
  @ApiProperty() stepKey: string;
  @ApiProperty() fieldKey: string;
  @ApiProperty(PEOPLE) responses: PeopleCount;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Mean score 1-5; null when fewer than 5 answered (it could identify someone)' })
  mean: number | null;
  @ApiProperty({ type: ScoreDistribution }) distribution: ScoreDistribution;
  @ApiProperty(PEOPLE) feedbackGiven: PeopleCount;
  @ApiProperty(NULLABLE_NUMBER) previousMean: number | null;
  @ApiProperty(TREND) trend: Trend | null;
}

export class ReviewObjectiveMeasurement {
  @ApiProperty({ example: '2026-Q3' }) period: string;
  @ApiProperty(NULLABLE_NUMBER) measured: number | null;
  @ApiProperty() status: string;
}

export class ReviewObjectiveInput {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty() comparator: string;
  @ApiProperty() target: number;
  @ApiProperty(NULLABLE_NUMBER) measured: number | null;
  @ApiProperty() status: string;
  @ApiProperty(TREND) trend: Trend | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the trend moves towards the target' }) trendIsBetter: boolean | null;
  @ApiProperty({ type: [ReviewObjectiveMeasurement] }) measuredInPeriod: ReviewObjectiveMeasurement[];
}

export class ReviewProcessPerformanceInput {
  @ApiProperty() procedureKey: string;
  @ApiProperty() conforming: number;
  @ApiProperty() completed: number;
  @ApiProperty(NULLABLE_NUMBER) rate: number | null;
  @ApiProperty(NULLABLE_NUMBER) previousRate: number | null;
  @ApiProperty(TREND) trend: Trend | null;
}

export class ReviewNonconformityInput {
  @ApiProperty() detected: number;
  @ApiProperty() closed: number;
  @ApiProperty({ ...COUNTS, description: 'Deviations detected in the period, by severity' }) detectedBySeverity: Record<string, number>;
}

export class ReviewMonitoringInput {
  @ApiProperty(NULLABLE_NUMBER) conformanceRate: number | null;
  @ApiProperty(NULLABLE_NUMBER) completionRate: number | null;
  @ApiProperty(NULLABLE_NUMBER) withdrawalRate: number | null;
  @ApiProperty(NULLABLE_NUMBER) inWorkOrStudiesRate: number | null;
  @ApiProperty(NULLABLE_NUMBER) actionsClosedOnTimeRate: number | null;
  @ApiProperty(NULLABLE_NUMBER) medianDaysToClose: number | null;
  @ApiProperty(NULLABLE_NUMBER) openDeviations: number | null;
}

export class ReviewAuditFindingCounts {
  @ApiProperty() major: number;
  @ApiProperty() minor: number;
  @ApiProperty() observations: number;
  @ApiProperty() opportunities: number;
}

export class ReviewInternalAudit {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) performedOn: string | null;
  @ApiProperty({ type: ReviewAuditFindingCounts }) findings: ReviewAuditFindingCounts;
}

export class ReviewInternalAuditInputs {
  @ApiProperty() available: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [ReviewInternalAudit] }) audits: ReviewInternalAudit[];
}

export class ReviewExternalProvidersInput {
  @ApiProperty(PEOPLE) pairsMatched: PeopleCount;
  @ApiProperty(PEOPLE) pairsEndedEarly: PeopleCount;
  @ApiProperty(PEOPLE) mentorFeedbackGiven: PeopleCount;
  @ApiProperty(PEOPLE) mentorSatisfactionResponses: PeopleCount;
  @ApiProperty(NULLABLE_NUMBER) mentorSatisfactionMean: number | null;
  @ApiPropertyOptional(SOURCE) mentorSatisfactionSource?: SatisfactionSource;
  @ApiPropertyOptional(SOURCE_NOTE) mentorSatisfactionSourceNote?: string;
  @ApiPropertyOptional({ type: ReviewSurveySourceInput, nullable: true, description: 'With source survey: the surveys and their response' })
  mentorSatisfactionSurvey?: ReviewSurveySourceInput | null;
}

export class ReviewRiskAction {
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
}

export class ReviewRiskInput {
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ['risk', 'opportunity'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() ratingBefore: number;
  @ApiProperty(NULLABLE_NUMBER) ratingAfter: number | null;
  @ApiProperty({ type: [ReviewRiskAction] }) actions: ReviewRiskAction[];
}

export class ReviewOpportunityAction {
  @ApiProperty() reference: string;
  @ApiProperty() type: string;
  @ApiProperty() source: string;
  @ApiProperty({ type: String, nullable: true }) sourceText: string | null;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class ReviewRegisterOpportunity {
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() rating: number;
}

export class ReviewOpportunitiesInput {
  @ApiProperty({ type: [ReviewOpportunityAction] }) actions: ReviewOpportunityAction[];
  @ApiProperty({ type: [ReviewRegisterOpportunity] }) register: ReviewRegisterOpportunity[];
}

/**
 * What top management reviews (ISO 9001 9.3.2), composed from the records, never typed in (but
 * for issues and resources, recorded on the review). Sections added after the first reviews were
 * closed are absent from their frozen snapshots (hence optional). The one type of the inputs: the
 * service composes it, the minutes print it, the console reads it from the OpenAPI document.
 */
export class ManagementReviewInputsResponse {
  @ApiProperty({ format: 'date-time' }) composedAt: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: ReviewDeviationInputs }) deviations: ReviewDeviationInputs;
  @ApiProperty({ type: ReviewActionInputs }) correctiveActions: ReviewActionInputs;
  @ApiProperty({ type: [ReviewConformanceInput] }) conformance: ReviewConformanceInput[];
  @ApiProperty({ type: [ReviewEarlierDecisionInput], description: '9.3.2 a: status of actions from previous reviews' })
  earlierDecisions: ReviewEarlierDecisionInput[];
  @ApiPropertyOptional({ type: ReviewPeriodInput, description: 'The period reviewed and the one of equal length before it' })
  period?: ReviewPeriodInput;
  @ApiPropertyOptional({
    type: [ReviewNoteInput],
    description: '9.3.2 b: changes in external and internal issues, as recorded on the review',
  })
  issues?: ReviewNoteInput[];
  @ApiPropertyOptional({
    type: ReviewSatisfactionInput,
    description:
      '9.3.2 c 1: adept satisfaction 1-5 in the period: from surveys the adepts answered where there are any (source survey), else as leaders recorded it at final evaluations; host organisations from their surveys; counts of people under 5 are <5',
  })
  satisfaction?: ReviewSatisfactionInput;
  @ApiPropertyOptional({ type: [ReviewObjectiveInput], description: '9.3.2 c 2: the extent to which quality objectives have been met' })
  objectives?: ReviewObjectiveInput[];
  @ApiPropertyOptional({
    type: [ReviewProcessPerformanceInput],
    description: '9.3.2 c 3: per procedure, executions completed in the period and their conformance, against the period before',
  })
  processPerformance?: ReviewProcessPerformanceInput[];
  @ApiPropertyOptional({ type: ReviewNonconformityInput, description: '9.3.2 c 4: deviations detected and closed in the period' })
  nonconformities?: ReviewNonconformityInput;
  @ApiPropertyOptional({ type: ReviewMonitoringInput, description: '9.3.2 c 5: the headline indicators over every programme' })
  monitoring?: ReviewMonitoringInput;
  @ApiPropertyOptional({ type: ReviewInternalAuditInputs, description: '9.3.2 c 6: the internal audits performed in the period' })
  internalAudits?: ReviewInternalAuditInputs;
  @ApiPropertyOptional({
    type: ReviewExternalProvidersInput,
    description:
      "9.3.2 c 7: mentors: pairs matched and ended early in the period, mentor feedback and satisfaction (from the mentors' surveys where there are answers, else as leaders recorded it at mid-point follow-ups)",
  })
  externalProviders?: ReviewExternalProvidersInput;
  @ApiPropertyOptional({ type: [ReviewNoteInput], description: '9.3.2 d: the adequacy of resources, as recorded on the review' })
  resources?: ReviewNoteInput[];
  @ApiPropertyOptional({
    type: [ReviewRiskInput],
    description: '9.3.2 e: risks and opportunities with actions: rating before and after treatment, the actions and their state',
  })
  risks?: ReviewRiskInput[];
  @ApiPropertyOptional({
    type: ReviewOpportunitiesInput,
    description: '9.3.2 f: open actions without a deviation and open opportunities in the risk register',
  })
  opportunities?: ReviewOpportunitiesInput;
}
