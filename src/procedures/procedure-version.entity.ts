import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcedureDefinition } from './procedure-definition.js';
import type { AcknowledgingRole } from '../common/roles.js';
import type { VersionStatus } from './document-control.js';

/**
 * One version of a procedure under document control. Only a `draft` may change; once it has
 * left draft its definition and hash are frozen (a trigger refuses any change to them), and
 * only its life-cycle dates move forward.
 */
@Entity({ name: 'procedure_version' })
export class ProcedureVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  /** 1, 2, 3, ... per procedure. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  status: VersionStatus;

  @Column({ type: 'jsonb' })
  definition: ProcedureDefinition;

  /** SHA-256 of the canonical JSON of the definition. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary: string | null;

  /**
   * Roles whose holders acknowledge the version once it is in force ("read and understood"); set
   * while it is a draft, fixed once it has left draft (changing them takes a new version).
   */
  @Column({ name: 'acknowledgement_roles', type: 'text', array: true, default: () => "'{}'" })
  acknowledgementRoles: AcknowledgingRole[];

  /** null when created by the import of procedure files. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  /**
   * One of the shipped procedures loaded into an empty library at first start: written by no
   * person, it becomes effective only through a quality manager's signed baseline adoption.
   */
  @Column({ type: 'boolean' })
  baseline: boolean;

  /** Optimistic-locking version of the row (drafts are editable). */
  @Column({ name: 'row_version', type: 'integer' })
  rowVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'effective_from', type: 'timestamptz', nullable: true })
  effectiveFrom: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** Why it was rejected or retired. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;
}
