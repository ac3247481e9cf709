import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EmailField, EnumField, TextField, UuidField } from '../common/fields.js';
import { COMPLETION_OUTCOMES, GENDERS, LEAVING_OUTCOMES, PARTICIPANT_ROLES, PARTICIPANT_STATUSES } from './participant-kinds.js';
import type {
  CompletionOutcome,
  Gender,
  LeavingOutcome,
  ParticipantOutcome,
  ParticipantRole,
  ParticipantStatus,
} from './participant-kinds.js';

const OUTCOMES = [...new Set([...LEAVING_OUTCOMES, ...COMPLETION_OUTCOMES])];

export class CreateParticipantRequest {
  @EnumField(PARTICIPANT_ROLES, { description: 'adept (the job-seeker) or mentor' }) role: ParticipantRole;
  @TextField({ max: 200, description: 'Full name; never shown to auditors, never logged' }) fullName: string;
  @EmailField({ optional: true, description: 'Contact address, if the participant gave one' }) email?: string;
  @EnumField(GENDERS) gender: Gender;
  @TextField({ max: 200, example: 'Civil engineer' }) profession: string;
  @TextField({ optional: true, max: 100, example: 'Syria' }) countryOfOrigin?: string;
  @EnumField(USER_LANGUAGES, { optional: true, description: 'Preferred language for invitations sent to them (en, sv, nb)' })
  language?: UserLanguage;
  @DateField({ description: 'Day the participant enrolled' }) enrolledAt: string;
  @DateField({ description: 'Day consent to the processing of personal data was recorded' }) consentRecordedAt: string;
}

/** An expression of interest: an applicant, not enrolled until admitted (by the intake decision). */
export class RegisterApplicantRequest {
  @EnumField(PARTICIPANT_ROLES, { description: 'adept (the job-seeker) or mentor (a mentor candidate, until vetted)' })
  role: ParticipantRole;
  @TextField({ max: 200, description: 'Full name; never shown to auditors, never logged' }) fullName: string;
  @EmailField({ optional: true, description: 'Contact address, if the applicant gave one' }) email?: string;
  @EnumField(GENDERS) gender: Gender;
  @TextField({ max: 200, example: 'Civil engineer' }) profession: string;
  @TextField({ optional: true, max: 100, example: 'Syria' }) countryOfOrigin?: string;
  @EnumField(USER_LANGUAGES, { optional: true, description: 'Preferred language for invitations sent to them (en, sv, nb)' })
  language?: UserLanguage;
  @DateField({ description: 'Day consent to process the application (its personal data) was recorded; today or earlier' })
  applicationConsentAt: string;
}

export class WithdrawParticipantRequest {
  @DateField({ description: 'Day the participant left the programme' }) date: string;
  @TextField({ max: 2000 }) reason: string;
  @EnumField(LEAVING_OUTCOMES, {
    optional: true,
    description:
      'Why they left: left_for_work (left early for a job: an outcome, not a failure), left_for_studies, personal_reasons, other',
  })
  outcome?: LeavingOutcome;
}

export class CompleteParticipantRequest {
  @DateField({ optional: true, description: 'Day the participant completed the programme (default: today in the programme time zone)' })
  date?: string;
  @EnumField(COMPLETION_OUTCOMES, { optional: true, description: 'Where the participant stands on completing' })
  outcome?: CompletionOutcome;
  @TextField({ optional: true, max: 2000, description: 'What the outcome is; required when the outcome is other' })
  outcomeNote?: string;
}

export class ParticipantQuery {
  @EnumField(PARTICIPANT_ROLES, { optional: true }) role?: ParticipantRole;
  @EnumField(PARTICIPANT_STATUSES, { optional: true }) status?: ParticipantStatus;
}

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Pseudonymous code, used wherever the person is shown to auditors', example: 'A-7K3Q9X' }) code: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role: ParticipantRole;
  @ApiPropertyOptional({ description: 'Only for quality managers and the leaders of this programme' }) fullName?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for quality managers and the leaders of this programme' })
  email?: string | null;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty() profession: string;
  @ApiProperty({ nullable: true, type: String }) countryOfOrigin: string | null;
  @ApiProperty({ nullable: true, enum: USER_LANGUAGES, description: 'Preferred language for invitations; null when not known' })
  language: UserLanguage | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Day consent to process the application was recorded (applicants)',
  })
  applicationConsentAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Day of the intake decision (admitted, waiting list, not admitted)',
  })
  admissionDecidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Null until enrolled (applicants)' }) enrolledAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Consent to enrolment; null until enrolled' })
  consentRecordedAt: string | null;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawnAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only for quality managers and the leaders of this programme (it often says something personal)',
  })
  withdrawalReason?: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) completedAt: string | null;
  @ApiProperty({ nullable: true, enum: OUTCOMES, description: 'On leaving early or completing; null when not recorded' })
  outcome: ParticipantOutcome | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for quality managers and the leaders of this programme' })
  outcomeNote?: string | null;
  @ApiProperty() version: number;
}

export class CreatePairRequest {
  @UuidField() mentorId: string;
  @UuidField() adeptId: string;
  @DateField({ description: 'Day the pair was matched' }) matchedAt: string;
  @TextField({ max: 2000, description: 'Why these two: profession, goals, languages' }) rationale: string;
}

export class EndPairRequest {
  @DateField() date: string;
  @TextField({ max: 2000, description: 'Why the pair ends (for example a rematch)' }) reason: string;
}

export class PairResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() mentorCode: string;
  @ApiProperty({ format: 'uuid' }) adeptId: string;
  @ApiProperty() adeptCode: string;
  @ApiProperty({ format: 'date' }) matchedAt: string;
  @ApiPropertyOptional({ description: 'Only for quality managers and the leaders of this programme (it describes the people)' })
  rationale?: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for quality managers and the leaders of this programme' })
  endReason?: string | null;
  @ApiProperty() active: boolean;
}
