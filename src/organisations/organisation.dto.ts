import { ApiProperty } from '@nestjs/swagger';
import { BoolField, EmailField, EnumField, QueryBoolField, TextField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { ORGANISATION_CHANGES, ORGANISATION_SECTORS } from './organisation-sectors.js';
import type { OrganisationChange, OrganisationSector } from './organisation-sectors.js';

const PHONE = /^\+?[0-9][0-9 ()-]{2,38}$/;
const PHONE_FORM = 'must be a telephone number: digits, spaces, hyphens and brackets, optionally starting with +';

const SECTOR_DOC = 'public (state, region, municipality), private (companies), non_profit (associations, foundations), academic';

export class CreateOrganisationRequest {
  @TextField({
    max: 200,
    pattern: /\S/,
    example: 'Northfield University Hospital',
    description: 'Unique in the register, whatever the case',
  })
  name: string;
  @EnumField(ORGANISATION_SECTORS, { enumName: 'OrganisationSector', description: SECTOR_DOC }) sector: OrganisationSector;
  @TextField({ optional: true, max: 200, description: 'The contact person at the organisation' }) contactName?: string;
  @EmailField({ optional: true }) contactEmail?: string;
  @TextField({ optional: true, max: 40, pattern: PHONE, patternMessage: PHONE_FORM }) contactPhone?: string;
  @TextField({ optional: true, max: 4000 }) notes?: string;
}

/** A new revision of an organisation: fields left out keep their value; `reason` says why it changed. */
export class ReviseOrganisationRequest {
  @TextField({ min: 3, max: 2000, description: 'Why the organisation changes' }) reason: string;
  @TextField({ optional: true, max: 200, pattern: /\S/ }) name?: string;
  @EnumField(ORGANISATION_SECTORS, { optional: true, enumName: 'OrganisationSector' }) sector?: OrganisationSector;
  @TextField({ optional: true, nullable: true, max: 200 }) contactName?: string | null;
  @EmailField({ optional: true, nullable: true }) contactEmail?: string | null;
  @TextField({ optional: true, nullable: true, max: 40, pattern: PHONE, patternMessage: PHONE_FORM }) contactPhone?: string | null;
  @TextField({ optional: true, nullable: true, max: 4000 }) notes?: string | null;
  @BoolField({ optional: true, description: 'false: no new placements with it (those standing keep it)' }) active?: boolean;
}

export class OrganisationQuery extends PageQuery {
  @TextField({ optional: true, max: 200, description: 'Part of the name or notes, any case' }) q?: string;
  @EnumField(ORGANISATION_SECTORS, { optional: true, enumName: 'OrganisationSector' }) sector?: OrganisationSector;
  @QueryBoolField({ description: 'true: only active organisations; false: only inactive ones' }) active?: boolean;
}

export class OrganisationPersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class OrganisationRevisionResponse {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ORGANISATION_CHANGES, enumName: 'OrganisationChange' }) change: OrganisationChange;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_SECTORS, enumName: 'OrganisationSector' }) sector: OrganisationSector;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: OrganisationPersonRef }) recordedBy: OrganisationPersonRef;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class OrganisationResponse extends OrganisationRevisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Optimistic-locking version (the revision), also sent as the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whether the caller may revise it' }) mayRevise: boolean;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationResponse], description: 'Active first, then by name' }) items: OrganisationResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
  @ApiProperty({ description: 'Organisations matching the filters, on every page' }) total: number;
}

export class OrganisationHistoryResponse {
  @ApiProperty({ type: [OrganisationRevisionResponse], description: 'Every revision, oldest first' })
  revisions: OrganisationRevisionResponse[];
}
