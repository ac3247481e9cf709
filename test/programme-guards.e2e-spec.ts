import { expectProblem } from './support/expectations.js';
import { createStaff, executeProcedure, procedureDefinition, programmeFixture, startExecution } from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/** What is still allowed after people leave and programmes close, and what auditors may not read. */
describe('programme life-cycle guards', () => {
  let t: TestApp;
  let staff: Staff;
  let auditor: TestUser;
  const adeptProc = procedureDefinition('guard-intake', { window: { anchor: 'programme_start', fromDays: -10, toDays: 20 } });
  const pairProc = procedureDefinition('guard-follow-up', {
    subject: 'pair',
    window: { anchor: 'programme_start', fromDays: -10, toDays: 20 },
  });

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    auditor = await t.user(['auditor']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts nothing for a withdrawn participant or an ended pair, and shows them not_applicable when they left within the window', async () => {
    const f = await programmeFixture(t, {
      staff,
      procedures: [adeptProc, pairProc],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      adepts: 2,
      mentors: 2,
      pairs: true,
    });
    const p = f.programme.id;
    const [gone, stays] = f.adepts;
    await t.http
      .post(`/api/programmes/${p}/participants/${gone.id}/withdraw`)
      .set(...bearer(staff.leader))
      .send({ date: '2026-03-05', reason: 'Moved away' })
      .expect(200);
    const refused = await t.http
      .post(`/api/programmes/${p}/executions`)
      .set(...bearer(staff.leader))
      .send({ procedureKey: adeptProc.key, subject: { participantId: gone.id } });
    expectProblem(refused, 409, 'subject_inactive');
    await t.http
      .post(`/api/pairs/${f.pairs[1].id}/end`)
      .set(...bearer(staff.leader))
      .send({ date: '2026-03-06', reason: 'Rematch' })
      .expect(200);
    expectProblem(
      await t.http
        .post(`/api/programmes/${p}/executions`)
        .set(...bearer(staff.leader))
        .send({ procedureKey: pairProc.key, subject: { pairId: f.pairs[1].id } }),
      409,
      'subject_inactive',
    );
    expect(await t.sql(`SELECT 1 FROM execution WHERE participant_id = $1 OR pair_id = $2`, [gone.id, f.pairs[1].id])).toHaveLength(0);

    // The window runs 2026-02-19 .. 2026-03-21; both left inside it, with nothing recorded.
    const matrix = (await t.http.get(`/api/programmes/${p}/conformance?today=2026-04-01`).set(...bearer(staff.qm))).body;
    const cell = (id: string) => matrix.rows.find((r: { subject: { id: string } }) => r.subject.id === id).cells[0].status;
    expect(cell(gone.id)).toBe('not_applicable');
    expect(cell(f.pairs[1].id)).toBe('not_applicable');
    expect(cell(stays.id)).toBe('overdue');
  });

  it('records nothing more in a closed programme, but still takes corrections with a reason', async () => {
    const f = await programmeFixture(t, { staff, procedures: [adeptProc], startDate: '2026-03-01', endDate: '2026-12-31', adepts: 2 });
    const p = f.programme.id;
    const done = await executeProcedure(t, staff.leader, p, adeptProc.key, { participantId: f.adepts[0].id }, [
      { stepKey: 'meet', values: { summary: 'Met' }, performedAt: '2026-03-02T10:00:00Z' },
    ]);
    const open = await startExecution(t, staff.leader, p, adeptProc.key, { participantId: f.adepts[1].id });
    await t.http
      .post(`/api/programmes/${p}/close`)
      .set(...bearer(staff.qm))
      .expect(200);

    const step = await t.http
      .post(`/api/executions/${open.id}/steps`)
      .set(...bearer(staff.leader))
      .send({ stepKey: 'meet', values: { summary: 'Late' }, performedAt: '2026-03-03T10:00:00Z' });
    expectProblem(step, 409, 'programme_closed');
    expectProblem(await t.http.post(`/api/executions/${open.id}/complete`).set(...bearer(staff.leader)), 409, 'programme_closed');
    expect(await t.sql(`SELECT 1 FROM execution_step_record WHERE execution_id = $1`, [open.id])).toHaveLength(0);

    const record = done.steps[0].id as string;
    const corrected = await t.http
      .post(`/api/executions/${done.id}/steps/${record}/corrections`)
      .set(...bearer(staff.leader))
      .send({ values: { summary: 'Met, with an interpreter' }, reason: 'The interpreter was left out of the summary' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.steps).toHaveLength(2);
  });

  it('shows the rationale and end reason of a pair only to those who run the programme', async () => {
    const f = await programmeFixture(t, {
      staff,
      procedures: [pairProc],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      adepts: 1,
      mentors: 1,
      pairs: true,
    });
    const pairs = (who: TestUser) => t.http.get(`/api/programmes/${f.programme.id}/pairs`).set(...bearer(who));
    expect((await pairs(staff.leader)).body[0]).toHaveProperty('rationale');
    const seen = (await pairs(auditor)).body[0];
    expect(seen).not.toHaveProperty('rationale');
    expect(seen).not.toHaveProperty('endReason');
    expect(seen).toMatchObject({ mentorCode: f.mentors[0].code, adeptCode: f.adepts[0].code });
  });
});
