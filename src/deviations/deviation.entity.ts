import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeviationSource, DeviationState, Severity } from './deviation-states.js';

/** A nonconformity: what went wrong, how bad, where it was found, and where it stands. */
@Entity({ name: 'deviation' })
export class Deviation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'text' }) source: DeviationSource;
  /** When the nonconformity occurred (a step's date, a missed window's end); never after its detection. */
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  /** When it was detected (for automatic detection: when the system judged it). */
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt: Date;
  @Column({ name: 'target_date', type: 'date' }) targetDate: string;
  @Column({ name: 'execution_id', type: 'uuid', nullable: true }) executionId: string | null;
  @Column({ name: 'procedure_key', type: 'text', nullable: true }) procedureKey: string | null;
  @Column({ name: 'version_number', type: 'integer', nullable: true }) versionNumber: number | null;
  @Column({ name: 'step_key', type: 'text', nullable: true }) stepKey: string | null;
  /** The conformance rule that found it (automatic detection), or `overdue`. */
  @Column({ type: 'text', nullable: true }) rule: string | null;
  @Column({ name: 'participant_id', type: 'uuid', nullable: true }) participantId: string | null;
  @Column({ name: 'detection_key', type: 'text', nullable: true }) detectionKey: string | null;
  @Column({ type: 'text', nullable: true }) containment: string | null;
  @Column({ name: 'root_cause', type: 'text', nullable: true }) rootCause: string | null;
  @Column({ name: 'correction_only_justification', type: 'text', nullable: true }) correctionOnlyJustification: string | null;
  @Column({ type: 'text' }) state: DeviationState;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'integer' }) version: number;
}

/** One state change of a deviation; append-only. */
@Entity({ name: 'deviation_transition' })
export class DeviationTransition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'deviation_id', type: 'uuid' }) deviationId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: DeviationState | null;
  @Column({ name: 'to_state', type: 'text' }) toState: DeviationState;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'signature_id', type: 'uuid', nullable: true }) signatureId: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
