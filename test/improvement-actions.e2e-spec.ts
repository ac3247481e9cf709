/**
 * Actions without a deviation (ISO 9001 10.3): an improvement or preventive action names where it
 * comes from (a management review, a risk, an internal audit finding, a quality objective, or
 * something else in words) and then has the life of every action: states, effectiveness check,
 * board review. Lists filter and show the source.
 */
import { auditHead, auditOf } from './support/audit-events.js';
import { createCast, fieldsNamed } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('improvement actions without a deviation', () => {
  let t: TestApp;
  let c: Cast;
  const due = `${new Date().getUTCFullYear() + 1}-03-31`;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const plan = (as: TestUser, over: Record<string, unknown>) =>
    t.http
      .post('/api/improvement-actions')
      .set(...bearer(as))
      .send({
        type: 'improvement',
        description: 'Offer mentors a short course in giving feedback',
        ownerId: c.leader.id,
        dueDate: due,
        effectivenessCriterion: 'Mentor feedback scores at least 4 of 5 at the next final evaluations',
        ...over,
      });
  const count = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM corrective_action`))[0].n;

  it('plans an action from an internal audit finding or other source in words, audited with its source', async () => {
    const res = await plan(c.qm, { source: 'internal_audit', sourceText: 'Audit of matching, opportunity 2: feedback to mentors' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/corrective-actions/${res.body.id}`);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^CA-\d{4}-\d{4}$/),
      type: 'improvement',
      state: 'planned',
      deviations: [],
      source: { kind: 'internal_audit', id: null, text: 'Audit of matching, opportunity 2: feedback to mentors' },
    });
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'corrective_action.create' });
    expect(event.changes.source).toEqual({
      old: null,
      new: { kind: 'internal_audit', id: null, text: 'Audit of matching, opportunity 2: feedback to mentors' },
    });
    const other = await plan(c.qm, { type: 'preventive', source: 'other', sourceText: 'Suggestion from a mentor at the annual meeting' });
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ type: 'preventive', source: { kind: 'other', id: null } });
  });

  it('names a risk or a management review by id, which must exist', async () => {
    const risk = await t.http
      .post('/api/risks')
      .set(...bearer(c.qm))
      .send({
        kind: 'opportunity',
        title: 'Alumni adepts as mentors',
        cause: 'Completers offer to mentor',
        consequence: 'More mentors in rare professions',
        likelihood: 3,
        impact: 3,
        ownerId: c.qm.id,
        nextReviewOn: due,
      });
    expect(risk.status).toBe(201);
    const res = await plan(c.qm, { source: 'risk', sourceId: risk.body.id });
    expect(res.status).toBe(201);
    expect(res.body.source).toEqual({ kind: 'risk', id: risk.body.id, text: null });
    const head = await auditHead(t);
    const before = await count();
    const missing = await plan(c.qm, { source: 'risk', sourceId: '00000000-0000-4000-8000-000000000000' });
    expectProblem(missing, 422, 'unknown_source');
    expect(fieldsNamed(missing)).toEqual(['sourceId']);
    expectProblem(await plan(c.qm, { source: 'management_review', sourceId: risk.body.id }), 422, 'unknown_source');
    for (const [over, field] of [
      [{ source: 'risk' }, 'sourceId'],
      [{ source: 'objective' }, 'sourceId'],
      [{ source: 'other' }, 'sourceText'],
      [{ source: 'internal_audit', sourceText: '   ' }, 'sourceText'],
      [{ source: 'other', sourceText: 'x', sourceId: risk.body.id }, 'sourceId'],
      [{ source: 'deviation', sourceText: 'x' }, 'source'],
      [{ source: 'other', sourceText: 'x', type: 'corrective' }, 'type'],
    ] as const) {
      const r = await plan(c.qm, over);
      expectProblem(r, 400, 'validation_failed');
      expect(fieldsNamed(r)).toEqual([field]);
    }
    for (const who of [c.leader, c.board, c.auditor])
      expectProblem(await plan(who, { source: 'other', sourceText: 'x' }), 403, 'forbidden_role');
    expect(await count()).toBe(before);
    expect(await auditHead(t)).toBe(head);
  });

  it('lives as every action: moves through its states, is reviewed by the board, and lists filter by source', async () => {
    const a = (await plan(c.qm, { source: 'other', sourceText: 'Staff meeting, 3 March' })).body;
    const move = (to: string) =>
      t.http
        .post(`/api/corrective-actions/${a.id}/transitions`)
        .set(...bearer(c.leader))
        .send({ to, comment: `Now ${to}` });
    expect((await move('in_progress')).status).toBe(200);
    expect((await move('implemented')).body.state).toBe('implemented');
    const board = await t.http
      .post(`/api/corrective-actions/${a.id}/board-reviews`)
      .set(...bearer(c.board))
      .send({ decision: 'endorsed', comment: 'Good initiative', password: c.board.password });
    expect(board.status).toBe(201);
    const listed = await t.http.get('/api/corrective-actions?source=other').set(...bearer(c.qm));
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((i: { source: { kind: string } }) => i.source.kind === 'other')).toBe(true);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const audits = await t.http.get('/api/corrective-actions?source=internal_audit').set(...bearer(c.auditor));
    expect(audits.body.items.map((i: { source: { kind: string } }) => i.source.kind)).toEqual(['internal_audit']);
  });
});
