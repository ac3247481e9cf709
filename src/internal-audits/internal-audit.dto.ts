import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  DateField,
  EnumField,
  EnumListField,
  IntField,
  NestedField,
  PROCEDURE_KEY_FORM,
  QueryBoolField,
  TextField,
  UuidField,
  UuidListField,
} from '../common/fields.js';
import { ANSWER_RESULTS, AUDIT_STATES, CLAUSE_NUMBERS, FINDING_GRADES, FINDING_KINDS, IMPORTANCE } from './audit-rules.js';
import type { AnswerResult, AuditState, FindingGrade, FindingKind, Importance } from './audit-rules.js';

/** A list of short texts (processes by name) or procedure keys, each checked and said in words. */
function TextListField(opts: {
  optional?: boolean;
  max: number;
  itemMax: number;
  pattern?: RegExp;
  patternMessage?: string;
  description: string;
}) {
  return applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({
      type: [String],
      maxItems: opts.max,
      description: opts.description,
      pattern: opts.pattern?.source,
    }),
    IsOptional(),
    IsArray({ message: 'must be an array' }),
    ArrayMaxSize(opts.max, { message: `must contain at most ${opts.max} entries` }),
    ArrayUnique({ message: 'must not name the same entry twice' }),
    IsString({ each: true, message: 'must contain only strings' }),
    MinLength(1, { each: true, message: 'must not contain empty entries' }),
    MaxLength(opts.itemMax, { each: true, message: `must contain entries of at most ${opts.itemMax} characters` }),
    // eslint-disable-next-line no-control-regex
    Matches(opts.pattern ?? /^[^\u0000]*$/, { each: true, message: opts.patternMessage ?? 'must not contain NUL characters' }),
  );
}

const PROCEDURE_KEY = /^[a-z][a-z0-9-]{1,62}$/;

/**
 * An audit planned in a year's programme: what is audited (processes by name and/or procedures,
 * optionally one programme), in which month, and why. The details (scope, criteria, period, team)
 * may be given now or later, before the audit starts.
 */
export class PlanAuditRequest {
  @IntField({ min: 2000, max: 2200, description: 'The year of the audit programme' }) year: number;
  @TextField({ max: 200, example: 'Intake and matching' }) title: string;
  @TextListField({ optional: true, max: 20, itemMax: 200, description: 'Processes audited, by name (at least one process or procedure)' })
  processes?: string[];
  @TextListField({
    optional: true,
    max: 20,
    itemMax: 63,
    pattern: PROCEDURE_KEY,
    patternMessage: `must contain only procedure keys (${PROCEDURE_KEY_FORM.replace(/^must be a procedure key: /, '')})`,
    description: 'Procedures audited, by key',
  })
  procedureKeys?: string[];
  @UuidField({ optional: true, description: 'The programme audited; omit for an audit of the whole organisation' }) programmeId?: string;
  @IntField({ min: 1, max: 12, description: 'The month the audit is planned in (1-12)' }) plannedMonth: number;
  @EnumField(IMPORTANCE, { enumName: 'AuditImportance', description: 'How important the audited processes are' }) importance: Importance;
  @TextField({ optional: true, max: 4000, description: 'What earlier audits and records found (why it is audited now)' })
  previousResults?: string;
  @TextField({ optional: true, max: 4000, description: 'What the audit covers' }) scope?: string;
  @EnumListField(CLAUSE_NUMBERS, { optional: true, enumName: 'IsoClause', description: 'ISO 9001 clauses audited against (criteria)' })
  clauses?: string[];
  @DateField({ optional: true, description: 'First day of the period whose records are audited' }) periodFrom?: string;
  @DateField({ optional: true, description: 'Last day of the period whose records are audited' }) periodTo?: string;
  @DateField({ optional: true, description: 'The day the audit is planned on' }) plannedOn?: string;
  @UuidField({ optional: true, description: 'The lead auditor: independent of what is audited' }) leadAuditorId?: string;
  @UuidListField({ optional: true, max: 10, description: 'The rest of the audit team, each independent of what is audited' })
  teamIds?: string[];
}

