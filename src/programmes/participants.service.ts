import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from './programme-access.js';
import { Participant } from './participant.entity.js';
import type { ParticipantResponse } from './participant.dto.js';
import { toParticipantResponse } from './participant.mapper.js';
import type { UserLanguage } from '../common/languages.js';
import type { CompletionOutcome, Gender, LeavingOutcome, ParticipantRole } from './participant-kinds.js';

export interface ParticipantInput {
  role: ParticipantRole;
  fullName: string;
  email?: string;
  gender: Gender;
  profession: string;
  countryOfOrigin?: string;
  language?: UserLanguage;
  enrolledAt: string;
  consentRecordedAt: string;
}

export interface ApplicantInput {
  role: ParticipantRole;
  fullName: string;
  email?: string;
  gender: Gender;
  profession: string;
  countryOfOrigin?: string;
  language?: UserLanguage;
  applicationConsentAt: string;
}

/** Crockford base32 without I, L, O, U: easy to read aloud and to copy. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function pseudonymousCode(role: ParticipantRole): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${role === 'adept' ? 'A' : 'M'}-${s}`;
}

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
  ) {}

  async add(ctx: RequestContext, programmeId: string, input: ParticipantInput): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId);
      if (programme.status === 'closed') throw conflict('programme_closed', 'A closed programme takes no new participants');
      if (input.consentRecordedAt > input.enrolledAt) {
        throw unprocessable('consent_after_enrolment', 'Consent to data processing must be recorded no later than enrolment', {
          errors: [{ field: 'consentRecordedAt', message: 'must be on or before enrolledAt' }],
        });
      }
      const id = await insertParticipant(m, programmeId, input, {
        status: 'active',
        enrolledAt: input.enrolledAt,
        consentRecordedAt: input.consentRecordedAt,
        applicationConsentAt: null,
      });
      const p = await m.getRepository(Participant).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'participant.create',
        entityType: 'participant',
        entityId: p.id,
        entityVersion: p.version,
        changes: {
          ...(await this.created(m, programmeId, p)),
          enrolledAt: { old: null, new: p.enrolledAt },
          consentRecordedAt: { old: null, new: p.consentRecordedAt },
        },
      });
      // Whoever may write to the programme leads it or manages quality: they see the names.
      return toParticipantResponse(p, true);
    });
  }

  /** What a new participant's audit event records of them: personal data hashed, never in clear. */
  private async created(m: EntityManager, programmeId: string, p: Participant) {
    return {
      programmeId: { old: null, new: programmeId },
      code: { old: null, new: p.code },
      role: { old: null, new: p.role },
      fullName: { old: null, new: await this.audit.personal(p.fullName, m) },
      email: { old: null, new: await this.audit.personal(p.email, m) },
      gender: { old: null, new: await this.audit.personal(p.gender, m) },
      profession: { old: null, new: await this.audit.personal(p.profession, m) },
      countryOfOrigin: { old: null, new: await this.audit.personal(p.countryOfOrigin, m) },
      language: { old: null, new: p.language },
    };
  }

  /**
   * An expression of interest: the person becomes an applicant of a programme that is planned or
   * active, with the day consent to process the application was recorded. Not enrolled: admission
   * (the intake decision's effect) enrols them.
   */
  async registerApplicant(ctx: RequestContext, programmeId: string, input: ApplicantInput): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId);
      if (programme.status === 'closed') throw conflict('programme_closed', 'A closed programme takes no new applicants');
      this.notAfterToday(input.applicationConsentAt, programme.timeZone, 'The consent', 'applicationConsentAt');
      const id = await insertParticipant(m, programmeId, input, {
        status: 'applicant',
        enrolledAt: null,
        consentRecordedAt: null,
        applicationConsentAt: input.applicationConsentAt,
      });
      const p = await m.getRepository(Participant).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'participant.register_applicant',
        entityType: 'participant',
        entityId: p.id,
        entityVersion: p.version,
        changes: {
          ...(await this.created(m, programmeId, p)),
          status: { old: null, new: p.status },
          applicationConsentAt: { old: null, new: p.applicationConsentAt },
        },
      });
      return toParticipantResponse(p, true);
    });
  }

  /** The participants, and whether the actor may see who they are (`ProgrammeAccess.identifies`). */
  async list(ctx: RequestContext, programmeId: string, filter: { role?: string; status?: string }): Promise<ParticipantResponse[]> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, programmeId);
    const names = await this.access.identifies(m, ctx, programmeId);
    const participants = await m.getRepository(Participant).find({
      where: {
        programmeId,
        ...(filter.role ? { role: filter.role as ParticipantRole } : {}),
        ...(filter.status ? { status: filter.status as never } : {}),
      },
      order: { role: 'ASC', code: 'ASC' },
    });
    return participants.map((p) => toParticipantResponse(p, names));
  }

  async get(ctx: RequestContext, programmeId: string, id: string): Promise<ParticipantResponse> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, programmeId, { what: 'Participant' });
    const participant = await findParticipant(m, programmeId, id);
    return toParticipantResponse(participant, await this.access.identifies(m, ctx, programmeId));
  }

  async withdraw(
    ctx: RequestContext,
    programmeId: string,
    id: string,
    input: { date: string; reason: string; outcome?: LeavingOutcome },
  ): Promise<ParticipantResponse> {
    const { date, reason } = input;
    const outcome = input.outcome ?? null;
    return this.changeStatus(ctx, programmeId, id, 'withdraw', async (m, p, timeZone) => {
      this.notAfterToday(date, timeZone, 'The withdrawal');
      if (date < p.enrolledAt!)
        throw unprocessable('date_before_enrolment', 'The withdrawal date is before enrolment', {
          errors: [{ field: 'date', message: 'must be on or after enrolledAt' }],
        });
      await m.query(
        `UPDATE participant SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, outcome = $4,
           outcome_note = CASE WHEN $4 = 'other' THEN $3 END, version = version + 1 WHERE id = $1`,
        [p.id, date, reason, outcome],
      );
      // The reason may say something personal about the participant: the trail keeps only its hash.
      const changes = {
        status: { old: 'active', new: 'withdrawn' },
        withdrawnAt: { old: null, new: date },
        withdrawalReason: { old: null, new: await this.audit.personal(reason, m) },
        ...(outcome ? { outcome: { old: null, new: outcome } } : {}),
      };
      return { changes, reason: null };
    });
  }

  async complete(
    ctx: RequestContext,
    programmeId: string,
    id: string,
    input: { date?: string; outcome?: CompletionOutcome; outcomeNote?: string },
  ): Promise<ParticipantResponse> {
    const outcome = input.outcome ?? null;
    if (outcome === 'other' && !input.outcomeNote)
      throw validationFailed([{ field: 'outcomeNote', message: 'is required when the outcome is other' }]);
    return this.changeStatus(ctx, programmeId, id, 'complete', async (m, p, timeZone) => {
      const day = input.date ?? this.clock.today(timeZone);
      this.notAfterToday(day, timeZone, 'The completion');
      if (day < p.enrolledAt!)
        throw unprocessable('date_before_enrolment', 'The completion date is before enrolment', {
          errors: [{ field: 'date', message: 'must be on or after enrolledAt' }],
        });
      const note = outcome === 'other' ? input.outcomeNote! : (input.outcomeNote ?? null);
      await m.query(
        `UPDATE participant SET status = 'completed', completed_at = $2, outcome = $3, outcome_note = $4, version = version + 1 WHERE id = $1`,
        [p.id, day, outcome, outcome ? note : null],
      );
      return {
        changes: {
          status: { old: 'active', new: 'completed' },
          completedAt: { old: null, new: day },
          ...(outcome ? { outcome: { old: null, new: outcome } } : {}),
          ...(outcome && note ? { outcomeNote: { old: null, new: await this.audit.personal(note, m) } } : {}),
        },
        reason: null,
      };
    });
  }

  /** Leaving or completing is recorded once it has happened, as any other fact. */
  private notAfterToday(date: string, timeZone: string, what: string, field = 'date'): void {
    const today = this.clock.today(timeZone);
    if (date > today)
      throw unprocessable('day_in_future', `${what} date ${date} has not come yet (today is ${today})`, {
        errors: [{ field, message: `must not be after today (${today})` }],
      });
  }

  private async changeStatus(
    ctx: RequestContext,
    programmeId: string,
    id: string,
    action: 'withdraw' | 'complete',
    apply: (m: EntityManager, p: Participant, timeZone: string) => Promise<{ changes: Record<string, unknown>; reason: string | null }>,
  ): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { what: 'Participant' });
      await m.query(`SELECT 1 FROM participant WHERE id = $1 FOR UPDATE`, [id]);
      const p = await findParticipant(m, programmeId, id);
      if (p.status !== 'active')
        throw conflict('participant_not_active', `The participant is already ${p.status}`, { participantStatus: p.status });
      const { changes, reason } = await apply(m, p, programme.timeZone);
      const after = await findParticipant(m, programmeId, id);
      await this.audit.append(m, ctx, {
        action: `participant.${action}`,
        entityType: 'participant',
        entityId: id,
        entityVersion: after.version,
        changes,
        reason,
      });
      return toParticipantResponse(after, true);
    });
  }
}

/** Inserts a participant under a fresh pseudonymous code (retrying the rare clash); its id. */
async function insertParticipant(
  m: EntityManager,
  programmeId: string,
  input: Omit<ApplicantInput, 'applicationConsentAt'>,
  as: { status: 'active' | 'applicant'; enrolledAt: string | null; consentRecordedAt: string | null; applicationConsentAt: string | null },
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const code = pseudonymousCode(input.role);
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO participant (programme_id, code, role, full_name, email, gender, profession, country_of_origin, enrolled_at, consent_recorded_at,
         application_consent_at, status, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        programmeId,
        code,
        input.role,
        input.fullName,
        input.email?.toLowerCase() ?? null,
        input.gender,
        input.profession,
        input.countryOfOrigin ?? null,
        as.enrolledAt,
        as.consentRecordedAt,
        as.applicationConsentAt,
        as.status,
        input.language ?? null,
      ],
    );
    if (rows[0]) return rows[0].id;
    if (attempt > 5) throw new Error('could not allocate a unique participant code');
  }
}

export async function findParticipant(m: EntityManager, programmeId: string, id: string): Promise<Participant> {
  const p = await m.getRepository(Participant).findOneBy({ id, programmeId });
  if (!p) throw notFound('Participant');
  return p;
}
