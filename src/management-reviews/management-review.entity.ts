import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A management review (ISO 9001 9.3). Its inputs are frozen when it is closed; then it never changes. */
@Entity({ name: 'management_review' })
export class ManagementReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) state: 'open' | 'closed';
  @Column({ name: 'inputs_snapshot', type: 'jsonb', nullable: true }) inputsSnapshot: unknown;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'signature_id', type: 'uuid', nullable: true }) signatureId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'management_review_attendee' })
export class ManagementReviewAttendee {
  @PrimaryColumn({ name: 'management_review_id', type: 'uuid' }) managementReviewId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
}

@Entity({ name: 'management_review_decision' })
export class ManagementReviewDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'management_review_id', type: 'uuid' }) managementReviewId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