/** Changes to a planned audit (fields left out keep their value; null clears an optional one); needs If-Match. */
export class UpdateAuditRequest {
  @TextField({ optional: true, max: 200 }) title?: string;
  @TextListField({ optional: true, max: 20, itemMax: 200, description: 'Processes audited, by name' }) processes?: string[];
  @TextListField({
    optional: true,
    max: 20,
    itemMax: 63,
    pattern: PROCEDURE_KEY,
    patternMessage: 'must contain only procedure keys',
    description: 'Procedures audited, by key',
  })
  procedureKeys?: string[];
  @UuidField({ optional: true, nullable: true }) programmeId?: string | null;
  @IntField({ optional: true, min: 1, max: 12 }) plannedMonth?: number;
  @EnumField(IMPORTANCE, { optional: true, enumName: 'AuditImportance' }) importance?: Importance;
  @TextField({ optional: true, nullable: true, max: 4000 }) previousResults?: string | null;
  @TextField({ optional: true, nullable: true, max: 4000 }) scope?: string | null;
  @EnumListField(CLAUSE_NUMBERS, { optional: true, enumName: 'IsoClause' }) clauses?: string[];
  @DateField({ optional: true, nullable: true }) periodFrom?: string | null;
  @DateField({ optional: true, nullable: true }) periodTo?: string | null;
  @DateField({ optional: true, nullable: true }) plannedOn?: string | null;
  @UuidField({ optional: true, nullable: true }) leadAuditorId?: string | null;
  @UuidListField({ optional: true, max: 10 }) teamIds?: string[];
}

export class StartAuditRequest {
  @DateField({ optional: true, description: 'The day the audit is performed (default today; not in the future)' }) performedOn?: string;
}

export class AnswerItemRequest {
  @EnumField(ANSWER_RESULTS, { enumName: 'AuditAnswerResult' }) result: AnswerResult;
  @TextField({ optional: true, max: 4000, description: 'Evidence seen' }) notes?: string;
  @UuidListField({ optional: true, max: 50, description: 'Executions sampled (within the audit’s programme and procedures)' })
  executionIds?: string[];
  @UuidListField({ optional: true, max: 50, description: 'Deviations sampled' }) deviationIds?: string[];
}

export class FindingActionRequest {
  @UuidField({ description: 'Who carries out the improvement: a quality manager or programme leader' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked' }) effectivenessCriterion: string;
}

export class RecordFindingRequest {
  @EnumField(FINDING_KINDS, { enumName: 'AuditFindingKind' }) kind: FindingKind;
  @EnumField(FINDING_GRADES, { optional: true, enumName: 'AuditFindingGrade', description: 'For a nonconformity: major or minor' })
  grade?: FindingGrade;
  @TextField({ max: 200 }) title: string;
  @TextField({ max: 5000 }) description: string;
  @UuidListField({ min: 1, max: 50, description: 'The checklist items it rests on' }) itemIds: string[];
  @UuidField({
    optional: true,
    description: 'For a nonconformity of an audit of the whole organisation: the programme its deviation is recorded in',
  })
  programmeId?: string;
  @NestedField(() => FindingActionRequest, {
    optional: true,
    description: 'For an opportunity for improvement: the action that pursues it',
  })
  action?: FindingActionRequest;
}

export class SignReportRequest {
  @TextField({ max: 4000, description: 'The audit’s conclusion, printed in the report' }) conclusion: string;
  @TextField({ max: 256, description: 'Your password: the lead auditor signs the report electronically' }) password: string;
}

export class CloseAuditRequest {
  @TextField({ optional: true, max: 2000 }) comment?: string;
}

export class AuditQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2200, description: 'The year’s audit programme' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2000, { message: 'must be at least 2000' })
  @Max(2200, { message: 'must be at most 2200' })
  year?: number;
  @EnumField(AUDIT_STATES, { optional: true, enumName: 'AuditState' }) state?: AuditState;
  @QueryBoolField({ description: 'true: planned audits whose month has come (this month or overdue)' }) due?: boolean;
  @UuidField({ optional: true, description: 'The audit whose finding opened this deviation' }) deviationId?: string;
}

export class AuditPersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class LocalisedTitleResponse {
  @ApiProperty() en: string;
  @ApiPropertyOptional() sv?: string;
  @ApiPropertyOptional() nb?: string;
}

