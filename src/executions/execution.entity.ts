import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Subject } from '../procedures/procedure-definition.js';

export type ExecutionState = 'open' | 'completed' | 'cancelled';
export type Conformance = 'conforming' | 'nonconforming';

/** One carrying-out of a procedure for a subject, pinned to a procedure version. Frozen once completed. */
@Entity({ name: 'execution' })
export class Execution {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ name: 'procedure_id', type: 'uuid' }) procedureId: string;
  @Column({ name: 'procedure_key', type: 'text' }) procedureKey: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: Subject;
  @Column({ name: 'participant_id', type: 'uuid', nullable: true }) participantId: string | null;
  @Column({ name: 'pair_id', type: 'uuid', nullable: true }) pairId: string | null;
  @Column({ type: 'text' }) state: ExecutionState;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'integer' }) version: number;
}

/** A recorded step. Never changed: a correction is a new record that supersedes it. */
@Entity({ name: 'execution_step_record' })
export class StepRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'execution_id', type: 'uuid' }) executionId: string;
  @Column({ name: 'step_key', type: 'text' }) stepKey: string;
  @Column({ type: 'jsonb' }) values: Record<string, unknown>;
  @Column({ name: 'performed_at', type: 'timestamptz' }) performedAt: Date;
  @Column({ name: 'performed_by', type: 'uuid', nullable: true }) performedBy: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason: string | null;
}

/** A conformance judgement of an execution; the latest one counts, earlier ones stay as history. */
@Entity({ name: 'execution_judgement' })
export class Judgement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'execution_id', type: 'uuid' }) executionId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) conformance: Conformance;
  @Column({ type: 'jsonb' }) findings: unknown[];
  @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ type: 'text' }) cause: 'completion' | 'correction';
  @Column({ name: 'judged_at', type: 'timestamptz' }) judgedAt: Date;
  @Column({ name: 'judged_by', type: 'uuid', nullable: true }) judgedBy: string | null;
}
