import { ApiProperty } from '@nestjs/swagger';
import { DateField, ObjectField, TextField } from '../common/fields.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { QUESTION_TYPES, SURVEY_AUDIENCES } from './survey-content.js';
import type { QuestionType, SurveyAudience } from './survey-content.js';
import { SURVEY_VERSION_STATES } from './survey-versions.js';
import type { SurveyVersionState } from './survey-versions.js';

export class CreateSurveyRequest {
  @ObjectField({
    description:
      'The content of version 1 (key, audience, title, intro, privacy, questions; every text in en, sv and nb), as in procedures/surveys/*.yaml; problems name the path (content.questions[2].label.sv)',
  })
  content: Record<string, unknown>;
  @TextField({ max: 2000, optional: true, description: 'What version 1 is' }) changeSummary?: string;
}

export class CreateSurveyVersionRequest {
  @ObjectField({ description: 'The content of the new version; its key must be the survey key' }) content: Record<string, unknown>;
  @TextField({ max: 2000, optional: true, description: 'What changes in this version' }) changeSummary?: string;
}

export class ApproveSurveyVersionRequest {
  @TextField({ max: 256, description: "The approver's password, re-entered: this is an electronic signature" }) password: string;
  @TextField({ max: 2000, description: 'Reason or comment recorded with the signature' }) comment: string;
  @DateField({ optional: true, description: 'The day the version comes into force (default today): today or later' })
  effectiveOn?: string;
}

export class RejectSurveyVersionRequest {
  @TextField({ max: 2000, description: 'Why the version is rejected; work continues in the next version' }) comment: string;
}

export class SurveyTextResponse {
  @ApiProperty() en: string;
  @ApiProperty() sv: string;
  @ApiProperty() nb: string;
}

export class SurveyOptionResponse {
  @ApiProperty() value: string;
  @ApiProperty({ type: SurveyTextResponse }) label: SurveyTextResponse;
}

export class SurveyQuestionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'SurveyQuestionType' }) type: QuestionType;
  @ApiProperty({ type: SurveyTextResponse }) label: SurveyTextResponse;
  @ApiProperty({ type: SurveyTextResponse, nullable: true }) help: SurveyTextResponse | null;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [SurveyOptionResponse], description: 'For choice and multiselect; empty otherwise' })
  options: SurveyOptionResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'The indicator a scale question feeds, e.g. participant_satisfaction' })
  indicator: string | null;
}

export class SurveyContentResponse {
  @ApiProperty({ example: 'adept-end-of-programme' }) key: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) audience: SurveyAudience;
  @ApiProperty({ type: SurveyTextResponse }) title: SurveyTextResponse;
  @ApiProperty({ type: SurveyTextResponse }) intro: SurveyTextResponse;
  @ApiProperty({ type: SurveyTextResponse, description: 'What is done with the answers' }) privacy: SurveyTextResponse;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions: SurveyQuestionResponse[];
}

export class SurveyVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({
    enum: SURVEY_VERSION_STATES,
    enumName: 'SurveyVersionState',
    description: 'approved: approved, its effective day still to come',
  })
  state: SurveyVersionState;
  @ApiProperty({ nullable: true, type: String }) changeSummary: string | null;
  @ApiProperty({ description: 'Shipped with the service (procedures/surveys): nobody here wrote it' }) shipped: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for a shipped version' }) authorId: string | null;
  @ApiProperty({ description: 'SHA-256 of the canonical content (what an approval signs)' }) contentHash: string;
  @ApiProperty({ type: SurveyContentResponse }) content: SurveyContentResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) rejectedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected' }) statusReason: string | null;
  @ApiProperty({ type: [SignatureResponse] }) signatures: SignatureResponse[];
}

export class SurveySummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'adept-end-of-programme' }) key: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience', description: 'Of the latest version' }) audience: SurveyAudience;
  @ApiProperty({ description: 'English title of the latest version' }) title: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The version in force today' }) effectiveVersion: number | null;
  @ApiProperty({ nullable: true, type: Number }) latestVersion: number | null;
  @ApiProperty({ nullable: true, enum: SURVEY_VERSION_STATES, enumName: 'SurveyVersionState' }) latestState: SurveyVersionState | null;
}

export class SurveyResponse extends SurveySummaryResponse {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [SurveyVersionResponse], description: 'Oldest first' }) versions: SurveyVersionResponse[];
}

export class SurveyImportItemResponse {
  @ApiProperty() key: string;
  @ApiProperty({ example: 'adept-end-of-programme.yaml' }) file: string;
  @ApiProperty({ enum: ['created', 'drafted', 'unchanged', 'skipped'] }) outcome: 'created' | 'drafted' | 'unchanged' | 'skipped';
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a file was skipped' }) reason: string | null;
}

export class SurveyImportResponse {
  @ApiProperty({ type: [SurveyImportItemResponse] }) items: SurveyImportItemResponse[];
}
