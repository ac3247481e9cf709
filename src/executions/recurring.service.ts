import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../common/canonical.js';
import { daysBetween, localDate } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import type { ProcedureDefinition } from '../procedures/procedure-definition.js';
import { versionsById } from '../procedures/procedures.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { participantsByIds, rosterOfProgramme } from '../programmes/programmes.queries.js';
import type { RosterRow } from '../programmes/programmes.queries.js';
import type { Programme } from '../programmes/programme.entity.js';
import { userNames } from '../users/users.queries.js';
import { buildMatrix, loadMatrixData } from './conformance-matrix.service.js';
import type { MatrixCell } from './conformance-matrix.service.js';
import { findExecution } from './execution-loader.js';
import { ExecutionsService, refuseCancelled } from './executions.service.js';
import { attendanceCounts as countsOf, attendanceOf, currentEntries, occurrencesOf, rosterOn, sessions } from './recurring.queries.js';
import type { AttendanceRow, OccurrenceRow } from './recurring.queries.js';
import type {
  AttendanceCountsResponse,
  AttendeeResponse,
  DurationResponse,
  OccurrenceResponse,
  PersonAttendanceResponse,
  RecurringActivitiesResponse,
  RecurringActivityResponse,
  SessionAttendanceResponse,
} from './recurring.dto.js';

export interface AttendanceInput {
  entries: { participantId: string; present: boolean; absenceReason?: string }[];
  reason?: string;
}

/**
 * Recurring activities of a subject (occurrences on a timeline, judged against the cadence as the
 * conformance matrix judges them) and the attendance of cohort occurrences (one entry per person,
 * corrected by superseding entries). Names only for readers `ProgrammeAccess.identifies` admits.
 */
