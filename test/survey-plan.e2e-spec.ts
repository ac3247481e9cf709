/**
 * The survey plan of a programme and the daily scan, through HTTP with the clock fixed: an entry
 * sends on its day (not the day before), once per recipient; a rerun sends nothing, and someone
 * who joined since is asked alone. A survey whose moment is a procedure's completion waits for it.
 */
import { auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, addParticipant, createProgramme, expectStatus } from './support/programmes.js';
import { surveyInForce, tokenOf } from './support/surveys.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('survey plan and daily scan', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let programme: string;
  let entryId: string;

  const scan = async () => expectStatus(await t.http.post('/api/survey-scan').set(...bearer(qm)), 200, 'scanning');
  const addEntry = (as: TestUser, body: Record<string, unknown>) =>
    t.http
      .post(`/api/programmes/${programme}/survey-plan`)
      .set(...bearer(as))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday('2026-03-01');
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    const qm2 = await t.user(['quality_manager'], 'Astrid Approver');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    programme = (
      await activateProgramme(
        t,
        qm,
        (await createProgramme(t, qm, { startDate: '2026-01-12', endDate: '2026-06-30', leaderIds: [leader.id] })).id,
      )
    ).id;
    for (let i = 0; i < 3; i++) await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-01-12' });
    await addParticipant(t, leader, programme, { role: 'mentor', enrolledAt: '2026-01-12' });
    await surveyInForce(t, qm, qm2, 'adept-exit');
    await surveyInForce(t, qm, qm2, 'mentor-exit', 'mentor');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an entry that names a procedure without the moment for it, or the wrong audience; others may not plan', async () => {
    const bad = await addEntry(leader, {
      surveyKey: 'adept-exit',
      audience: 'adept',
      moment: 'programme_end',
      procedureKey: 'intake-interview',
      offsetDays: 0,
    });
    expectProblem(bad, 422, 'survey_moment_invalid');
    expect(problemFields(bad)).toEqual(['procedureKey']);
    expectProblem(
      await addEntry(leader, { surveyKey: 'adept-exit', audience: 'mentor', moment: 'programme_end', offsetDays: 0 }),
      422,
      'survey_audience_mismatch',
    );
    expectProblem(
      await addEntry(otherLeader, { surveyKey: 'adept-exit', audience: 'adept', moment: 'programme_end', offsetDays: 0 }),
      404,
      'not_found',
    );
    expectProblem(
      await addEntry(auditor, { surveyKey: 'adept-exit', audience: 'adept', moment: 'programme_end', offsetDays: 0 }),
      403,
      'forbidden_role',
    );
  });

  it('plans surveys at the end, at the mid-point and after a procedure, each with the day it sends', async () => {
    const events = await auditedBy(t, async () => {
      const entry = expectStatus(
        await addEntry(leader, { surveyKey: 'adept-exit', audience: 'adept', moment: 'programme_end', offsetDays: 0, expiresInDays: 21 }),
        201,
        'planning',
      );
      expect(entry).toEqual(expect.objectContaining({ sendsOn: '2026-06-30', sent: 0, expiresInDays: 21, language: 'sv' }));
      entryId = entry.id;
      const mid = expectStatus(
        await addEntry(leader, {
          surveyKey: 'mentor-exit',
          audience: 'mentor',
          moment: 'programme_midpoint',
          offsetDays: 7,
          language: 'nb',
        }),
        201,
        'planning at mid-point',
      );
      expect(mid.sendsOn).toBe('2026-04-13');
      const after = expectStatus(
        await addEntry(leader, {
          surveyKey: 'adept-exit',
          audience: 'adept',
          moment: 'procedure_completed',
          procedureKey: 'introduction-day',
          offsetDays: 1,
        }),
        201,
        'planning after a procedure',
      );
      expect(after.sendsOn).toBeNull();
    });
    expect(events.map((e) => e.action)).toEqual(['survey_plan_entry.create', 'survey_plan_entry.create', 'survey_plan_entry.create']);
    const plan = expectStatus(
      await t.http.get(`/api/programmes/${programme}/survey-plan`).set(...bearer(auditor)),
      200,
      'reading the plan',
    );
    expect(plan).toHaveLength(3);
  });

  it('sends on the day and not the day before, once; a rerun sends nothing, and a newcomer is asked alone', async () => {
    t.setToday('2026-04-12');
    expect(await scan()).toEqual({ today: '2026-04-12', entriesDue: 0, invitationsSent: 0 });
    t.setToday('2026-04-13');
    const mid = await auditedBy(t, async () => expect((await scan()).invitationsSent).toBe(1));
    expect(mid.map((e) => [e.action, e.actor_id])).toEqual([['survey_send.create', null]]);
    const [mentorInvitation] = await t.sql<{ language: string; role: string }>(`SELECT language, role FROM survey_invitation`);
    expect(mentorInvitation).toEqual({ language: 'nb', role: 'mentor' });

    t.setToday('2026-06-29');
    expect((await scan()).invitationsSent).toBe(0);
    t.setToday('2026-06-30');
    // The mid-point entry's invitations would have expired by now: only the end is due.
    expect(await scan()).toEqual({ today: '2026-06-30', entriesDue: 1, invitationsSent: 3 });
    expect(await scan()).toEqual({ today: '2026-06-30', entriesDue: 1, invitationsSent: 0 });
    const rows = await t.sql<{ expires_on: string }>(`SELECT expires_on::text FROM survey_invitation WHERE plan_entry_id = $1`, [entryId]);
    expect(rows.map((r) => r.expires_on)).toEqual(['2026-07-21', '2026-07-21', '2026-07-21']);

    await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-06-29' });
    t.setToday('2026-07-02');
    expect((await scan()).invitationsSent).toBe(1);
    expect((await scan()).invitationsSent).toBe(0);
    const plan = expectStatus(await t.http.get(`/api/programmes/${programme}/survey-plan`).set(...bearer(leader)), 200, 'plan');
    expect(plan.find((e: { id: string }) => e.id === entryId).sent).toBe(4);
    // Once invitations sent on its day would have expired, an entry sends no more.
    await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-06-29' });
    t.setToday('2026-07-22');
    expect((await scan()).invitationsSent).toBe(0);
    await expect(t.sql(`DELETE FROM survey_invitation`)).rejects.toThrow();
  });

  it('lets only a quality manager run the scan by hand', async () => {
    expectProblem(await t.http.post('/api/survey-scan').set(...bearer(leader)), 403, 'forbidden_role');
  });

  it("sends a host organisation's survey to each internship's supervisor, answered without a participant code", async () => {
    t.setToday('2026-03-01');
    const qm2 = await t.user(['quality_manager'], 'Hanna Host');
    await surveyInForce(t, qm, qm2, 'host-exit', 'host');
    const host = expectStatus(
      await t.http
        .post('/api/organisations')
        .set(...bearer(qm))
        .send({ name: 'Northfield Hospital', sector: 'public' }),
      201,
      'recording a host',
    );
    const [adept] = await t.sql<{ id: string }>(
      `SELECT id FROM participant WHERE programme_id = $1 AND role = 'adept' ORDER BY code LIMIT 1`,
      [programme],
    );
    const internship = expectStatus(
      await t.http
        .post(`/api/programmes/${programme}/internships`)
        .set(...bearer(leader))
        .send({
          participantId: adept.id,
          organisationId: host.id,
          supervisorName: 'Karin Holm',
          supervisorRole: 'Ward manager',
          supervisorEmail: 'karin.holm@northfield.example',
          startDate: '2026-02-02',
          endDate: '2026-02-27',
        }),
      201,
      'placing an intern',
    );
    const sent = expectStatus(
      await t.http
        .post(`/api/programmes/${programme}/survey-sends`)
        .set(...bearer(leader))
        .send({ surveyKey: 'host-exit', audience: 'host', language: 'en' }),
      201,
      'sending to the host',
    );
    expect(sent.invitations).toEqual([
      expect.objectContaining({ delivery: 'mail', recipient: { kind: 'internship', id: internship.id, role: 'host', code: null } }),
    ]);
    const token = await tokenOf(t, sent.invitations[0].id);
    expect((await t.http.post(`/api/survey-invitations/${token}/answers`).send({ answers: { overall: 5, recommend: 'yes' } })).status).toBe(
      200,
    );
    const [row] = await t.sql(`SELECT role, participant_code FROM survey_response r WHERE r.invitation_id = $1`, [sent.invitations[0].id]);
    expect(row).toEqual({ role: 'host', participant_code: null });
    const dump =
      JSON.stringify(await t.sql(`SELECT * FROM survey_invitation`)) + JSON.stringify(await t.sql(`SELECT * FROM survey_response`));
    expect(dump).not.toMatch(/Karin|northfield/i);
  });
});
