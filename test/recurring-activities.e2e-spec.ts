/**
 * Recurring activities (issue 17): mentor meetings of a pair at least every 30 days, a cohort's
 * seminar series with attendance per person. Occurrences are executions; the conformance matrix
 * judges the cadence; the scan opens one cadence_missed deviation per subject, procedure and gap
 * (also for the quiet pair that never met), never twice; attendance is per person, corrected by
 * superseding entries, and names only for readers who may see them.
 */
import type { ProcedureDefinition } from '../src/procedures/procedure-definition.js';
import { expectProblem, problemFields } from './support/expectations.js';
import {
  addPair,
  addParticipant,
  completeExecution,
  createStaff,
  executeProcedure,
  programmeFixture,
  startExecution,
} from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const MATCHING = 'rc-matching';
const MEETING = 'rc-mentor-meeting';
const SEMINAR = 'rc-seminar';

const matching: ProcedureDefinition = {
  key: MATCHING,
  title: { en: 'Matching' },
  purpose: { en: 'Match a mentor with an adept' },
  subject: 'pair',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'programme_start', fromDays: -60, toDays: 30 },
  ordered: false,
  oncePerSubject: true,
  steps: [
    {
      key: 'match',
      title: { en: 'Match' },
      required: true,
      fields: [{ key: 'summary', label: { en: 'Summary' }, type: 'text', required: true }],
    },
  ],
};

const meeting: ProcedureDefinition = {
  key: MEETING,
  title: { en: 'Mentor meeting', sv: 'Mentorsmöte', nb: 'Mentormøte' },
  purpose: { en: 'The pair meets regularly' },
  subject: 'pair',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'procedure_completed', procedure: MATCHING, fromDays: 0, toDays: 730, until: { anchor: 'programme_end', days: 0 } },
  ordered: false,
  recurring: { cadenceDays: 30 },
  steps: [
    {
      key: 'meeting',
      title: { en: 'Meeting' },
      required: true,
      fields: [
        {
          key: 'duration',
          label: { en: 'Duration' },
          type: 'number',
          required: true,
          min: 1,
          max: 600,
          unit: { en: 'minutes', sv: 'minuter' },
        },
        { key: 'topics', label: { en: 'Topics' }, type: 'text', required: false },
      ],
    },
  ],
};

const seminar: ProcedureDefinition = {
  key: SEMINAR,
  title: { en: 'Seminar' },
  purpose: { en: 'Seminars on working life' },
  subject: 'cohort',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'programme_start', fromDays: 0, toDays: 730, until: { anchor: 'programme_end', days: 0 } },
  ordered: false,
  recurring: { cadenceDays: 35, sessions: 4 },
  attendance: true,
  steps: [
    {
      key: 'held',
      title: { en: 'Held' },
      required: true,
      fields: [{ key: 'theme', label: { en: 'Theme' }, type: 'text', required: true }],
    },
  ],
};

interface Cell {
  procedureKey: string;
  status: string;
  recurring?: {
    occurrences: number;
    lastDate: string | null;
    longestGapDays: number | null;
    gaps: { kind: string; from: string; to: string; days: number; open: boolean }[];
    sessionsShort: { planned: number; held: number } | null;
  };
}

