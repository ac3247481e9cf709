import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A completed training module of a staff member; the evidence of competence (ISO 9001 7.2). Append-only. */
@Entity({ name: 'training_record' })
export class TrainingRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) module: string;
  @Column({ name: 'completed_at', type: 'date' }) completedAt: string;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
