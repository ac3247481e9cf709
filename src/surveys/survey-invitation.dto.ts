import { ApiProperty } from '@nestjs/swagger';
import { ObjectField } from '../common/fields.js';
import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';
import { QUESTION_TYPES, SCALE_MAX, SCALE_MIN } from './survey-content.js';
import type { QuestionType } from './survey-content.js';

export class SubmitSurveyAnswersRequest {
  @ObjectField({
    description:
      'Answers by question key: a scale question an integer 1..5, a choice one option value, a multiselect a list of option values, a text question a string (at most 4000 characters). A question left out is unanswered (refused when required).',
    example: { overall: 4, helped_with: ['language', 'network'], comments: 'The meetings helped me.' },
  })
  answers: Record<string, unknown>;
}

export class SurveyFormOptionResponse {
  @ApiProperty() value: string;
  @ApiProperty({ description: "In the recipient's language" }) label: string;
}

export class SurveyFormQuestionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'SurveyQuestionType' }) type: QuestionType;
  @ApiProperty({ description: "In the recipient's language" }) label: string;
  @ApiProperty({ nullable: true, type: String }) help: string | null;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [SurveyFormOptionResponse], description: 'For choice and multiselect; empty otherwise' })
  options: SurveyFormOptionResponse[];
  @ApiProperty({ nullable: true, type: Number, description: `For scale: ${SCALE_MIN}` }) min: number | null;
  @ApiProperty({ nullable: true, type: Number, description: `For scale: ${SCALE_MAX}` }) max: number | null;
}

/** What the recipient sees: the survey in their language, and nothing about them. */
export class SurveyFormResponse {
  @ApiProperty({ enum: USER_LANGUAGES, enumName: 'UserLanguage' }) language: UserLanguage;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ description: 'What is done with the answers' }) privacy: string;
  @ApiProperty({ type: [SurveyFormQuestionResponse] }) questions: SurveyFormQuestionResponse[];
  @ApiProperty({ format: 'date', description: 'Last day the link opens' }) expiresOn: string;
}

export class SurveyReplyResponse {
  @ApiProperty({ enum: ['answered', 'declined'] }) outcome: 'answered' | 'declined';
  @ApiProperty({ format: 'date-time' }) at: string;
}
