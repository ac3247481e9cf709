/**
 * Board reviews (security review, issue 11, item 8): one signed review per board member and
 * corrective action, kept by a unique index so that concurrent requests cannot beat it (twenty
 * identical reviews at once give one review, one signature, one audit event); and no review of a
 * cancelled action.
 */
import { auditOf } from './support/audit-events.js';
import { activeProgramme, adeptProcedure, createAction, createCast, createDeviation, moveAction } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('board reviews: one per reviewer and action, none of a cancelled action', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;

  const review = (who: TestUser, actionId: string, decision = 'endorsed') =>
    t.http
      .post(`/api/corrective-actions/${actionId}/board-reviews`)
      .set(...bearer(who))
      .send({ decision, comment: 'Proportionate and on time', password: who.password });
  const footprint = async (actionId: string) =>
    (
      await t.sql<{ reviews: number; signatures: number }>(
        `SELECT (SELECT count(*)::int FROM board_review WHERE corrective_action_id = $1) AS reviews,
                (SELECT count(*)::int FROM signature WHERE record_id = $1 AND meaning LIKE 'board review:%') AS signatures`,
        [actionId],
      )
    )[0];

  beforeAll(async () => {
    // Password attempts are counted before they are checked, so twenty signatures at once would
    // meet the signature throttle; this spec is about the uniqueness of reviews, not the throttle.
    t = await startTestApp({ loginMaxFailures: 50 });
    c = await createCast(t);
    await adeptProcedure(t, c);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const newAction = async () => {
    const d = await createDeviation(t, c.leader, { programmeId });
    return createAction(t, c.qm, [d.id], { ownerId: c.leader.id });
  };

  it('keeps one review of twenty identical ones sent at once, and answers the others 409', async () => {
    const a = await newAction();
    const answers = await Promise.all(Array.from({ length: 20 }, () => review(c.board, a.id)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    for (const r of answers.filter((x) => x.status === 409)) expectProblem(r, 409, 'board_review_exists');
    expect(await footprint(a.id)).toEqual({ reviews: 1, signatures: 1 });
    expect((await auditOf(t, a.id)).filter((e) => e.action === 'corrective_action.board_review')).toHaveLength(1);
    const shown = await t.http.get(`/api/corrective-actions/${a.id}`).set(...bearer(c.qm));
    expect(shown.body.boardReviews).toHaveLength(1);
  });

  it('refuses a second review by the same member with another decision, and takes one from another member', async () => {
    const a = await newAction();
    expect((await review(c.board, a.id)).status).toBe(201);
    expectProblem(await review(c.board, a.id, 'changes_requested'), 409, 'board_review_exists');
    const second = await t.user(['board_member'], 'Berit Second-Board');
    expect((await review(second, a.id, 'changes_requested')).status).toBe(201);
    expect(await footprint(a.id)).toEqual({ reviews: 2, signatures: 2 });
    // The database keeps the rule itself, whatever the code above it does.
    const [first] = await t.sql<{ signature_id: string }>(`SELECT signature_id FROM board_review WHERE corrective_action_id = $1 LIMIT 1`, [
      a.id,
    ]);
    await expect(
      t.sql(
        `INSERT INTO board_review (corrective_action_id, decision, comment, reviewer_id, signature_id) VALUES ($1, 'escalated', 'again', $2, $3)`,
        [a.id, c.board.id, first.signature_id],
      ),
    ).rejects.toThrow(/board_review_one_per_reviewer/);
  });

  it('refuses a review of a cancelled action, signing nothing', async () => {
    const a = await newAction();
    expect((await moveAction(t, c.qm, a.id, { to: 'cancelled', comment: 'Raised in error' })).status).toBe(200);
    const events = (await auditOf(t, a.id)).length;
    expectProblem(await review(c.board, a.id), 409, 'action_not_reviewable');
    expect(await footprint(a.id)).toEqual({ reviews: 0, signatures: 0 });
    expect(await auditOf(t, a.id)).toHaveLength(events);
  });
});
