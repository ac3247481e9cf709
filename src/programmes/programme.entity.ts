import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const PROGRAMME_STATUSES = ['planned', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

@Entity({ name: 'programme' })
export class Programme {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  /** Calendar dates, `YYYY-MM-DD`. */
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  /** Time zone in which the programme's calendar days are counted. */
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ type: 'text' }) status: ProgrammeStatus;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'programme_leader' })
export class ProgrammeLeader {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
}

/** Which version of a procedure the programme follows; replaced (never edited) on explicit migration. */
@Entity({ name: 'programme_plan_entry' })
export class PlanEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ name: 'procedure_id', type: 'uuid' }) procedureId: string;
  @Column({ name: 'procedure_key', type: 'text' }) procedureKey: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ name: 'adopted_at', type: 'timestamptz' }) adoptedAt: Date;
  @Column({ name: 'adopted_by', type: 'uuid', nullable: true }) adoptedBy: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true }) replacedAt: Date | null;
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true }) replacedById: string | null;
}
