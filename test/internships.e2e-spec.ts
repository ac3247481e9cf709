/**
 * Internships through HTTP: an adept of a programme placed with an active organisation of the
 * register, with a supervisor and dates that fit the programme; the outcome recorded once after
 * it ended, corrected by a revision with a reason; every revision kept (the database refuses to
 * change one); who records and who reads, and the adept by code for a reader not entitled to names.
 */
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, addParticipant, createProgramme, expectStatus } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-06-10';

describe('internships', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  let programmeA: string;
  let programmeB: string;
  let adept: { id: string; code: string; fullName: string };
  let secondAdept: { id: string; code: string; fullName: string };
  let mentor: { id: string };
  let adeptOfB: { id: string };
  let hospital: string;
  let closedHost: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday(TODAY);
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    board = await t.user(['board_member'], 'Britt Board');
    const dates = { startDate: '2026-01-12', endDate: '2026-12-18' };
    programmeA = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [leader.id] })).id)).id;
    programmeB = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [otherLeader.id] })).id)).id;
    adept = await addParticipant(t, leader, programmeA, { role: 'adept', enrolledAt: '2026-01-12', fullName: 'Amina Haddad' });
    secondAdept = await addParticipant(t, leader, programmeA, { role: 'adept', enrolledAt: '2026-01-12' });
    mentor = await addParticipant(t, leader, programmeA, { role: 'mentor', enrolledAt: '2026-01-12' });
    adeptOfB = await addParticipant(t, otherLeader, programmeB, { role: 'adept', enrolledAt: '2026-01-12' });
    const org = (name: string, sector: string) =>
      t.http
        .post('/api/organisations')
        .set(...bearer(qm))
        .send({ name, sector });
    hospital = expectStatus(await org('Northfield University Hospital', 'public'), 201, 'recording a host').id;
    closedHost = expectStatus(await org('Shuttered Works AB', 'private'), 201, 'recording a host').id;
    expectStatus(
      await t.http
        .post(`/api/organisations/${closedHost}/revisions`)
        .set(...bearer(qm))
        .set('If-Match', '"1"')
        .send({ reason: 'Closed down', active: false }),
      201,
      'deactivating a host',
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const placement = (over: Record<string, unknown> = {}) => ({
    participantId: adept.id,
    organisationId: hospital,
    supervisorName: 'Dr. Karin Holm',
    supervisorRole: 'Head of the radiology ward',
    supervisorEmail: 'karin.holm@northfield.example',
    startDate: '2026-03-02',
    endDate: '2026-05-29',
    hoursPerWeek: 32,
    ...over,
  });
  const place = (as: TestUser, programmeId: string, over: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/programmes/${programmeId}/internships`)
      .set(...bearer(as))
      .send(placement(over));
  const post = (as: TestUser, path: string, version: number | null, body: Record<string, unknown>) => {
    const req = t.http.post(path).set(...bearer(as));
    if (version !== null) req.set('If-Match', `"${version}"`);
    return req.send(body);
  };
  const get = (as: TestUser, path: string) => t.http.get(path).set(...bearer(as));

  it('places an adept with a host: the adept by name for the leader, the revision as ETag, one audit event without the supervisor in clear', async () => {
    const res = await place(leader, programmeA);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/internships/${res.body.id}`);
    expect(res.body).toMatchObject({
      programmeId: programmeA,
      adept: { id: adept.id, code: adept.code, fullName: 'Amina Haddad' },
      organisation: { id: hospital, name: 'Northfield University Hospital', active: true },
      supervisorName: 'Dr. Karin Holm',
      supervisorRole: 'Head of the radiology ward',
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      hoursPerWeek: 32,
      outcome: null,
      state: 'awaiting_outcome',
      change: 'placed',
      version: 1,
      mayRecord: true,
      recordedBy: { id: leader.id, name: 'Leila Leader' },
    });
    const events = await auditOf(t, res.body.id);
    expect(events.map((e) => [e.action, e.entity_version])).toEqual([['internship.place', 1]]);
    expect(events[0].changes.participantId).toEqual({ old: null, new: adept.id });
    expect(JSON.stringify(events[0].changes)).not.toMatch(/Karin|karin|Amina/);
  });

  it('names each missing or malformed field, and each date that does not fit the programme', async () => {
    const bad = await t.http
      .post(`/api/programmes/${programmeA}/internships`)
      .set(...bearer(leader))
      .send({ participantId: 'x', startDate: '2026-02-30', hoursPerWeek: 80 });
    expectProblem(bad, 400, 'validation_failed');
    expect(problemFields(bad).sort()).toEqual(
      ['endDate', 'hoursPerWeek', 'organisationId', 'participantId', 'startDate', 'supervisorName', 'supervisorRole'].sort(),
    );
    const backwards = await place(leader, programmeA, { startDate: '2026-04-01', endDate: '2026-03-01' });
    expectProblem(backwards, 422, 'internship_dates');
    expect(problemFields(backwards)).toEqual(['endDate']);
    const outside = await place(leader, programmeA, { startDate: '2025-12-01', endDate: '2028-01-01' });
    expectProblem(outside, 422, 'internship_dates');
    expect(problemFields(outside)).toEqual(['startDate', 'endDate']);
  });

  it('refuses an inactive or unknown host, a mentor, and a participant of another programme', async () => {
    const inactive = await place(leader, programmeA, { organisationId: closedHost });
    expectProblem(inactive, 409, 'organisation_inactive');
    expect(inactive.body.detail).toContain('Shuttered Works AB');
    const unknown = await place(leader, programmeA, { organisationId: '00000000-0000-4000-8000-000000000000' });
    expectProblem(unknown, 422, 'unknown_organisation');
    expect(problemFields(unknown)).toEqual(['organisationId']);
    const notAdept = await place(leader, programmeA, { participantId: mentor.id });
    expectProblem(notAdept, 422, 'internship_not_adept');
    expect(problemFields(notAdept)).toEqual(['participantId']);
    const elsewhere = await place(qm, programmeA, { participantId: adeptOfB.id });
    expectProblem(elsewhere, 422, 'unknown_participant');
    expect(problemFields(elsewhere)).toEqual(['participantId']);
    // An applicant is not in the programme yet: the intake decision admits first.
    const applicant = expectStatus(
      await t.http
        .post(`/api/programmes/${programmeA}/applicants`)
        .set(...bearer(leader))
        .send({ role: 'adept', fullName: 'Applying Adept', gender: 'male', profession: 'Pharmacist', applicationConsentAt: '2026-01-05' }),
      201,
      'registering an applicant',
    );
    const notEnrolled = await place(leader, programmeA, { participantId: applicant.id });
    expectProblem(notEnrolled, 409, 'participant_not_active');
    expect(problemFields(notEnrolled)).toEqual(['participantId']);
    expect(await t.sql(`SELECT id FROM internship WHERE participant_id = $1`, [applicant.id])).toEqual([]);
  });

  it('records a placement after the fact, but none that began after the adept left the programme', async () => {
    const leaving = await addParticipant(t, leader, programmeA, { role: 'adept', enrolledAt: '2026-01-12' });
    expectStatus(
      await t.http
        .post(`/api/programmes/${programmeA}/participants/${leaving.id}/withdraw`)
        .set(...bearer(leader))
        .send({ date: '2026-04-30', reason: 'Moved abroad' }),
      200,
      'withdrawing the adept',
    );
    const late = await place(leader, programmeA, { participantId: leaving.id, startDate: '2026-05-04', endDate: '2026-06-05' });
    expectProblem(late, 409, 'participant_not_active');
    expect(problemFields(late)).toEqual(['startDate']);
    expect((await place(leader, programmeA, { participantId: leaving.id, startDate: '2026-03-02', endDate: '2026-04-24' })).status).toBe(
      201,
    );
  });

  it('refuses new placements in a closed programme', async () => {
    const p = (
      await activateProgramme(
        t,
        qm,
        (await createProgramme(t, qm, { startDate: '2026-01-12', endDate: '2026-12-18', leaderIds: [leader.id] })).id,
      )
    ).id;
    const a = await addParticipant(t, leader, p, { role: 'adept', enrolledAt: '2026-01-12' });
    expectStatus(await t.http.post(`/api/programmes/${p}/close`).set(...bearer(qm)), 200, 'closing the programme');
    expectProblem(await place(leader, p, { participantId: a.id }), 409, 'programme_closed');
  });

  it('records the outcome once after the end, then corrects it only by a revision with a reason; every revision is kept', async () => {
    const { body: ongoing } = await place(leader, programmeA, {
      participantId: secondAdept.id,
      startDate: '2026-05-04',
      endDate: '2026-08-28',
    });
    expect(ongoing.state).toBe('ongoing');
    const early = await post(leader, `/api/internships/${ongoing.id}/outcome`, 1, { outcome: 'completed' });
    expectProblem(early, 422, 'day_in_future');
    expect(problemFields(early)).toEqual(['endedOn']);
    const endedEarly = await post(leader, `/api/internships/${ongoing.id}/outcome`, 1, { outcome: 'ended_early', endedOn: '2026-06-05' });
    expect(endedEarly.status).toBe(201);
    expect(endedEarly.body).toMatchObject({ state: 'ended', outcome: 'ended_early', endedOn: '2026-06-05', version: 2 });

    const { body: done } = await place(qm, programmeA, { startDate: '2026-02-02', endDate: '2026-04-30' });
    expectProblem(await post(leader, `/api/internships/${done.id}/outcome`, null, { outcome: 'completed' }), 428, 'if_match_required');
    const other = await post(leader, `/api/internships/${done.id}/outcome`, 1, { outcome: 'other' });
    expectProblem(other, 400, 'validation_failed');
    expect(problemFields(other)).toEqual(['note']);
    const recorded = await post(leader, `/api/internships/${done.id}/outcome`, 1, { outcome: 'completed' });
    expect(recorded.status).toBe(201);
    expect(recorded.headers.etag).toBe('"2"');
    expect(recorded.body).toMatchObject({ change: 'outcome_recorded', outcome: 'completed', endedOn: '2026-04-30', state: 'ended' });
    expectProblem(
      await post(leader, `/api/internships/${done.id}/outcome`, 2, { outcome: 'employed' }),
      409,
      'internship_outcome_recorded',
    );
    expectProblem(
      await post(leader, `/api/internships/${done.id}/revisions`, 1, { reason: 'Hired', outcome: 'employed' }),
      412,
      'version_mismatch',
    );
    const corrected = await post(leader, `/api/internships/${done.id}/revisions`, 2, {
      reason: 'The hospital hired her after the internship',
      outcome: 'employed',
      note: 'Employed as radiographer from May',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({
      change: 'corrected',
      outcome: 'employed',
      outcomeNote: 'Employed as radiographer from May',
      version: 3,
    });

    const history = await get(leader, `/api/internships/${done.id}/history`);
    expect(history.body.revisions.map((r: { change: string; outcome: string | null }) => [r.change, r.outcome])).toEqual([
      ['placed', null],
      ['outcome_recorded', 'completed'],
      ['corrected', 'employed'],
    ]);
    expect((await auditOf(t, done.id)).map((e) => e.action)).toEqual([
      'internship.place',
      'internship.record_outcome',
      'internship.correct',
    ]);
    await expect(t.sql(`UPDATE internship_revision SET outcome = 'other' WHERE internship_id = $1`, [done.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM internship_revision WHERE internship_id = $1`, [done.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM internship WHERE id = $1`, [done.id])).rejects.toThrow();
  });

  it('hides the programme from a leader of another programme and keeps auditors and board members to reading', async () => {
    const { body: p } = await place(leader, programmeA, { startDate: '2026-06-01', endDate: '2026-06-05' });
    expectProblem(await get(otherLeader, `/api/programmes/${programmeA}/internships`), 404);
    expectProblem(await get(otherLeader, `/api/internships/${p.id}`), 404);
    expectProblem(await place(otherLeader, programmeA), 404);
    expectProblem(await post(otherLeader, `/api/internships/${p.id}/outcome`, 1, { outcome: 'completed' }), 404);
    for (const reader of [auditor, board]) {
      expectProblem(await place(reader, programmeA), 403, 'forbidden_role');
      expectProblem(await post(reader, `/api/internships/${p.id}/outcome`, 1, { outcome: 'completed' }), 403, 'forbidden_role');
    }
  });

  it('shows the adept by code only, and no note or reason, to readers not entitled to names, wherever placements are listed', async () => {
    const paths = [
      `/api/programmes/${programmeA}/internships`,
      `/api/programmes/${programmeA}/participants/${adept.id}/internships`,
      `/api/organisations/${hospital}/internships`,
    ];
    for (const path of paths) {
      const named = await get(leader, path);
      expect(named.status).toBe(200);
      expect(named.body.items.some((i: { adept: { fullName?: string } }) => i.adept.fullName === 'Amina Haddad')).toBe(true);
      for (const reader of [auditor, board]) {
        const res = await get(reader, path);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeGreaterThan(0);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('Amina');
        expect(text).not.toContain('radiographer');
        expect(res.body.items.every((i: { adept: { code: string }; mayRecord: boolean }) => i.adept.code && !i.mayRecord)).toBe(true);
      }
    }
    const history = await get(auditor, `/api/internships/${(await get(leader, paths[0])).body.items[0].id}/history`);
    expect(JSON.stringify(history.body)).not.toMatch(/"reason"|"outcomeNote"/);
    const byParticipant = await get(leader, paths[1]);
    expect(byParticipant.body.items.every((i: { adept: { id: string } }) => i.adept.id === adept.id)).toBe(true);
  });

  it("lists at an organisation only the placements of the caller's programmes", async () => {
    await place(otherLeader, programmeB, { participantId: adeptOfB.id });
    const mine = await get(leader, `/api/organisations/${hospital}/internships`);
    expect(mine.body.items.every((i: { programmeId: string }) => i.programmeId === programmeA)).toBe(true);
    const all = await get(qm, `/api/organisations/${hospital}/internships`);
    expect(new Set(all.body.items.map((i: { programmeId: string }) => i.programmeId))).toEqual(new Set([programmeA, programmeB]));
  });

  it('replays a keyed placement instead of placing twice', async () => {
    const send = () =>
      t.http
        .post(`/api/programmes/${programmeA}/internships`)
        .set(...bearer(leader))
        .set('Idempotency-Key', 'place-replay-1')
        .send(placement({ startDate: '2026-07-01', endDate: '2026-09-30' }));
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM internship_revision WHERE start_date = '2026-07-01' AND end_date = '2026-09-30'`,
    );
    expect(n).toBe(1);
  });
});
