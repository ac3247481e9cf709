import { PERSONAL_HASH, auditOf, auditText, auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { addParticipant, createProgramme, createStaff, procedureDefinition, procedureInForce } from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('programmes, participants, pairs and training records', () => {
  let t: TestApp;
  let staff: Staff;
  let qm: TestUser;
  let leader: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  let intakeHash: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    ({ qm, leader } = staff);
    auditor = await t.user(['auditor'], 'Aud Itor');
    board = await t.user(['board_member'], 'Bo Ard');
    const v1 = await procedureInForce(t, staff, procedureDefinition('prog-intake'));
    intakeHash = v1.contentHash;
  });
  afterAll(async () => {
    await t?.close();
  });

  const programmeBody = (over: Record<string, unknown> = {}) => ({
    name: 'Mentoring for work 2025',
    description: 'Mentoring, seminars on working life, job coaching, internship and language studies',
    targetGroup: 'Immigrant job-seekers with an academic background',
    startDate: '2025-03-03',
    endDate: '2026-02-27',
    leaderIds: [leader.id],
    ...over,
  });

  it('creates, reads and updates a programme with If-Match, pins the plan on activation, and closes it', async () => {
    const created = await t.http
      .post('/api/programmes')
      .set(...bearer(qm))
      .send(programmeBody());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.location).toBe(`/api/programmes/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Mentoring for work 2025',
      startDate: '2025-03-03',
      endDate: '2026-02-27',
      midpointDate: '2025-08-30',
      timeZone: 'Europe/Stockholm',
      status: 'planned',
      activatedAt: null,
      closedAt: null,
      leaders: [{ id: leader.id, name: leader.name }],
      procedurePlan: [],
      planHistory: [],
      version: 1,
    });

    expectProblem(
      await t.http
        .post('/api/programmes')
        .set(...bearer(leader))
        .send(programmeBody()),
      403,
      'forbidden_role',
    );
    const backwards = await t.http
      .post('/api/programmes')
      .set(...bearer(qm))
      .send(programmeBody({ endDate: '2025-03-03' }));
    expectProblem(backwards, 400, 'validation_failed');
    expect(problemFields(backwards)).toEqual(['endDate']);
    const notLeader = await t.http
      .post('/api/programmes')
      .set(...bearer(qm))
      .send(programmeBody({ leaderIds: [auditor.id] }));
    expectProblem(notLeader, 422, 'invalid_leader');
    expect(problemFields(notLeader)).toEqual(['leaderIds']);
    expect(
      problemFields(
        await t.http
          .post('/api/programmes')
          .set(...bearer(qm))
          .send(programmeBody({ timeZone: 'Mars/Olympus' })),
      ),
    ).toEqual(['timeZone']);

    const read = await t.http.get(`/api/programmes/${id}`).set(...bearer(leader));
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const patch = (etag: string | undefined, body: Record<string, unknown>) => {
      const req = t.http.patch(`/api/programmes/${id}`).set(...bearer(qm));
      return etag === undefined ? req.send(body) : req.set('If-Match', etag).send(body);
    };
    expectProblem(await patch(undefined, { name: 'No precondition' }), 428, 'if_match_required');
    expectProblem(await patch('"7"', { name: 'Stale' }), 412, 'version_mismatch');
    const renamed = await patch('"1"', { name: 'Mentoring for work, spring 2025', startDate: '2025-03-10' });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    expect(renamed.body).toMatchObject({ name: 'Mentoring for work, spring 2025', startDate: '2025-03-10', version: 2 });
    expectProblem(await patch('"1"', { name: 'Lost update' }), 412, 'version_mismatch');
    expect((await t.http.get(`/api/programmes/${id}`).set(...bearer(qm))).body.name).toBe('Mentoring for work, spring 2025');

    const activated = await t.http.post(`/api/programmes/${id}/activate`).set(...bearer(qm));
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    expect(activated.body.activatedAt).toEqual(expect.any(String));
    const plan = (await t.http.get(`/api/programmes/${id}`).set(...bearer(auditor))).body.procedurePlan;
    expect(plan).toEqual([
      expect.objectContaining({
        procedureKey: 'prog-intake',
        versionNumber: 1,
        contentHash: intakeHash,
        replacedAt: null,
        reason: expect.any(String),
      }),
    ]);
    expectProblem(await t.http.post(`/api/programmes/${id}/activate`).set(...bearer(qm)), 409, 'transition_not_allowed');
    expectProblem(await patch('"3"', { startDate: '2025-03-17' }), 409, 'programme_dates_fixed');
    expectProblem(await t.http.post(`/api/programmes/${id}/close`).set(...bearer(leader)), 403, 'forbidden_role');

    const closed = await t.http.post(`/api/programmes/${id}/close`).set(...bearer(qm));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 4 });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expectProblem(await patch('"4"', { name: 'After closing' }), 409, 'programme_closed');
    expectProblem(await t.http.post(`/api/programmes/${id}/close`).set(...bearer(qm)), 409, 'transition_not_allowed');
    expectProblem(
      await t.http
        .post(`/api/programmes/${id}/participants`)
        .set(...bearer(qm))
        .send({
          role: 'adept',
          fullName: 'Too Late',
          gender: 'female',
          profession: 'Nurse',
          enrolledAt: '2025-03-01',
          consentRecordedAt: '2025-03-01',
        }),
      409,
      'programme_closed',
    );

    const events = await auditOf(t, id);
    expect(events.map((e) => [e.action, e.actor_id, e.entity_version])).toEqual([
      ['programme.create', qm.id, 1],
      ['programme.update', qm.id, 2],
      ['programme.activate', qm.id, 3],
      ['programme.close', qm.id, 4],
    ]);
    expect(events[1].changes).toEqual({
      name: { old: 'Mentoring for work 2025', new: 'Mentoring for work, spring 2025' },
      startDate: { old: '2025-03-03', new: '2025-03-10' },
    });
    expect(events[2].changes.procedurePlan).toEqual({
      old: null,
      new: [{ procedureKey: 'prog-intake', version: 1, contentHash: intakeHash }],
    });
    expect(events[3].changes).toEqual({ status: { old: 'active', new: 'closed' } });
  });

  it('lists programmes by status, and records a change of leaders', async () => {
    const other = await t.user(['programme_leader'], 'Olle Other');
    const p = await createProgramme(t, qm, { startDate: '2025-09-01', endDate: '2026-06-30', leaderIds: [leader.id] });
    const changed = await t.http
      .patch(`/api/programmes/${p.id}`)
      .set(...bearer(qm))
      .set('If-Match', '"1"')
      .send({ leaderIds: [leader.id, other.id] });
    expect(changed.status).toBe(200);
    expect(changed.body.leaders.map((l: { id: string }) => l.id).sort()).toEqual([leader.id, other.id].sort());
    const [update] = (await auditOf(t, p.id)).filter((e) => e.action === 'programme.update');
    expect(update.changes).toEqual({ leaderIds: { old: [leader.id], new: [leader.id, other.id].sort() } });

    // An update that changes nothing writes no version and no event.
    const same = await auditedBy(t, async () => {
      const res = await t.http
        .patch(`/api/programmes/${p.id}`)
        .set(...bearer(qm))
        .set('If-Match', '"2"')
        .send({ name: p.name, startDate: p.startDate, leaderIds: [other.id, leader.id] });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.version).toBe(2);
    });
    expect(same).toEqual([]);

    const planned = await t.http.get('/api/programmes?status=planned').set(...bearer(qm));
    expect(planned.status).toBe(200);
    expect(planned.body.every((x: { status: string }) => x.status === 'planned')).toBe(true);
    expect(planned.body.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await t.http.get('/api/programmes').set(...bearer(other))).body.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expectProblem(await t.http.get('/api/programmes?status=paused').set(...bearer(qm)), 400, 'validation_failed');
  });

  it('enrols participants with a pseudonymous code, hides names from auditors and the board, withdraws and completes', async () => {
    const p = await createProgramme(t, qm, { startDate: '2025-03-03', endDate: '2026-02-27', leaderIds: [leader.id] });
    const enrol = {
      role: 'adept',
      fullName: 'Rasha Haddad',
      email: 'Rasha.Haddad@Example.org',
      gender: 'female',
      profession: 'Pharmacist',
      countryOfOrigin: 'Syria',
      enrolledAt: '2025-02-10',
      consentRecordedAt: '2025-02-03',
    };
    const res = await t.http
      .post(`/api/programmes/${p.id}/participants`)
      .set(...bearer(leader))
      .send(enrol);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/programmes/${p.id}/participants/${res.body.id}`);
    expect(res.body).toMatchObject({
      role: 'adept',
      fullName: 'Rasha Haddad',
      email: 'rasha.haddad@example.org',
      status: 'active',
      programmeId: p.id,
      version: 1,
    });
    expect(res.body.code).toMatch(/^A-[0-9A-HJKMNP-TV-Z]{6}$/);
    const adept = res.body;
    const mentor = await addParticipant(t, qm, p.id, {
      role: 'mentor',
      enrolledAt: '2025-02-15',
      fullName: 'Sven Mentorsson',
      email: 'sven@example.org',
    });
    expect(mentor.code).toMatch(/^M-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(mentor.code).not.toBe(adept.code);

    const late = await t.http
      .post(`/api/programmes/${p.id}/participants`)
      .set(...bearer(leader))
      .send({ ...enrol, consentRecordedAt: '2025-02-11' });
    expectProblem(late, 422, 'consent_after_enrolment');
    expect(problemFields(late)).toEqual(['consentRecordedAt']);
    expectProblem(
      await t.http
        .post(`/api/programmes/${p.id}/participants`)
        .set(...bearer(leader))
        .send({ ...enrol, role: 'buddy' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.http
        .post(`/api/programmes/${p.id}/participants`)
        .set(...bearer(auditor))
        .send(enrol),
      403,
      'forbidden_role',
    );

    for (const reader of [qm, leader]) {
      const list = await t.http.get(`/api/programmes/${p.id}/participants`).set(...bearer(reader));
      expect(list.status).toBe(200);
      expect(list.body.map((x: { fullName: string }) => x.fullName).sort()).toEqual(['Rasha Haddad', 'Sven Mentorsson']);
    }
    for (const reader of [auditor, board]) {
      const list = await t.http.get(`/api/programmes/${p.id}/participants`).set(...bearer(reader));
      expect(list.status).toBe(200);
      expect(list.body.map((x: { code: string }) => x.code).sort()).toEqual([adept.code, mentor.code].sort());
      for (const x of list.body) {
        expect(x).not.toHaveProperty('fullName');
        expect(x).not.toHaveProperty('email');
      }
      const one = await t.http.get(`/api/programmes/${p.id}/participants/${adept.id}`).set(...bearer(reader));
      expect(one.status).toBe(200);
      expect(one.body.code).toBe(adept.code);
      expect(JSON.stringify(one.body)).not.toMatch(/Rasha|Haddad/i);
    }
    const mentors = await t.http.get(`/api/programmes/${p.id}/participants?role=mentor`).set(...bearer(qm));
    expect(mentors.body.map((x: { id: string }) => x.id)).toEqual([mentor.id]);

    expectProblem(
      await t.http
        .post(`/api/programmes/${p.id}/participants/${adept.id}/withdraw`)
        .set(...bearer(leader))
        .send({ date: '2025-02-01', reason: 'Moved' }),
      422,
      'date_before_enrolment',
    );
    const withdrawn = await t.http
      .post(`/api/programmes/${p.id}/participants/${adept.id}/withdraw`)
      .set(...bearer(leader))
      .send({ date: '2025-04-01', reason: 'Rasha got a job in Gothenburg' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2025-04-01',
      version: 2,
      withdrawalReason: 'Rasha got a job in Gothenburg',
    });
    // The reason is free text about the person: auditors and the board see that and when, not why.
    for (const reader of [auditor, board]) {
      const seen = await t.http.get(`/api/programmes/${p.id}/participants/${adept.id}`).set(...bearer(reader));
      expect(seen.body).toMatchObject({ status: 'withdrawn', withdrawnAt: '2025-04-01' });
      expect(seen.body).not.toHaveProperty('withdrawalReason');
    }
    expectProblem(
      await t.http
        .post(`/api/programmes/${p.id}/participants/${adept.id}/complete`)
        .set(...bearer(leader))
        .send({}),
      409,
      'participant_not_active',
    );
    const completed = await t.http
      .post(`/api/programmes/${p.id}/participants/${mentor.id}/complete`)
      .set(...bearer(leader))
      .send({ date: '2026-02-27' });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', completedAt: '2026-02-27' });
    expectProblem(
      await t.http
        .post(`/api/programmes/${p.id}/participants/${mentor.id}/withdraw`)
        .set(...bearer(leader))
        .send({ date: '2026-02-28', reason: 'x' }),
      409,
      'participant_not_active',
    );
    expect((await t.http.get(`/api/programmes/${p.id}/participants?status=active`).set(...bearer(qm))).body).toEqual([]);

    const adeptEvents = await auditOf(t, adept.id);
    expect(adeptEvents.map((e) => [e.action, e.actor_id, e.entity_version])).toEqual([
      ['participant.create', leader.id, 1],
      ['participant.withdraw', leader.id, 2],
    ]);
    const created = adeptEvents[0].changes;
    expect(created.code).toEqual({ old: null, new: adept.code });
    for (const personal of ['fullName', 'email', 'gender', 'profession', 'countryOfOrigin'])
      expect(created[personal].new).toMatch(PERSONAL_HASH);
    expect(adeptEvents[1].changes.withdrawalReason.new).toMatch(PERSONAL_HASH);
    expect((await auditOf(t, mentor.id)).map((e) => [e.action, e.actor_id])).toEqual([
      ['participant.create', qm.id],
      ['participant.complete', leader.id],
    ]);
    const trail = await auditText(t);
    for (const secret of [
      'Rasha',
      'Haddad',
      'rasha.haddad@example.org',
      'Sven Mentorsson',
      'sven@example.org',
      'Pharmacist',
      'Gothenburg',
    ]) {
      expect(trail).not.toContain(secret);
    }
  });

  it('matches pairs: one active pair per adept, end a pair, then rematch', async () => {
    const p = await createProgramme(t, qm, { startDate: '2025-03-03', endDate: '2026-02-27', leaderIds: [leader.id] });
    const adept = await addParticipant(t, leader, p.id, { role: 'adept', enrolledAt: '2025-02-01' });
    const mentor1 = await addParticipant(t, leader, p.id, { role: 'mentor', enrolledAt: '2025-02-01' });
    const mentor2 = await addParticipant(t, leader, p.id, { role: 'mentor', enrolledAt: '2025-02-01' });
    const pair = (mentorId: string, adeptId: string, matchedAt = '2025-02-20') =>
      t.http
        .post(`/api/programmes/${p.id}/pairs`)
        .set(...bearer(leader))
        .send({ mentorId, adeptId, matchedAt, rationale: 'Both pharmacists; she wants hospital work' });

    const first = await pair(mentor1.id, adept.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      programmeId: p.id,
      mentorId: mentor1.id,
      mentorCode: mentor1.code,
      adeptId: adept.id,
      adeptCode: adept.code,
      active: true,
      endedAt: null,
    });

    const second = await pair(mentor2.id, adept.id);
    expectProblem(second, 409, 'adept_already_paired');
    expect(second.body.pairId).toBe(first.body.id);
    const swapped = await pair(adept.id, mentor2.id);
    expectProblem(swapped, 422, 'invalid_pair');
    expect(problemFields(swapped).sort()).toEqual(['adeptId', 'mentorId']);
    expectProblem(await pair(mentor2.id, adept.id, '2025-01-15'), 422, 'matched_before_enrolment');

    expectProblem(
      await t.http
        .post(`/api/pairs/${first.body.id}/end`)
        .set(...bearer(leader))
        .send({ date: '2025-02-19', reason: 'x' }),
      422,
      'end_before_match',
    );
    const ended = await t.http
      .post(`/api/pairs/${first.body.id}/end`)
      .set(...bearer(leader))
      .send({ date: '2025-04-15', reason: 'Rematch: her goal changed to research' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ active: false, endedAt: '2025-04-15', endReason: 'Rematch: her goal changed to research' });
    expectProblem(
      await t.http
        .post(`/api/pairs/${first.body.id}/end`)
        .set(...bearer(leader))
        .send({ date: '2025-04-16', reason: 'again' }),
      409,
      'pair_ended',
    );

    const rematch = await pair(mentor2.id, adept.id, '2025-04-16');
    expect(rematch.status).toBe(201);
    const list = await t.http.get(`/api/programmes/${p.id}/pairs`).set(...bearer(auditor));
    expect(list.status).toBe(200);
    expect(list.body.map((x: { id: string; active: boolean }) => [x.id, x.active])).toEqual([
      [first.body.id, false],
      [rematch.body.id, true],
    ]);

    const withdrawnAdept = await addParticipant(t, leader, p.id, { role: 'adept', enrolledAt: '2025-02-01' });
    await t.http
      .post(`/api/programmes/${p.id}/participants/${withdrawnAdept.id}/withdraw`)
      .set(...bearer(leader))
      .send({ date: '2025-02-10', reason: 'ill' })
      .expect(200);
    const toWithdrawn = await pair(mentor1.id, withdrawnAdept.id);
    expectProblem(toWithdrawn, 422, 'invalid_pair');
    expect(problemFields(toWithdrawn)).toEqual(['adeptId']);

    const events = await auditOf(t, first.body.id);
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['pair.create', leader.id],
      ['pair.end', leader.id],
    ]);
    expect(events[0].changes).toMatchObject({
      mentor: { old: null, new: mentor1.code },
      adept: { old: null, new: adept.code },
      matchedAt: { old: null, new: '2025-02-20' },
    });
    expect(events[0].changes.rationale.new).toMatch(PERSONAL_HASH);
    expect(events[1].changes.endReason.new).toMatch(PERSONAL_HASH);
    expect(await t.sql(`SELECT 1 FROM pair WHERE adept_id = $1`, [adept.id])).toHaveLength(2);
    expect(await auditText(t)).not.toContain('hospital work');
  });

  it('records training (quality managers only) and lists it oldest first', async () => {
    const module = 'Programme leader training, module 1: intake interviews';
    const events = await auditedBy(t, async () => {
      const later = await t.http
        .post(`/api/users/${leader.id}/training-records`)
        .set(...bearer(qm))
        .send({ module: `  ${module}  `, completedAt: '2025-01-20', validUntil: '2027-01-19' });
      expect(later.status).toBe(201);
      expect(later.body).toMatchObject({
        userId: leader.id,
        module,
        completedAt: '2025-01-20',
        validUntil: '2027-01-19',
        recordedBy: qm.id,
      });
      const earlier = await t.http
        .post(`/api/users/${leader.id}/training-records`)
        .set(...bearer(qm))
        .send({ module: 'Gender-equality training', completedAt: '2024-11-05' });
      expect(earlier.status).toBe(201);
      expect(earlier.body.validUntil).toBeNull();
    });
    expect(events.map((e) => [e.action, e.entity_type, e.actor_id])).toEqual([
      ['training_record.create', 'training_record', qm.id],
      ['training_record.create', 'training_record', qm.id],
    ]);
    expect(events[0].changes).toMatchObject({ userId: { old: null, new: leader.id }, module: { old: null, new: module } });

    const refused = await auditedBy(t, async () => {
      expectProblem(
        await t.http
          .post(`/api/users/${leader.id}/training-records`)
          .set(...bearer(leader))
          .send({ module, completedAt: '2025-01-20' }),
        403,
        'forbidden_role',
      );
      const backwards = await t.http
        .post(`/api/users/${leader.id}/training-records`)
        .set(...bearer(qm))
        .send({ module, completedAt: '2025-01-20', validUntil: '2025-01-19' });
      expectProblem(backwards, 422, 'invalid_validity');
      expect(problemFields(backwards)).toEqual(['validUntil']);
      expectProblem(
        await t.http
          .post(`/api/users/00000000-0000-4000-8000-000000000000/training-records`)
          .set(...bearer(qm))
          .send({ module, completedAt: '2025-01-20' }),
        404,
        'not_found',
      );
    });
    expect(refused).toEqual([]);

    for (const reader of [qm, auditor]) {
      const list = await t.http.get(`/api/users/${leader.id}/training-records`).set(...bearer(reader));
      expect(list.status).toBe(200);
      expect(list.body.map((r: { module: string; completedAt: string }) => [r.module, r.completedAt])).toEqual([
        ['Gender-equality training', '2024-11-05'],
        [module, '2025-01-20'],
      ]);
    }
    expectProblem(await t.http.get(`/api/users/${leader.id}/training-records`).set(...bearer(leader)), 403, 'forbidden_role');
  });
});
