import {
  activeProgramme,
  adeptProcedure,
  createAction,
  createCast,
  createDeviation,
  daysFrom,
  enrol,
  fieldsNamed,
  moveDeviation,
  startExecution,
  todayIn,
  walkAction,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { ActionView, Cast, DeviationView } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('deviation and corrective action lists: filters, overdue, programme scoping', () => {
  let t: TestApp;
  let c: Cast;
  let p1: string;
  let p2: string;
  let procedureKey: string;
  /** Deviations of programme 1 by name, and of programme 2. */
  const d: Record<string, DeviationView> = {};
  const e: Record<string, DeviationView> = {};
  const a: Record<string, ActionView> = {};

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    procedureKey = await adeptProcedure(t, c);
    p1 = (await activeProgramme(t, c.qm, [c.leader])).id;
    p2 = (await activeProgramme(t, c.qm, [c.otherLeader])).id;
    const adept = await enrol(t, c.leader, p1);
    const execution = await startExecution(t, c.leader, p1, procedureKey, adept.id);

    d.withProcedure = await createDeviation(t, c.leader, {
      programmeId: p1,
      severity: 'major',
      source: 'manual',
      executionId: execution.id,
    });
    d.minorAudit = (
      await walkDeviation(
        t,
        c,
        await createDeviation(t, c.leader, {
          programmeId: p1,
          severity: 'minor',
          source: 'internal_audit',
          detectedAt: '2026-03-02T10:00:00Z',
        }),
        'analysis',
      )
    ).deviation;
    d.cancelled = (
      await walkDeviation(
        t,
        c,
        await createDeviation(t, c.qm, { programmeId: p1, severity: 'critical', source: 'external_audit' }),
        'cancelled',
      )
    ).deviation;
    d.overdue = await createDeviation(t, c.leader, {
      programmeId: p1,
      severity: 'major',
      source: 'participant_feedback',
      detectedAt: '2026-03-02T10:00:00Z',
      targetDate: '2026-03-20',
    });
    const closed = await walkDeviation(
      t,
      c,
      await createDeviation(t, c.leader, {
        programmeId: p1,
        severity: 'minor',
        detectedAt: '2026-03-02T10:00:00Z',
        targetDate: '2026-03-20',
      }),
      'closed',
    );
    d.closedLate = closed.deviation;
    a.closed = closed.action!;
    e.open = await createDeviation(t, c.otherLeader, { programmeId: p2, severity: 'major', detectedAt: '2026-03-02T10:00:00Z' });
    e.overdue = await createDeviation(t, c.otherLeader, {
      programmeId: p2,
      severity: 'critical',
      detectedAt: '2026-02-01T10:00:00Z',
      targetDate: '2026-02-02',
    });

    // Corrective actions of programme 1's deviation: overdue = due date passed and not yet implemented.
    const target = d.minorAudit.id;
    a.plannedLate = await createAction(t, c.qm, [target], { ownerId: c.leader.id, dueDate: '2026-03-31' });
    a.runningLate = await walkAction(
      t,
      c,
      await createAction(t, c.qm, [target], { ownerId: c.leader.id, dueDate: '2026-04-15' }),
      'in_progress',
    );
    a.implementedLate = await walkAction(
      t,
      c,
      await createAction(t, c.qm, [target], { ownerId: c.leader.id, dueDate: '2026-03-31' }),
      'implemented',
    );
    a.future = await createAction(t, c.qm, [target], { ownerId: c.leader.id });
    // Programme 2's action, owned by a leader of programme 1.
    a.foreignOwned = await createAction(t, c.qm, [e.open.id], { ownerId: c.leader.id });
    a.foreign = await createAction(t, c.qm, [e.open.id], { ownerId: c.otherLeader.id, dueDate: '2026-03-10' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const of = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();
  const listDeviations = async (as: TestUser, query: Record<string, string>) => {
    const res = await t.http
      .get('/api/deviations')
      .query(query)
      .set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body.items as (DeviationView & { overdue: boolean })[];
  };
  const listActions = async (as: TestUser, query: Record<string, string>) => {
    const res = await t.http
      .get('/api/corrective-actions')
      .query(query)
      .set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body.items as (ActionView & { overdue: boolean; daysLate: number })[];
  };

  it('filters deviations by programme, state, severity, source, procedure and overdue', async () => {
    const all1 = of(d.withProcedure, d.minorAudit, d.cancelled, d.overdue, d.closedLate);
    expect(ids(await listDeviations(c.qm, { programmeId: p1 }))).toEqual(all1);
    expect(ids(await listDeviations(c.qm, { programmeId: p2 }))).toEqual(of(e.open, e.overdue));
    expect(ids(await listDeviations(c.qm, { programmeId: p1, state: 'open' }))).toEqual(of(d.withProcedure, d.overdue));
    expect(ids(await listDeviations(c.qm, { programmeId: p1, state: 'cancelled' }))).toEqual(of(d.cancelled));
    expect(ids(await listDeviations(c.qm, { programmeId: p1, severity: 'minor' }))).toEqual(of(d.minorAudit, d.closedLate));
    expect(ids(await listDeviations(c.qm, { programmeId: p1, source: 'internal_audit' }))).toEqual(of(d.minorAudit));
    expect(ids(await listDeviations(c.qm, { source: 'participant_feedback' }))).toEqual(of(d.overdue));
    expect(ids(await listDeviations(c.qm, { procedure: procedureKey }))).toEqual(of(d.withProcedure));
    expect(ids(await listDeviations(c.qm, { programmeId: p1, state: 'open', severity: 'major', source: 'manual' }))).toEqual(
      of(d.withProcedure),
    );

    // Overdue: open past the target date; a closed deviation past its target date is not overdue.
    const overdue = await listDeviations(c.qm, { overdue: 'true' });
    expect(ids(overdue)).toEqual(of(d.overdue, e.overdue));
    expect(overdue.every((x) => x.overdue)).toBe(true);
    const notOverdue = await listDeviations(c.qm, { programmeId: p1, overdue: 'false' });
    expect(ids(notOverdue)).toEqual(of(d.withProcedure, d.minorAudit, d.cancelled, d.closedLate));
    expect(notOverdue.some((x) => x.overdue)).toBe(false);

    for (const [query, field] of [
      [{ state: 'lost' }, 'state'],
      [{ severity: 'huge' }, 'severity'],
      [{ source: 'rumour' }, 'source'],
      [{ overdue: 'maybe' }, 'overdue'],
      [{ programmeId: 'not-a-uuid' }, 'programmeId'],
    ] as const) {
      const res = await t.http
        .get('/api/deviations')
        .query(query)
        .set(...bearer(c.qm));
      expectProblem(res, 400, 'validation_failed');
      expect(fieldsNamed(res)).toEqual([field]);
    }
  });

  it('pages newest first without repeats or omissions', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get('/api/deviations')
        .query({ programmeId: p1, limit: '2', ...(cursor ? { cursor } : {}) })
        .set(...bearer(c.qm));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([d.closedLate, d.overdue, d.cancelled, d.minorAudit, d.withProcedure].map((x) => x.id));
  });

  it("shows programme leaders only the deviations of their own programmes (404 on another's)", async () => {
    expect(ids(await listDeviations(c.leader, {}))).toEqual(of(d.withProcedure, d.minorAudit, d.cancelled, d.overdue, d.closedLate));
    expect(await listDeviations(c.leader, { programmeId: p2 })).toEqual([]);
    expect(ids(await listDeviations(c.otherLeader, {}))).toEqual(of(e.open, e.overdue));
    expectProblem(await t.http.get(`/api/deviations/${e.open.id}`).set(...bearer(c.leader)), 404, 'not_found');
    expectProblem(await t.http.get(`/api/deviations/${d.overdue.id}`).set(...bearer(c.otherLeader)), 404, 'not_found');
    expectProblem(
      await t.http
        .patch(`/api/deviations/${e.open.id}`)
        .set(...bearer(c.leader))
        .set('If-Match', '"1"')
        .send({ title: 'Not mine' }),
      404,
      'not_found',
    );
    // Programme leaders record deviations but quality managers move them.
    expectProblem(await moveDeviation(t, c.leader, d.withProcedure.id, { to: 'analysis', comment: 'Mine' }), 403, 'forbidden_role');

    for (const reader of [c.auditor, c.board]) {
      expect(ids(await listDeviations(reader, { overdue: 'true' }))).toEqual(of(d.overdue, e.overdue));
      const one = await t.http.get(`/api/deviations/${e.open.id}`).set(...bearer(reader));
      expect(one.status).toBe(200);
      expect(one.body.history).toHaveLength(1);
    }
    expectProblem(await t.http.get('/api/deviations').set(...bearer(t.admin)), 403, 'forbidden_role');
  });

  it('lists overdue corrective actions (due date passed, not implemented) with the days late', async () => {
    const zone = t.config.timeZone;
    const dayBefore = todayIn(zone);
    const overdue = await listActions(c.qm, { programmeId: p1, overdue: 'true' });
    const dayAfter = todayIn(zone);
    expect(ids(overdue)).toEqual(of(a.plannedLate, a.runningLate));
    for (const x of overdue) {
      const due = x.id === a.plannedLate.id ? '2026-03-31' : '2026-04-15';
      expect(x.overdue).toBe(true);
      expect([daysFrom(due, dayBefore), daysFrom(due, dayAfter)]).toContain(x.daysLate);
      expect(x.daysLate).toBeGreaterThan(0);
    }
    const onTime = await listActions(c.qm, { programmeId: p1, overdue: 'false' });
    expect(ids(onTime)).toEqual(of(a.implementedLate, a.future, a.closed));
    expect(onTime.map((x) => [x.overdue, x.daysLate])).toEqual([
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
    const single = await t.http.get(`/api/corrective-actions/${a.plannedLate.id}`).set(...bearer(c.auditor));
    expect(single.body).toMatchObject({ overdue: true, daysLate: overdue.find((x) => x.id === a.plannedLate.id)!.daysLate });

    expect(ids(await listActions(c.qm, { overdue: 'true' }))).toEqual(of(a.plannedLate, a.runningLate, a.foreign));
    expect(ids(await listActions(c.qm, { programmeId: p1, state: 'implemented' }))).toEqual(of(a.implementedLate));
    expect(ids(await listActions(c.qm, { deviationId: e.open.id }))).toEqual(of(a.foreignOwned, a.foreign));
    expect(ids(await listActions(c.qm, { ownerId: c.otherLeader.id }))).toEqual(of(a.foreign));
  });

  it('shows programme leaders the actions of their programmes and those they own', async () => {
    const leaderSees = of(a.plannedLate, a.runningLate, a.implementedLate, a.future, a.closed, a.foreignOwned);
    expect(ids(await listActions(c.leader, {}))).toEqual(leaderSees);
    expect(ids(await listActions(c.otherLeader, {}))).toEqual(of(a.foreignOwned, a.foreign));
    expect((await t.http.get(`/api/corrective-actions/${a.foreignOwned.id}`).set(...bearer(c.leader))).status).toBe(200);
    expectProblem(await t.http.get(`/api/corrective-actions/${a.foreign.id}`).set(...bearer(c.leader)), 404, 'not_found');
    expectProblem(await t.http.get(`/api/corrective-actions/${a.future.id}`).set(...bearer(c.otherLeader)), 404, 'not_found');
  });
});
