import type { UserLanguage } from '../common/languages.js';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Gender, ParticipantOutcome, ParticipantRole, ParticipantStatus } from './participant-kinds.js';

/**
 * A person in a programme. Personal data is kept to what the procedures need; wherever the
 * person is shown to auditors, the pseudonymous `code` stands in for the name.
 */
@Entity({ name: 'participant' })
export class Participant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) role: ParticipantRole;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text' }) gender: Gender;
  @Column({ type: 'text' }) profession: string;
  @Column({ name: 'country_of_origin', type: 'text', nullable: true }) countryOfOrigin: string | null;
  /** Preferred language for what is sent to them (survey invitations); null when not known. */
  @Column({ type: 'text', nullable: true }) language: UserLanguage | null;
  /** Null while an applicant (not enrolled yet). */
  @Column({ name: 'enrolled_at', type: 'date', nullable: true }) enrolledAt: string | null;
  @Column({ name: 'consent_recorded_at', type: 'date', nullable: true }) consentRecordedAt: string | null;
  /** Day consent to process the application was recorded; null for someone enrolled directly. */
  @Column({ name: 'application_consent_at', type: 'date', nullable: true }) applicationConsentAt: string | null;
  /** Day of the intake decision that wait-listed, rejected or admitted the applicant. */
  @Column({ name: 'admission_decided_at', type: 'date', nullable: true }) admissionDecidedAt: string | null;
  @Column({ type: 'text' }) status: ParticipantStatus;
  @Column({ name: 'withdrawn_at', type: 'date', nullable: true }) withdrawnAt: string | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason: string | null;
  @Column({ name: 'completed_at', type: 'date', nullable: true }) completedAt: string | null;
  @Column({ type: 'text', nullable: true }) outcome: ParticipantOutcome | null;
  @Column({ name: 'outcome_note', type: 'text', nullable: true }) outcomeNote: string | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'pair' })
export class Pair {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId: string;
  @Column({ name: 'adept_id', type: 'uuid' }) adeptId: string;
  @Column({ name: 'matched_at', type: 'date' }) matchedAt: string;
  @Column({ type: 'text' }) rationale: string;
  @Column({ name: 'ended_at', type: 'date', nullable: true }) endedAt: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
