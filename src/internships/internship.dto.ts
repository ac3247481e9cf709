import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EmailField, EnumField, IntField, TextField, UuidField } from '../common/fields.js';
import { INTERNSHIP_CHANGES, INTERNSHIP_OUTCOMES, INTERNSHIP_STATES } from './internship-outcomes.js';
import type { InternshipChange, InternshipOutcome, InternshipState } from './internship-outcomes.js';

const HOURS = { min: 1, max: 60, description: 'Hours a week at the host, if agreed' };
const OUTCOME_DOC = 'completed, ended_early (before its planned end), employed (it led to employment), other (say what in the note)';

/** Places an adept of the programme with an organisation of the register. */
export class PlaceInternshipRequest {
  @UuidField({ description: 'The adept (a participant of this programme with the role adept)' }) participantId: string;
  @UuidField({ description: 'The host organisation, active in the register' }) organisationId: string;
  @TextField({ max: 200, pattern: /\S/, description: 'The supervisor at the host' }) supervisorName: string;
  @TextField({ max: 200, pattern: /\S/, description: "The supervisor's role at the host", example: 'Head of the structural design unit' })
  supervisorRole: string;
  @EmailField({ optional: true }) supervisorEmail?: string;
  @DateField({ description: 'Within the programme' }) startDate: string;
  @DateField({ description: 'On or after the start, at most a year after the programme ends' }) endDate: string;
  @IntField({ ...HOURS, optional: true }) hoursPerWeek?: number;
}

/** How the placement ended: recorded once, after it ended (or when it ends early); a correction is a revision. */
export class RecordInternshipOutcomeRequest {
  @EnumField(INTERNSHIP_OUTCOMES, { enumName: 'InternshipOutcome', description: OUTCOME_DOC }) outcome: InternshipOutcome;
  @DateField({ optional: true, description: 'The day it ended: default its planned end; not after it, nor after today' }) endedOn?: string;
  @TextField({ optional: true, max: 2000, description: 'Required for other: what came of it' }) note?: string;
}

/** A new revision of a placement (a change of plan, or a correction of its outcome): fields left out keep their value. */
export class ReviseInternshipRequest {
  @TextField({ min: 3, max: 2000, description: 'Why the placement record changes' }) reason: string;
  @TextField({ optional: true, max: 200, pattern: /\S/ }) supervisorName?: string;
  @TextField({ optional: true, max: 200, pattern: /\S/ }) supervisorRole?: string;
  @EmailField({ optional: true, nullable: true }) supervisorEmail?: string | null;
  @DateField({ optional: true }) startDate?: string;
  @DateField({ optional: true }) endDate?: string;
  @IntField({ ...HOURS, optional: true, nullable: true }) hoursPerWeek?: number | null;
  @EnumField(INTERNSHIP_OUTCOMES, { optional: true, enumName: 'InternshipOutcome' }) outcome?: InternshipOutcome;
  @DateField({ optional: true }) endedOn?: string;
  @TextField({ optional: true, nullable: true, max: 2000 }) note?: string | null;
}

export class InternshipPersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class InternshipAdept {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The pseudonymous code, always given' }) code: string;
  @ApiPropertyOptional({ description: 'Only for a caller who may see who the participants of the programme are' }) fullName?: string;
}

export class InternshipHost {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Whether it is active in the register now' }) active: boolean;
}

export class InternshipRevisionResponse {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: INTERNSHIP_CHANGES, enumName: 'InternshipChange' }) change: InternshipChange;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for a caller who may see who the participants are' })
  reason?: string | null;
  @ApiProperty() supervisorName: string;
  @ApiProperty() supervisorRole: string;
  @ApiProperty({ nullable: true, type: String }) supervisorEmail: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ nullable: true, type: Number }) hoursPerWeek: number | null;
  @ApiProperty({ nullable: true, enum: INTERNSHIP_OUTCOMES, enumName: 'InternshipOutcome' }) outcome: InternshipOutcome | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for a caller who may see who the participants are' })
  outcomeNote?: string | null;
  @ApiProperty({ type: InternshipPersonRef }) recordedBy: InternshipPersonRef;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class InternshipResponse extends InternshipRevisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ type: InternshipAdept }) adept: InternshipAdept;
  @ApiProperty({ type: InternshipHost }) organisation: InternshipHost;
  @ApiProperty({ enum: INTERNSHIP_STATES, enumName: 'InternshipState' }) state: InternshipState;
  @ApiProperty({ description: 'Optimistic-locking version (the revision), also sent as the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whether the caller may record its outcome and revise it' }) mayRecord: boolean;
}

export class InternshipList {
  @ApiProperty({ type: [InternshipResponse], description: 'Latest start first' }) items: InternshipResponse[];
}

export class InternshipHistoryResponse {
  @ApiProperty({ type: [InternshipRevisionResponse], description: 'Every revision, oldest first' }) revisions: InternshipRevisionResponse[];
}
