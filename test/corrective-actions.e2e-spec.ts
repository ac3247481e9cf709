import {
  actionBody,
  actionFootprint,
  activeProgramme,
  auditCount,
  auditOf,
  createAction,
  createCast,
  createDeviation,
  fieldsNamed,
  moveAction,
  moveDeviation,
  serviceToday,
  walkAction,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { ActionView, Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/** The corrective action state table as the issue states it (not read from the code under test). */
const ALLOWED: Record<string, string[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['implemented', 'cancelled'],
  implemented: ['effectiveness_check', 'cancelled'],
  effectiveness_check: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};
const STATES = Object.keys(ALLOWED);
/** What the owning programme leader may do in each state along the path. */
const OWNER_ALLOWED: Record<string, string[]> = {
  in_progress: ['implemented'],
  implemented: ['effectiveness_check'],
  effectiveness_check: [],
};
/** The default due date of the factories' actions. */
const DUE = actionBody([], { ownerId: '' }).dueDate as string;
const daysAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('corrective actions: life cycle, who may do what, signatures, board review', () => {
  let t: TestApp;
  let c: Cast;
  let coLeader: TestUser;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    coLeader = await t.user(['programme_leader'], 'Cecilia Coleader');
    programmeId = (await activeProgramme(t, c.qm, [c.leader, coLeader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });
  // Verdicts are given once the planned interval after implementation (30 days) has passed.
  const judgeable = () => t.setToday(daysAfter(serviceToday(t), 30));
  afterEach(() => t.setToday(undefined));

  const deviationInAnalysis = async () =>
    (await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis')).deviation;
  const newAction = async (ownerId = c.leader.id) => createAction(t, c.qm, [(await deviationInAnalysis()).id], { ownerId });
  const get = async (id: string, as: TestUser = c.qm) =>
    (await t.http.get(`/api/corrective-actions/${id}`).set(...bearer(as))).body as ActionView & {
      signatures: { id: string; meaning: string; signerId: string; recordType: string }[];
      boardReviews: { id: string; signatureId: string }[];
    };
  const verdict = (extra: Record<string, unknown> = {}) => ({
    to: 'closed',
    comment: 'Checked',
    verdict: 'effective',
    evidence: 'Intake files 2026-10',
    password: c.qm2.password,
    ...extra,
  });

  it('plans an action for one or more deviations, with a CA reference and one audit event', async () => {
    const d1 = await deviationInAnalysis();
    const d2 = await deviationInAnalysis();
    const res = await t.http
      .post('/api/corrective-actions')
      .set(...bearer(c.qm))
      .send(actionBody([d2.id, d1.id], { ownerId: c.leader.id }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/corrective-actions/${res.body.id}`);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^CA-\d{4}-\d{4}$/),
      type: 'corrective',
      ownerId: c.leader.id,
      ownerName: 'Lena Leader',
      dueDate: DUE,
      state: 'planned',
      allowedTransitions: ['in_progress', 'cancelled'],
      overdue: false,
      daysLate: 0,
      verdict: null,
      reviewDecisionId: null,
      implementedAt: null,
      closedAt: null,
      version: 1,
      boardReviews: [],
      signatures: [],
    });
    expect(res.body.reference.slice(3, 7)).toBe(String(new Date().getUTCFullYear()));
    expect(res.body.deviations).toEqual(
      [d1, d2].sort((a, b) => a.reference.localeCompare(b.reference)).map((d) => ({ id: d.id, reference: d.reference, state: 'analysis' })),
    );
    expect(res.body.history).toEqual([expect.objectContaining({ seq: 1, from: null, to: 'planned', actorId: c.qm.id })]);
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'corrective_action.create', actor_id: c.qm.id, entity_version: 1 });
    expect(event.changes).toMatchObject({
      reference: { old: null, new: res.body.reference },
      ownerId: { old: null, new: c.leader.id },
      deviations: { old: null, new: [d1.reference, d2.reference].sort() },
    });
    // The deviation lists it.
    const d = await t.http.get(`/api/deviations/${d1.id}`).set(...bearer(c.leader));
    expect(d.body.actions).toEqual([
      { id: res.body.id, reference: res.body.reference, type: 'corrective', state: 'planned', dueDate: DUE },
    ]);

    const before = { audit: await auditCount(t), rows: (await t.sql(`SELECT id FROM corrective_action`)).length };
    const post = (as: TestUser, body: Record<string, unknown>) =>
      t.http
        .post('/api/corrective-actions')
        .set(...bearer(as))
        .send(body);
    expectProblem(await post(c.leader, actionBody([d1.id], { ownerId: c.leader.id })), 403, 'forbidden_role');
    expectProblem(
      await post(c.qm, actionBody([d1.id, '00000000-0000-4000-8000-000000000000'], { ownerId: c.leader.id })),
      422,
      'unknown_deviation',
    );
    expectProblem(await post(c.qm, actionBody([d1.id], { ownerId: '00000000-0000-4000-8000-000000000000' })), 422, 'unknown_owner');
    const empty = await post(c.qm, actionBody([], { ownerId: c.leader.id }));
    expectProblem(empty, 400, 'validation_failed');
    expect(fieldsNamed(empty)).toEqual(['deviationIds']);
    expect({ audit: await auditCount(t), rows: (await t.sql(`SELECT id FROM corrective_action`)).length }).toEqual(before);
  });

  it('reads ids written in upper case as the same records, in the path and in the body', async () => {
    const d = await deviationInAnalysis();
    const res = await t.http
      .post('/api/corrective-actions')
      .set(...bearer(c.qm))
      .send(actionBody([d.id.toUpperCase()], { ownerId: c.leader.id.toUpperCase() }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerId: c.leader.id, deviations: [{ id: d.id, reference: d.reference, state: 'analysis' }] });
    const read = await t.http.get(`/api/corrective-actions/${res.body.id.toUpperCase()}`).set(...bearer(c.leader));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: res.body.id, ownerName: 'Lena Leader' });
    // One deviation named twice, in two cases, is one deviation named twice.
    const twice = await t.http
      .post('/api/corrective-actions')
      .set(...bearer(c.qm))
      .send(actionBody([d.id, d.id.toUpperCase()], { ownerId: c.leader.id }));
    expectProblem(twice, 400, 'validation_failed');
    expect(fieldsNamed(twice)).toEqual(['deviationIds']);
  });

  it("walks planned -> in_progress -> implemented -> effectiveness_check -> closed; the verdict is not the owner's and closing is signed", async () => {
    const a = await newAction();
    for (const to of ['in_progress', 'implemented', 'effectiveness_check']) {
      const res = await moveAction(t, c.leader, a.id, { to, comment: `Owner: ${to}` });
      expect(res.status).toBe(200);
      // The owner's own view: their next step, no cancelling (a quality manager's), and no verdict on their own action.
      expect(res.body).toMatchObject({ state: to, allowedTransitions: OWNER_ALLOWED[to] });
      expect((await get(a.id)).allowedTransitions).toEqual(ALLOWED[to]);
    }
    expect((await get(a.id)).implementedAt).toEqual(expect.any(String));
    judgeable();

    const before = await actionFootprint(t, a.id);
    expectProblem(await moveAction(t, c.leader, a.id, verdict({ password: c.leader.password })), 403, 'owner_cannot_verify');
    expectProblem(
      await moveAction(t, c.leader, a.id, { to: 'in_progress', comment: 'Not effective', verdict: 'not_effective', evidence: 'x' }),
      403,
      'owner_cannot_verify',
    );
    for (const [body, field] of [
      [verdict({ verdict: undefined }), 'verdict'],
      [verdict({ verdict: 'not_effective' }), 'verdict'],
      [verdict({ evidence: undefined }), 'evidence'],
      [verdict({ password: undefined }), 'password'],
      [verdict({ comment: undefined }), 'comment'],
    ] as const) {
      const res = await moveAction(t, c.qm2, a.id, body);
      expectProblem(res, 400, 'validation_failed');
      expect(fieldsNamed(res)).toEqual([field]);
    }
    expectProblem(await moveAction(t, c.qm2, a.id, verdict({ password: 'wrong-password' })), 401, 'invalid_password');
    expectProblem(await moveAction(t, c.qm2, a.id, verdict({ password: c.qm.password })), 401, 'invalid_password');
    expect(await actionFootprint(t, a.id)).toEqual(before);

    const closed = await moveAction(t, c.qm2, a.id, verdict({ comment: 'Effective: every intake had an interpreter' }));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      allowedTransitions: [],
      verdict: 'effective',
      closedAt: expect.any(String),
      version: 5,
    });
    expect(closed.body.signatures).toEqual([
      expect.objectContaining({
        signerId: c.qm2.id,
        signerName: 'Quentin Second',
        meaning: 'closed',
        recordType: 'corrective_action',
        recordId: a.id,
        recordVersion: 5,
      }),
    ]);
    expect(closed.body.history.at(-1)).toMatchObject({
      from: 'effectiveness_check',
      to: 'closed',
      verdict: 'effective',
      evidence: 'Intake files 2026-10',
      signatureId: closed.body.signatures[0].id,
      actorId: c.qm2.id,
    });

    const events = await auditOf(t, a.id);
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['corrective_action.create', c.qm.id],
      ['corrective_action.transition', c.leader.id],
      ['corrective_action.transition', c.leader.id],
      ['corrective_action.transition', c.leader.id],
      ['corrective_action.close', c.qm2.id],
    ]);
    expect(events[4].changes).toEqual({
      state: { old: 'effectiveness_check', new: 'closed' },
      verdict: { old: null, new: 'effective' },
      evidence: { old: null, new: 'Intake files 2026-10' },
      signature: { old: null, new: expect.objectContaining({ id: closed.body.signatures[0].id, signerId: c.qm2.id, meaning: 'closed' }) },
    });
    expect(events[4].reason).toBe('Effective: every intake had an interpreter');
  });

  it('sends a not-effective action back to in_progress with evidence, and round again to closed', async () => {
    const a = await walkAction(t, c, await newAction(), 'effectiveness_check');
    judgeable();
    const noEvidence = await moveAction(t, c.qm2, a.id, { to: 'in_progress', comment: 'No', verdict: 'not_effective' });
    expectProblem(noEvidence, 400, 'validation_failed');
    expect(fieldsNamed(noEvidence)).toEqual(['evidence']);
    const back = await moveAction(t, c.qm2, a.id, {
      to: 'in_progress',
      comment: 'Two intakes without interpreter',
      verdict: 'not_effective',
      evidence: 'Files A-1, A-2',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'in_progress', verdict: 'not_effective', signatures: [] });
    expect((await auditOf(t, a.id)).at(-1)).toMatchObject({
      action: 'corrective_action.verify',
      actor_id: c.qm2.id,
      changes: {
        state: { old: 'effectiveness_check', new: 'in_progress' },
        verdict: { old: null, new: 'not_effective' },
        evidence: { old: null, new: 'Files A-1, A-2' },
      },
    });
    // A verdict belongs to the effectiveness check only.
    const stray = await moveAction(t, c.qm, a.id, { to: 'implemented', comment: 'Done', verdict: 'effective' });
    expectProblem(stray, 400, 'validation_failed');
    expect(fieldsNamed(stray)).toEqual(['verdict']);

    const closed = await walkAction(t, c, back.body, 'closed');
    expect(closed).toMatchObject({ state: 'closed', verdict: 'effective' });
    expect((closed.history as { to: string; verdict: string | null }[]).map((h) => [h.to, h.verdict])).toEqual([
      ['planned', null],
      ['in_progress', null],
      ['implemented', null],
      ['effectiveness_check', null],
      ['in_progress', 'not_effective'],
      ['implemented', null],
      ['effectiveness_check', null],
      ['closed', 'effective'],
    ]);
  });

  it('lets only the owner or a quality manager carry it out; a quality manager who owns it cannot verify it', async () => {
    const a = await newAction(c.leader.id);
    const before = await actionFootprint(t, a.id);
    expectProblem(await moveAction(t, coLeader, a.id, { to: 'in_progress', comment: 'Not mine' }), 403, 'not_owner');
    expectProblem(await moveAction(t, c.otherLeader, a.id, { to: 'in_progress', comment: 'Not my programme' }), 404, 'not_found');
    expectProblem(await moveAction(t, c.board, a.id, { to: 'in_progress', comment: 'Board' }), 403, 'forbidden_role');
    expectProblem(await moveAction(t, c.leader, a.id, { to: 'cancelled', comment: 'Owner cancels' }), 403, 'forbidden_role');
    expect(await actionFootprint(t, a.id)).toEqual(before);
    await moveAction(t, c.qm, a.id, { to: 'in_progress', comment: 'QM starts it' }).expect(200);
    expectProblem(await moveAction(t, coLeader, a.id, { to: 'implemented', comment: 'Not mine' }), 403, 'not_owner');
    await moveAction(t, c.leader, a.id, { to: 'implemented', comment: 'Done' }).expect(200);
    expectProblem(await moveAction(t, coLeader, a.id, { to: 'effectiveness_check', comment: 'Not mine' }), 403, 'not_owner');
    await moveAction(t, c.leader, a.id, { to: 'effectiveness_check', comment: 'Ready' }).expect(200);
    // A programme leader who does not own it is still no judge of effectiveness.
    expectProblem(await moveAction(t, coLeader, a.id, verdict({ password: coLeader.password })), 403, 'forbidden_role');

    const ownedByQm = await walkAction(t, c, await newAction(c.qm2.id), 'effectiveness_check');
    judgeable();
    const qmBefore = await actionFootprint(t, ownedByQm.id);
    expectProblem(await moveAction(t, c.qm2, ownedByQm.id, verdict()), 403, 'owner_cannot_verify');
    expect(await actionFootprint(t, ownedByQm.id)).toEqual(qmBefore);
    const byOther = await moveAction(t, c.qm, ownedByQm.id, verdict({ password: c.qm.password }));
    expect(byOther.status).toBe(200);
    expect(byOther.body.signatures[0].signerId).toBe(c.qm.id);
  });

  it('refuses every transition the table does not allow, naming the allowed ones, and changes nothing', async () => {
    const inState: Record<string, ActionView> = {};
    for (const state of STATES.filter((s) => s !== 'cancelled')) inState[state] = await walkAction(t, c, await newAction(), state);
    inState.cancelled = (await moveAction(t, c.qm, (await newAction()).id, { to: 'cancelled', comment: 'Superseded' }).expect(200)).body;

    for (const from of STATES) {
      const a = inState[from];
      expect({ from, state: a.state, allowed: a.allowedTransitions }).toEqual({ from, state: from, allowed: ALLOWED[from] });
      const before = await actionFootprint(t, a.id);
      for (const to of STATES.filter((s) => !ALLOWED[from].includes(s))) {
        const res = await moveAction(t, c.qm, a.id, {
          to,
          comment: 'Trying',
          verdict: 'effective',
          evidence: 'Some',
          password: c.qm.password,
        });
        expectProblem(res, 409, 'transition_not_allowed');
        expect({ from, to, state: res.body.state, allowed: res.body.allowed }).toEqual({ from, to, state: from, allowed: ALLOWED[from] });
      }
      expect(await actionFootprint(t, a.id)).toEqual(before);
    }
  });

  it('cancels planned, in_progress and implemented actions with a reason; a cancelled action counts for no deviation', async () => {
    for (const state of ['planned', 'in_progress', 'implemented']) {
      const a = await walkAction(t, c, await newAction(), state);
      for (const comment of [undefined, '   ']) {
        const noReason = await moveAction(t, c.qm, a.id, { to: 'cancelled', comment });
        expectProblem(noReason, 400, 'validation_failed');
        expect(fieldsNamed(noReason)).toEqual(['comment']);
      }
      const res = await moveAction(t, c.qm, a.id, { to: 'cancelled', comment: `Superseded while ${state}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'cancelled', allowedTransitions: [] });
      expect((await auditOf(t, a.id)).at(-1)).toMatchObject({
        action: 'corrective_action.cancel',
        reason: `Superseded while ${state}`,
        changes: { state: { old: state, new: 'cancelled' } },
      });
      await expect(t.sql(`UPDATE corrective_action SET description = 'Rewritten' WHERE id = $1`, [a.id])).rejects.toThrow(/cannot change/);
    }

    // A major deviation whose only action was cancelled has no corrective action.
    const { deviation } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'action_plan');
    const a = await createAction(t, c.qm, [deviation.id], { ownerId: c.leader.id });
    await moveAction(t, c.qm, a.id, { to: 'cancelled', comment: 'Wrong owner' }).expect(200);
    expectProblem(await moveDeviation(t, c.qm, deviation.id, { to: 'in_progress', comment: 'Go' }), 422, 'corrective_action_required');
  });

  it('keeps closed actions, their transitions, board reviews and signatures as they are (database triggers)', async () => {
    const a = await walkAction(t, c, await newAction(), 'closed');
    await t.http
      .post(`/api/corrective-actions/${a.id}/board-reviews`)
      .set(...bearer(c.board))
      .send({ decision: 'endorsed', comment: 'Fine', password: c.board.password })
      .expect(201);
    const before = await actionFootprint(t, a.id);
    for (const sql of [
      `UPDATE corrective_action SET description = 'Rewritten' WHERE id = $1`,
      `UPDATE corrective_action SET state = 'in_progress' WHERE id = $1`,
      `DELETE FROM corrective_action WHERE id = $1`,
      `UPDATE corrective_action_transition SET evidence = 'Rewritten' WHERE corrective_action_id = $1`,
      `DELETE FROM corrective_action_transition WHERE corrective_action_id = $1`,
      `UPDATE board_review SET decision = 'escalated' WHERE corrective_action_id = $1`,
      `DELETE FROM board_review WHERE corrective_action_id = $1`,
      `UPDATE signature SET signer_name = 'Someone else' WHERE record_id = $1`,
      `DELETE FROM signature WHERE record_id = $1`,
    ]) {
      await expect(t.sql(sql, [a.id])).rejects.toThrow();
    }
    expect(await actionFootprint(t, a.id)).toEqual(before);
  });

  it('records a board review signed by a board member, listed on the action; nobody else may, and a wrong password signs nothing', async () => {
    const a = await walkAction(t, c, await newAction(), 'implemented');
    const url = `/api/corrective-actions/${a.id}/board-reviews`;
    const body = (as: TestUser, extra: Record<string, unknown> = {}) => ({
      decision: 'endorsed',
      comment: 'Proportionate and on time',
      password: as.password,
      ...extra,
    });
    const before = await actionFootprint(t, a.id);
    for (const who of [c.qm, c.leader, c.auditor, t.admin]) {
      expectProblem(
        await t.http
          .post(url)
          .set(...bearer(who))
          .send(body(who)),
        403,
        'forbidden_role',
      );
    }
    const blank = await t.http
      .post(url)
      .set(...bearer(c.board))
      .send(body(c.board, { comment: '  ' }));
    expectProblem(blank, 400, 'validation_failed');
    expect(fieldsNamed(blank)).toEqual(['comment']);
    const noPassword = await t.http
      .post(url)
      .set(...bearer(c.board))
      .send(body(c.board, { password: undefined }));
    expectProblem(noPassword, 400, 'validation_failed');
    expect(fieldsNamed(noPassword)).toEqual(['password']);
    const badDecision = await t.http
      .post(url)
      .set(...bearer(c.board))
      .send(body(c.board, { decision: 'approved' }));
    expectProblem(badDecision, 400, 'validation_failed');
    expect(fieldsNamed(badDecision)).toEqual(['decision']);
    expectProblem(
      await t.http
        .post(url)
        .set(...bearer(c.board))
        .send(body(c.board, { password: 'wrong-password' })),
      401,
      'invalid_password',
    );
    expect(await actionFootprint(t, a.id)).toEqual(before);

    const endorsed = await t.http
      .post(url)
      .set(...bearer(c.board))
      .send(body(c.board));
    expect(endorsed.status).toBe(201);
    // One review per board member: a second from the same member is refused, another member's is taken.
    expectProblem(
      await t.http
        .post(url)
        .set(...bearer(c.board))
        .send(body(c.board, { decision: 'escalated' })),
      409,
      'board_review_exists',
    );
    const board2 = await t.user(['board_member'], 'Bengt Board');
    const escalated = await t.http
      .post(url)
      .set(...bearer(board2))
      .send(body(board2, { decision: 'escalated', comment: 'Take it to the next management review' }));
    expect(escalated.status).toBe(201);

    const seen = await get(a.id, c.auditor);
    expect(seen.state).toBe('implemented');
    expect(seen.boardReviews).toEqual([
      {
        id: expect.any(String),
        decision: 'endorsed',
        comment: 'Proportionate and on time',
        reviewerId: c.board.id,
        reviewerName: 'Britt Board',
        signatureId: expect.any(String),
        reviewedAt: expect.any(String),
      },
      expect.objectContaining({ decision: 'escalated', comment: 'Take it to the next management review', reviewerId: board2.id }),
    ]);
    expect(
      seen.signatures.map((s: { id: string; meaning: string; signerId: string; recordType: string }) => [
        s.id,
        s.meaning,
        s.signerId,
        s.recordType,
      ]),
    ).toEqual([
      [seen.boardReviews[0].signatureId, 'board review: endorsed', c.board.id, 'corrective_action'],
      [seen.boardReviews[1].signatureId, 'board review: escalated', board2.id, 'corrective_action'],
    ]);
    const events = (await auditOf(t, a.id)).filter((e) => e.action === 'corrective_action.board_review');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actor_id: c.board.id, reason: 'Proportionate and on time' });
    expect(events[0].changes.boardReview).toEqual({
      old: null,
      new: {
        id: seen.boardReviews[0].id,
        decision: 'endorsed',
        signature: expect.objectContaining({ id: seen.boardReviews[0].signatureId, signerId: c.board.id }),
      },
    });
    // The review neither moves nor versions the action.
    expect((await get(a.id)).version).toBe(a.version);
  });
});