export class AuditSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'IA-2026-0001' }) reference: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) processes: string[];
  @ApiProperty({ type: [String] }) procedureKeys: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) programmeId: string | null;
  @ApiProperty({ nullable: true, type: String }) programmeName: string | null;
  @ApiProperty({ description: '1-12' }) plannedMonth: number;
  @ApiProperty({ enum: IMPORTANCE, enumName: 'AuditImportance' }) importance: Importance;
  @ApiProperty({ nullable: true, type: String }) previousResults: string | null;
  @ApiProperty({ enum: AUDIT_STATES, enumName: 'AuditState' }) state: AuditState;
  @ApiProperty({ description: 'Planned, and its month has come' }) due: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) plannedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) performedOn: string | null;
  @ApiProperty({ nullable: true, type: AuditPersonRef }) leadAuditor: AuditPersonRef | null;
  @ApiProperty({ description: 'Optimistic-locking version, also sent as the ETag' }) version: number;
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditSummaryResponse], description: 'By year, planned month and reference' }) items: AuditSummaryResponse[];
}

export class AuditAnswerResponse {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ANSWER_RESULTS, enumName: 'AuditAnswerResult' }) result: AnswerResult;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Executions sampled (by id; no participant is named)' })
  executionIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) deviationIds: string[];
  @ApiProperty({ type: AuditPersonRef }) recordedBy: AuditPersonRef;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ChecklistItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['procedure_step', 'clause'] }) kind: 'procedure_step' | 'clause';
  @ApiProperty({ nullable: true, type: String }) procedureKey: string | null;
  @ApiProperty({ nullable: true, type: Number }) versionNumber: number | null;
  @ApiProperty({ nullable: true, type: String }) stepKey: string | null;
  @ApiProperty({ nullable: true, type: String }) clause: string | null;
  @ApiProperty({ type: LocalisedTitleResponse }) title: LocalisedTitleResponse;
  @ApiProperty({ nullable: true, type: AuditAnswerResponse, description: 'The answer that stands (the latest)' })
  answer: AuditAnswerResponse | null;
  @ApiProperty({
    type: [AuditAnswerResponse],
    description: 'Every answer given, oldest first (a changed answer supersedes, never replaces)',
  })
  history: AuditAnswerResponse[];
}

export class FindingDeviationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
}

export class FindingActionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
}

export class AuditFindingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: FINDING_KINDS, enumName: 'AuditFindingKind' }) kind: FindingKind;
  @ApiProperty({ nullable: true, enum: FINDING_GRADES, enumName: 'AuditFindingGrade' }) grade: FindingGrade | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String], format: 'uuid' }) itemIds: string[];
  @ApiProperty({ nullable: true, type: FindingDeviationRef, description: 'The deviation a nonconformity opened' })
  deviation: FindingDeviationRef | null;
  @ApiProperty({ nullable: true, type: FindingActionRef, description: 'The improvement action an opportunity opened' })
  action: FindingActionRef | null;
  @ApiProperty({ description: 'Handled, as closing the audit needs (see the README)' }) handled: boolean;
  @ApiProperty({ type: AuditPersonRef }) recordedBy: AuditPersonRef;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ReportSignatureResponse {
  @ApiProperty() signerName: string;
  @ApiProperty() meaning: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ nullable: true, type: String }) contentHash: string | null;
}

export class AuditPermissions {
  @ApiProperty({ description: 'May edit, start (a quality manager)' }) manage: boolean;
  @ApiProperty({ description: 'May answer items and record findings (the lead auditor and team)' }) record: boolean;
  @ApiProperty({ description: 'May sign the report (the lead auditor)' }) sign: boolean;
  @ApiProperty({ description: 'May close (a quality manager or the lead auditor)' }) close: boolean;
}

export class AuditResponse extends AuditSummaryResponse {
  @ApiProperty({ nullable: true, type: String }) scope: string | null;
  @ApiProperty({ type: [String] }) clauses: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) periodFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) periodTo: string | null;
  @ApiProperty({ type: [AuditPersonRef] }) team: AuditPersonRef[];
  @ApiProperty({ nullable: true, type: String }) conclusion: string | null;
  @ApiProperty({ nullable: true, type: ReportSignatureResponse }) reportSignature: ReportSignatureResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reportedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: [ChecklistItemResponse] }) items: ChecklistItemResponse[];
  @ApiProperty({ type: [AuditFindingResponse] }) findings: AuditFindingResponse[];
  @ApiProperty({ type: AuditPermissions }) may: AuditPermissions;
}
