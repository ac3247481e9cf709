/**
 * A board member's signed decision "changes_requested" is not just minuted: an action its owner
 * considers done (implemented, or in its effectiveness check) goes back to in_progress by a
 * transition that names the board review, audited; and every open action whose latest board
 * review requests changes waits on the quality manager's list (`?changesRequested=true`) until it
 * is closed again after a new effectiveness check.
 */
import { auditOf, createAction, createCast, createDeviation, moveAction, walkAction, walkDeviation } from './support/deviation-fixtures.js';
import type { ActionView, Cast } from './support/deviation-fixtures.js';
import { activeProgramme } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('board review requesting changes', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const newAction = async () =>
    createAction(t, c.qm, [(await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis')).deviation.id], {
      ownerId: c.leader.id,
    });
  const review = (a: ActionView, decision: string, as: TestUser = c.board) =>
    t.http
      .post(`/api/corrective-actions/${a.id}/board-reviews`)
      .set(...bearer(as))
      .send({ decision, comment: `The board: ${decision}`, password: as.password });
  const waiting = async (as: TestUser = c.qm): Promise<string[]> => {
    const res = await t.http.get('/api/corrective-actions?changesRequested=true&limit=100').set(...bearer(as));
    expect(res.status).toBe(200);
    return (res.body.items as { reference: string }[]).map((i) => i.reference).sort();
  };

  it('reopens an action in its effectiveness check: back to in_progress by a transition naming the review, audited', async () => {
    const action = await walkAction(t, c, await newAction(), 'effectiveness_check');
    const res = await review(action, 'changes_requested');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'in_progress',
      // The board member moves it no further; the quality manager may (below).
      allowedTransitions: [],
      boardChangesRequested: true,
      version: action.version + 1,
    });
    expect((await t.http.get(`/api/corrective-actions/${action.id}`).set(...bearer(c.qm))).body.allowedTransitions).toEqual([
      'implemented',
      'cancelled',
    ]);
    const [boardReview] = res.body.boardReviews as { id: string; decision: string }[];
    expect(boardReview.decision).toBe('changes_requested');
    expect(res.body.history.at(-1)).toEqual({
      seq: 5,
      from: 'effectiveness_check',
      to: 'in_progress',
      comment: 'Changes requested by the board: The board: changes_requested',
      verdict: null,
      evidence: null,
      signatureId: null,
      actorId: c.board.id,
      boardReviewId: boardReview.id,
      at: expect.any(String),
    });
    const events = await auditOf(t, action.id);
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ action: 'corrective_action.board_review', actor_id: c.board.id }),
      expect.objectContaining({
        action: 'corrective_action.reopen',
        actor_id: c.board.id,
        entity_version: action.version + 1,
        reason: 'The board: changes_requested',
        changes: { state: { old: 'effectiveness_check', new: 'in_progress' }, boardReviewId: { old: null, new: boardReview.id } },
      }),
    ]);
    const [row] = await t.sql<{ state: string; board_review_id: string }>(
      `SELECT a.state, tr.board_review_id FROM corrective_action a JOIN corrective_action_transition tr ON tr.corrective_action_id = a.id
       WHERE a.id = $1 ORDER BY tr.seq DESC LIMIT 1`,
      [action.id],
    );
    expect(row).toEqual({ state: 'in_progress', board_review_id: boardReview.id });
    expect(await waiting()).toContain(action.reference);

    // The owner carries it out again; closed after a new effectiveness check, it no longer waits.
    const closed = await walkAction(t, c, res.body as ActionView, 'closed');
    expect(closed).toMatchObject({ state: 'closed', boardChangesRequested: false });
    expect(await waiting()).not.toContain(action.reference);
  });

  it('reopens an implemented action too; one still planned or in progress stays where it is but waits on the list', async () => {
    const implemented = await walkAction(t, c, await newAction(), 'implemented');
    expect((await review(implemented, 'changes_requested')).body).toMatchObject({ state: 'in_progress', boardChangesRequested: true });
    const running = await walkAction(t, c, await newAction(), 'in_progress');
    const kept = await review(running, 'changes_requested');
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ state: 'in_progress', version: running.version, boardChangesRequested: true });
    expect((kept.body.history as unknown[]).length).toBe((running.history as unknown[]).length);
    const planned = await newAction();
    expect((await review(planned, 'changes_requested')).body).toMatchObject({ state: 'planned', boardChangesRequested: true });
    const listed = await waiting();
    for (const a of [implemented, running, planned]) expect(listed).toContain(a.reference);
    // A later endorsement by another board member answers the request.
    const secondBoard = await t.user(['board_member'], 'Bo Second');
    expect((await review(planned, 'endorsed', secondBoard)).body).toMatchObject({ state: 'planned', boardChangesRequested: false });
    expect(await waiting()).not.toContain(planned.reference);
    // Cancelled, it waits no more.
    await moveAction(t, c.qm, running.id, { to: 'cancelled', comment: 'Replaced by a new action' }).expect(200);
    expect(await waiting()).not.toContain(running.reference);
  });

  it('changes nothing for an endorsement or an escalation, and leaves a closed action closed', async () => {
    for (const decision of ['endorsed', 'escalated']) {
      const action = await walkAction(t, c, await newAction(), 'effectiveness_check');
      const res = await review(action, decision);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ state: 'effectiveness_check', version: action.version, boardChangesRequested: false });
      expect((await auditOf(t, action.id)).at(-1)).toMatchObject({ action: 'corrective_action.board_review' });
    }
    const closed = await walkAction(t, c, await newAction(), 'closed');
    const res = await review(closed, 'changes_requested');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'closed', version: closed.version, boardChangesRequested: false });
  });

  it('lists what waits for the quality manager to readers of actions; a programme leader sees only their own', async () => {
    const action = await walkAction(t, c, await newAction(), 'effectiveness_check');
    await review(action, 'changes_requested').expect(201);
    expect(await waiting(c.qm)).toContain(action.reference);
    expect(await waiting(c.leader)).toContain(action.reference);
    expect(await waiting(c.otherLeader)).not.toContain(action.reference);
    const notWaiting = await t.http.get('/api/corrective-actions?changesRequested=false&limit=100').set(...bearer(c.qm));
    expect((notWaiting.body.items as { reference: string }[]).map((i) => i.reference)).not.toContain(action.reference);
    expectProblem(await t.http.get('/api/corrective-actions?changesRequested=maybe').set(...bearer(c.qm)), 400, 'validation_failed');
  });
});
