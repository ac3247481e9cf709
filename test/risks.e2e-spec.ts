/**
 * The register of risks and opportunities (ISO 9001 6.1) through HTTP: recording, revising with
 * a reason under If-Match, reviews, closing and reopening, the full history kept (the database
 * refuses to change a revision), who sees and who changes what, overdue reviews, the heat map,
 * and the problems that refuse what cannot be right.
 */
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, createProgramme, expectStatus } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-03-10';

describe('risk register', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  let admin: TestUser;
  let programmeA: string;
  let programmeB: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday(TODAY);
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    board = await t.user(['board_member'], 'Britt Board');
    admin = await t.user(['admin'], 'Adam Admin');
    const dates = { startDate: '2026-01-12', endDate: '2026-12-18' };
    programmeA = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [leader.id] })).id)).id;
    programmeB = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [otherLeader.id] })).id)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'risk',
    title: 'No mentor in the adept’s profession',
    cause: 'Few volunteer mentors in rare professions',
    consequence: 'Adepts wait or are matched outside their profession',
    likelihood: 3,
    impact: 4,
    ownerId: qm.id,
    nextReviewOn: '2026-06-01',
    ...over,
  });
  const create = (as: TestUser, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/risks')
      .set(...bearer(as))
      .send(body(over));
  const revise = (as: TestUser, id: string, version: number | null, changes: Record<string, unknown>) => {
    const req = t.http.post(`/api/risks/${id}/revisions`).set(...bearer(as));
    if (version !== null) req.set('If-Match', `"${version}"`);
    return req.send(changes);
  };
  const get = (as: TestUser, path: string) => t.http.get(path).set(...bearer(as));
  const count = async () =>
    (await t.sql<{ n: number }>(`SELECT ((SELECT count(*) FROM risk) + (SELECT count(*) FROM risk_revision))::int AS n`))[0].n;

  it('records a risk with a reference, its rating and owner, the revision as ETag, and one audit event', async () => {
    const res = await create(qm, { treatment: 'Recruit mentors through professional associations' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      kind: 'risk',
      programmeId: null,
      programmeName: null,
      revision: 1,
      version: 1,
      change: 'created',
      reason: null,
      likelihood: 3,
      impact: 4,
      score: 12,
      band: 'medium',
      residualLikelihood: null,
      residualScore: null,
      treatment: 'Recruit mentors through professional associations',
      owner: { id: qm.id, name: 'Quinn Quality' },
      recordedBy: { id: qm.id, name: 'Quinn Quality' },
      nextReviewOn: '2026-06-01',
      status: 'open',
      reviewOverdue: false,
      mayRevise: true,
    });
    expect(res.body.reference).toMatch(/^RISK-2026-\d{4}$/);
    const events = await auditOf(t, res.body.id);
    expect(events.map((e) => e.action)).toEqual(['risk.create']);
    expect(events[0].changes.likelihood).toEqual({ old: null, new: 3 });
  });

  it('revises with a reason under If-Match: a new revision, the old one kept in the history, the change audited', async () => {
    const risk = (await create(qm)).body;
    const res = await revise(qm, risk.id, 1, {
      reason: 'Two associations signed up',
      likelihood: 2,
      residualLikelihood: 1,
      residualImpact: 4,
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      revision: 2,
      change: 'revised',
      reason: 'Two associations signed up',
      likelihood: 2,
      impact: 4,
      residualScore: 4,
    });
    const history = await get(auditor, `/api/risks/${risk.id}/history`);
    expect(history.status).toBe(200);
    expect(
      history.body.revisions.map((r: { revision: number; likelihood: number; change: string }) => [r.revision, r.change, r.likelihood]),
    ).toEqual([
      [1, 'created', 3],
      [2, 'revised', 2],
    ]);
    const events = await auditOf(t, risk.id);
    expect(events.map((e) => e.action)).toEqual(['risk.create', 'risk.revise']);
    expect(events[1]).toMatchObject({ reason: 'Two associations signed up', entity_version: 2 });
    expect(events[1].changes).toEqual({
      likelihood: { old: 3, new: 2 },
      residualLikelihood: { old: null, new: 1 },
      residualImpact: { old: null, new: 4 },
    });
  });

  it('refuses a revision without If-Match (428), on a stale version (412) and without a reason, changing nothing', async () => {
    const risk = (await create(qm)).body;
    const before = await count();
    expectProblem(await revise(qm, risk.id, null, { reason: 'x'.repeat(5), likelihood: 1 }), 428, 'if_match_required');
    expect((await revise(qm, risk.id, 1, { reason: 'First', likelihood: 1 })).status).toBe(201);
    expectProblem(await revise(qm, risk.id, 1, { reason: 'Second, on the old version', impact: 1 }), 412, 'version_mismatch');
    const noReason = await revise(qm, risk.id, 2, { impact: 1 });
    expectProblem(noReason, 400, 'validation_failed');
    expect(problemFields(noReason)).toEqual(['reason']);
    expect(await count()).toBe(before + 1);
  });

  it('lets two revisions on the same version race: one is made, the other is told the risk changed', async () => {
    const risk = (await create(qm)).body;
    const results = await Promise.all([1, 2, 3, 4].map((n) => revise(qm, risk.id, 1, { reason: `Race ${n}`, impact: n })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 412, 412, 412]);
    const history = await get(qm, `/api/risks/${risk.id}/history`);
    expect(history.body.revisions).toHaveLength(2);
  });

  it('calls a new review date alone a review, refuses a revision that changes nothing, closes and reopens', async () => {
    const risk = (await create(qm)).body;
    expectProblem(await revise(qm, risk.id, 1, { reason: 'Looked at it', likelihood: 3 }), 422, 'nothing_changed');
    const reviewed = await revise(qm, risk.id, 1, { reason: 'Reviewed, still valid', nextReviewOn: '2026-09-01' });
    expect(reviewed.body).toMatchObject({ change: 'reviewed', nextReviewOn: '2026-09-01' });
    const closed = await revise(qm, risk.id, 2, { reason: 'Mentor pool large enough', status: 'closed' });
    expect(closed.body).toMatchObject({ change: 'closed', status: 'closed' });
    expectProblem(await revise(qm, risk.id, 3, { reason: 'Edit while closed', likelihood: 1 }), 409, 'risk_closed');
    // Reopening needs a review date to come, like a new risk.
    expectProblem(
      await revise(qm, risk.id, 3, { reason: 'Back again', status: 'open', nextReviewOn: '2026-01-01' }),
      422,
      'review_in_past',
    );
    const reopened = await revise(qm, risk.id, 3, { reason: 'Two mentors left', status: 'open', nextReviewOn: '2026-04-01' });
    expect(reopened.body).toMatchObject({ change: 'reopened', status: 'open', revision: 4 });
    expect((await auditOf(t, risk.id)).map((e) => e.action)).toEqual(['risk.create', 'risk.review', 'risk.close', 'risk.reopen']);
  });

  it('keeps every revision: the database refuses to change or delete a risk or a revision, or to empty the tables', async () => {
    const risk = (await create(qm)).body;
    await expect(t.sql(`UPDATE risk_revision SET likelihood = 1 WHERE risk_id = $1`, [risk.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM risk_revision WHERE risk_id = $1`, [risk.id])).rejects.toThrow();
    await expect(t.sql(`UPDATE risk SET kind = 'opportunity' WHERE id = $1`, [risk.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM risk WHERE id = $1`, [risk.id])).rejects.toThrow();
    await expect(t.sql(`TRUNCATE risk_revision`)).rejects.toThrow();
    expect((await get(qm, `/api/risks/${risk.id}`)).body.likelihood).toBe(3);
  });

  it('refuses what cannot be right, naming the field, and records nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ likelihood: 6 }, 400, 'validation_failed', 'likelihood'],
      [{ impact: 0 }, 400, 'validation_failed', 'impact'],
      [{ kind: 'threat' }, 400, 'validation_failed', 'kind'],
      [{ residualLikelihood: 2 }, 422, 'residual_incomplete', 'residualImpact'],
      [{ nextReviewOn: '2026-03-09' }, 422, 'review_in_past', 'nextReviewOn'],
      [{ nextReviewOn: '2028-06-01' }, 422, 'review_too_far', 'nextReviewOn'],
      [{ ownerId: auditor.id }, 422, 'risk_owner_cannot_act', 'ownerId'],
      [{ ownerId: admin.id }, 422, 'risk_owner_cannot_act', 'ownerId'],
      [{ ownerId: '00000000-0000-4000-8000-000000000000' }, 422, 'unknown_owner', 'ownerId'],
      [{ actionIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'unknown_action', 'actionIds'],
      [{ programmeId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found', ''],
    ];
    for (const [over, status, code, field] of cases) {
      const res = await create(qm, over);
      expectProblem(res, status, code);
      if (field) expect(problemFields(res)).toEqual([field]);
    }
    expect(await count()).toBe(before);
  });

  it('lets a leader record risks of their programme only; organisation risks are the quality manager’s', async () => {
    const mine = await create(leader, { programmeId: programmeA, ownerId: leader.id });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ programmeId: programmeA, mayRevise: true });
    expect(mine.body.programmeName).toEqual(expect.any(String));
    expectProblem(await create(leader, { programmeId: programmeB, ownerId: leader.id }), 404, 'not_found');
    expectProblem(await create(leader, { ownerId: leader.id }), 403, 'risk_not_allowed');
    expectProblem(await create(auditor), 403, 'forbidden_role');
    expectProblem(await create(board), 403, 'forbidden_role');
  });

  it('shows a leader the organisation’s risks, their programmes’ and those they own; hides other programmes’ as missing', async () => {
    const organisation = (await create(qm, { title: 'Co-financing requires registered job-seekers' })).body;
    const inB = (await create(qm, { programmeId: programmeB, title: 'Risk of programme B' })).body;
    const inBOwnedByLeader = (await create(qm, { programmeId: programmeB, title: 'Owned across programmes', ownerId: leader.id })).body;
    const ids = async (as: TestUser, query = '') => {
      const res = await get(as, `/api/risks?limit=500${query}`);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((r) => r.id);
    };
    const seen = await ids(leader);
    expect(seen).toEqual(expect.arrayContaining([organisation.id, inBOwnedByLeader.id]));
    expect(seen).not.toContain(inB.id);
    expectProblem(await get(leader, `/api/risks/${inB.id}`), 404, 'not_found');
    expectProblem(await get(leader, `/api/risks/${inB.id}/history`), 404, 'not_found');
    expectProblem(await revise(leader, inB.id, 1, { reason: 'Not mine', impact: 1 }), 404, 'not_found');
    // The owner sees and revises a risk of a programme they do not lead.
    expect((await get(leader, `/api/risks/${inBOwnedByLeader.id}`)).body.mayRevise).toBe(true);
    expect((await revise(leader, inBOwnedByLeader.id, 1, { reason: 'Owner reviews', nextReviewOn: '2026-05-01' })).status).toBe(201);
    for (const who of [qm, auditor, board]) expect(await ids(who)).toEqual(expect.arrayContaining([organisation.id, inB.id]));
    expect((await get(auditor, `/api/risks/${inB.id}`)).body.mayRevise).toBe(false);
    expectProblem(await get(admin, '/api/risks'), 403, 'forbidden_role');
  });

  it('lets only a quality manager, the owner or a leader of its programme revise a risk', async () => {
    const risk = (await create(qm, { programmeId: programmeA, ownerId: board.id })).body;
    expect((await revise(board, risk.id, 1, { reason: 'Owner raises it', impact: 5 })).status).toBe(201);
    expect((await revise(leader, risk.id, 2, { reason: 'Leader of the programme', impact: 4 })).status).toBe(201);
    const other = (await create(qm, { ownerId: qm.id })).body;
    expectProblem(await revise(board, other.id, 1, { reason: 'Not the owner', impact: 5 }), 403, 'risk_not_allowed');
    expectProblem(await revise(leader, other.id, 1, { reason: 'Organisation risk', impact: 5 }), 403, 'risk_not_allowed');
    expectProblem(await revise(auditor, other.id, 1, { reason: 'Read-only', impact: 5 }), 403, 'forbidden_role');
  });

  it('lists overdue reviews first, filters by owner, kind, status, programme and text, a page at a time', async () => {
    t.setToday('2026-03-12');
    const overdue = (await create(qm, { title: 'Overdue zeta', nextReviewOn: '2026-03-12', ownerId: board.id })).body;
    const opportunity = (await create(qm, { kind: 'opportunity', title: 'Employers want interns', nextReviewOn: '2026-03-13' })).body;
    t.setToday('2026-03-20');
    try {
      const first = await get(qm, '/api/risks?limit=1');
      expect(first.body.items[0].reviewOverdue).toBe(true);
      expect(first.body.total).toBeGreaterThan(5);
      expect(first.body.nextCursor).toBe('1');
      const onlyOverdue = await get(qm, '/api/risks?overdue=true&limit=500');
      expect((onlyOverdue.body.items as { reviewOverdue: boolean }[]).every((r) => r.reviewOverdue)).toBe(true);
      expect((onlyOverdue.body.items as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining([overdue.id, opportunity.id]));
      const byOwner = await get(board, `/api/risks?ownerId=${board.id}&overdue=true`);
      expect((byOwner.body.items as { id: string }[]).map((r) => r.id)).toEqual([overdue.id]);
      const opportunities = await get(qm, '/api/risks?kind=opportunity');
      expect((opportunities.body.items as { id: string }[]).map((r) => r.id)).toEqual([opportunity.id]);
      const text = await get(qm, '/api/risks?q=ZETA');
      expect((text.body.items as { id: string }[]).map((r) => r.id)).toEqual([overdue.id]);
      expect((await get(qm, '/api/risks?q=100%25')).body.total).toBe(0);
      const inA = await get(qm, `/api/risks?programmeId=${programmeA}`);
      expect((inA.body.items as { programmeId: string }[]).every((r) => r.programmeId === programmeA)).toBe(true);
      expectProblem(await get(otherLeader, `/api/risks?programmeId=${programmeA}`), 404, 'not_found');
      expectProblem(await get(qm, '/api/risks?limit=0'), 400, 'validation_failed');
      expectProblem(await get(qm, '/api/risks?overdue=yes'), 400, 'validation_failed');
    } finally {
      t.setToday(TODAY);
    }
  });

  it('counts open risks on the heat map before and after treatment, each programme’s with the organisation’s', async () => {
    const map = async (as: TestUser, query = '') => {
      const res = await get(as, `/api/risks/heat-map${query}`);
      expect(res.status).toBe(200);
      return res.body as { total: number; inherent: number[][]; residual: number[][]; residualNotAssessed: number; kind: string };
    };
    const before = await map(qm);
    const treated = expectStatus(
      await create(qm, { programmeId: programmeA, likelihood: 5, impact: 5, residualLikelihood: 2, residualImpact: 3 }),
      201,
      'a treated risk',
    );
    const after = await map(qm);
    expect(after.total).toBe(before.total + 1);
    expect(after.inherent[4][4]).toBe(before.inherent[4][4] + 1);
    expect(after.residual[1][2]).toBe(before.residual[1][2] + 1);
    expect(after.residualNotAssessed).toBe(before.residualNotAssessed);
    expect(after.inherent.flat().reduce((a, b) => a + b, 0)).toBe(after.total);
    // Closed risks leave the map.
    expect((await revise(qm, treated.id, 1, { reason: 'Treated for good', status: 'closed' })).status).toBe(201);
    expect((await map(qm)).total).toBe(before.total);
    // A leader's map of another programme is refused as missing; opportunities have a map of their own.
    expectProblem(await get(leader, `/api/risks/heat-map?programmeId=${programmeB}`), 404, 'not_found');
    expect((await map(qm, '?kind=opportunity')).kind).toBe('opportunity');
  });

  it('plans a treatment action without a deviation, linked to the risk by a new revision, with its own life cycle', async () => {
    const risk = (await create(qm, { programmeId: programmeA, ownerId: leader.id })).body;
    const plan = (as: TestUser, version: number | null, over: Record<string, unknown> = {}) => {
      const req = t.http.post(`/api/risks/${risk.id}/actions`).set(...bearer(as));
      if (version !== null) req.set('If-Match', `"${version}"`);
      return req.send({
        type: 'preventive',
        description: 'Recruit two reserve mentors per large profession',
        ownerId: leader.id,
        dueDate: '2026-05-31',
        effectivenessCriterion: 'No adept waits more than two weeks for a new mentor',
        ...over,
      });
    };
    const before = await count();
    expectProblem(await plan(leader, 1, { ownerId: auditor.id }), 422, 'owner_cannot_act');
    expectProblem(await plan(leader, null), 428, 'if_match_required');
    expectProblem(await plan(otherLeader, 1), 404, 'not_found');
    expectProblem(await plan(board, 1), 403, 'forbidden_role');
    expect(await count()).toBe(before);
    expect(
      (await t.sql(`SELECT 1 FROM corrective_action WHERE description = 'Recruit two reserve mentors per large profession'`)).length,
    ).toBe(0);

    const res = await plan(leader, 1);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ revision: 2, change: 'revised', actionIds: [expect.any(String)] });
    expect(res.body.reason).toMatch(/^Action CA-\d{4}-\d{4} planned to carry out the treatment$/);
    const actionId = res.body.actionIds[0] as string;
    const action = await get(leader, `/api/corrective-actions/${actionId}`);
    expect(action.status).toBe(200);
    expect(action.body).toMatchObject({ type: 'preventive', state: 'planned', ownerId: leader.id, deviations: [] });
    expect((await auditOf(t, actionId)).map((e) => e.action)).toContain('corrective_action.create');
    expect((await auditOf(t, risk.id)).map((e) => e.action)).toEqual(['risk.create', 'risk.revise']);
    // The action goes through its own life cycle, like any other.
    const started = await t.http
      .post(`/api/corrective-actions/${actionId}/transitions`)
      .set(...bearer(leader))
      .set('If-Match', `"${action.body.version}"`)
      .send({ to: 'in_progress', comment: 'Asked the associations' });
    expect(started.status).toBe(200);
    expectProblem(await plan(leader, 1), 412, 'version_mismatch');
    expect((await revise(qm, risk.id, 2, { reason: 'Treated', status: 'closed' })).status).toBe(201);
    expectProblem(await plan(leader, 3), 409, 'risk_closed');
  });

  it('replays a creation sent twice with the same Idempotency-Key instead of recording two risks', async () => {
    const key = `risk-${Date.now()}`;
    const send = () =>
      t.http
        .post('/api/risks')
        .set(...bearer(qm))
        .set('Idempotency-Key', key)
        .send(body({ title: 'Sent twice' }));
    const [a, b] = [await send(), await send()];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await t.sql(`SELECT 1 FROM risk_revision WHERE title = 'Sent twice'`)).length).toBe(1);
  });
});
