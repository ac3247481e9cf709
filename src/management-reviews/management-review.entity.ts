import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The outputs of a management review (ISO 9001 9.3.3). */
export const DECISION_CATEGORIES = ['improvement', 'qms_change', 'resource_need', 'other'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];
/** What the review records in words as inputs (9.3.2 b and g). */
export const NOTE_TOPICS = ['issues', 'resources'] as const;
export type NoteTopic = (typeof NOTE_TOPICS)[number];

/** A management review (ISO 9001 9.3). Its inputs are frozen when it is closed; then it never changes. */
@Entity({ name: 'management_review' })
export class ManagementReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'text' }) title: string;
  /** The period the review covers: its inputs are composed from the records of these days. */
  @Column({ name: 'period_from', type: 'date' }) periodFrom: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo: string;
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
  /** ISO 9001 9.3.3: improvement, change to the QMS, resource need, or other. */
  @Column({ type: 'text' }) category: DecisionCategory;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
