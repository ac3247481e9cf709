import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionSource, ActionState, ActionType, BoardDecision, Verdict } from './action-states.js';

@Entity({ name: 'corrective_action' })
export class CorrectiveAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) type: ActionType;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ name: 'effectiveness_criterion', type: 'text' }) effectivenessCriterion: string;
  /** Days after implementation before effectiveness can be judged (null: planned before this was asked). */
  @Column({ name: 'effectiveness_check_after_days', type: 'integer', nullable: true }) effectivenessCheckAfterDays: number | null;
  @Column({ type: 'text' }) state: ActionState;
  @Column({ name: 'implemented_at', type: 'timestamptz', nullable: true }) implementedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'review_decision_id', type: 'uuid', nullable: true }) reviewDecisionId: string | null;
  /** Where the action comes from: its deviations, or (without one) a review, risk, audit, objective or other. */
  @Column({ type: 'text' }) source: ActionSource;
  /** The review, risk, audit or objective it comes from (null for deviations and other). */
  @Column({ name: 'source_id', type: 'uuid', nullable: true }) sourceId: string | null;
  /** The source in words (required for other; e.g. the audit finding). */
  @Column({ name: 'source_text', type: 'text', nullable: true }) sourceText: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'integer' }) version: number;
}

@Entity({ name: 'corrective_action_deviation' })
export class CorrectiveActionDeviation {
  @PrimaryColumn({ name: 'corrective_action_id', type: 'uuid' }) correctiveActionId: string;
  @PrimaryColumn({ name: 'deviation_id', type: 'uuid' }) deviationId: string;
}

@Entity({ name: 'corrective_action_transition' })
export class ActionTransition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'corrective_action_id', type: 'uuid' }) correctiveActionId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: ActionState | null;
  @Column({ name: 'to_state', type: 'text' }) toState: ActionState;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'text', nullable: true }) verdict: Verdict | null;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ name: 'signature_id', type: 'uuid', nullable: true }) signatureId: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  /** The board review that caused the transition (a request for changes that reopened the action). */
  @Column({ name: 'board_review_id', type: 'uuid', nullable: true }) boardReviewId: string | null;
}

/** A board member's signed review of a corrective action; append-only. */
@Entity({ name: 'board_review' })
export class BoardReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'corrective_action_id', type: 'uuid' }) correctiveActionId: string;
  @Column({ type: 'text' }) decision: BoardDecision;
  @Column({ type: 'text' }) comment: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ name: 'signature_id', type: 'uuid' }) signatureId: string;
  @Column({ name: 'reviewed_at', type: 'timestamptz' }) reviewedAt: Date;
}
