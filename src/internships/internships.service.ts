import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { addDays } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { ProblemException, conflict, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { FieldError } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { organisationById, organisationsByIds } from '../organisations/organisations.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type { Programme } from '../programmes/programme.entity.js';
import { participantById, participantsByIds, programmesByIds } from '../programmes/programmes.queries.js';
import { ENROLLED_STATUSES } from '../programmes/participant-kinds.js';
import { userNames } from '../users/users.queries.js';
import type {
  InternshipHistoryResponse,
  InternshipList,
  InternshipResponse,
  PlaceInternshipRequest,
  RecordInternshipOutcomeRequest,
  ReviseInternshipRequest,
} from './internship.dto.js';
import { toInternshipResponse, toInternshipRevisionResponse } from './internship.mapper.js';
import { INTERNSHIP_PERSONAL_FIELDS, MAX_DAYS_AFTER_PROGRAMME, changedInternshipFields } from './internship-outcomes.js';
import type { InternshipChange, InternshipContent } from './internship-outcomes.js';
import {
  insertInternship,
  insertInternshipRevision,
  internshipById,
  internshipRevisions,
  internshipsAtOrganisation,
  internshipsOfParticipant,
  internshipsOfProgramme,
} from './internships.queries.js';
import type { InternshipRow } from './internships.queries.js';

/**
 * Internships: an adept's placement with a host organisation of the register, with a supervisor,
 * dates and, once it has ended, its outcome. Quality managers and the programme's leaders record
 * them; every change is a new revision, audited in the same transaction. The adept is shown by
 * name only to a caller `ProgrammeAccess.identifies` for the programme, by code to everyone else.
 */
@Injectable()
export class InternshipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
  ) {}

  async ofProgramme(ctx: RequestContext, programmeId: string): Promise<InternshipList> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, programmeId);
    return { items: await this.present(m, ctx, await internshipsOfProgramme(m, programmeId)) };
  }

  async ofParticipant(ctx: RequestContext, programmeId: string, participantId: string): Promise<InternshipList> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, programmeId, { what: 'Participant' });
    if (!(await participantById(m, participantId, programmeId))) throw notFound('Participant');
    return { items: await this.present(m, ctx, await internshipsOfParticipant(m, participantId)) };
  }

  /** The placements with an organisation, in the programmes the caller sees. */
  async atOrganisation(ctx: RequestContext, organisationId: string): Promise<InternshipList> {
    const m = this.dataSource.manager;
    if (!(await organisationById(m, organisationId))) throw notFound('Organisation');
    const programmes = this.access.visibilityFilter(ctx) ? await this.access.visibleIds(m, ctx) : null;
    return { items: await this.present(m, ctx, await internshipsAtOrganisation(m, organisationId, programmes)) };
  }

  async get(ctx: RequestContext, id: string): Promise<InternshipResponse> {
    const m = this.dataSource.manager;
    const row = await this.visible(m, ctx, id);
    const [shown] = await this.present(m, ctx, [row]);
    return shown;
  }

  async history(ctx: RequestContext, id: string): Promise<InternshipHistoryResponse> {
    const m = this.dataSource.manager;
    const row = await this.visible(m, ctx, id);
    const identifies = await this.access.identifies(m, ctx, row.programmeId);
    const revisions = await internshipRevisions(m, id);
    const names = await userNames(m, [...new Set(revisions.map((r) => r.recordedBy))]);
    return { revisions: revisions.map((r) => toInternshipRevisionResponse(r, names, identifies)) };
  }

  async place(ctx: RequestContext, programmeId: string, body: PlaceInternshipRequest): Promise<InternshipResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true });
      if (programme.status === 'closed') throw conflict('programme_closed', 'A closed programme takes no new internships');
      const adept = await participantById(m, body.participantId, programmeId);
      if (!adept) {
        throw unprocessable('unknown_participant', 'No such participant in this programme', {
          errors: [{ field: 'participantId', message: 'must be a participant of this programme' }],
        });
      }
      if (adept.role !== 'adept') {
        throw unprocessable('internship_not_adept', `Participant ${adept.code} is a mentor: only adepts are placed in internships`, {
          errors: [{ field: 'participantId', message: 'must be an adept' }],
        });
      }
      // An applicant is not in the programme yet: the intake decision admits them first.
      if (!ENROLLED_STATUSES.includes(adept.status)) {
        throw conflict(
          'participant_not_active',
          `Participant ${adept.code} is not enrolled (${adept.status}): only enrolled adepts are placed`,
          {
            errors: [{ field: 'participantId', message: 'must be an enrolled adept, not an applicant' }],
          },
        );
      }
      // A placement is recorded after the fact too, but not one that began after the adept left the programme.
      const left = adept.withdrawnAt ?? adept.completedAt;
      if (left !== null && body.startDate > left) {
        throw conflict('participant_not_active', `Participant ${adept.code} left the programme on ${left}, before the internship starts`, {
          errors: [{ field: 'startDate', message: `must not be after the day the adept left the programme (${left})` }],
        });
      }
      const organisation = await organisationById(m, body.organisationId);
      if (!organisation) {
        throw unprocessable('unknown_organisation', 'No organisation in the register has this id', {
          errors: [{ field: 'organisationId', message: 'must be an organisation of the register' }],
        });
      }
      if (!organisation.active) {
        throw conflict('organisation_inactive', `“${organisation.name}” is inactive in the register and takes no new placements`, {
          errors: [{ field: 'organisationId', message: 'must be an active organisation' }],
        });
      }
      const content: InternshipContent = {
        supervisorName: body.supervisorName.trim(),
        supervisorRole: body.supervisorRole.trim(),
        supervisorEmail: body.supervisorEmail?.trim() || null,
        startDate: body.startDate,
        endDate: body.endDate,
        hoursPerWeek: body.hoursPerWeek ?? null,
        outcome: null,
        outcomeNote: null,
        endedOn: null,
      };
      this.checkDates(programme, content);
      const id = await insertInternship(m, { programmeId, participantId: adept.id, organisationId: organisation.id, createdBy: actorId });
      await insertInternshipRevision(m, id, 1, 'placed', null, content, actorId);
      await this.audit.append(m, ctx, {
        action: 'internship.place',
        entityType: 'internship',
        entityId: id,
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          participantId: { old: null, new: adept.id },
          organisationId: { old: null, new: organisation.id },
          ...(await this.changes(m, null, content)),
        },
      });
      return this.shown(m, ctx, id);
    });
  }

  async recordOutcome(
    ctx: RequestContext,
    id: string,
    body: RecordInternshipOutcomeRequest,
    expectedVersion: number | undefined,
  ): Promise<InternshipResponse> {
    return this.write(ctx, id, expectedVersion, (current, programme) => {
      if (current.outcome !== null) {
        throw conflict('internship_outcome_recorded', 'The outcome is already recorded: correct it with a revision and a reason');
      }
      const after: InternshipContent = {
        ...current,
        outcome: body.outcome,
        endedOn: body.endedOn ?? current.endDate,
        outcomeNote: body.note?.trim() || null,
      };
      this.checkOutcome(programme, after);
      return { change: 'outcome_recorded', reason: null, after };
    });
  }

  async revise(
    ctx: RequestContext,
    id: string,
    body: ReviseInternshipRequest,
    expectedVersion: number | undefined,
  ): Promise<InternshipResponse> {
    return this.write(ctx, id, expectedVersion, (current, programme) => {
      const outcome = body.outcome ?? current.outcome;
      const after: InternshipContent = {
        supervisorName: body.supervisorName?.trim() ?? current.supervisorName,
        supervisorRole: body.supervisorRole?.trim() ?? current.supervisorRole,
        supervisorEmail: body.supervisorEmail === undefined ? current.supervisorEmail : body.supervisorEmail?.trim() || null,
        startDate: body.startDate ?? current.startDate,
        endDate: body.endDate ?? current.endDate,
        hoursPerWeek: body.hoursPerWeek === undefined ? current.hoursPerWeek : body.hoursPerWeek,
        outcome,
        endedOn: outcome === null ? null : (body.endedOn ?? current.endedOn ?? body.endDate ?? current.endDate),
        outcomeNote: outcome === null ? null : body.note === undefined ? current.outcomeNote : body.note?.trim() || null,
      };
      if (outcome === null && (body.endedOn !== undefined || (body.note !== undefined && body.note !== null))) {
        throw validationFailed([{ field: 'outcome', message: 'is required to date the end or write a note', rule: 'required' }]);
      }
      if (changedInternshipFields(current, after).length === 0) {
        throw unprocessable('nothing_changed', 'Nothing would change: give at least one new value');
      }
      const datesMoved = after.startDate !== current.startDate || after.endDate !== current.endDate;
      if (datesMoved) this.checkDates(programme, after);
      if (outcome !== null) this.checkOutcome(programme, after);
      const change: InternshipChange = current.outcome === null ? (outcome === null ? 'revised' : 'outcome_recorded') : 'corrected';
      return { change, reason: body.reason.trim(), after };
    });
  }

  /** A new revision of a placement, under its programme's and its own row lock, checked against the revision the caller read. */
  private async write(
    ctx: RequestContext,
    id: string,
    expectedVersion: number | undefined,
    decide: (current: InternshipRow, programme: Programme) => { change: InternshipChange; reason: string | null; after: InternshipContent },
  ): Promise<InternshipResponse> {
    const actorId = this.actorId(ctx);
    return this.dataSource.transaction(async (m) => {
      const found = await internshipById(m, id);
      if (!found) throw notFound('Internship');
      const programme = await this.access.writable(m, ctx, found.programmeId, { lock: true, what: 'Internship' });
      // If-Match is demanded once the caller may write here: a hidden placement answers 404 whatever the headers.
      if (expectedVersion === undefined) {
        throw new ProblemException('if_match_required', 'This update needs an If-Match header with the ETag you last read');
      }
      const current = (await internshipById(m, id, true))!;
      if (current.revision !== expectedVersion) throw stale(current.revision);
      const { change, reason, after } = decide(current, programme);
      const revision = current.revision + 1;
      await insertInternshipRevision(m, id, revision, change, reason, after, actorId);
      await this.audit.append(m, ctx, {
        action: `internship.${change === 'outcome_recorded' ? 'record_outcome' : change === 'corrected' ? 'correct' : 'revise'}`,
        entityType: 'internship',
        entityId: id,
        entityVersion: revision,
        reason: reason === null ? null : await this.audit.personal(reason, m),
        changes: await this.changes(m, current, after),
      });
      return this.shown(m, ctx, id);
    });
  }

  /** The dates of a placement: the start within the programme, the end on or after the start and at most a year after the programme ends. */
  private checkDates(programme: Programme, c: InternshipContent): void {
    const errors: FieldError[] = [];
    if (c.startDate < programme.startDate || c.startDate > programme.endDate) {
      errors.push({ field: 'startDate', message: `must be within the programme (${programme.startDate} to ${programme.endDate})` });
    }
    if (c.endDate < c.startDate) errors.push({ field: 'endDate', message: 'must be on or after the start date' });
    const latest = addDays(programme.endDate, MAX_DAYS_AFTER_PROGRAMME);
    if (c.endDate > latest) errors.push({ field: 'endDate', message: `must be at most a year after the programme ends (${latest})` });
    if (errors.length) throw unprocessable('internship_dates', 'The dates of the internship do not fit the programme', { errors });
  }

  /** An outcome: ended on a day between its start and its planned end, not after today; "other" says what. */
  private checkOutcome(programme: Programme, c: InternshipContent): void {
    if (c.outcome === 'other' && !c.outcomeNote) {
      throw validationFailed([{ field: 'note', message: 'is required when the outcome is other', rule: 'required' }]);
    }
    const endedOn = c.endedOn!;
    if (endedOn < c.startDate || endedOn > c.endDate) {
      throw unprocessable('internship_dates', 'The internship cannot end outside its own dates: revise its end date first', {
        errors: [{ field: 'endedOn', message: `must be between the start and the end of the internship (${c.startDate} to ${c.endDate})` }],
      });
    }
    if (endedOn > this.clock.today(programme.timeZone)) {
      throw unprocessable('day_in_future', 'The outcome is recorded once the internship has ended', {
        errors: [{ field: 'endedOn', message: 'must not be after today' }],
      });
    }
  }

  private async changes(m: EntityManager, before: InternshipContent | null, after: InternshipContent): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const f of before ? changedInternshipFields(before, after) : (Object.keys(after) as (keyof InternshipContent)[])) {
      const old = before ? before[f] : null;
      out[f] = INTERNSHIP_PERSONAL_FIELDS.includes(f)
        ? { old: await this.audit.personal(old as string | null, m), new: await this.audit.personal(after[f] as string | null, m) }
        : { old, new: after[f] };
    }
    return out;
  }

  /** The placement when the caller may see its programme; 404 otherwise (a hidden placement answers like a missing one). */
  private async visible(m: EntityManager, ctx: RequestContext, id: string): Promise<InternshipRow> {
    const row = await internshipById(m, id);
    if (!row) throw notFound('Internship');
    await this.access.readable(m, ctx, row.programmeId, { what: 'Internship' });
    return row;
  }

  private async shown(m: EntityManager, ctx: RequestContext, id: string): Promise<InternshipResponse> {
    const [shown] = await this.present(m, ctx, [(await internshipById(m, id))!]);
    return shown;
  }

  private async present(m: EntityManager, ctx: RequestContext, rows: InternshipRow[]): Promise<InternshipResponse[]> {
    const programmeIds = [...new Set(rows.map((r) => r.programmeId))];
    const programmes = new Map((await programmesByIds(m, programmeIds)).map((p) => [p.id, p]));
    const identifies = new Map<string, boolean>();
    for (const id of programmeIds) identifies.set(id, await this.access.identifies(m, ctx, id));
    const adepts = await participantsByIds(
      m,
      rows.map((r) => r.participantId),
    );
    const organisations = new Map((await organisationsByIds(m, [...new Set(rows.map((r) => r.organisationId))])).map((o) => [o.id, o]));
    const names = await userNames(m, [...new Set(rows.map((r) => r.recordedBy))]);
    const today = this.clock.today();
    return rows.map((r) =>
      toInternshipResponse(r, {
        names,
        adept: adepts.get(r.participantId),
        organisation: organisations.get(r.organisationId),
        programmeName: programmes.get(r.programmeId)?.name ?? '',
        // Who may see who the adepts are is who records their placements: a quality manager or a leader of the programme.
        identifies: identifies.get(r.programmeId) === true,
        mayRecord: identifies.get(r.programmeId) === true,
        today,
      }),
    );
  }

  private actorId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new Error('an internship is recorded by a person');
    return ctx.actor.id;
  }
}
