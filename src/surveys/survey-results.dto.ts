import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, IntField, TextField, UuidField } from '../common/fields.js';
import { SEVERITIES } from '../deviations/deviation-states.js';
import type { Severity } from '../deviations/deviation-states.js';
import { QUESTION_TYPES, SURVEY_AUDIENCES } from './survey-content.js';
import type { QuestionType, SurveyAudience } from './survey-content.js';
import { TEXT_DECISIONS, TEXT_REVIEW_STATES } from './survey-suppression.js';
import type { TextDecision, TextReviewState } from './survey-suppression.js';

const COUNT = {
  oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5', '>=5'] }],
  description: 'A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5"',
};
type Count = number | '<5' | '>=5';

export class SurveyResultsQuery {
  @UuidField({ optional: true, description: 'Only this programme (cohort)' }) programmeId?: string;
  @DateField({
    optional: true,
    description: 'Only answers given on or after this day, the first day of a quarter (results by whole quarters)',
  })
  from?: string;
  @DateField({ optional: true, description: 'Only answers given on or before this day, the last day of a quarter, not before from' })
  to?: string;
}

export class ResponseRateResponse {
  @ApiProperty(COUNT) invited: Count;
  @ApiProperty(COUNT) answered: Count;
  @ApiProperty(COUNT) declined: Count;
  @ApiProperty({ nullable: true, type: Number, description: 'answered / invited, 0..1; null when a count is hidden' })
  rate: number | null;
}

export class DistributionEntryResponse {
  @ApiProperty({ description: 'A scale value (1..5) or an option value' }) value: string;
  @ApiProperty(COUNT) count: Count;
}

export class QuestionResultResponse {
  @ApiProperty() key: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'SurveyQuestionType' }) type: QuestionType;
  @ApiProperty({ description: 'In English' }) label: string;
  @ApiProperty({ nullable: true, type: String }) indicator: string | null;
  @ApiProperty(COUNT) n: Count;
  @ApiProperty({ nullable: true, type: Number, description: 'Scale: the mean, two decimals; null when hidden or not a scale' })
  mean: number | null;
  @ApiProperty({ description: 'Fewer than 5 answered (or a count would give one away): everything but n is hidden' }) suppressed: boolean;
  @ApiProperty({ type: [DistributionEntryResponse], description: 'Scale: per value; choice and multiselect: per option; text: empty' })
  distribution: DistributionEntryResponse[];
}

export class CohortResultResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) role: SurveyAudience;
  @ApiProperty({ type: ResponseRateResponse }) responseRate: ResponseRateResponse;
  @ApiProperty({ type: [QuestionResultResponse] }) questions: QuestionResultResponse[];
}

export class TrendPointResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty(COUNT) n: Count;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
}

export class QuestionTrendResponse {
  @ApiProperty() questionKey: string;
  @ApiProperty({ nullable: true, type: String }) indicator: string | null;
  @ApiProperty({ type: [TrendPointResponse], description: 'By programme start, oldest first' }) points: TrendPointResponse[];
}

export class ReviewedTextResponse {
  @ApiProperty() questionKey: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the cohort is too small to name' })
  programmeId: string | null;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) role: SurveyAudience;
  @ApiProperty({ description: 'As reviewed: the answer cleared, or the replacement text of a redaction' }) text: string;
  @ApiProperty() redacted: boolean;
}

export class SurveyFindingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['deviation', 'improvement'] }) kind: 'deviation' | 'improvement';
  @ApiProperty({ format: 'uuid', description: 'The deviation or improvement action opened' }) recordId: string;
  @ApiProperty({ example: 'DEV-2026-0004' }) reference: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty() questionKey: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The free-text answer it comes from, if any' })
  textAnswerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveyResultsResponse {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty({ description: 'English title of the latest version' }) title: string;
  @ApiProperty({ description: 'Counts and means over fewer answers than this are not shown' }) smallCellLimit: number;
  @ApiProperty({ type: ResponseRateResponse, description: 'Across the cohorts shown' }) responseRate: ResponseRateResponse;
  @ApiProperty({ type: [QuestionResultResponse], description: 'Across the cohorts shown' }) questions: QuestionResultResponse[];
  @ApiProperty({ type: [CohortResultResponse], description: 'Per programme and role, by programme start' }) cohorts: CohortResultResponse[];
  @ApiProperty({ type: [QuestionTrendResponse], description: 'Scale questions across programmes' }) trends: QuestionTrendResponse[];
  @ApiProperty({
    type: [ReviewedTextResponse],
    description: 'Free text a quality manager has reviewed; unreviewed text is never shown here',
  })
  freeText: ReviewedTextResponse[];
  @ApiProperty({ description: 'Free-text answers still awaiting review' }) freeTextAwaitingReview: number;
  @ApiProperty({ type: [SurveyFindingResponse], description: 'Deviations and improvement actions opened from these results' })
  findings: SurveyFindingResponse[];
}

export class TextAnswerQuery {
  @EnumField(TEXT_REVIEW_STATES, { optional: true, enumName: 'SurveyTextReviewState', description: 'Default: pending' })
  state?: TextReviewState;
}

export class TextReviewResponse {
  @ApiProperty({ enum: TEXT_DECISIONS, enumName: 'SurveyTextDecision' }) decision: TextDecision;
  @ApiProperty({ nullable: true, type: String }) replacement: string | null;
  @ApiProperty({ format: 'uuid' }) reviewedBy: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

export class TextAnswerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty() questionKey: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) role: SurveyAudience;
  @ApiProperty({ description: 'The answer as written (quality managers only): check it for personal data' }) text: string;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ type: TextReviewResponse, nullable: true }) review: TextReviewResponse | null;
}

export class TextAnswersResponse {
  @ApiProperty({ type: [TextAnswerResponse] }) items: TextAnswerResponse[];
}

export class ReviewTextAnswerRequest {
  @EnumField(TEXT_DECISIONS, {
    enumName: 'SurveyTextDecision',
    description: 'cleared: no personal data, shown as written; redacted: shown as the replacement',
  })
  decision: TextDecision;
  @TextField({ max: 4000, optional: true, description: 'With redacted: the text shown instead (required)' }) replacement?: string;
}

export class OpenSurveyDeviationRequest {
  @UuidField({ description: 'The programme (cohort) the result concerns' }) programmeId: string;
  @TextField({ max: 63, pattern: /^[a-z][a-z0-9_]{0,62}$/, patternMessage: 'must be a question key', description: 'The question' })
  questionKey: string;
  @UuidField({ optional: true, description: 'The free-text answer (a complaint) it comes from' }) textAnswerId?: string;
  @TextField({ max: 200 }) title: string;
  @TextField({ max: 5000 }) description: string;
  @EnumField(SEVERITIES, { enumName: 'Severity' }) severity: Severity;
}

export class OpenSurveyImprovementRequest {
  @UuidField({ description: 'The programme (cohort) the result concerns' }) programmeId: string;
  @TextField({ max: 63, pattern: /^[a-z][a-z0-9_]{0,62}$/, patternMessage: 'must be a question key', description: 'The question' })
  questionKey: string;
  @UuidField({ optional: true, description: 'The free-text answer it comes from' }) textAnswerId?: string;
  @TextField({ max: 5000 }) description: string;
  @UuidField({ description: 'Who carries it out (a quality manager or programme leader)' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked' }) effectivenessCriterion: string;
  @IntField({ optional: true, min: 0, max: 730, description: 'Days after implementation before effectiveness is judged (default 30)' })
  effectivenessCheckAfterDays?: number;
}
