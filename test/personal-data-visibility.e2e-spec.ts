/**
 * Who sees who the participants are, decided per programme (security review, issue 11, item 1):
 * a quality manager, or a leader of that programme. A programme leader who also holds `auditor`
 * or `board_member` reads other programmes as an auditor or board member does: pseudonymised,
 * with no names, e-mail addresses, withdrawal reasons, pair rationales, text written in an
 * execution, or small cells of the indicators, and without includeNames in the evidence report.
 */
import { expectProblem } from './support/expectations.js';
import { createStaff, expectStatus, procedureDefinition, programmeFixture, recordStep, startExecution } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const definition = procedureDefinition('pdv-intake', { window: { anchor: 'programme_start', fromDays: -30, toDays: 0 } });
const WITHDRAWAL = 'Moved to Malmö with her family; her husband found work there';
const STORY = 'She told us about her years as a surgeon in Aleppo';
const NOTE = 'Interpreter needed next time';

describe('personal data: visible to quality managers and the leaders of that programme only', () => {
  let t: TestApp;
  let staff: Staff;
  /** Leads B only, and is an auditor. */
  let leaderAuditor: TestUser;
  /** Leads B only, and is a board member. */
  let leaderBoard: TestUser;
  let auditor: TestUser;
  let a: ProgrammeFixture;
  let b: ProgrammeFixture;
  let executionA: string;
  let executionB: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    leaderAuditor = await t.user(['programme_leader', 'auditor'], 'Lova Leader-Auditor');
    leaderBoard = await t.user(['programme_leader', 'board_member'], 'Bo Leader-Board');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    const common = { staff, procedures: [definition], startDate: '2026-03-02', endDate: '2026-11-27', enrolledAt: '2026-01-12' };
    a = await programmeFixture(t, { ...common, leaders: [staff.leader], adepts: 2, mentors: 2, pairs: true });
    b = await programmeFixture(t, { ...common, leaders: [leaderAuditor, leaderBoard], adepts: 1, mentors: 1, pairs: true });
    const record = async (fx: ProgrammeFixture, by: TestUser) => {
      const started = await startExecution(t, by, fx.programme.id, 'pdv-intake', { participantId: fx.adepts[0].id });
      await recordStep(t, by, started.id, {
        stepKey: 'meet',
        values: { summary: STORY },
        performedAt: '2026-02-20T10:00:00Z',
        notes: NOTE,
      });
      return started.id as string;
    };
    executionA = await record(a, staff.leader);
    executionB = await record(b, leaderAuditor);
    for (const [fx, by] of [
      [a, staff.leader],
      [b, leaderAuditor],
    ] as const) {
      expectStatus(
        await t.http
          .post(`/api/programmes/${fx.programme.id}/participants/${fx.adepts[0].id}/withdraw`)
          .set(...bearer(by))
          .send({ date: '2026-05-04', reason: WITHDRAWAL }),
        200,
        'withdrawing',
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: TestUser, url: string) => t.http.get(url).set(...bearer(who));

  it('gives a leader who is also an auditor or board member only codes in a programme they do not lead', async () => {
    for (const who of [leaderAuditor, leaderBoard, auditor]) {
      const list = await get(who, `/api/programmes/${a.programme.id}/participants`);
      expect(list.status).toBe(200);
      expect(list.body.length).toBe(4);
      for (const p of list.body) {
        expect(p.code).toMatch(/^[AM]-[0-9A-Z]{6}$/);
        expect(p).not.toHaveProperty('fullName');
        expect(p).not.toHaveProperty('email');
        expect(p).not.toHaveProperty('withdrawalReason');
      }
      const one = await get(who, `/api/programmes/${a.programme.id}/participants/${a.adepts[0].id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ code: a.adepts[0].code, status: 'withdrawn', withdrawnAt: '2026-05-04' });
      expect(Object.keys(one.body)).not.toEqual(expect.arrayContaining(['fullName']));
      expect(one.body).not.toHaveProperty('email');
      expect(one.body).not.toHaveProperty('withdrawalReason');
      const raw = JSON.stringify([list.body, one.body]);
      for (const p of [...a.adepts, ...a.mentors]) expect(raw).not.toContain(p.fullName);
      expect(raw).not.toContain(WITHDRAWAL);
    }
  });

  it('keeps the rationale and end reason of pairs from them', async () => {
    for (const who of [leaderAuditor, leaderBoard]) {
      const pairs = await get(who, `/api/programmes/${a.programme.id}/pairs`);
      expect(pairs.status).toBe(200);
      expect(pairs.body.length).toBe(2);
      for (const p of pairs.body) {
        expect(p).not.toHaveProperty('rationale');
        expect(p).not.toHaveProperty('endReason');
      }
    }
  });

  it('withholds what was written about the subject in an execution, keeping the record itself', async () => {
    for (const who of [leaderAuditor, leaderBoard, auditor]) {
      const e = await get(who, `/api/executions/${executionA}`);
      expect(e.status).toBe(200);
      expect(e.body.subject.label).toBe(a.adepts[0].code);
      expect(e.body.steps).toHaveLength(1);
      expect(e.body.steps[0]).toMatchObject({
        stepKey: 'meet',
        values: {},
        withheldFields: ['summary'],
        performedAt: '2026-02-20T10:00:00.000Z',
      });
      expect(e.body.steps[0]).not.toHaveProperty('notes');
      expect(JSON.stringify(e.body)).not.toContain(STORY);
      expect(JSON.stringify(e.body)).not.toContain(NOTE);
    }
  });

  it('suppresses small cells of the indicators for them, and refuses them names in the evidence report', async () => {
    for (const who of [leaderAuditor, leaderBoard]) {
      const ind = await get(who, `/api/programmes/${a.programme.id}/indicators`);
      expect(ind.status).toBe(200);
      expect(ind.body.smallCellsSuppressed).toBe(true);
      expect(JSON.stringify(ind.body.participants)).toContain('<5');
      expectProblem(await get(who, `/api/programmes/${a.programme.id}/reports/evidence.json?includeNames=true`), 403, 'names_not_allowed');
    }
    const plain = await get(leaderAuditor, `/api/programmes/${a.programme.id}/reports/evidence.json`);
    expect(plain.status).toBe(200);
    expect(plain.body.model.includeNames).toBe(false);
    expect(JSON.stringify(plain.body)).not.toContain(a.adepts[1].fullName);
  });

  it('shows the same people everything in the programme they lead', async () => {
    for (const who of [leaderAuditor, leaderBoard]) {
      const list = await get(who, `/api/programmes/${b.programme.id}/participants`);
      expect(list.status).toBe(200);
      const withdrawn = list.body.find((p: { id: string }) => p.id === b.adepts[0].id);
      expect(withdrawn).toMatchObject({ fullName: b.adepts[0].fullName, email: b.adepts[0].email, withdrawalReason: WITHDRAWAL });
      const pairs = await get(who, `/api/programmes/${b.programme.id}/pairs`);
      expect(pairs.body[0].rationale).toBe('Same profession and shared goals');
      const e = await get(who, `/api/executions/${executionB}`);
      expect(e.body.steps[0]).toMatchObject({ values: { summary: STORY }, notes: NOTE });
      expect(e.body.steps[0]).not.toHaveProperty('withheldFields');
      expect((await get(who, `/api/programmes/${b.programme.id}/indicators`)).body.smallCellsSuppressed).toBe(false);
      const named = await get(who, `/api/programmes/${b.programme.id}/reports/evidence.json?includeNames=true`);
      expect(named.status).toBe(200);
      expect(named.body.model.participants.find((p: { code: string }) => p.code === b.adepts[0].code).name).toBe(b.adepts[0].fullName);
    }
  });

  it('shows the leader of a programme and a quality manager everything in it', async () => {
    for (const who of [staff.leader, staff.qm]) {
      const one = await get(who, `/api/programmes/${a.programme.id}/participants/${a.adepts[0].id}`);
      expect(one.body).toMatchObject({ fullName: a.adepts[0].fullName, email: a.adepts[0].email, withdrawalReason: WITHDRAWAL });
      const e = await get(who, `/api/executions/${executionA}`);
      expect(e.body.steps[0]).toMatchObject({ values: { summary: STORY }, notes: NOTE });
      expect((await get(who, `/api/programmes/${a.programme.id}/indicators`)).body.smallCellsSuppressed).toBe(false);
      const named = await get(who, `/api/programmes/${a.programme.id}/reports/evidence.json?includeNames=true`);
      expect(named.status).toBe(200);
      expect(named.body.model.includeNames).toBe(true);
    }
    // A leader of another programme still does not find this one at all.
    const other = await t.user(['programme_leader'], 'Otto Other');
    expectProblem(await get(other, `/api/programmes/${a.programme.id}/participants`), 404, 'not_found');
  });
});
