/**
 * Internal audits (ISO 9001 9.2) through HTTP: the year's programme and the audits due on the
 * quality manager's home, independence of the team (refused naming the person and why), the
 * checklist generated at the start from the procedures in force and the clauses, append-only
 * answers with sampled records checked against the scope, findings that open a deviation or an
 * improvement action in the same transaction, the lead auditor's signed report, closing only with
 * handled findings, who reads and writes what, concurrent answers and closes, and the results the
 * management review reads.
 */
import { internalAuditResults } from '../src/internal-audits/internal-audits.queries.js';
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { executeProcedure, expectStatus, procedureDefinition, programmeFixture, textStep } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-03-10';
const KEY = 'ia-intake';
const OTHER_KEY = 'ia-matching';

describe('internal audits', () => {
  let t: TestApp;
  let staff: Staff;
  let leadAuditor: TestUser;
  let otherLeader: TestUser;
  let board: TestUser;
  let auditor: TestUser;
  let a: ProgrammeFixture;
  let b: ProgrammeFixture;
  let executionA: string;
  let executionB: string;
  let executionOther: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday(TODAY);
    staff = {
      qm: await t.user(['quality_manager'], 'Quinn Quality'),
      approver: await t.user(['quality_manager'], 'Astrid Approver'),
      leader: await t.user(['programme_leader'], 'Leila Leader'),
    };
    leadAuditor = await t.user(['quality_manager'], 'Ingrid Independent');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    board = await t.user(['board_member'], 'Britt Board');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    const definition = procedureDefinition(KEY, {
      steps: [textStep('prepare'), textStep('meet', { title: { en: 'Meet', sv: 'Träffa' } })],
    });
    const other = procedureDefinition(OTHER_KEY);
    const common = { staff, procedures: [definition, other], startDate: '2026-01-12', endDate: '2026-12-18', adepts: 2 };
    a = await programmeFixture(t, { ...common, leaders: [staff.leader] });
    b = await programmeFixture(t, { ...common, leaders: [otherLeader] });
    const step = [{ stepKey: 'prepare', values: { summary: 'Prepared' }, performedAt: '2026-01-05T10:00:00Z' }];
    executionA = (await executeProcedure(t, staff.leader, a.programme.id, KEY, { participantId: a.adepts[0].id }, step)).id;
    executionB = (await executeProcedure(t, otherLeader, b.programme.id, KEY, { participantId: b.adepts[0].id }, step)).id;
    executionOther = (
      await executeProcedure(t, staff.leader, a.programme.id, OTHER_KEY, { participantId: a.adepts[1].id }, [
        { stepKey: 'meet', values: { summary: 'Met' }, performedAt: '2026-01-05T10:00:00Z' },
      ])
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const planBody = (over: Record<string, unknown> = {}) => ({
    year: 2026,
    title: 'Intake in programme A',
    processes: ['Intake'],
    procedureKeys: [KEY],
    programmeId: a.programme.id,
    plannedMonth: 3,
    importance: 'high',
    previousResults: 'Two late intake interviews last year',
    scope: 'Intake interviews of the spring cohort',
    clauses: ['9.2', '8.5.1'],
    periodFrom: '2026-01-01',
    periodTo: '2026-02-28',
    leadAuditorId: leadAuditor.id,
    teamIds: [otherLeader.id],
    ...over,
  });
  const plan = (as: TestUser, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/internal-audits')
      .set(...bearer(as))
      .send(planBody(over));
  const get = (as: TestUser, path: string) => t.http.get(path).set(...bearer(as));
  const start = (as: TestUser, id: string) =>
    t.http
      .post(`/api/internal-audits/${id}/start`)
      .set(...bearer(as))
      .send({});
  const answer = (as: TestUser, id: string, itemId: string, body: Record<string, unknown>, revision?: number) => {
    const req = t.http.post(`/api/internal-audits/${id}/items/${itemId}/answers`).set(...bearer(as));
    if (revision !== undefined) req.set('If-Match', `"${revision}"`);
    return req.send(body);
  };
  const finding = (as: TestUser, id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/internal-audits/${id}/findings`)
      .set(...bearer(as))
      .send(body);
  const signReport = (as: TestUser, id: string, password = as.password) =>
    t.http
      .post(`/api/internal-audits/${id}/report`)
      .set(...bearer(as))
      .send({ conclusion: 'Intake works; one interview was late', password });
  const close = (as: TestUser, id: string) =>
    t.http
      .post(`/api/internal-audits/${id}/close`)
      .set(...bearer(as))
      .send({});
  const rows = async () =>
    (
      await t.sql<{ n: number }>(
        `SELECT ((SELECT count(*) FROM internal_audit) + (SELECT count(*) FROM internal_audit_item) + (SELECT count(*) FROM internal_audit_answer)
          + (SELECT count(*) FROM internal_audit_finding))::int AS n`,
      )
    )[0].n;
  /** A started audit of programme A, led by the independent quality manager with the leader of B on the team. */
  const started = async (over: Record<string, unknown> = {}) => {
    const planned = expectStatus(await plan(staff.qm, over), 201, 'planning');
    return expectStatus(await start(staff.qm, planned.id), 200, 'starting');
  };

  it('plans an audit in the year’s programme, audited, with the version as ETag; only a quality manager plans', async () => {
    const res = await plan(staff.qm, { plannedMonth: 4 });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      year: 2026,
      state: 'planned',
      due: false,
      programmeId: a.programme.id,
      procedureKeys: [KEY],
      clauses: ['9.2', '8.5.1'],
      importance: 'high',
      leadAuditor: { id: leadAuditor.id, name: 'Ingrid Independent' },
      team: [{ id: otherLeader.id, name: 'Olof Other' }],
      items: [],
      findings: [],
      may: { manage: true, record: false, sign: false, close: false },
    });
    expect(res.body.reference).toMatch(/^IA-2026-\d{4}$/);
    const events = await auditOf(t, res.body.id);
    expect(events.map((e) => e.action)).toEqual(['internal_audit.plan']);
    expect(events[0].changes.teamIds).toEqual({ old: null, new: [otherLeader.id] });
    expectProblem(await plan(staff.leader), 403, 'forbidden_role');
    // Everyone signed in reads the programme.
    const listed = await get(t.admin, '/api/internal-audits?year=2026');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(res.body.id);
    expect((await get(t.admin, '/api/internal-audits?year=2025')).body.items).toEqual([]);
  });

  it('lists the planned audits that are due (this month or overdue, not started) for the home page', async () => {
    const march = (await plan(staff.qm, { plannedMonth: 3, title: 'Due this month' })).body;
    const january = (await plan(staff.qm, { plannedMonth: 1, title: 'Overdue' })).body;
    const may = (await plan(staff.qm, { plannedMonth: 5, title: 'Later' })).body;
    const due = await get(staff.qm, '/api/internal-audits?state=planned&due=true');
    expect(due.status).toBe(200);
    const ids = due.body.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([march.id, january.id]));
    expect(ids).not.toContain(may.id);
    expect(due.body.items.every((x: { due: boolean; state: string }) => x.due && x.state === 'planned')).toBe(true);
    await start(staff.qm, march.id);
    expect((await get(staff.qm, '/api/internal-audits?due=true')).body.items.map((x: { id: string }) => x.id)).not.toContain(march.id);
  });

  it('refuses a team member who is not independent, naming the person and why, and changes nothing', async () => {
    const before = await rows();
    const leads = await plan(staff.qm, { teamIds: [staff.leader.id] });
    expectProblem(leads, 422, 'auditor_not_independent');
    expect(leads.body.detail).toContain('Leila Leader leads the audited programme');
    expect(problemFields(leads)).toEqual(['teamIds[0]']);
    const wrote = await plan(staff.qm, { leadAuditorId: staff.qm.id });
    expectProblem(wrote, 422, 'auditor_not_independent');
    expect(wrote.body.detail).toContain(`Quinn Quality wrote version 1 of ${KEY}, in force in the audited period`);
    expect(problemFields(wrote)).toEqual(['leadAuditorId']);
    const approved = await plan(staff.qm, { teamIds: [staff.approver.id] });
    expectProblem(approved, 422, 'auditor_not_independent');
    expect(approved.body.detail).toContain(`Astrid Approver approved version 1 of ${KEY}`);
    expectProblem(await plan(staff.qm, { leadAuditorId: auditor.id }), 422, 'audit_team_role');
    expectProblem(await plan(staff.qm, { teamIds: [leadAuditor.id] }), 400, 'validation_failed');
    expectProblem(await plan(staff.qm, { procedureKeys: ['no-such-procedure'] }), 422, 'unknown_procedure');
    expectProblem(await plan(staff.qm, { processes: [], procedureKeys: [] }), 400, 'validation_failed');
    expectProblem(await plan(staff.qm, { periodFrom: '2026-03-01', periodTo: '2026-02-01' }), 400, 'validation_failed');
    expectProblem(await plan(staff.qm, { clauses: ['11.1'] }), 400, 'validation_failed');
    expect(await rows()).toBe(before);
    // Without a period, authorship is judged when the audit starts.
    const later = expectStatus(
      await plan(staff.qm, { periodFrom: undefined, periodTo: undefined, teamIds: [staff.approver.id] }),
      201,
      'planning',
    );
    const patched = await t.http
      .patch(`/api/internal-audits/${later.id}`)
      .set(...bearer(staff.qm))
      .set('If-Match', '"1"')
      .send({ periodFrom: '2026-01-01', periodTo: '2026-02-28' });
    expectProblem(patched, 422, 'auditor_not_independent');
  });

  it('starts with a checklist from the effective version’s steps and the clauses in the standard’s order', async () => {
    const incomplete = expectStatus(await plan(staff.qm, { leadAuditorId: undefined, scope: undefined }), 201, 'planning');
    const refused = await start(staff.qm, incomplete.id);
    expectProblem(refused, 422, 'audit_incomplete');
    expect(problemFields(refused).sort()).toEqual(['leadAuditorId', 'scope']);
    const planned = expectStatus(await plan(staff.qm), 201, 'planning');
    expectProblem(await start(staff.leader, planned.id), 403, 'forbidden_role');
    const res = await start(staff.qm, planned.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'in_progress', performedOn: TODAY, version: 2 });
    expect(
      res.body.items.map(
        (i: { kind: string; procedureKey: string | null; stepKey: string | null; clause: string | null; versionNumber: number | null }) => [
          i.kind,
          i.procedureKey ?? i.clause,
          i.stepKey,
          i.versionNumber,
        ],
      ),
    ).toEqual([
      ['procedure_step', KEY, 'prepare', 1],
      ['procedure_step', KEY, 'meet', 1],
      ['clause', '8.5.1', null, null],
      ['clause', '9.2', null, null],
    ]);
    expect(res.body.items[1].title).toEqual({ en: 'Meet', sv: 'Träffa' });
    expect(res.body.items[3].title).toMatchObject({ en: 'Internal audit', sv: 'Internrevision', nb: 'Internrevisjon' });
    expect((await auditOf(t, planned.id)).map((e) => e.action)).toEqual(['internal_audit.plan', 'internal_audit.start']);
    expectProblem(await start(staff.qm, planned.id), 409, 'audit_state');
    const patched = await t.http
      .patch(`/api/internal-audits/${planned.id}`)
      .set(...bearer(staff.qm))
      .set('If-Match', '"2"')
      .send({ title: 'Renamed' });
    expectProblem(patched, 409, 'audit_state');
  });

  it('keeps every answer: a changed answer supersedes with the next revision; the sample is checked against the scope', async () => {
    const audit = await started();
    const item = audit.items[0].id;
    const first = await answer(leadAuditor, audit.id, item, {
      result: 'conforming',
      notes: 'Checked the file',
      executionIds: [executionA],
    });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    expect(first.body.answer).toMatchObject({
      revision: 1,
      result: 'conforming',
      executionIds: [executionA],
      recordedBy: { name: 'Ingrid Independent' },
    });
    const second = await answer(otherLeader, audit.id, item, { result: 'observation', notes: 'Notes thin' }, 1);
    expect(second.status).toBe(201);
    expect(second.body.answer).toMatchObject({ revision: 2, result: 'observation' });
    expect(second.body.history.map((h: { revision: number; result: string }) => [h.revision, h.result])).toEqual([
      [1, 'conforming'],
      [2, 'observation'],
    ]);
    expectProblem(await answer(leadAuditor, audit.id, item, { result: 'conforming' }, 1), 412, 'version_mismatch');
    const events = await auditOf(t, item);
    expect(events.map((e) => e.action)).toEqual(['internal_audit_item.answer', 'internal_audit_item.answer']);
    expect(events[1].changes.result).toEqual({ old: 'conforming', new: 'observation' });
    // Who may answer: the lead and the team only.
    expectProblem(await answer(staff.qm, audit.id, item, { result: 'conforming' }), 403, 'not_audit_team');
    expectProblem(await answer(auditor, audit.id, item, { result: 'conforming' }), 403, 'forbidden_role');
    // The sample: executions of the audited programme and procedures, deviations that exist.
    const before = await rows();
    const otherProgramme = await answer(leadAuditor, audit.id, item, { result: 'conforming', executionIds: [executionB] });
    expectProblem(otherProgramme, 422, 'sample_out_of_scope');
    expect(problemFields(otherProgramme)).toEqual(['executionIds[0]']);
    expectProblem(
      await answer(leadAuditor, audit.id, item, { result: 'conforming', executionIds: [executionOther] }),
      422,
      'sample_out_of_scope',
    );
    expectProblem(
      await answer(leadAuditor, audit.id, item, { result: 'conforming', executionIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'unknown_execution',
    );
    expectProblem(
      await answer(leadAuditor, audit.id, item, { result: 'conforming', deviationIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'unknown_deviation',
    );
    expectProblem(await answer(leadAuditor, audit.id, audit.id, { result: 'conforming' }), 404, 'not_found');
    expect(await rows()).toBe(before);
    // Answers are records: the database refuses to change them.
    await expect(t.sql(`UPDATE internal_audit_answer SET result = 'conforming'`)).rejects.toThrow(/immutable/);
    await expect(t.sql(`DELETE FROM internal_audit_item`)).rejects.toThrow(/immutable/);
  });

  it('records findings: a nonconformity opens a deviation, an opportunity an improvement action, linked both ways', async () => {
    const audit = await started();
    const [item1, item2] = audit.items.map((i: { id: string }) => i.id);
    const nc = await finding(leadAuditor, audit.id, {
      kind: 'nonconformity',
      grade: 'minor',
      title: 'Intake notes missing',
      description: 'One of three sampled intake files had no notes',
      itemIds: [item1],
    });
    expect(nc.status).toBe(201);
    const f = nc.body.findings[0];
    expect(f).toMatchObject({ seq: 1, kind: 'nonconformity', grade: 'minor', handled: false, action: null });
    expect(f.deviation).toMatchObject({ state: 'open', programmeId: a.programme.id });
    expect(f.deviation.reference).toMatch(/^DEV-\d{4}-\d{4}$/);
    const deviation = await get(staff.qm, `/api/deviations/${f.deviation.id}`);
    expect(deviation.body).toMatchObject({ source: 'internal_audit', severity: 'minor', title: 'Intake notes missing' });
    expect(deviation.body.description).toContain(audit.reference);
    const behind = await get(staff.qm, `/api/internal-audits?deviationId=${f.deviation.id}`);
    expect(behind.body.items.map((x: { id: string }) => x.id)).toEqual([audit.id]);
    const ofi = await finding(otherLeader, audit.id, {
      kind: 'opportunity',
      title: 'Intake checklist',
      description: 'A checklist would make the notes complete',
      itemIds: [item1, item2],
      action: { ownerId: staff.leader.id, dueDate: '2026-05-01', effectivenessCriterion: 'All intake files complete for a quarter' },
    });
    expect(ofi.status).toBe(201);
    const o = ofi.body.findings[1];
    expect(o).toMatchObject({ kind: 'opportunity', grade: null, deviation: null, handled: true });
    const action = await get(staff.qm, `/api/corrective-actions/${o.action.id}`);
    expect(action.body).toMatchObject({
      type: 'improvement',
      state: 'planned',
      deviations: [],
      source: { kind: 'internal_audit', id: audit.id },
    });
    expect(action.body.deviations ?? []).toEqual([]);
    const obs = await finding(leadAuditor, audit.id, {
      kind: 'observation',
      title: 'Filing',
      description: 'Files kept in two places',
      itemIds: [item2],
    });
    expect(obs.body.findings[2]).toMatchObject({ kind: 'observation', handled: true });
    const events = await auditOf(t, f.id);
    expect(events.map((e) => e.action)).toEqual(['internal_audit_finding.record']);
    expect(events[0].changes.deviationId).toEqual({ old: null, new: f.deviation.id });
    // What each kind needs.
    const before = await rows();
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'nonconformity', title: 'x', description: 'y', itemIds: [item1] }),
      422,
      'finding_incomplete',
    );
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'opportunity', title: 'x', description: 'y', itemIds: [item1] }),
      422,
      'finding_incomplete',
    );
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'observation', grade: 'major', title: 'x', description: 'y', itemIds: [item1] }),
      422,
      'finding_incomplete',
    );
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'observation', title: 'x', description: 'y', itemIds: [audit.id] }),
      422,
      'unknown_checklist_item',
    );
    expectProblem(
      await finding(staff.qm, audit.id, { kind: 'observation', title: 'x', description: 'y', itemIds: [item1] }),
      403,
      'not_audit_team',
    );
    expect(await rows()).toBe(before);
    await expect(t.sql(`UPDATE internal_audit_finding SET title = 'x'`)).rejects.toThrow(/immutable/);
  });

  it('asks an organisation-wide audit’s nonconformity for its programme; leaders of programmes are not judged for it', async () => {
    const audit = await started({
      programmeId: undefined,
      teamIds: [staff.leader.id],
      procedureKeys: [],
      processes: ['Mentor recruitment'],
      clauses: ['7.2'],
    });
    const item = audit.items[0].id;
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'nonconformity', grade: 'major', title: 'x', description: 'y', itemIds: [item] }),
      422,
      'finding_incomplete',
    );
    const nc = await finding(staff.leader, audit.id, {
      kind: 'nonconformity',
      grade: 'major',
      title: 'Mentors without training',
      description: 'Two mentors had no training record',
      itemIds: [item],
      programmeId: b.programme.id,
    });
    expect(nc.status).toBe(201);
    expect(nc.body.findings[0].deviation.programmeId).toBe(b.programme.id);
  });

  it('has the lead auditor sign the report, and closes only when the findings are handled', async () => {
    const audit = await started();
    const items: string[] = audit.items.map((i: { id: string }) => i.id);
    const nc = await finding(leadAuditor, audit.id, {
      kind: 'nonconformity',
      grade: 'major',
      title: 'Late intake',
      description: 'Held late',
      itemIds: [items[1]],
    });
    const deviation = nc.body.findings[0].deviation;
    await answer(leadAuditor, audit.id, items[0], { result: 'conforming', executionIds: [executionA] });
    expectProblem(await signReport(leadAuditor, audit.id), 409, 'checklist_incomplete');
    for (const item of items.slice(1))
      expectStatus(await answer(otherLeader, audit.id, item, { result: 'nonconforming' }), 201, 'answering');
    expectProblem(await signReport(otherLeader, audit.id), 403, 'not_lead_auditor');
    expectProblem(await signReport(leadAuditor, audit.id, 'not-my-password'), 401, 'invalid_password');
    expectProblem(await close(staff.qm, audit.id), 409, 'audit_state');
    const signed = await signReport(leadAuditor, audit.id);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      state: 'reported',
      conclusion: 'Intake works; one interview was late',
      reportSignature: { signerName: 'Ingrid Independent', meaning: 'audit report' },
      may: { record: false, sign: false, close: true },
    });
    const events = await auditOf(t, audit.id);
    expect(events.map((e) => e.action)).toEqual(['internal_audit.plan', 'internal_audit.start', 'internal_audit.report']);
    expectProblem(
      await finding(leadAuditor, audit.id, { kind: 'observation', title: 'x', description: 'y', itemIds: [items[0]] }),
      409,
      'audit_state',
    );
    expectProblem(await answer(leadAuditor, audit.id, items[0], { result: 'conforming' }), 409, 'audit_state');
    // The nonconformity's deviation is still open: refused, naming it.
    const refused = await close(leadAuditor, audit.id);
    expectProblem(refused, 409, 'findings_open');
    expect(refused.body.detail).toContain(deviation.reference);
    expect(refused.body.openFindings).toEqual([1]);
    expectProblem(await close(otherLeader, audit.id), 403, 'audit_not_allowed');
    // Analysed, with an action plan agreed: handled.
    const move = (to: string, extra: Record<string, unknown> = {}) =>
      t.http
        .post(`/api/deviations/${deviation.id}/transitions`)
        .set(...bearer(staff.qm))
        .send({ to, comment: 'Audit finding', ...extra });
    expectStatus(await move('analysis'), 200, 'analysis');
    expectProblem(await close(leadAuditor, audit.id), 409, 'findings_open');
    expectStatus(await move('action_plan', { rootCause: 'No reminder before the window' }), 200, 'action plan');
    const closed = await close(leadAuditor, audit.id);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', findings: [{ handled: true, deviation: { state: 'action_plan' } }] });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expectProblem(await close(staff.qm, audit.id), 409, 'audit_state');
    await expect(t.sql(`UPDATE internal_audit SET title = 'x' WHERE id = $1`, [audit.id])).rejects.toThrow(/closed/);
  });

  it('shows audits to who may read them, and never a participant’s name', async () => {
    const audit = await started();
    await answer(leadAuditor, audit.id, audit.items[0].id, { result: 'conforming', executionIds: [executionA] });
    for (const reader of [auditor, board, staff.leader, otherLeader, staff.qm]) {
      const res = await get(reader, `/api/internal-audits/${audit.id}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(a.adepts[0].fullName);
    }
    const seen = await get(auditor, `/api/internal-audits/${audit.id}`);
    expect(seen.body.may).toEqual({ manage: false, record: false, sign: false, close: false });
    expectProblem(await get(t.admin, `/api/internal-audits/${audit.id}`), 404, 'not_found');
    // The leader of B is not on the team of this audit of programme A.
    const other = await started({ teamIds: [] });
    expectProblem(await get(otherLeader, `/api/internal-audits/${other.id}`), 404, 'not_found');
    expect((await get(staff.leader, `/api/internal-audits/${other.id}`)).status).toBe(200);
  });

  it('takes two answers to one item at once one after the other, and of two closes one', async () => {
    const audit = await started();
    const item = audit.items[0].id;
    const both = await Promise.all([
      answer(leadAuditor, audit.id, item, { result: 'conforming' }),
      answer(otherLeader, audit.id, item, { result: 'observation' }),
    ]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => r.body.answer.revision).sort()).toEqual([1, 2]);
    const sameReading = await Promise.all([
      answer(leadAuditor, audit.id, item, { result: 'conforming' }, 2),
      answer(otherLeader, audit.id, item, { result: 'not_applicable' }, 2),
    ]);
    expect(sameReading.map((r) => r.status).sort()).toEqual([201, 412]);
    for (const i of audit.items.slice(1)) await answer(leadAuditor, audit.id, i.id, { result: 'conforming' });
    expectStatus(await signReport(leadAuditor, audit.id), 200, 'signing');
    const closes = await Promise.all([close(leadAuditor, audit.id), close(staff.qm, audit.id)]);
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await auditOf(t, audit.id)).filter((e) => e.action === 'internal_audit.close')).toHaveLength(1);
    // A replayed request with the same idempotency key answers the same, once.
    const again = await started();
    const keyed = () =>
      t.http
        .post(`/api/internal-audits/${again.id}/items/${again.items[0].id}/answers`)
        .set(...bearer(leadAuditor))
        .set('Idempotency-Key', 'answer-once-0001')
        .send({ result: 'conforming' });
    const [r1, r2] = [await keyed(), await keyed()];
    expect(r2.headers['idempotent-replayed']).toBe('true');
    expect(r2.body).toEqual(r1.body);
    expect((await auditOf(t, again.items[0].id)).length).toBe(1);
  });

  it('sums the audits performed in a period for the management review', async () => {
    const audit = await started({ title: 'For the review' });
    const item = audit.items[0].id;
    await finding(leadAuditor, audit.id, { kind: 'nonconformity', grade: 'major', title: 'x', description: 'y', itemIds: [item] });
    await finding(leadAuditor, audit.id, { kind: 'observation', title: 'x', description: 'y', itemIds: [item] });
    const results = await internalAuditResults(t.db.manager, '2026-03-01', '2026-03-31');
    const mine = results.audits.find((x) => x.id === audit.id);
    expect(mine).toEqual({
      id: audit.id,
      reference: audit.reference,
      title: 'For the review',
      state: 'in_progress',
      performedOn: TODAY,
      findings: { major: 1, minor: 0, observations: 1, opportunities: 0 },
    });
    expect((await internalAuditResults(t.db.manager, '2026-03-11', '2026-12-31')).audits).toEqual([]);
    expect((await internalAuditResults(t.db.manager, '2026-03-10', '2026-03-10')).audits.length).toBeGreaterThan(0);
  });
});
