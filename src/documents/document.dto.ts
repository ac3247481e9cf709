import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, EnumListField, IntField, QueryBoolField, TextField, UuidField } from '../common/fields.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { ACKNOWLEDGING_ROLES } from '../common/roles.js';
import type { AcknowledgingRole } from '../common/roles.js';
import { DOCUMENT_KINDS, VERSION_STATES } from './document-control.js';
import type { DocumentKind, VersionAction, VersionState } from './document-control.js';
import { FILE_MEDIA_TYPES } from './document-files.js';

const ACTIONS: VersionAction[] = ['upload', 'submit', 'approve', 'reject', 'retire'];

export class CreateDocumentRequest {
  @EnumField(DOCUMENT_KINDS, { enumName: 'DocumentKind', description: 'What the document is' }) kind: DocumentKind;
  @TextField({ max: 200, example: 'Quality policy' }) title: string;
  @UuidField({
    description: 'Who owns the document (drafts its versions, reviews it): a quality manager, programme leader or board member',
  })
  ownerId: string;
  @IntField({
    min: 1,
    max: 60,
    optional: true,
    description: 'Review the document every this many months: each version coming into force moves the review-by day',
  })
  reviewIntervalMonths?: number;
  @DateField({ optional: true, description: 'Review by this day; without it, today plus the interval (one of the two is required)' })
  reviewBy?: string;
  @TextField({ max: 2000, optional: true, description: 'What version 1 is (the first draft is created with the document)' })
  changeSummary?: string;
  @EnumListField(ACKNOWLEDGING_ROLES, {
    optional: true,
    enumName: 'AcknowledgingRole',
    description: 'Holders of these roles acknowledge the version once it is in force ("read and understood")',
  })
  acknowledgementRoles?: AcknowledgingRole[];
}

export class CreateDocumentVersionRequest {
  @TextField({ max: 2000, optional: true, description: 'What changes in this version' }) changeSummary?: string;
  @EnumListField(ACKNOWLEDGING_ROLES, {
    optional: true,
    enumName: 'AcknowledgingRole',
    description: "Roles that acknowledge this version once in force; default: the previous version's",
  })
  acknowledgementRoles?: AcknowledgingRole[];
}

export class ApproveDocumentVersionRequest {
  @TextField({ max: 256, description: "The approver's password, re-entered: this is an electronic signature" }) password: string;
  @TextField({ max: 2000, description: 'Reason or comment recorded with the signature' }) comment: string;
  @DateField({
    optional: true,
    description: 'The day the version comes into force (default today): today or later, and not before a version approved earlier',
  })
  effectiveOn?: string;
}

export class RejectDocumentVersionRequest {
  @TextField({ max: 2000, description: 'Why the version is rejected; work continues in the next version' }) comment: string;
}

export class RetireDocumentVersionRequest {
  @TextField({ max: 2000, description: 'Why the document is withdrawn from use (recorded with the signature)' }) reason: string;
  @TextField({ max: 256, description: 'Your password, re-entered: retiring a document is signed electronically' }) password: string;
}

export class ReviewDocumentRequest {
  @TextField({ max: 2000, description: 'What the review found (the version in force still fits)' }) comment: string;
  @DateField({
    optional: true,
    description: 'The next review-by day, after today and within five years; default today plus the review interval (required without one)',
  })
  nextReviewBy?: string;
}

export class DocumentQuery {
  @EnumField(DOCUMENT_KINDS, { optional: true, enumName: 'DocumentKind' }) kind?: DocumentKind;
  @TextField({
    optional: true,
    max: 36,
    pattern: /^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
    patternMessage: 'must be me or a user id',
    description: 'Documents this user owns: `me` or a user id',
  })
  owner?: string;
  @QueryBoolField({ description: 'true: only documents in force whose review-by day has passed' }) overdue?: boolean;
  @QueryBoolField({ description: 'true: only documents whose version in force the caller must acknowledge and has not' })
  toAcknowledge?: boolean;
}

export class PersonRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class DocumentFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Quality policy 2026.pdf' }) filename: string;
  @ApiProperty({ enum: FILE_MEDIA_TYPES, enumName: 'DocumentMediaType', description: 'Judged from the content' }) mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex; also the ETag of the download' }) sha256: string;
  @ApiProperty({ type: PersonRefResponse }) uploadedBy: PersonRefResponse;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ description: 'Where to download it' }) href: string;
}

