import { ApiProperty } from '@nestjs/swagger';
import { EnumField, IntField, TextField, UuidListField } from '../common/fields.js';
import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';
import { SURVEY_AUDIENCES, SURVEY_KEY } from './survey-content.js';
import type { SurveyAudience } from './survey-content.js';
import { DELIVERIES, INVITATION_STATES, SURVEY_MOMENTS } from './survey-moments.js';
import type { Delivery, InvitationState, SurveyMoment } from './survey-moments.js';

const KEY_FORM = 'must be a survey key: lower-case letters, digits and hyphens, starting with a letter, such as adept-end-of-programme';

export class CreateSurveyPlanEntryRequest {
  @TextField({ max: 63, pattern: SURVEY_KEY, patternMessage: KEY_FORM, description: 'The survey sent (its version in force on the day)' })
  surveyKey: string;
  @EnumField(SURVEY_AUDIENCES, { enumName: 'SurveyAudience', description: "Who is asked; must be the survey's audience" })
  audience: SurveyAudience;
  @EnumField(SURVEY_MOMENTS, {
    enumName: 'SurveyMoment',
    description:
      'What the day is counted from: programme_start, programme_midpoint, programme_end, or procedure_completed (the completion of procedureKey in the programme)',
  })
  moment: SurveyMoment;
  @TextField({
    max: 63,
    optional: true,
    pattern: /^[a-z][a-z0-9-]{1,62}$/,
    patternMessage: 'must be a procedure key',
    description: 'With procedure_completed: the procedure whose completion is the moment, e.g. introduction-day',
  })
  procedureKey?: string;
  @IntField({
    min: -365,
    max: 730,
    description: 'Days after the moment (negative: before); 180 after programme_end is six months after the end',
  })
  offsetDays: number;
  @IntField({ min: 1, max: 90, optional: true, description: 'Days each invitation stays open (default 30)' }) expiresInDays?: number;
  @EnumField(USER_LANGUAGES, {
    optional: true,
    enumName: 'UserLanguage',
    description:
      "The language of recipients whose own is not known (default sv, the organisation's language); a participant's preferred language wins",
  })
  language?: UserLanguage;
}

export class SendSurveyRequest {
  @TextField({ max: 63, pattern: SURVEY_KEY, patternMessage: KEY_FORM, description: 'The survey sent (its version in force today)' })
  surveyKey: string;
  @EnumField(SURVEY_AUDIENCES, { enumName: 'SurveyAudience', description: "Who is asked; must be the survey's audience" })
  audience: SurveyAudience;
  @UuidListField({
    optional: true,
    max: 500,
    description:
      'Participants (adept, mentor) or internships (host: their supervisors) to ask; default everyone of the audience in the programme not yet asked this survey',
  })
  recipientIds?: string[];
  @IntField({ min: 1, max: 90, optional: true, description: 'Days the invitations stay open (default 30)' }) expiresInDays?: number;
  @EnumField(USER_LANGUAGES, {
    optional: true,
    enumName: 'UserLanguage',
    description:
      "The language of recipients whose own is not known (default sv, the organisation's language); a participant's preferred language wins",
  })
  language?: UserLanguage;
}

export class RecipientResponse {
  @ApiProperty({ enum: ['participant', 'internship'] }) kind: 'participant' | 'internship';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) role: SurveyAudience;
  @ApiProperty({ nullable: true, type: String, description: 'The participant code (adepts and mentors); null for host contacts' })
  code: string | null;
}

export class SurveyInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: RecipientResponse }) recipient: RecipientResponse;
  @ApiProperty({ enum: USER_LANGUAGES, enumName: 'UserLanguage' }) language: UserLanguage;
  @ApiProperty({
    enum: DELIVERIES,
    enumName: 'SurveyDelivery',
    description: 'mail: sent to the address on record; handout: no address, the sender hands the link out',
  })
  delivery: Delivery;
  @ApiProperty({ format: 'date', description: 'Last day the link opens' }) expiresOn: string;
  @ApiProperty({ enum: INVITATION_STATES, enumName: 'SurveyInvitationState' }) state: InvitationState;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The plan entry that sent it; null when sent by hand' })
  planEntryId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the link was handed out to the sender' })
  handedOutAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveySendResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) audience: SurveyAudience;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when sent by the daily scan' }) sentBy: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: [SurveyInvitationResponse], description: 'The invitations this send made (recipients asked before are left out)' })
  invitations: SurveyInvitationResponse[];
}

export class SurveyPlanEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() surveyKey: string;
  @ApiProperty({ enum: SURVEY_AUDIENCES, enumName: 'SurveyAudience' }) audience: SurveyAudience;
  @ApiProperty({ enum: SURVEY_MOMENTS, enumName: 'SurveyMoment' }) moment: SurveyMoment;
  @ApiProperty({ nullable: true, type: String }) procedureKey: string | null;
  @ApiProperty() offsetDays: number;
  @ApiProperty() expiresInDays: number;
  @ApiProperty({ enum: USER_LANGUAGES, enumName: 'UserLanguage' }) language: UserLanguage;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The day it sends; null while its moment is not known yet' })
  sendsOn: string | null;
  @ApiProperty({ description: 'Invitations it has sent' }) sent: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveyInvitationsResponse {
  @ApiProperty({ type: [SurveyInvitationResponse], description: 'Newest first' }) invitations: SurveyInvitationResponse[];
}

export class SurveyHandoutResponse {
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty({ description: 'The link to hand to the recipient; shown this once, never stored' }) link: string;
  @ApiProperty({ description: 'The token the link carries (43 characters)' }) token: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
}

export class SurveyScanResponse {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ description: 'Plan entries whose day was today or earlier' }) entriesDue: number;
  @ApiProperty({ description: 'Invitations made by this scan (a rerun makes none)' }) invitationsSent: number;
}
