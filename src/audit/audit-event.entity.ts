import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the append-only, hash-chained audit trail. Never updated or deleted (a trigger refuses it). */
@Entity({ name: 'audit_event' })
export class AuditEvent {
  /** Gap-free sequence number, starting at 1. bigint arrives as a string from the driver. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text' })
  actorEmail: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ name: 'entity_version', type: 'integer', nullable: true })
  entityVersion: number | null;

  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
