/**
 * Quality objectives: set by a quality manager on a named indicator, each evaluated against the
 * current data of the hand-built programme (test/support/report-fixtures.ts): met, not met, or
 * not measurable when there is nothing to measure yet.
 */
import { auditOf, auditHead } from './support/audit-events.js';
import { createCast, fieldsNamed } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { activateProgramme, createProgramme } from './support/programmes.js';
import { buildReportProgramme, EXPECTED } from './support/report-fixtures.js';
import type { ReportProgramme } from './support/report-fixtures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

interface Objective {
  id: string;
  programmeId: string | null;
  indicator: string;
  comparator: string;
  target: number;
  title: string;
  measured: number | null;
  status: 'met' | 'not_met' | 'not_measurable';
  deadline: string;
}

describe('quality objectives', () => {
  let t: TestApp;
  let c: Cast;
  let fx: ReportProgramme;
  let emptyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    fx = await buildReportProgramme(t, c);
    // A programme with nothing recorded yet, led by the other leader.
    const empty = await createProgramme(t, c.qm, {
      name: 'Empty programme',
      startDate: '2025-09-01',
      endDate: '2026-06-30',
      leaderIds: [c.otherLeader.id],
    });
    emptyId = (await activateProgramme(t, c.qm, empty.id)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (as: TestUser, body: Record<string, unknown>) =>
    t.http
      .post('/api/quality-objectives')
      .set(...bearer(as))
      .send(body);
  const list = async (as: TestUser, programmeId?: string): Promise<Objective[]> => {
    const res = await t.http.get(`/api/quality-objectives${programmeId ? `?programmeId=${programmeId}` : ''}`).set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body;
  };
  const set = async (
    indicator: string,
    comparator: string,
    target: number,
    programmeId: string | null = fx.programme.id,
  ): Promise<Objective> => {
    const res = await post(c.qm, {
      ...(programmeId ? { programmeId } : {}),
      indicator,
      comparator,
      target,
      title: `${indicator} ${comparator} ${target}`,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('is set by a quality manager, evaluated at once, with one audit event', async () => {
    const res = await post(c.qm, {
      programmeId: fx.programme.id,
      indicator: 'conformance_rate',
      comparator: '>=',
      target: 0.8,
      title: 'At least 80 % of procedures conform',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      programmeId: fx.programme.id,
      indicator: 'conformance_rate',
      comparator: '>=',
      target: 0.8,
      title: 'At least 80 % of procedures conform',
      unit: 'rate',
      ownerId: c.qm.id,
      ownerName: expect.any(String),
      deadline: expect.stringMatching(/^\d{4}-12-31$/),
      plan: [],
      measured: EXPECTED.conformance.overall.value,
      status: 'met',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      trend: null,
      trendIsBetter: null,
      history: [],
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'quality_objective.create', actor_id: c.qm.id, entity_type: 'quality_objective' });
    expect(event.changes).toEqual({
      programmeId: { old: null, new: fx.programme.id },
      indicator: { old: null, new: 'conformance_rate' },
      comparator: { old: null, new: '>=' },
      target: { old: null, new: 0.8 },
      title: { old: null, new: 'At least 80 % of procedures conform' },
      ownerId: { old: null, new: c.qm.id },
      deadline: { old: null, new: res.body.deadline },
      actionIds: { old: null, new: [] },
    });
  });

  it('refuses unknown indicators and comparators, bad targets, other roles and unknown programmes, writing nothing', async () => {
    const head = await auditHead(t);
    const good = { programmeId: fx.programme.id, indicator: 'completion_rate', comparator: '>=', target: 0.9, title: 'Completion' };
    for (const [change, field] of [
      [{ indicator: 'happiness' }, 'indicator'],
      [{ indicator: 'conformance_rate:' }, 'indicator'],
      [{ indicator: 'conformance_rate:Intake' }, 'indicator'],
      [{ indicator: 'completion_rate ' }, 'indicator'],
      [{ comparator: '!=' }, 'comparator'],
      [{ comparator: '=>' }, 'comparator'],
      [{ target: 'high' }, 'target'],
      [{ target: 2_000_000 }, 'target'],
      [{ title: '' }, 'title'],
      [{ programmeId: 'not-a-uuid' }, 'programmeId'],
    ] as const) {
      const res = await post(c.qm, { ...good, ...change });
      expectProblem(res, 400, 'validation_failed');
      expect(fieldsNamed(res)).toEqual([field]);
    }
    const { indicator: _, ...withoutIndicator } = good;
    expect(fieldsNamed(await post(c.qm, withoutIndicator))).toEqual(['indicator']);
    for (const who of [c.leader, c.auditor, c.board, t.admin]) expectProblem(await post(who, good), 403, 'forbidden_role');
    expectProblem(await post(c.qm, { ...good, programmeId: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
    expect(await auditHead(t)).toBe(head);
  });

  it('evaluates every indicator against the programme: met, not met, not measurable, with the measured value', async () => {
    const cases: [string, string, number, number | null, Objective['status']][] = [
      ['conformance_rate:intake', '>=', 0.75, 0.75, 'met'],
      ['conformance_rate:final-evaluation', '>', 0.9, 0.8889, 'not_met'],
      ['conformance_rate:mid-point-follow-up', '>=', 0.5, null, 'not_measurable'],
      ['in_work_or_studies_rate', '>=', 0.6, EXPECTED.inWorkOrStudies.value, 'not_met'],
      ['in_work_or_studies_rate', '>', 0.5, EXPECTED.inWorkOrStudies.value, 'met'],
      ['completion_rate', '>=', 0.8, 0.8182, 'met'],
      ['withdrawal_rate', '<=', 0.05, 0.0909, 'not_met'],
      ['actions_closed_on_time_rate', '=', 1, 0.5, 'not_met'],
      ['actions_closed_on_time_rate', '=', 0.5, 0.5, 'met'],
      ['open_deviations', '<', 7, 6, 'met'],
      ['open_deviations', '<', 6, 6, 'not_met'],
      ['open_major_or_critical_deviations', '=', 0, 3, 'not_met'],
    ];
    const ids: string[] = [];
    for (const [indicator, comparator, target, measured, status] of cases) {
      const o = await set(indicator, comparator, target);
      expect({ indicator, comparator, target, measured: o.measured, status: o.status }).toEqual({
        indicator,
        comparator,
        target,
        measured,
        status,
      });
      ids.push(o.id);
    }
    const median = await set('median_days_to_close', '<=', 30);
    expect(median.status).toBe('not_met');
    expect(median.measured).toBeGreaterThan(60);

    const listed = await list(c.auditor, fx.programme.id);
    for (const [i, id] of ids.entries())
      expect(listed.find((o) => o.id === id)).toMatchObject({ measured: cases[i][3], status: cases[i][4] });
  });

  it('says not_measurable where there is no data yet, and measures what is zero', async () => {
    const none = [
      await set('conformance_rate', '>=', 0.9, emptyId),
      await set('in_work_or_studies_rate', '>=', 0.5, emptyId),
      await set('median_days_to_close', '<=', 30, emptyId),
    ];
    for (const o of none) expect(o).toMatchObject({ measured: null, status: 'not_measurable' });
    expect(await set('open_deviations', '=', 0, emptyId)).toMatchObject({ measured: 0, status: 'met' });
  });

  it('measures an organisation-wide objective on the programme asked for, or over every programme the reader sees', async () => {
    const wide = await set('open_deviations', '<=', 5, null);
    expect(wide.programmeId).toBeNull();

    const onFixture = await list(c.qm, fx.programme.id);
    expect(onFixture.find((o) => o.id === wide.id)).toMatchObject({ measured: 6, status: 'not_met' });
    expect(onFixture.every((o) => o.programmeId === null || o.programmeId === fx.programme.id)).toBe(true);
    const onEmpty = await list(c.qm, emptyId);
    expect(onEmpty.find((o) => o.id === wide.id)).toMatchObject({ measured: 0, status: 'met' });
    expect(onEmpty.every((o) => o.programmeId === null || o.programmeId === emptyId)).toBe(true);

    // Without a programme: the wide objective over all programmes; each programme's own on its programme.
    const all = await list(c.qm);
    expect(all.find((o) => o.id === wide.id)).toMatchObject({ measured: 6, status: 'not_met' });
    expect(all.filter((o) => o.programmeId === emptyId && o.indicator === 'open_deviations')).toEqual([
      expect.objectContaining({ measured: 0, status: 'met' }),
    ]);
  });

  it('shows a leader only the objectives of the programmes they lead (404 for another programme)', async () => {
    expectProblem(await t.http.get(`/api/quality-objectives?programmeId=${emptyId}`).set(...bearer(c.leader)), 404, 'not_found');
    const mine = await list(c.leader);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.programmeId === null || o.programmeId === fx.programme.id)).toBe(true);
    const theirs = await list(c.otherLeader);
    expect(theirs.every((o) => o.programmeId === null || o.programmeId === emptyId)).toBe(true);
    // The wide objective measured over the other leader's programme alone.
    expect(theirs.find((o) => o.programmeId === null)).toMatchObject({ measured: 0, status: 'met' });
    expectProblem(await t.http.get('/api/quality-objectives').set(...bearer(t.admin)), 403, 'forbidden_role');
  });

  describe('owner, deadline, plan and history (ISO 9001 6.2)', () => {
    const today = () => new Date().toISOString().slice(0, 10);
    const nextYear = () => `${Number(today().slice(0, 4)) + 1}-06-30`;
    const patch = (id: string, body: Record<string, unknown>, version?: number) => {
      const r = t.http
        .patch(`/api/quality-objectives/${id}`)
        .set(...bearer(c.qm))
        .send(body);
      return version === undefined ? r : r.set('If-Match', `"${version}"`);
    };

    it('refuses a target outside the unit of its measure, naming target and the unit, writing nothing', async () => {
      const head = await auditHead(t);
      for (const [indicator, target, unit] of [
        ['completion_rate', 90, /a rate, a fraction from 0 to 1/],
        ['open_deviations', 2.5, /a count, a whole number 0 or more: the target must be a whole number/],
        ['open_deviations', -1, /a count, a whole number 0 or more/],
        ['median_days_to_close', -3, /a number of days, 0 or more/],
      ] as const) {
        const res = await post(c.qm, { programmeId: fx.programme.id, indicator, comparator: '<=', target, title: 'Bad target' });
        expectProblem(res, 422, 'target_out_of_range');
        expect(res.body.errors).toEqual([{ field: 'target', message: expect.stringMatching(unit) }]);
      }
      expect(await auditHead(t)).toBe(head);
    });

    it('has an owner who can act and a deadline to come, refused otherwise naming the field', async () => {
      const base = { programmeId: fx.programme.id, indicator: 'completion_rate', comparator: '>=', target: 0.8, title: 'Completion' };
      const auditorOwned = await post(c.qm, { ...base, ownerId: c.auditor.id });
      expectProblem(auditorOwned, 422, 'objective_owner_cannot_act');
      expect(fieldsNamed(auditorOwned)).toEqual(['ownerId']);
      const past = await post(c.qm, { ...base, deadline: '2020-01-01' });
      expectProblem(past, 422, 'deadline_in_past');
      expect(fieldsNamed(past)).toEqual(['deadline']);
      const unknown = await post(c.qm, { ...base, actionIds: ['00000000-0000-4000-8000-000000000000'] });
      expectProblem(unknown, 422, 'unknown_action');
      const ok = await post(c.qm, { ...base, ownerId: c.leader.id, deadline: nextYear() });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ ownerId: c.leader.id, deadline: nextYear(), version: 1 });
    });

    it('changes with If-Match and a reason, audited; stale or missing versions are refused', async () => {
      const o = await set('completion_rate', '>=', 0.7);
      expectProblem(await patch(o.id, { target: 0.75, reason: 'Raised' }), 428, 'if_match_required');
      expectProblem(await patch(o.id, { target: 0.75, reason: 'Raised' }, 7), 412, 'version_mismatch');
      expectProblem(await patch(o.id, { target: 75, reason: 'Percent' }, 1), 422, 'target_out_of_range');
      expectProblem(await patch(o.id, { target: 0.7, reason: 'Same' }, 1), 422, 'nothing_changed');
      expectProblem(
        await t.http
          .patch(`/api/quality-objectives/${o.id}`)
          .set(...bearer(c.leader))
          .set('If-Match', '"1"')
          .send({ target: 0.8, reason: 'x' }),
        403,
        'forbidden_role',
      );
      const res = await patch(o.id, { target: 0.75, deadline: nextYear(), reason: 'Raised after the spring results' }, 1);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ target: 0.75, deadline: nextYear(), version: 2 });
      const events = await auditOf(t, o.id);
      expect(events.at(-1)).toMatchObject({ action: 'quality_objective.update', reason: 'Raised after the spring results' });
      expect(events.at(-1)!.changes).toEqual({
        target: { old: 0.7, new: 0.75 },
        deadline: { old: o.deadline, new: nextYear() },
      });
    });

    it('plans an improvement action from the objective: the action names it as source and joins its plan', async () => {
      const o = await set('withdrawal_rate', '<=', 0.05);
      const res = await t.http
        .post(`/api/quality-objectives/${o.id}/actions`)
        .set(...bearer(c.qm))
        .set('If-Match', '"1"')
        .send({
          type: 'improvement',
          description: 'Call every adept at week 6 to catch drop-outs early',
          ownerId: c.leader.id,
          dueDate: nextYear(),
          effectivenessCriterion: 'Withdrawal rate under 5 % at the next measurement',
        });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(2);
      expect(res.body.plan).toEqual([
        { id: expect.any(String), reference: expect.stringMatching(/^CA-/), type: 'improvement', state: 'planned', dueDate: nextYear() },
      ]);
      const action = await t.http.get(`/api/corrective-actions/${res.body.plan[0].id}`).set(...bearer(c.qm));
      expect(action.body).toMatchObject({ deviations: [], source: { kind: 'objective', id: o.id, text: o.title } });
      const [create] = await auditOf(t, res.body.plan[0].id);
      expect(create.changes.source).toEqual({ old: null, new: { kind: 'objective', id: o.id, text: o.title } });
      expect((await auditOf(t, o.id)).at(-1)).toMatchObject({ action: 'quality_objective.update' });
      // A stale version plans nothing.
      const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM corrective_action`);
      const stale = await t.http
        .post(`/api/quality-objectives/${o.id}/actions`)
        .set(...bearer(c.qm))
        .set('If-Match', '"1"')
        .send({ type: 'improvement', description: 'x', ownerId: c.leader.id, dueDate: nextYear(), effectivenessCriterion: 'y' });
      expectProblem(stale, 412, 'version_mismatch');
      expect(await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM corrective_action`)).toEqual(before);
    });

    it("records this quarter's measurement once, keeps the history, and shows the trend against the quarter before", async () => {
      const o = await set('open_deviations', '<=', 4);
      // The quarter before, as recorded then (the history is rows that are never changed).
      await t.sql(
        `INSERT INTO quality_objective_measurement (objective_id, period, measured_on, measured, comparator, target, status)
         VALUES ($1, '2020-Q4', '2020-12-31', 3, '<=', 4, 'met')`,
        [o.id],
      );
      const first = await t.http.post(`/api/quality-objectives/${o.id}/measurements`).set(...bearer(c.qm));
      expect(first.status).toBe(201);
      const quarter = `${today().slice(0, 4)}-Q${Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1}`;
      expect(first.body.history).toEqual([
        expect.objectContaining({ period: '2020-Q4', measured: 3, status: 'met', trend: null }),
        expect.objectContaining({ period: quarter, measured: 6, status: 'not_met', target: 4, comparator: '<=', trend: 'up' }),
      ]);
      expect(first.body).toMatchObject({ measured: 6, status: 'not_met', trend: 'up', trendIsBetter: false });
      const again = await t.http.post(`/api/quality-objectives/${o.id}/measurements`).set(...bearer(c.qm));
      expect(again.status).toBe(200);
      expect(again.body.history).toHaveLength(2);
      const events = (await auditOf(t, o.id)).filter((e) => e.action === 'quality_objective.measure');
      expect(events).toHaveLength(1);
      expect(events[0].changes.measurement.new).toMatchObject({ period: quarter, measured: 6, status: 'not_met' });
      // A change of target keeps what was measured under the old one.
      const changed = await patch(o.id, { target: 6, reason: 'Realistic for this year' }, 1);
      expect(changed.body.history[1]).toMatchObject({ target: 4, status: 'not_met' });
      expect(changed.body.status).toBe('met');
      await expect(t.sql(`UPDATE quality_objective_measurement SET measured = 0 WHERE objective_id = $1`, [o.id])).rejects.toThrow();
      await expect(t.sql(`DELETE FROM quality_objective_measurement WHERE objective_id = $1`, [o.id])).rejects.toThrow();
      const got = await t.http.get(`/api/quality-objectives/${o.id}`).set(...bearer(c.auditor));
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body.history).toHaveLength(2);
      expectProblem(await t.http.post(`/api/quality-objectives/${o.id}/measurements`).set(...bearer(c.auditor)), 403, 'forbidden_role');
    });
  });
});