@Injectable()
export class RecurringActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly executions: ExecutionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A subject's recurring activities: the matrix's status and gaps, and every occurrence. */
  async activities(ctx: RequestContext, programmeId: string, subjectId?: string, asOf?: string): Promise<RecurringActivitiesResponse> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    const names = await this.access.identifies(m, ctx, programmeId);
    const today = this.clock.dayUpToToday(asOf, programme.timeZone);
    const data = await loadMatrixData(m, programme);
    const matrix = buildMatrix(data, programme, today);
    const id = subjectId ?? programme.id;
    const participant = data.participants.find((p) => p.id === id);
    const pair = data.pairs.find((p) => p.id === id);
    if (!participant && !pair && id !== programme.id) throw notFound('Subject');
    const type = participant ? participant.role : pair ? 'pair' : 'cohort';
    const code = participant
      ? participant.code
      : pair
        ? `${data.participants.find((p) => p.id === pair.mentor_id)?.code ?? '?'}/${data.participants.find((p) => p.id === pair.adept_id)?.code ?? '?'}`
        : 'cohort';
    const status = participant ? participant.status : pair ? (pair.ended_at ? 'ended' : 'active') : programme.status;
    let name: string | undefined;
    if (names && (participant || pair)) {
      const people = await participantsByIds(m, participant ? [participant.id] : [pair!.mentor_id, pair!.adept_id]);
      name = participant
        ? people.get(participant.id)?.fullName
        : `${people.get(pair!.mentor_id)?.fullName}/${people.get(pair!.adept_id)?.fullName}`;
    }

    const plan = data.plan.filter((p) => p.definition.recurring && p.definition.subject === type);
    const row = matrix.rows.find((r) => r.subject.id === id);
    const rows = await occurrencesOf(
      m,
      programme.id,
      plan.map((p) => p.procedure_key),
      id,
    );
    const versions = await versionsById(m, [...new Set(rows.map((r) => r.version_id))]);
    const attendance = await attendanceOf(
      m,
      rows.map((r) => r.id),
    );
    const roster = plan.some((p) => p.definition.attendance) ? await rosterOfProgramme(m, programme.id) : [];
    const staff = await userNames(m, [...new Set(rows.flatMap((r) => (r.recorded_by ? [r.recorded_by] : [])))]);

    const activities = plan.map((p): RecurringActivityResponse => {
      const cell: MatrixCell | undefined = row?.cells.find((c) => c.procedureKey === p.procedure_key);
      const r = cell?.recurring;
      const cadenceDays = p.definition.recurring!.cadenceDays;
      const own = rows.filter((o) => o.procedure_key === p.procedure_key);
      const occurrences = this.timeline(
        own,
        programme,
        cell,
        cadenceDays,
        versions,
        staff,
        p.definition.attendance ? { attendance, roster } : null,
      );
      return {
        procedureKey: p.procedure_key,
        versionNumber: p.version_number,
        title: p.definition.title,
        cadenceDays,
        sessions: p.definition.recurring!.sessions ?? null,
        attendance: p.definition.attendance === true,
        status: cell?.status ?? 'not_applicable',
        period: cell?.window ?? null,
        judgedUntil: r?.judgedUntil ?? null,
        occurrenceCount: r?.occurrences ?? 0,
        lastDate: r?.lastDate ?? null,
        longestGapDays: r?.longestGapDays ?? null,
        gaps: r?.gaps ?? [],
        sessionsShort: r?.sessionsShort ?? null,
        occurrences,
      };
    });
    return { programmeId: programme.id, today, subject: { type, id, code, ...(name !== undefined && { name }), status }, activities };
  }

  private timeline(
    own: OccurrenceRow[],
    programme: Programme,
    cell: MatrixCell | undefined,
    cadenceDays: number,
    versions: Map<string, { definition: ProcedureDefinition }>,
    staff: Map<string, string>,
    withAttendance: { attendance: AttendanceRow[]; roster: RosterRow[] } | null,
  ): OccurrenceResponse[] {
    const dayOf = (o: OccurrenceRow) => (o.done_at ? localDate(o.done_at, programme.timeZone) : null);
    const completed = own.filter((o) => o.state === 'completed').sort((a, b) => compare(dayOf(a), dayOf(b)));
    const open = own.filter((o) => o.state === 'open');
    let previous = cell?.window?.from ?? null;
    return [...completed, ...open].map((o) => {
      const date = dayOf(o);
      let since: number | null = null;
      if (o.state === 'completed' && date && previous && date >= previous) {
        since = daysBetween(previous, date);
        previous = date;
      }
      return {
        executionId: o.id,
        state: o.state,
        date,
        duration: durationOf(versions.get(o.version_id)?.definition, o.values_by_step),
        versionNumber: o.version_number,
        conformance: o.conformance,
        recordedById: o.recorded_by,
        recordedByName: o.recorded_by ? (staff.get(o.recorded_by) ?? null) : null,
        daysSincePrevious: since,
        cadenceBreached: since !== null && since > cadenceDays,
        attendance: withAttendance
          ? countsOf(
              rosterOn(withAttendance.roster, date ?? this.clock.today(programme.timeZone)),
              currentEntries(withAttendance.attendance, o.id),
            )
          : null,
      };
    });
  }

  /** A session's attendance list: everyone of the programme on its day, and anyone recorded. */
  async session(ctx: RequestContext, executionId: string): Promise<SessionAttendanceResponse> {
    const m = this.dataSource.manager;
    const execution = await findExecution(m, executionId);
    if (!execution) throw notFound('Execution');
    const programme = await this.access.readable(m, ctx, execution.programmeId, { what: 'Execution' });
    const names = await this.access.identifies(m, ctx, programme.id);
    return this.present(m, programme, executionId, names);
  }

  /**
   * Records who attended an occurrence of a cohort procedure that records attendance. An entry
   * equal to what stands is left as it is; one that differs supersedes it (a correction, with a reason).
   */
  async record(ctx: RequestContext, executionId: string, input: AttendanceInput): Promise<SessionAttendanceResponse> {
    return this.dataSource.transaction(async (m) => {
      const ec = await this.executions.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      if (!ec.definition.attendance)
        throw unprocessable(
          'attendance_not_recorded',
          `Version ${ec.execution.versionNumber} of ${ec.execution.procedureKey} does not record attendance (only cohort procedures with attendance: true do)`,
        );
      const errors: { field: string; message: string }[] = [];
      const seen = new Set<string>();
      input.entries.forEach((e, i) => {
        if (seen.has(e.participantId)) errors.push({ field: `entries[${i}].participantId`, message: 'names a person already listed' });
        seen.add(e.participantId);
        if (e.present && e.absenceReason !== undefined)
          errors.push({ field: `entries[${i}].absenceReason`, message: 'is only for someone absent' });
      });
      const roster = await rosterOfProgramme(m, ec.programme.id);
      const ofProgramme = new Set(roster.map((r) => r.id));
      input.entries.forEach((e, i) => {
        if (!ofProgramme.has(e.participantId))
          errors.push({ field: `entries[${i}].participantId`, message: 'must be an enrolled participant of the programme' });
      });
      if (errors.length) throw validationFailed(errors);

      const standing = currentEntries(await attendanceOf(m, [executionId]), executionId);
      const changes = input.entries.filter((e) => {
        const now = standing.get(e.participantId);
        return !now || now.present !== e.present || (now.absence_reason ?? undefined) !== e.absenceReason;
      });
      const corrections = changes.filter((e) => standing.has(e.participantId));
      const fresh = changes.filter((e) => !standing.has(e.participantId));
      if (corrections.length && !input.reason?.trim())
        throw unprocessable('attendance_reason_required', 'Entries that change what was recorded are corrections: say why (reason)', {
          errors: [{ field: 'reason', message: 'is required when an entry changes what was recorded' }],
        });
      if (fresh.length && ec.programme.status === 'closed')
        throw conflict('programme_closed', 'The programme is closed: nothing more is recorded in it (corrections with a reason still are)');
      for (const e of changes) {
        const earlier = standing.get(e.participantId);
        await m.query(
          `INSERT INTO execution_attendance (execution_id, participant_id, present, absence_reason, supersedes_id, correction_reason, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            executionId,
            e.participantId,
            e.present,
            e.present ? null : (e.absenceReason ?? null),
            earlier?.id ?? null,
            earlier ? input.reason!.trim() : null,
            ctx.actor.id,
          ],
        );
      }
      if (changes.length) {
        await this.audit.append(m, ctx, {
          action: 'execution.record_attendance',
          entityType: 'execution',
          entityId: executionId,
          entityVersion: ec.execution.version,
          changes: {
            recorded: { old: null, new: fresh.length },
            corrected: { old: null, new: corrections.length },
            // Who was there, and why not, is about people: the trail keeps a keyed hash, the table the entries.
            attendanceHash: { old: null, new: await this.audit.personal(canonicalJson(changes), m) },
            ...(corrections.length && { reason: { old: null, new: input.reason!.trim() } }),
          },
        });
      }
      return this.present(m, ec.programme, executionId, true);
    });
  }

  /** One person's attendance across the programme's sessions. */
  async person(ctx: RequestContext, programmeId: string, participantId: string): Promise<PersonAttendanceResponse> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    const names = await this.access.identifies(m, ctx, programmeId);
    const roster = await rosterOfProgramme(m, programme.id);
    const person = roster.find((r) => r.id === participantId);
    if (!person) throw notFound('Participant');
    const cohort = await sessions(m, { cohortOf: programme.id });
    const versions = await versionsById(m, [...new Set(cohort.map((s) => s.version_id))]);
    const withAttendance = cohort.filter((s) => versions.get(s.version_id)?.definition.attendance);
    const entries = await attendanceOf(
      m,
      withAttendance.map((s) => s.id),
      participantId,
    );
    const today = this.clock.today(programme.timeZone);
    const list = withAttendance
      .map((s) => {
        const date = s.done_at ? localDate(s.done_at, programme.timeZone) : null;
        const current = currentEntries(entries, s.id).get(participantId);
        return { s, date, current, listed: rosterOn([person], date ?? today).length > 0 };
      })
      .filter((x) => x.listed || x.current)
      .sort((a, b) => compare(a.date, b.date));
    const counts: AttendanceCountsResponse = { present: 0, absent: 0, notRecorded: 0 };
    const out = list.map(({ s, date, current }) => {
      const status = current ? (current.present ? 'present' : 'absent') : 'not_recorded';
      counts[current ? (current.present ? 'present' : 'absent') : 'notRecorded']++;
      return {
        executionId: s.id,
        procedureKey: s.procedure_key,
        state: s.state,
        date,
        status,
        absenceReason: names ? (current?.absence_reason ?? null) : null,
      };
    });
    return {
      participantId,
      code: person.code,
      ...(names && { name: person.fullName }),
      role: person.role,
      counts,
      sessions: out,
    };
  }

  private async present(m: EntityManager, programme: Programme, executionId: string, names: boolean): Promise<SessionAttendanceResponse> {
    const [s] = await sessions(m, { executionId });
    const versions = await versionsById(m, [s.version_id]);
    const recordsAttendance = versions.get(s.version_id)?.definition.attendance === true;
    const date = s.done_at ? localDate(s.done_at, programme.timeZone) : null;
    const base = {
      executionId,
      programmeId: programme.id,
      procedureKey: s.procedure_key,
      versionNumber: s.version_number,
      state: s.state,
      attendance: recordsAttendance,
      date,
    };
    if (!recordsAttendance) return { ...base, counts: { present: 0, absent: 0, notRecorded: 0 }, entries: [] };
    const all = await attendanceOf(m, [executionId]);
    const current = currentEntries(all, executionId);
    const roster = await rosterOfProgramme(m, programme.id);
    const listed = new Set(rosterOn(roster, date ?? this.clock.today(programme.timeZone)).map((r) => r.id));
    const people = roster.filter((r) => listed.has(r.id) || current.has(r.id));
    const staff = await userNames(m, [...new Set(all.flatMap((a) => (a.recorded_by ? [a.recorded_by] : [])))]);
    const entries = people.map((p): AttendeeResponse => {
      const now = current.get(p.id);
      return {
        participantId: p.id,
        code: p.code,
        ...(names && { name: p.fullName }),
        role: p.role,
        status: now ? (now.present ? 'present' : 'absent') : 'not_recorded',
        absenceReason: names ? (now?.absence_reason ?? null) : null,
        history: all
          .filter((a) => a.participant_id === p.id)
          .map((a) => ({
            id: a.id,
            present: a.present,
            absenceReason: names ? a.absence_reason : null,
            recordedAt: a.recorded_at.toISOString(),
            recordedById: a.recorded_by,
            recordedByName: a.recorded_by ? (staff.get(a.recorded_by) ?? null) : null,
            supersedesId: a.supersedes_id,
            correctionReason: a.correction_reason,
            current: !a.superseded,
          })),
      };
    });
    return { ...base, counts: countsOf(people, current), entries };
  }
}

/** The first number field with a unit, in step order, that has a value: how long the occurrence took. */
function durationOf(definition: ProcedureDefinition | undefined, values: Record<string, Record<string, unknown>>): DurationResponse | null {
  for (const step of definition?.steps ?? []) {
    for (const field of step.fields) {
      if (field.type !== 'number' || !field.unit) continue;
      const value = values[step.key]?.[field.key];
      if (typeof value === 'number') return { fieldKey: field.key, value, unit: field.unit };
    }
  }
  return null;
}

function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
