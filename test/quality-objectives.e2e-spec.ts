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
      measured: EXPECTED.conformance.overall.value,
      status: 'met',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'quality_objective.create', actor_id: c.qm.id, entity_type: 'quality_objective' });
    expect(event.changes).toEqual({
      programmeId: { old: null, new: fx.programme.id },
      indicator: { old: null, new: 'conformance_rate' },
      comparator: { old: null, new: '>=' },
      target: { old: null, new: 0.8 },
      title: { old: null, new: 'At least 80 % of procedures conform' },
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
});
