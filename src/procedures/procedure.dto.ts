import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeField, EnumListField, IntField, ObjectField, QueryBoolField, TextField } from '../common/fields.js';
import { Type } from 'class-transformer';
import { ACKNOWLEDGING_ROLES } from '../common/roles.js';
import type { AcknowledgingRole } from '../common/roles.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { VERSION_STATUSES } from './document-control.js';
import type { VersionStatus } from './document-control.js';

const DEFINITION_DOC =
  'The whole procedure definition, as in procedures/*.yaml; validated against procedures/procedure.schema.json';

export class CreateProcedureRequest {
  @ObjectField({ description: DEFINITION_DOC })
  definition: Record<string, unknown>;

  @EnumListField(ACKNOWLEDGING_ROLES, {
    optional: true,
    enumName: 'AcknowledgingRole',
    description: 'Holders of these roles acknowledge the version once it is in force ("read and understood"); default: nobody',
  })
  acknowledgementRoles?: AcknowledgingRole[];
}

export class CreateVersionRequest {
  @ObjectField({ description: DEFINITION_DOC })
  definition: Record<string, unknown>;

  @TextField({ max: 2000, description: 'What changed from the version before, and why' })
  changeSummary: string;

  @EnumListField(ACKNOWLEDGING_ROLES, {
    optional: true,
    enumName: 'AcknowledgingRole',
    description: "Roles that acknowledge this version once in force; default: the previous version's",
  })
  acknowledgementRoles?: AcknowledgingRole[];
}

export class UpdateDraftRequest {
  @ObjectField({ description: DEFINITION_DOC })
  definition: Record<string, unknown>;

  @TextField({ optional: true, max: 2000, description: 'What changed from the version before, and why' })
  changeSummary?: string;

  @EnumListField(ACKNOWLEDGING_ROLES, {
    optional: true,
    enumName: 'AcknowledgingRole',
    description: "Roles that acknowledge this version once in force; default: the draft's, unchanged",
  })
  acknowledgementRoles?: AcknowledgingRole[];
}

export class ProcedureListQuery {
  @QueryBoolField({ description: 'true: only procedures whose version in force the caller must acknowledge and has not' })
  toAcknowledge?: boolean;
}

export class ApproveRequest {
  @TextField({ max: 256, description: "The approver's password, re-entered: this is an electronic signature" })
  password: string;

  @TextField({ max: 2000, description: 'Reason or comment recorded with the signature' })
  comment: string;
}

export class RejectRequest {
  @TextField({ max: 2000, description: 'Why the version is rejected; the author continues in the next version' })
  comment: string;
}

export class RetireRequest {
  @TextField({ max: 2000, description: 'Why the procedure is withdrawn from use (recorded with the signature)' })
  reason: string;

  @TextField({ max: 256, description: "Your password, re-entered: retiring a procedure is signed electronically, as an approval is" })
  password: string;
}

export class EffectiveQuery {
  @DateTimeField({ optional: true, description: 'The moment asked about (default: now)' })
  at?: string;
}

export class DiffQuery {
  @Type(() => Number)
  @IntField({ min: 1, max: 1_000_000, description: 'The version number to compare against' })
  against: number;
}

export class VersionAuthor {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class VersionContributorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({
    isArray: true,
    enum: ['created', 'edited', 'imported'],
    description: 'created the draft, edited it, imported it from a procedure file',
  })
  contributions: string[];
  @ApiProperty({ format: 'date-time' }) firstAt: string;
}

