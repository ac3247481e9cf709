/**
 * Applicants and outcomes through HTTP: an expression of interest registers an applicant (the
 * consent to process the application recorded, not enrolled), on a planned or active programme
 * only; applicants are listed and filtered by status, shown by code to readers not entitled to
 * names, cannot be paired, withdrawn or completed before admission. Leaving and completing carry
 * an outcome (left early for a job counts with the successes); the funnel counts interest,
 * interviews, admissions and completions, with small cells suppressed for others than the
 * programme's leaders and quality managers.
 */
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, addPair, addParticipant, createProgramme, expectStatus } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-02-10';

describe('applicants', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let planned: string;
  let active: string;

  const register = (by: TestUser, programmeId: string, body: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/programmes/${programmeId}/applicants`)
      .set(...bearer(by))
      .send({
        role: 'adept',
        fullName: 'Yusuf Applicant',
        email: 'yusuf@example.org',
        gender: 'male',
        profession: 'Pharmacist',
        countryOfOrigin: 'Iraq',
        applicationConsentAt: '2026-02-01',
        ...body,
      });

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday(TODAY);
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    const dates = { startDate: '2026-03-02', endDate: '2026-12-18', leaderIds: [leader.id] };
    planned = (await createProgramme(t, qm, dates)).id;
    active = (await activateProgramme(t, qm, (await createProgramme(t, qm, dates)).id)).id;
  });

  afterAll(async () => {
    t.setToday(undefined);
    await t.close();
  });

  it('registers an applicant on a planned programme: not enrolled, the application consent recorded, audited without personal data in clear', async () => {
    const res = await register(leader, planned);
    const a = expectStatus(res, 201, 'registering an applicant');
    expect(res.headers.location).toBe(`/api/programmes/${planned}/participants/${a.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(a).toMatchObject({
      role: 'adept',
      status: 'applicant',
      fullName: 'Yusuf Applicant',
      applicationConsentAt: '2026-02-01',
      enrolledAt: null,
      consentRecordedAt: null,
      admissionDecidedAt: null,
      outcome: null,
    });
    expect(a.code).toMatch(/^A-[0-9A-Z]{6}$/);
    const [event] = await auditOf(t, a.id);
    expect(event.action).toBe('participant.register_applicant');
    expect(event.changes.status).toEqual({ old: null, new: 'applicant' });
    expect(event.changes.applicationConsentAt).toEqual({ old: null, new: '2026-02-01' });
    expect(JSON.stringify(event.changes)).not.toContain('Yusuf');
  });

  it('registers a mentor candidate as an applicant too, and on an active programme', async () => {
    const m = expectStatus(await register(leader, active, { role: 'mentor', fullName: 'Maja Candidate' }), 201, 'a mentor candidate');
    expect(m).toMatchObject({ role: 'mentor', status: 'applicant' });
    expect(m.code).toMatch(/^M-/);
  });

  it('answers a retry with the same Idempotency-Key from the record: one applicant', async () => {
    const send = () =>
      t.http
        .post(`/api/programmes/${planned}/applicants`)
        .set(...bearer(leader))
        .set('Idempotency-Key', 'applicant-retry-1')
        .send({ role: 'adept', fullName: 'Retry Applicant', gender: 'female', profession: 'Nurse', applicationConsentAt: '2026-02-02' });
    const first = expectStatus(await send(), 201, 'registering');
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.id);
    const list = expectStatus(await t.http.get(`/api/programmes/${planned}/participants`).set(...bearer(leader)), 200, 'listing');
    expect(list.filter((p: { fullName: string }) => p.fullName === 'Retry Applicant')).toHaveLength(1);
  });

  it('refuses a consent day in the future, a missing one, and a caller who does not lead the programme', async () => {
    const future = await register(leader, planned, { applicationConsentAt: '2026-02-11' });
    expectProblem(future, 422, 'day_in_future');
    expect(problemFields(future)).toEqual(['applicationConsentAt']);
    const missing = await register(leader, planned, { applicationConsentAt: undefined });
    expectProblem(missing, 400, 'validation_failed');
    expect(problemFields(missing)).toContain('applicationConsentAt');
    expectProblem(await register(otherLeader, planned), 404);
    expectProblem(await register(auditor, planned), 403);
  });

  it('refuses applicants on a closed programme', async () => {
    const closing = (
      await activateProgramme(
        t,
        qm,
        (await createProgramme(t, qm, { startDate: '2025-01-06', endDate: '2025-12-19', leaderIds: [leader.id] })).id,
      )
    ).id;
    expectStatus(await t.http.post(`/api/programmes/${closing}/close`).set(...bearer(qm)), 200, 'closing the programme');
    expectProblem(await register(leader, closing), 409, 'programme_closed');
  });

  it('lists applicants by status, by code only for an auditor', async () => {
    const a = expectStatus(await register(leader, active, { fullName: 'Listed Applicant' }), 201, 'an applicant');
    await addParticipant(t, leader, active, { role: 'adept', enrolledAt: '2026-02-02' });
    const list = expectStatus(
      await t.http.get(`/api/programmes/${active}/participants?status=applicant`).set(...bearer(leader)),
      200,
      'listing',
    );
    expect(list.map((p: { status: string }) => p.status)).toEqual(expect.arrayContaining(['applicant']));
    expect(list.every((p: { status: string }) => p.status === 'applicant')).toBe(true);
    expect(list.map((p: { id: string }) => p.id)).toContain(a.id);
    const seen = expectStatus(await t.http.get(`/api/programmes/${active}/participants/${a.id}`).set(...bearer(auditor)), 200, 'reading');
    expect(seen.fullName).toBeUndefined();
    expect(seen.email).toBeUndefined();
    expect(seen).toMatchObject({ code: a.code, status: 'applicant', enrolledAt: null });
    expectProblem(
      await t.http.get(`/api/programmes/${active}/participants?status=admitted`).set(...bearer(leader)),
      400,
      'validation_failed',
    );
  });

  it('neither pairs, withdraws nor completes an applicant before admission', async () => {
    const a = expectStatus(await register(leader, active, { fullName: 'Waiting Applicant' }), 201, 'an applicant');
    const mentor = await addParticipant(t, leader, active, { role: 'mentor', enrolledAt: '2026-02-02' });
    const pair = await t.http
      .post(`/api/programmes/${active}/pairs`)
      .set(...bearer(leader))
      .send({ mentorId: mentor.id, adeptId: a.id, matchedAt: '2026-02-05', rationale: 'Same profession' });
    expectProblem(pair, 422, 'invalid_pair');
    expect(pair.body.errors).toEqual([{ field: 'adeptId', message: 'is applicant' }]);
    const withdraw = await t.http
      .post(`/api/programmes/${active}/participants/${a.id}/withdraw`)
      .set(...bearer(leader))
      .send({ date: '2026-02-05', reason: 'Changed their mind' });
    expectProblem(withdraw, 409, 'participant_not_active');
    expectProblem(
      await t.http
        .post(`/api/programmes/${active}/participants/${a.id}/complete`)
        .set(...bearer(leader))
        .send({}),
      409,
      'participant_not_active',
    );
  });

  describe('outcomes', () => {
    it('records leaving early for a job as an outcome, in the participant and the audit trail', async () => {
      const adept = await addParticipant(t, leader, active, { role: 'adept', enrolledAt: '2026-02-02' });
      const left = expectStatus(
        await t.http
          .post(`/api/programmes/${active}/participants/${adept.id}/withdraw`)
          .set(...bearer(leader))
          .send({ date: '2026-02-09', reason: 'Hired as a pharmacist in Malmö', outcome: 'left_for_work' }),
        200,
        'withdrawing',
      );
      expect(left).toMatchObject({ status: 'withdrawn', outcome: 'left_for_work', outcomeNote: null });
      const events = await auditOf(t, adept.id);
      expect(events.at(-1)!.action).toBe('participant.withdraw');
      expect(events.at(-1)!.changes.outcome).toEqual({ old: null, new: 'left_for_work' });
    });

    it('refuses an outcome that belongs to completion on leaving, and the other way round', async () => {
      const adept = await addParticipant(t, leader, active, { role: 'adept', enrolledAt: '2026-02-02' });
      const wrong = await t.http
        .post(`/api/programmes/${active}/participants/${adept.id}/withdraw`)
        .set(...bearer(leader))
        .send({ date: '2026-02-09', reason: 'x', outcome: 'employed_in_profession' });
      expectProblem(wrong, 400, 'validation_failed');
      expect(problemFields(wrong)).toEqual(['outcome']);
      const wrongToo = await t.http
        .post(`/api/programmes/${active}/participants/${adept.id}/complete`)
        .set(...bearer(leader))
        .send({ outcome: 'left_for_work' });
      expectProblem(wrongToo, 400, 'validation_failed');
    });

    it('asks what the outcome is when it is other, and shows that note only to those who see names', async () => {
      const adept = await addParticipant(t, leader, active, { role: 'adept', enrolledAt: '2026-02-02' });
      const bare = await t.http
        .post(`/api/programmes/${active}/participants/${adept.id}/complete`)
        .set(...bearer(leader))
        .send({ outcome: 'other' });
      expectProblem(bare, 400, 'validation_failed');
      expect(problemFields(bare)).toEqual(['outcomeNote']);
      const done = expectStatus(
        await t.http
          .post(`/api/programmes/${active}/participants/${adept.id}/complete`)
          .set(...bearer(leader))
          .send({ date: '2026-02-09', outcome: 'other', outcomeNote: 'Started a company' }),
        200,
        'completing',
      );
      expect(done).toMatchObject({ status: 'completed', outcome: 'other', outcomeNote: 'Started a company' });
      const seen = expectStatus(
        await t.http.get(`/api/programmes/${active}/participants/${adept.id}`).set(...bearer(auditor)),
        200,
        'auditor',
      );
      expect(seen.outcome).toBe('other');
      expect(seen.outcomeNote).toBeUndefined();
      const event = (await auditOf(t, adept.id)).at(-1)!;
      expect(event.changes.outcomeNote.new).toMatch(/^hmac-sha256:/);
    });

    it('still withdraws and completes without an outcome (clients written before outcomes existed)', async () => {
      const adept = await addParticipant(t, leader, active, { role: 'adept', enrolledAt: '2026-02-02' });
      const done = expectStatus(
        await t.http
          .post(`/api/programmes/${active}/participants/${adept.id}/complete`)
          .set(...bearer(leader))
          .send({}),
        200,
        'completing',
      );
      expect(done.outcome).toBeNull();
    });
  });

  describe('indicators and funnel', () => {
    let programme: string;

    beforeAll(async () => {
      programme = (
        await activateProgramme(
          t,
          qm,
          (await createProgramme(t, qm, { startDate: '2026-03-02', endDate: '2026-12-18', leaderIds: [leader.id] })).id,
        )
      ).id;
      for (let i = 0; i < 3; i++)
        expectStatus(await register(leader, programme, { fullName: `Funnel Applicant ${i}` }), 201, 'an applicant');
      const enrolled = [];
      for (let i = 0; i < 6; i++) enrolled.push(await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-02-02' }));
      const withdraw = (id: string, outcome: string) =>
        t.http
          .post(`/api/programmes/${programme}/participants/${id}/withdraw`)
          .set(...bearer(leader))
          .send({ date: '2026-02-09', reason: 'Left', outcome });
      expectStatus(await withdraw(enrolled[0].id, 'left_for_work'), 200, 'left for work');
      expectStatus(await withdraw(enrolled[1].id, 'personal_reasons'), 200, 'left for personal reasons');
      expectStatus(
        await t.http
          .post(`/api/programmes/${programme}/participants/${enrolled[2].id}/complete`)
          .set(...bearer(leader))
          .send({ date: '2026-02-09', outcome: 'employed_in_profession' }),
        200,
        'completed',
      );
      const mentor = await addParticipant(t, leader, programme, { role: 'mentor', enrolledAt: '2026-02-02' });
      await addPair(t, leader, programme, mentor.id, enrolled[3].id, '2026-02-03');
    });

    it('counts only enrolled adepts as enrolled, and left for work with the successes, not the dropouts', async () => {
      const x = expectStatus(await t.http.get(`/api/programmes/${programme}/indicators`).set(...bearer(leader)), 200, 'indicators');
      expect(x.participants.byRole.adept).toEqual({ enrolled: 6, active: 3, completed: 1, withdrawn: 2 });
      expect(x.recordedOutcomes).toMatchObject({ left_for_work: 1, personal_reasons: 1, employed_in_profession: 1, not_recorded: 0 });
      expect(x.successesAmongLeaversAndCompleters).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
      expect(x.dropouts).toBe(1);
    });

    it('gives the leader the funnel in exact figures, with no names', async () => {
      const res = await t.http.get(`/api/programmes/${programme}/funnel`).set(...bearer(leader));
      const f = expectStatus(res, 200, 'funnel');
      expect(f).toEqual({
        programmeId: programme,
        smallCellsSuppressed: false,
        adept: {
          interested: 9,
          interviewed: 0,
          admitted: 6,
          completed: 1,
          applicant: 3,
          waitingList: 0,
          notAdmitted: 0,
          withdrawn: 2,
          intakeProcedure: 'intake-interview',
        },
        mentor: expect.objectContaining({ interested: 1, admitted: 1, intakeProcedure: 'mentor-vetting' }),
      });
      expect(JSON.stringify(f)).not.toMatch(/Funnel Applicant|Testperson/);
    });

    it('suppresses small counts for an auditor, and for a leader who asks', async () => {
      for (const [who, query] of [
        [auditor, ''],
        [leader, '?suppressSmallCells=true'],
      ] as const) {
        const f = expectStatus(await t.http.get(`/api/programmes/${programme}/funnel${query}`).set(...bearer(who)), 200, 'funnel');
        expect(f.smallCellsSuppressed).toBe(true);
        expect(f.adept).toMatchObject({
          interested: 9,
          admitted: '>=5',
          applicant: '<5',
          completed: '<5',
          withdrawn: '<5',
          interviewed: 0,
        });
        expect(f.mentor).toMatchObject({ interested: '<5' });
      }
      expectProblem(await t.http.get(`/api/programmes/${programme}/funnel`).set(...bearer(otherLeader)), 404);
    });

    it('puts the funnel and the outcomes on leaving or completing in the evidence report, suppressed without names', async () => {
      const model = expectStatus(
        await t.http.get(`/api/programmes/${programme}/reports/evidence.json`).set(...bearer(qm)),
        200,
        'the evidence report model',
      ).model;
      expect(model.indicators.funnel).toEqual([
        { role: 'adept', interested: 9, interviewed: 0, admitted: '>=5', completed: '<5' },
        { role: 'mentor', interested: '<5', interviewed: 0, admitted: '<5', completed: 0 },
      ]);
      expect(model.indicators.leavingOutcomes).toEqual(
        expect.arrayContaining([
          { outcome: 'left_for_work', count: '<5' },
          { outcome: 'not_recorded', count: 0 },
        ]),
      );
      expect(model.indicators.successesAmongLeavers).toMatchObject({ percent: null });
      // Applicants are counted in the funnel; the participants table lists the enrolled.
      expect(model.participants.map((p: { status: string }) => p.status)).not.toContain('applicant');
      const named = expectStatus(
        await t.http.get(`/api/programmes/${programme}/reports/evidence.json?includeNames=true`).set(...bearer(qm)),
        200,
        'the evidence report model with names',
      ).model;
      expect(named.indicators.funnel[0]).toEqual({ role: 'adept', interested: 9, interviewed: 0, admitted: 6, completed: 1 });
      expect(named.indicators.successesAmongLeavers).toMatchObject({ numerator: 2, denominator: 3 });
    });
  });
});
