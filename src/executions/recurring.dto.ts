/**
 * Recurring activities (a pair's mentor meetings, an adept's job coaching, a cohort's seminars)
 * and the attendance of cohort occurrences. See docs/recurring-activities.md.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoolField, DateField, NestedField, TextField, UuidField } from '../common/fields.js';

// --- Requests ---

export class AttendanceEntryInput {
  @UuidField({ description: 'A participant of the programme (adept or mentor)' }) participantId: string;
  @BoolField({ description: 'Whether the person attended' }) present: boolean;
  @TextField({
    optional: true,
    max: 500,
    pattern: /\S/,
    description: 'Why the person was absent (only when absent), e.g. ill, at a job interview',
  })
  absenceReason?: string;
}

export class RecordAttendanceRequest {
  @NestedField(() => AttendanceEntryInput, {
    each: true,
    maxItems: 500,
    description:
      'One entry per person; a person not listed keeps what was recorded (or stays not recorded). An entry that differs from ' +
      'what stands for the person is a correction: a new entry supersedes the earlier one, and `reason` says why',
  })
  entries: AttendanceEntryInput[];
  @TextField({ optional: true, max: 2000, description: 'Why earlier entries are corrected (required when an entry changes one)' })
  reason?: string;
}

export class RecurringActivitiesQuery {
  @UuidField({ optional: true, description: "A participant or pair of the programme; absent: the cohort (the programme's own activities)" })
  subjectId?: string;
  @DateField({ optional: true, description: 'As of this day, today or earlier (default: today in the programme time zone)' })
  today?: string;
}

// --- Responses ---

export class LocalisedTextResponse {
  @ApiProperty() en: string;
  @ApiPropertyOptional() sv?: string;
  @ApiPropertyOptional() nb?: string;
}

export class DurationResponse {
  @ApiProperty({ description: 'The first number field with a unit among the steps (e.g. duration_minutes)' }) fieldKey: string;
  @ApiProperty() value: number;
  @ApiProperty({ type: LocalisedTextResponse }) unit: LocalisedTextResponse;
}

export class AttendanceCountsResponse {
  @ApiProperty() present: number;
  @ApiProperty() absent: number;
  @ApiProperty({ description: 'People on the list with nothing recorded yet' }) notRecorded: number;
}

export class CadenceGapResponse {
  @ApiProperty({
    enum: ['start', 'between', 'end'],
    description: "start: from the period's start to the first occurrence; end: from the last one",
  })
  kind: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date', description: 'The occurrence that closed it, the end of the period, or today when open' }) to: string;
  @ApiProperty() days: number;
  @ApiProperty({ description: 'Still growing: the period runs and no occurrence has closed it' }) open: boolean;
}

export class SessionsShortResponse {
  @ApiProperty() planned: number;
  @ApiProperty() held: number;
}

export class DateRangeResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class OccurrenceResponse {
  @ApiProperty({ format: 'uuid' }) executionId: string;
  @ApiProperty({ enum: ['open', 'completed'] }) state: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Its day: the last current step performed (null: nothing recorded yet)',
  })
  date: string | null;
  @ApiProperty({ type: DurationResponse, nullable: true }) duration: DurationResponse | null;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ nullable: true, enum: ['conforming', 'nonconforming'], description: 'The latest judgement; null while open' })
  conformance: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who recorded its latest step' }) recordedById: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Days since the previous completed occurrence (or the period start); null for an open one',
  })
  daysSincePrevious: number | null;
  @ApiProperty({ description: 'daysSincePrevious is longer than the cadence' }) cadenceBreached: boolean;
  @ApiProperty({ type: AttendanceCountsResponse, nullable: true, description: 'For procedures that record attendance' })
  attendance: AttendanceCountsResponse | null;
}

export class RecurringActivityResponse {
  @ApiProperty() procedureKey: string;
  @ApiProperty({ description: "The plan's version" }) versionNumber: number;
  @ApiProperty({ type: LocalisedTextResponse }) title: LocalisedTextResponse;
  @ApiProperty() cadenceDays: number;
  @ApiProperty({ nullable: true, type: Number }) sessions: number | null;
  @ApiProperty({ description: 'Occurrences record who attended' }) attendance: boolean;
  @ApiProperty({
    enum: [
      'not_applicable',
      'not_yet_due',
      'due',
      'in_progress',
      'conforming',
      'conforming_after_correction',
      'nonconforming',
      'cadence_missed',
    ],
    description: "The conformance matrix's status of this subject and procedure",
  })
  status: string;
  @ApiProperty({
    type: DateRangeResponse,
    nullable: true,
    description: 'The period the cadence applies in (null: its anchor is not known yet)',
  })
  period: DateRangeResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) judgedUntil: string | null;
  @ApiProperty({ description: 'Completed occurrences within the period' }) occurrenceCount: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) longestGapDays: number | null;
  @ApiProperty({ type: [CadenceGapResponse], description: 'Gaps longer than the cadence, oldest first' }) gaps: CadenceGapResponse[];
  @ApiProperty({ type: SessionsShortResponse, nullable: true }) sessionsShort: SessionsShortResponse | null;
  @ApiProperty({ type: [OccurrenceResponse], description: 'Every occurrence not cancelled, oldest first (open ones last)' })
  occurrences: OccurrenceResponse[];
}

export class RecurringSubjectResponse {
  @ApiProperty({ enum: ['adept', 'mentor', 'pair', 'cohort'] }) type: string;
  @ApiProperty({ format: 'uuid', description: 'Participant, pair or programme id' }) id: string;
  @ApiProperty({ description: 'Pseudonymous code; mentor/adept codes for a pair' }) code: string;
  @ApiPropertyOptional({ description: 'Only for readers who may see who the participants are' }) name?: string;
  @ApiProperty() status: string;
}

export class RecurringActivitiesResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: RecurringSubjectResponse }) subject: RecurringSubjectResponse;
  @ApiProperty({ type: [RecurringActivityResponse], description: "The plan's recurring procedures for this subject's type" })
  activities: RecurringActivityResponse[];
}

export class AttendanceRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() present: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Withheld (null) from readers who may not see who the participants are' })
  absenceReason: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) recordedById: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supersedesId: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason: string | null;
  @ApiProperty({ description: 'false when a later entry superseded it' }) current: boolean;
}

export class AttendeeResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() code: string;
  @ApiPropertyOptional({ description: 'Only for readers who may see who the participants are' }) name?: string;
  @ApiProperty({ enum: ['adept', 'mentor'] }) role: string;
  @ApiProperty({ enum: ['present', 'absent', 'not_recorded'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) absenceReason: string | null;
  @ApiProperty({ type: [AttendanceRecordResponse], description: 'Every entry for the person, oldest first' })
  history: AttendanceRecordResponse[];
}

export class SessionAttendanceResponse {
  @ApiProperty({ format: 'uuid' }) executionId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() procedureKey: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) state: string;
  @ApiProperty({ description: 'Whether the procedure records attendance (false: entries is empty and nothing can be recorded)' })
  attendance: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The occurrence day (null: no step recorded yet)' })
  date: string | null;
  @ApiProperty({ type: AttendanceCountsResponse }) counts: AttendanceCountsResponse;
  @ApiProperty({
    type: [AttendeeResponse],
    description:
      "The programme's participants active on the day (enrolled, not withdrawn before it), and anyone recorded, by role and code",
  })
  entries: AttendeeResponse[];
}

export class PersonSessionResponse {
  @ApiProperty({ format: 'uuid' }) executionId: string;
  @ApiProperty() procedureKey: string;
  @ApiProperty({ enum: ['open', 'completed'] }) state: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) date: string | null;
  @ApiProperty({ enum: ['present', 'absent', 'not_recorded'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) absenceReason: string | null;
}

export class PersonAttendanceResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() code: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ enum: ['adept', 'mentor'] }) role: string;
  @ApiProperty({ type: AttendanceCountsResponse, description: 'Over the sessions listed' }) counts: AttendanceCountsResponse;
  @ApiProperty({
    type: [PersonSessionResponse],
    description:
      'Occurrences (not cancelled) of procedures that record attendance, where the person was on the list or recorded, oldest first',
  })
  sessions: PersonSessionResponse[];
}
