import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, IntField, TextField, UuidListField, BoolField, PROCEDURE_KEY_FORM } from '../common/fields.js';
import { UuidParam } from '../common/params.js';
import { PROGRAMME_STATUSES } from './programme.entity.js';
import type { ProgrammeStatus } from './programme.entity.js';

/** The `:id` of a programme in a route (400 when not a UUID). */
export const PROGRAMME_ID = new UuidParam('Programme');

export class CreateProgrammeRequest {
  @TextField({ max: 200, example: 'Mentoring for work 2027' }) name: string;
  @TextField({
    max: 5000,
    description: 'What the programme offers: mentoring, seminars on working life, job coaching, internship, language studies',
  })
  description: string;
  @TextField({ max: 1000, example: 'Immigrant job-seekers with an academic background' }) targetGroup: string;
  @DateField({ description: 'First day of the programme' }) startDate: string;
  @DateField({ description: 'Last day of the programme' }) endDate: string;
  @UuidListField({ description: 'Users with the programme_leader role who run the programme', max: 20 }) leaderIds: string[];
  @TextField({
    optional: true,
    max: 64,
    description: 'IANA time zone in which calendar days are counted (default Europe/Stockholm)',
    example: 'Europe/Oslo',
  })
  timeZone?: string;
}

export class UpdateProgrammeRequest {
  @TextField({ optional: true, max: 200 }) name?: string;
  @TextField({ optional: true, max: 5000 }) description?: string;
  @TextField({ optional: true, max: 1000 }) targetGroup?: string;
  @DateField({ optional: true, description: 'Only while the programme is planned' }) startDate?: string;
  @DateField({ optional: true, description: 'Only while the programme is planned' }) endDate?: string;
  @UuidListField({ optional: true, max: 20, description: 'Quality managers only: programme leaders cannot change who leads the programme' })
  leaderIds?: string[];
}

export class MigratePlanRequest {
  @TextField({ max: 63, pattern: /^[a-z][a-z0-9-]{1,62}$/, patternMessage: PROCEDURE_KEY_FORM, example: 'intake-interview' })
  procedureKey: string;
  @IntField({ min: 1, max: 1_000_000, description: 'The effective version to adopt' }) toVersion: number;
  @TextField({ max: 2000, description: 'Why the programme adopts the new version now' }) reason: string;
  @BoolField({
    optional: true,
    description: 'Also move open executions to the new version (default false); completed ones always keep theirs',
  })
  moveOpenExecutions?: boolean;
}

export class LeaderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PlanEntryResponse {
  @ApiProperty() procedureKey: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ format: 'date-time' }) adoptedAt: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set when a newer version was adopted' }) replacedAt:
    string | null;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() targetGroup: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ format: 'date', description: 'The anchor day programme_midpoint' }) midpointDate: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) status: ProgrammeStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activatedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: [LeaderResponse] }) leaders: LeaderResponse[];
  @ApiProperty({ type: [PlanEntryResponse], description: 'The procedure versions in force for this programme (pinned at activation)' })
  procedurePlan: PlanEntryResponse[];
  @ApiProperty({ type: [PlanEntryResponse], description: 'Plan entries replaced by explicit migrations' }) planHistory: PlanEntryResponse[];
  @ApiProperty() version: number;
}

export class ProgrammeStatusQuery {
  @EnumField(PROGRAMME_STATUSES, { optional: true }) status?: ProgrammeStatus;
}