export class DocumentContributorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['created', 'edited', 'uploaded'], isArray: true }) contributions: string[];
}

export class DocumentVersionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({
    enum: VERSION_STATES,
    enumName: 'DocumentVersionState',
    description: 'approved: approved, its effective day still to come',
  })
  state: VersionState;
  @ApiProperty({ nullable: true, type: String }) changeSummary: string | null;
  @ApiProperty({ enum: ACKNOWLEDGING_ROLES, enumName: 'AcknowledgingRole', isArray: true }) acknowledgementRoles: AcknowledgingRole[];
  @ApiProperty({ type: PersonRefResponse }) author: PersonRefResponse;
  @ApiProperty({ type: [DocumentContributorResponse], description: 'Everyone who wrote it (none of them may approve it)' })
  contributors: DocumentContributorResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of what is signed, fixed at submission' }) contentHash: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) supersededOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) rejectedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) retiredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected or retired' }) statusReason: string | null;
  @ApiProperty({ type: [DocumentFileResponse] }) files: DocumentFileResponse[];
  @ApiProperty({ type: [SignatureResponse] }) signatures: SignatureResponse[];
  @ApiProperty({ enum: ACTIONS, isArray: true, description: 'What the caller may do with it now' }) allowedActions: VersionAction[];
}

export class DocumentReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: PersonRefResponse }) reviewedBy: PersonRefResponse;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date' }) previousReviewBy: string;
  @ApiProperty({ format: 'date' }) nextReviewBy: string;
}

export class MyAcknowledgementResponse {
  @ApiProperty({ description: 'The version in force asks the caller to acknowledge it' }) required: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt: string | null;
}

export class DocumentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DOC-2026-0001' }) reference: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: PersonRefResponse }) owner: PersonRefResponse;
  @ApiProperty({ nullable: true, type: Number }) reviewIntervalMonths: number | null;
  @ApiProperty({ format: 'date' }) reviewBy: string;
  @ApiProperty({ description: 'In force, and the review-by day has passed' }) reviewOverdue: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The version in force today' }) effectiveVersion: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveOn: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The latest version the caller sees' }) latestVersion: number | null;
  @ApiProperty({ nullable: true, enum: VERSION_STATES, enumName: 'DocumentVersionState' }) latestState: VersionState | null;
  @ApiProperty({ type: MyAcknowledgementResponse }) myAcknowledgement: MyAcknowledgementResponse;
  @ApiProperty({ description: 'Optimistic-locking version of the document, also the ETag' }) version: number;
}

export class DocumentResponse extends DocumentSummaryResponse {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [DocumentVersionResponse], description: 'The versions the caller sees, oldest first' })
  versions: DocumentVersionResponse[];
  @ApiProperty({ type: [DocumentReviewResponse], description: 'Reviews that found nothing to change, oldest first' })
  reviews: DocumentReviewResponse[];
  @ApiProperty({ description: 'Whether the caller may start a new version (a quality manager or the owner, no version open)' })
  mayDraft: boolean;
  @ApiProperty({ description: 'Whether the caller may record a review (a quality manager or the owner, a version in force)' })
  mayReview: boolean;
}

export class AcknowledgerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ACKNOWLEDGING_ROLES, isArray: true, description: 'The roles they hold that the version names' }) roles: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null: not yet acknowledged' })
  acknowledgedAt: string | null;
}

export class AcknowledgementsResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'The version in force; null when none is' }) versionNumber: number | null;
  @ApiProperty({ enum: ACKNOWLEDGING_ROLES, enumName: 'AcknowledgingRole', isArray: true }) roles: AcknowledgingRole[];
  @ApiProperty({ description: 'Active users holding one of the roles' }) required: number;
  @ApiProperty({ description: 'Of those, who acknowledged the version in force' }) acknowledged: number;
  @ApiProperty({ type: [AcknowledgerResponse], description: 'Who has not acknowledged first, then who has; by name' })
  people: AcknowledgerResponse[];
}

export class AcknowledgementResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
  @ApiProperty({ description: 'false: the caller had acknowledged this version already (nothing new recorded)' }) recorded: boolean;
}
