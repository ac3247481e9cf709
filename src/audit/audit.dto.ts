import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeField, EnumField, TextField, UuidField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';

export class AuditEventQuery extends PageQuery {
  /** Entity type, e.g. `user`, `procedure_version`. */
  @TextField({ optional: true, max: 100, description: 'Entity type, e.g. user or procedure_version' })
  entityType?: string;

  @TextField({ optional: true, max: 200, description: 'Entity id' })
  entityId?: string;

  @UuidField({ optional: true, description: 'Only events by this user' })
  actorId?: string;

  @TextField({ optional: true, max: 100, description: 'Action, e.g. user.create' })
  action?: string;

  @DateTimeField({ optional: true, description: 'Events at or after this time' })
  from?: string;

  @DateTimeField({ optional: true, description: 'Events before this time' })
  to?: string;
}

export class AuditEventResponse {
  @ApiProperty({ description: 'Gap-free sequence number' }) seq: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for the system itself' }) actorId: string | null;
  @ApiProperty() actorEmail: string;
  @ApiProperty({ example: 'user.create' }) action: string;
  @ApiProperty({ example: 'user' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: Number }) entityVersion: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per field: { old, new }. Personal data appears as a keyed hash.',
  })
  changes: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ description: 'Hash of the previous event (64 zeros for the first)' }) prevHash: string;
  @ApiProperty({ description: 'SHA-256 over the canonical JSON (RFC 8785) of every other member' }) hash: string;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AuditVerifyQuery {
  /**
   * `full` (default) reads the whole chain from its first event: the check that finds an event
   * altered at any point. `incremental` verifies only the events after the stored checkpoint (as
   * evidence reports do), after checking the checkpointed event is unchanged.
   */
  @EnumField(['full', 'incremental'] as const, {
    optional: true,
    description: 'full (default): the whole chain; incremental: the events after the last verified checkpoint',
  })
  mode?: 'full' | 'incremental';
}

export class ChainVerdictResponse {
  @ApiProperty() valid: boolean;
  @ApiProperty({ enum: ['full', 'incremental'], description: 'full: from the first event; incremental: from the checkpoint' })
  mode: 'full' | 'incremental';
  @ApiProperty({ description: 'First sequence number this run verified (checkpoint + 1)' }) fromSeq: number;
  @ApiProperty({ description: 'Last sequence number this run verified: the chain head when it began' }) toSeq: number;
  @ApiProperty({ description: 'Events up to this one were verified by earlier runs and not read again (0 for a full run)' })
  checkpointSeq: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When a full verification last passed' })
  fullVerifiedAt: string | null;
  @ApiProperty({ description: 'Events verified' }) events: number;
  @ApiProperty({ nullable: true, type: String, description: 'Hash of the last verified event' }) headHash: string | null;
  @ApiPropertyOptional({ description: 'First event that breaks the chain' }) firstInvalidSeq?: number;
  @ApiPropertyOptional({ enum: ['sequence_gap', 'broken_link', 'hash_mismatch', 'head_mismatch', 'unexpected_event', 'malformed_event'] })
  problem?: string;
  @ApiPropertyOptional() detail?: string;
}