describe('recurring activities: cadence, matrix, deviations and attendance', () => {
  let t: TestApp;
  let staff: Staff;
  let auditor: TestUser;
  let fx: ProgrammeFixture;
  let seminars: string[] = [];
  const base = () => `/api/programmes/${fx.programme.id}`;

  const meet = (pairId: string, day: string, minutes = 60) =>
    executeProcedure(t, staff.leader, fx.programme.id, MEETING, { pairId }, [
      { stepKey: 'meeting', values: { duration: minutes, topics: 'CV and job search' }, performedAt: `${day}T10:00:00Z` },
    ]);
  const cellOf = async (subjectId: string, key: string): Promise<Cell> => {
    const res = await t.http.get(`${base()}/conformance`).set(...bearer(staff.leader));
    expect(res.status).toBe(200);
    const row = (res.body.rows as { subject: { id: string }; cells: Cell[] }[]).find((r) => r.subject.id === subjectId)!;
    return row.cells.find((c) => c.procedureKey === key)!;
  };
  const scan = async () => {
    const res = await t.http
      .post(`${base()}/deviations/scan`)
      .set(...bearer(staff.leader))
      .send({});
    expect(res.status).toBe(200);
    return res.body as { cadenceGaps: number; opened: { rule: string; title: string; description: string; occurredAt: string }[] };
  };
  const cadenceDeviations = () =>
    t.sql<{ detection_key: string; title: string }>(
      `SELECT detection_key, title FROM deviation WHERE programme_id = $1 AND rule = 'cadence_missed' ORDER BY detection_key`,
      [fx.programme.id],
    );

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    auditor = await t.user(['auditor'], 'Arne Auditor');
    t.setToday('2026-01-20');
    fx = await programmeFixture(t, {
      staff,
      procedures: [matching, meeting, seminar],
      startDate: '2026-01-12',
      endDate: '2026-06-26',
      enrolledAt: '2026-01-05',
      adepts: 3,
      mentors: 3,
      pairs: true,
    });
    for (const pair of fx.pairs)
      await executeProcedure(t, staff.leader, fx.programme.id, MATCHING, { pairId: pair.id }, [
        { stepKey: 'match', values: { summary: 'Matched' }, performedAt: '2026-01-15T10:00:00Z' },
      ]);
    t.setToday('2026-04-10');
    // Pair 0 meets on cadence; pair 1 never meets (the quiet pair); pair 2 meets once and ends.
    for (const day of ['2026-02-01', '2026-02-25', '2026-03-20']) await meet(fx.pairs[0].id, day);
    await meet(fx.pairs[2].id, '2026-02-01');
    const ended = await t.http
      .post(`/api/pairs/${fx.pairs[2].id}/end`)
      .set(...bearer(staff.leader))
      .send({ date: '2026-02-20', reason: 'The adept found a job' });
    expect(ended.status).toBe(200);
    seminars = [];
    for (const day of ['2026-01-20', '2026-02-20', '2026-03-25']) {
      const s = await executeProcedure(t, staff.leader, fx.programme.id, SEMINAR, { cohort: true }, [
        { stepKey: 'held', values: { theme: 'Working life in Sweden' }, performedAt: `${day}T13:00:00Z` },
      ]);
      seminars.push(s.id as string);
    }
  });
  afterAll(async () => {
    t?.setToday(undefined);
    await t?.close();
  });

  it('refuses a recurring procedure carried out once per subject, and attendance for anything but a cohort', async () => {
    const bad = { ...meeting, key: 'rc-bad', oncePerSubject: true };
    const res = await t.http
      .post('/api/procedures')
      .set(...bearer(staff.qm))
      .send({ definition: bad });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('oncePerSubject');
    const adeptAttendance = { ...meeting, key: 'rc-bad-2', attendance: true };
    const res2 = await t.http
      .post('/api/procedures')
      .set(...bearer(staff.qm))
      .send({ definition: adeptAttendance });
    expect(res2.status).toBe(422);
    expect(JSON.stringify(res2.body)).toContain('attendance');
  });

  it('shows each pair on the matrix: on cadence, quiet, and ended (judged up to its end)', async () => {
    const onCadence = await cellOf(fx.pairs[0].id, MEETING);
    expect(onCadence).toMatchObject({
      status: 'conforming',
      recurring: { occurrences: 3, lastDate: '2026-03-20', longestGapDays: 24, gaps: [] },
    });
    const quiet = await cellOf(fx.pairs[1].id, MEETING);
    expect(quiet.status).toBe('cadence_missed');
    expect(quiet.recurring).toMatchObject({ occurrences: 0, lastDate: null });
    expect(quiet.recurring!.gaps).toEqual([{ kind: 'start', from: '2026-01-15', to: '2026-04-10', days: 85, open: true }]);
    const ended = await cellOf(fx.pairs[2].id, MEETING);
    expect(ended).toMatchObject({ status: 'conforming', recurring: { occurrences: 1, gaps: [] } });
    const cohort = await cellOf(fx.programme.id, SEMINAR);
    expect(cohort).toMatchObject({ status: 'conforming', recurring: { occurrences: 3, sessionsShort: null } });
  });

  it('opens exactly one cadence_missed deviation for the quiet pair, however often the scan runs and while the gap grows', async () => {
    const first = await scan();
    expect(first.cadenceGaps).toBe(1);
    const opened = first.opened.filter((d) => d.rule === 'cadence_missed');
    expect(opened).toHaveLength(1);
    expect(opened[0].description).toContain('for 85 days from the start of the period on 2026-01-15');
    expect(opened[0].title).toContain('since 2026-01-15');
    expect((await scan()).opened).toEqual([]);
    t.setToday('2026-04-18');
    expect((await scan()).opened).toEqual([]);
    // The pair meets at last: the gap closes (still a breach in the period), and is the same gap.
    await meet(fx.pairs[1].id, '2026-04-15', 45);
    const closed = await cellOf(fx.pairs[1].id, MEETING);
    expect(closed.status).toBe('cadence_missed');
    expect(closed.recurring!.gaps).toEqual([{ kind: 'start', from: '2026-01-15', to: '2026-04-15', days: 90, open: false }]);
    expect((await scan()).opened).toEqual([]);
    expect(await cadenceDeviations()).toHaveLength(1);
    t.setToday('2026-04-10');
  });

  it("gives a pair's meetings as a timeline: date, duration, who recorded, conformance and the gaps", async () => {
    t.setToday('2026-04-18');
    const res = await t.http.get(`${base()}/recurring-activities?subjectId=${fx.pairs[1].id}`).set(...bearer(staff.leader));
    expect(res.status).toBe(200);
    expect(res.body.subject).toMatchObject({ type: 'pair', id: fx.pairs[1].id, status: 'active' });
    expect(res.body.subject.name).toContain('Testperson');
    const [activity] = res.body.activities;
    expect(activity).toMatchObject({
      procedureKey: MEETING,
      cadenceDays: 30,
      status: 'cadence_missed',
      occurrenceCount: 1,
      lastDate: '2026-04-15',
    });
    expect(activity.occurrences).toHaveLength(1);
    expect(activity.occurrences[0]).toMatchObject({
      state: 'completed',
      date: '2026-04-15',
      duration: { fieldKey: 'duration', value: 45, unit: { en: 'minutes', sv: 'minuter' } },
      conformance: 'conforming',
      recordedByName: 'Leila Leader',
      daysSincePrevious: 90,
      cadenceBreached: true,
      attendance: null,
    });
    const regular = await t.http.get(`${base()}/recurring-activities?subjectId=${fx.pairs[0].id}`).set(...bearer(auditor));
    expect(regular.status).toBe(200);
    expect(regular.body.subject.name).toBeUndefined();
    expect(regular.body.activities[0].occurrences.map((o: { daysSincePrevious: number }) => o.daysSincePrevious)).toEqual([17, 24, 23]);
    // A subject of another kind, or none of the programme.
    const cohort = await t.http.get(`${base()}/recurring-activities`).set(...bearer(staff.leader));
    expect(cohort.body.subject).toMatchObject({ type: 'cohort', code: 'cohort' });
    expect(cohort.body.activities[0]).toMatchObject({ procedureKey: SEMINAR, attendance: true, sessions: 4, occurrenceCount: 3 });
    expectProblem(
      await t.http.get(`${base()}/recurring-activities?subjectId=00000000-0000-4000-8000-000000000000`).set(...bearer(staff.leader)),
      404,
      'not_found',
    );
    t.setToday('2026-04-10');
  });

  it('records attendance per person, corrects it with a reason, and shows it per session and per person', async () => {
    const everyone = [...fx.adepts, ...fx.mentors];
    const absent = fx.adepts[1];
    const url = `/api/executions/${seminars[0]}/attendance`;
    const entries = everyone.map((p) =>
      p.id === absent.id
        ? { participantId: p.id, present: false, absenceReason: 'At a job interview' }
        : { participantId: p.id, present: true },
    );
    const recorded = await t.http
      .post(url)
      .set(...bearer(staff.leader))
      .set('Idempotency-Key', 'seminar-1-attendance')
      .send({ entries });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ attendance: true, date: '2026-01-20', counts: { present: 5, absent: 1, notRecorded: 0 } });
    // A replay is answered from the idempotency record, and records nothing twice.
    const replay = await t.http
      .post(url)
      .set(...bearer(staff.leader))
      .set('Idempotency-Key', 'seminar-1-attendance')
      .send({ entries });
    expect(replay.body).toEqual(recorded.body);
    expect((await t.sql(`SELECT 1 FROM execution_attendance WHERE execution_id = $1`, [seminars[0]])).length).toBe(6);

    // Changing an entry is a correction: refused without a reason, kept beside the earlier one with it.
    const change = { entries: [{ participantId: absent.id, present: true }] };
    const noReason = await t.http
      .post(url)
      .set(...bearer(staff.leader))
      .send(change);
    expectProblem(noReason, 422, 'attendance_reason_required');
    const corrected = await t.http
      .post(url)
      .set(...bearer(staff.leader))
      .send({ ...change, reason: 'She came after lunch' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.counts).toEqual({ present: 6, absent: 0, notRecorded: 0 });
    const entry = corrected.body.entries.find((e: { participantId: string }) => e.participantId === absent.id);
    expect(entry).toMatchObject({ status: 'present', name: absent.fullName });
    expect(entry.history).toHaveLength(2);
    expect(entry.history[0]).toMatchObject({
      present: false,
      absenceReason: 'At a job interview',
      current: false,
      recordedByName: 'Leila Leader',
    });
    expect(entry.history[1]).toMatchObject({
      present: true,
      correctionReason: 'She came after lunch',
      current: true,
      supersedesId: entry.history[0].id,
    });
    await expect(t.sql(`UPDATE execution_attendance SET present = false`)).rejects.toThrow();

    // Second session: one absent, the rest not recorded.
    await t.http
      .post(`/api/executions/${seminars[1]}/attendance`)
      .set(...bearer(staff.leader))
      .send({ entries: [{ participantId: absent.id, present: false, absenceReason: 'Ill' }] })
      .expect(201);
    const person = await t.http.get(`${base()}/participants/${absent.id}/attendance`).set(...bearer(staff.leader));
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({
      participantId: absent.id,
      code: absent.code,
      name: absent.fullName,
      counts: { present: 1, absent: 1, notRecorded: 1 },
    });
    expect(
      person.body.sessions.map((s: { date: string; status: string; absenceReason: string | null }) => [s.date, s.status, s.absenceReason]),
    ).toEqual([
      ['2026-01-20', 'present', null],
      ['2026-02-20', 'absent', 'Ill'],
      ['2026-03-25', 'not_recorded', null],
    ]);

    // An auditor sees codes and counts, never names or reasons.
    const seen = await t.http.get(`/api/executions/${seminars[1]}/attendance`).set(...bearer(auditor));
    expect(seen.status).toBe(200);
    expect(seen.body.counts).toEqual({ present: 0, absent: 1, notRecorded: 5 });
    for (const e of seen.body.entries) {
      expect(e.name).toBeUndefined();
      expect(e.absenceReason).toBeNull();
      for (const h of e.history) expect(h.absenceReason).toBeNull();
    }
    expect(JSON.stringify(seen.body)).not.toContain('Ill');
    const personAsAuditor = await t.http.get(`${base()}/participants/${absent.id}/attendance`).set(...bearer(auditor));
    expect(personAsAuditor.body.name).toBeUndefined();
    expect(JSON.stringify(personAsAuditor.body)).not.toContain(absent.fullName);
    // The auditor reads, never writes.
    expect(
      (
        await t.http
          .post(url)
          .set(...bearer(auditor))
          .send(change)
      ).status,
    ).toBe(403);

    // The timeline of the series counts each session's attendance.
    const cohort = await t.http.get(`${base()}/recurring-activities`).set(...bearer(staff.leader));
    expect(cohort.body.activities[0].occurrences.map((o: { attendance: unknown }) => o.attendance)).toEqual([
      { present: 6, absent: 0, notRecorded: 0 },
      { present: 0, absent: 1, notRecorded: 5 },
      { present: 0, absent: 0, notRecorded: 6 },
    ]);
  });

  it('refuses attendance for a procedure that does not record it, and for people outside the programme', async () => {
    const [anyMeeting] = (
      await t.sql<{ id: string }>(`SELECT id FROM execution WHERE programme_id = $1 AND procedure_key = $2 LIMIT 1`, [
        fx.programme.id,
        MEETING,
      ])
    ).map((r) => r.id);
    expectProblem(
      await t.http
        .post(`/api/executions/${anyMeeting}/attendance`)
        .set(...bearer(staff.leader))
        .send({ entries: [{ participantId: fx.adepts[0].id, present: true }] }),
      422,
      'attendance_not_recorded',
    );
    const plain = await t.http.get(`/api/executions/${anyMeeting}/attendance`).set(...bearer(staff.leader));
    expect(plain.body).toMatchObject({ attendance: false, entries: [] });
    const res = await t.http
      .post(`/api/executions/${seminars[2]}/attendance`)
      .set(...bearer(staff.leader))
      .send({
        entries: [
          { participantId: '00000000-0000-4000-8000-000000000000', present: true },
          { participantId: fx.adepts[0].id, present: true, absenceReason: 'Not absent' },
        ],
      });
    expectProblem(res, 400, 'validation_failed');
    expect(problemFields(res).sort()).toEqual(['entries[0].participantId', 'entries[1].absenceReason']);

    // An applicant is not in the programme yet: not on the list, and refused on it; a blank reason is no reason.
    const applicant = await t.http
      .post(`${base()}/applicants`)
      .set(...bearer(staff.leader))
      .send({ role: 'adept', fullName: 'Applying Person', gender: 'female', profession: 'Nurse', applicationConsentAt: '2026-01-05' })
      .expect(201);
    const withApplicant = await t.http
      .post(`/api/executions/${seminars[2]}/attendance`)
      .set(...bearer(staff.leader))
      .send({ entries: [{ participantId: applicant.body.id, present: true }] });
    expectProblem(withApplicant, 400, 'validation_failed');
    expect(problemFields(withApplicant)).toEqual(['entries[0].participantId']);
    const blank = await t.http
      .post(`/api/executions/${seminars[2]}/attendance`)
      .set(...bearer(staff.leader))
      .send({ entries: [{ participantId: fx.adepts[0].id, present: false, absenceReason: '   ' }] });
    expectProblem(blank, 400, 'validation_failed');
    expect(problemFields(blank)).toEqual(['entries[0].absenceReason']);
    const list = await t.http.get(`/api/executions/${seminars[2]}/attendance`).set(...bearer(staff.leader));
    expect(list.body.entries.map((e: { participantId: string }) => e.participantId)).not.toContain(applicant.body.id);
  });

  it('lists on a session whoever was in the programme that day: a late enrolment is not on an earlier session', async () => {
    const late = await addParticipant(t, staff.leader, fx.programme.id, { role: 'adept', enrolledAt: '2026-03-01' });
    const early = await t.http.get(`/api/executions/${seminars[0]}/attendance`).set(...bearer(staff.leader));
    expect(early.body.entries.map((e: { participantId: string }) => e.participantId)).not.toContain(late.id);
    const later = await t.http.get(`/api/executions/${seminars[2]}/attendance`).set(...bearer(staff.leader));
    expect(later.body.entries.map((e: { participantId: string }) => e.participantId)).toContain(late.id);
    // The late adept's pair, matched without a matching procedure: its period is not known yet.
    const mentor = await addParticipant(t, staff.leader, fx.programme.id, { role: 'mentor', enrolledAt: '2026-03-01' });
    const pair = await addPair(t, staff.leader, fx.programme.id, mentor.id, late.id, '2026-03-02');
    expect((await cellOf(pair.id, MEETING)).status).toBe('not_yet_due');
  });

  it('judges a series against its planned sessions once the period has ended', async () => {
    t.setToday('2026-07-06');
    const cell = await cellOf(fx.programme.id, SEMINAR);
    expect(cell.status).toBe('cadence_missed');
    expect(cell.recurring!.sessionsShort).toEqual({ planned: 4, held: 3 });
    expect(cell.recurring!.gaps.at(-1)).toMatchObject({ kind: 'end', from: '2026-03-25', to: '2026-06-26', open: false });
    const opened = (await scan()).opened.filter((d) => d.rule === 'cadence_missed');
    expect(opened.map((d) => d.title).sort()).toEqual(
      [
        `Cadence missed: ${MEETING} for ${await cellCode(fx.pairs[0].id)} since 2026-03-20`,
        `Cadence missed: ${MEETING} for ${await cellCode(fx.pairs[1].id)} since 2026-04-15`,
        `Cadence missed: ${SEMINAR} for cohort since 2026-03-25`,
        `Sessions missing: ${SEMINAR} for cohort`,
      ].sort(),
    );
    expect((await scan()).opened).toEqual([]);
    t.setToday('2026-04-10');
  });

  async function cellCode(subjectId: string): Promise<string> {
    const res = await t.http.get(`${base()}/conformance`).set(...bearer(staff.leader));
    return (res.body.rows as { subject: { id: string; code: string } }[]).find((r) => r.subject.id === subjectId)!.subject.code;
  }

  it('keeps an open occurrence out of the count until it is completed', async () => {
    const open = await startExecution(t, staff.leader, fx.programme.id, MEETING, { pairId: fx.pairs[0].id });
    const cell = await cellOf(fx.pairs[0].id, MEETING);
    expect(cell.recurring).toMatchObject({ occurrences: 3 });
    expect((cell.recurring as unknown as { openExecutionId: string }).openExecutionId).toBe(open.id);
    await t.http
      .post(`/api/executions/${open.id}/steps`)
      .set(...bearer(staff.leader))
      .send({ stepKey: 'meeting', values: { duration: 30 }, performedAt: '2026-04-08T10:00:00Z' })
      .expect(201);
    await completeExecution(t, staff.leader, open.id);
    expect((await cellOf(fx.pairs[0].id, MEETING)).recurring).toMatchObject({ occurrences: 4, lastDate: '2026-04-08' });
  });
  it('reports cadence conformance per subject and attendance per session, counts of people suppressed, in each language', async () => {
    t.setToday('2026-04-18');
    const at = '2026-04-18T12:00:00.000Z';
    const json = await t.http.get(`${base()}/reports/evidence.json?generatedAt=${at}`).set(...bearer(staff.qm));
    expect(json.status).toBe(200);
    const model = json.body.model as {
      recurring: { subject: string; procedureKey: string; status: string; occurrences: number; gapsOverCadence: unknown[] }[];
      attendance: { procedureKey: string; date: string; present: unknown; absent: unknown; notRecorded: unknown; total: unknown }[];
    };
    const quiet = model.recurring.find((r) => r.subject === fx.pairs[1].id || r.subject.includes(fx.adepts[1].code))!;
    expect(quiet).toMatchObject({ procedureKey: MEETING, status: 'cadence_missed', occurrences: 1 });
    expect(quiet.gapsOverCadence).toEqual([{ from: '2026-01-15', to: '2026-04-15', days: 90, open: false }]);
    // Six people on the first seminar's list, all present; one absent at the second (suppressed); eight on the third's (two enrolled later).
    expect(model.attendance.map((s) => [s.date, s.present, s.absent, s.notRecorded, s.total])).toEqual([
      ['2026-01-20', 6, 0, 0, 6],
      ['2026-02-20', 0, '<5', expect.any(String), 6],
      ['2026-03-25', 0, 0, 8, 8],
    ]);
    for (const lang of ['en', 'sv', 'nb'] as const) {
      const pdf = await fetchReport(t, staff.qm, `${base()}/reports/evidence.pdf?generatedAt=${at}&lang=${lang}`);
      const text = (await pageTexts(pdf.body)).join('\n');
      expect(text).toContain(
        { en: 'Recurring activities and attendance', sv: 'Återkommande aktiviteter och närvaro', nb: 'Gjentakende aktiviteter og oppmøte' }[
          lang
        ],
      );
    }
    t.setToday('2026-04-10');
  });
});
