import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A remembered POST, so a retried request with the same Idempotency-Key is answered, not repeated. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  /** The user the key belongs to (keys are per user). */
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  state: 'in_progress' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ name: 'response_headers', type: 'jsonb', nullable: true })
  responseHeaders: Record<string, string> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
