/**
 * The board member's queue: GET /api/corrective-actions?awaitingMyBoardReview=true lists the
 * actions that stand and that this board member has not reviewed yet; a review takes the action
 * off that member's queue only.
 */
import { activeProgramme, adeptProcedure, createAction, createCast, createDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('corrective actions awaiting a board member’s review', () => {
  let t: TestApp;
  let c: Cast;
  let board2: TestUser;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    board2 = await t.user(['board_member'], 'Bertil Board');
    await adeptProcedure(t, c);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const queue = async (who: TestUser, awaiting = 'true') => {
    const res = await t.http.get(`/api/corrective-actions?awaitingMyBoardReview=${awaiting}&limit=500`).set(...bearer(who));
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((a) => a.id);
  };

  it('lists unreviewed actions that stand, per board member; a review or a cancellation takes one off', async () => {
    const d = await createDeviation(t, c.leader, { programmeId });
    const reviewed = await createAction(t, c.qm, [d.id], { ownerId: c.leader.id });
    const waiting = await createAction(t, c.qm, [d.id], { ownerId: c.leader.id });
    const cancelled = await createAction(t, c.qm, [d.id], { ownerId: c.leader.id });
    const cancel = await t.http
      .post(`/api/corrective-actions/${cancelled.id}/transitions`)
      .set(...bearer(c.qm))
      .send({ to: 'cancelled', comment: 'Planned twice by mistake' });
    expect(cancel.status).toBe(200);
    const review = await t.http
      .post(`/api/corrective-actions/${reviewed.id}/board-reviews`)
      .set(...bearer(c.board))
      .send({ decision: 'endorsed', comment: 'Proportionate', password: c.board.password });
    expect(review.status).toBe(201);

    const mine = await queue(c.board);
    expect(mine).toContain(waiting.id);
    expect(mine).not.toContain(reviewed.id);
    expect(mine).not.toContain(cancelled.id);
    // Another board member has reviewed nothing: both standing actions wait for them.
    const theirs = await queue(board2);
    expect(theirs).toEqual(expect.arrayContaining([waiting.id, reviewed.id]));
    expect(theirs).not.toContain(cancelled.id);
    // The complement: what this member has reviewed, or what was cancelled.
    const done = await queue(c.board, 'false');
    expect(done).toEqual(expect.arrayContaining([reviewed.id, cancelled.id]));
    expect(done).not.toContain(waiting.id);
  });

  it('refuses a value other than true or false, naming the field', async () => {
    const res = await t.http.get('/api/corrective-actions?awaitingMyBoardReview=soon').set(...bearer(c.board));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('awaitingMyBoardReview');
  });
});