export class ProcedureVersionResponse {
  @ApiProperty({ example: 'intake-interview' }) procedureKey: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Version number: 1, 2, 3, ...' }) number: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) status: VersionStatus;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole definition' }) definition: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON (RFC 8785) of the definition' }) contentHash: string;
  @ApiProperty({ nullable: true, type: String }) changeSummary: string | null;
  @ApiProperty({
    enum: ACKNOWLEDGING_ROLES,
    enumName: 'AcknowledgingRole',
    isArray: true,
    description: 'Holders of these roles acknowledge the version once it is in force ("read and understood"); fixed once it leaves draft',
  })
  acknowledgementRoles: AcknowledgingRole[];
  @ApiProperty({ nullable: true, type: VersionAuthor, description: 'Who created it; null for the shipped baseline, written by nobody here' })
  author: VersionAuthor | null;
  @ApiProperty({
    type: [VersionContributorResponse],
    description: 'Everyone who wrote its content (created, edited or imported it), first contribution first; none of them may approve it',
  })
  contributors: VersionContributorResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) effectiveFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) supersededAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) rejectedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) retiredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected or retired' }) statusReason: string | null;
  @ApiProperty({ type: [SignatureResponse] }) signatures: SignatureResponse[];
  @ApiProperty({
    description:
      'What the caller may do with this version now: actions open in its status that their roles allow (quality managers ' +
      'only), without approval for someone who wrote it, and without submission or approval while nobody is named as its author',
    isArray: true,
    enum: ['submit', 'approve', 'reject', 'retire'],
  })
  allowedActions: string[];
  @ApiProperty({ description: 'Optimistic-locking version of a draft, also sent as the ETag' }) rowVersion: number;
  @ApiProperty({
    description: 'Part of the shipped baseline loaded at first start: written by nobody here, it becomes effective only through the signed baseline adoption',
  })
  baseline: boolean;
}

export class VersionSummary {
  @ApiProperty() number: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) status: VersionStatus;
  @ApiProperty() contentHash: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) effectiveFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) supersededAt: string | null;
}

export class MyProcedureAcknowledgementResponse {
  @ApiProperty({ description: 'The version in force asks the caller to acknowledge it' }) required: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the caller acknowledged the version in force' })
  acknowledgedAt: string | null;
}

export class ProcedureSummaryResponse {
  @ApiProperty({ example: 'intake-interview' }) key: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Title of the latest version ({ en, sv?, nb? })' })
  title: Record<string, string>;
  @ApiProperty({ enum: ['adept', 'mentor', 'pair', 'cohort'] }) subject: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The version in force now, if any' }) effectiveVersion: number | null;
  @ApiProperty() latestVersion: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) latestStatus: VersionStatus;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Number of versions in each status' })
  statusCounts: Record<string, number>;
  @ApiProperty({
    enum: ACKNOWLEDGING_ROLES,
    enumName: 'AcknowledgingRole',
    isArray: true,
    description: 'The roles the version in force asks to acknowledge it (none when nothing is in force)',
  })
  acknowledgementRoles: AcknowledgingRole[];
  @ApiProperty({ type: MyProcedureAcknowledgementResponse }) myAcknowledgement: MyProcedureAcknowledgementResponse;
}

export class ProcedureResponse extends ProcedureSummaryResponse {
  @ApiProperty({ type: [VersionSummary] }) versions: VersionSummary[];
}

export class DiffResponse {
  @ApiProperty() procedureKey: string;
  @ApiProperty({ description: 'The version compared against (old)' }) from: number;
  @ApiProperty({ description: 'The version asked about (new)' }) to: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Structured differences' })
  changes: unknown;
}

export class ProcedureAcknowledgerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'A member of staff (never a participant)' }) name: string;
  @ApiProperty({ enum: ACKNOWLEDGING_ROLES, isArray: true, description: 'The roles they hold that the version names' }) roles: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null: not yet acknowledged' })
  acknowledgedAt: string | null;
}

export class ProcedureAcknowledgementsResponse {
  @ApiProperty({ example: 'intake-interview' }) procedureKey: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The version in force; null when none is' }) versionNumber: number | null;
  @ApiProperty({ enum: ACKNOWLEDGING_ROLES, enumName: 'AcknowledgingRole', isArray: true }) roles: AcknowledgingRole[];
  @ApiProperty({ description: 'Active users holding one of the roles' }) required: number;
  @ApiProperty({ description: 'Of those, who acknowledged the version in force' }) acknowledged: number;
  @ApiProperty({ type: [ProcedureAcknowledgerResponse], description: 'Who has not acknowledged first, then who has; by name' })
  people: ProcedureAcknowledgerResponse[];
}

export class ProcedureAcknowledgementResponse {
  @ApiProperty({ example: 'intake-interview' }) procedureKey: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
  @ApiProperty({ description: 'false: the caller had acknowledged this version already (nothing new recorded)' }) recorded: boolean;
}
