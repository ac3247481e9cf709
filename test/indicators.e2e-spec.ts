/**
 * GET /api/programmes/:id/indicators on a programme built by hand (test/support/report-fixtures.ts):
 * every figure is compared with the one computed from the plan, and small cells by gender or
 * country, status, outcome or profession are suppressed for those who must not identify people, as
 * the evidence report suppresses them.
 */
import { createCast, daysFrom, todayIn } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { auditHead } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import { buildReportProgramme, EXPECTED } from './support/report-fixtures.js';
import type { ReportProgramme } from './support/report-fixtures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const ZONE = 'Europe/Stockholm';

describe('programme indicators', () => {
  let t: TestApp;
  let c: Cast;
  let fx: ReportProgramme;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    fx = await buildReportProgramme(t, c);
  });
  afterAll(async () => {
    await t?.close();
  });

  const indicators = (as: TestUser, query = '', id = fx.programme.id) =>
    t.http.get(`/api/programmes/${id}/indicators${query}`).set(...bearer(as));
  const ok = async (as: TestUser, query = '') => {
    const res = await indicators(as, query);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('counts participants by role and gender, by role and status, and their countries of origin', async () => {
    const body = await ok(c.qm);
    expect(body.programmeIds).toEqual([fx.programme.id]);
    expect(body.asOf).toBe(todayIn(ZONE));
    expect(body.smallCellsSuppressed).toBe(false);
    expect(body.participants).toEqual({
      byRoleAndGender: EXPECTED.byRoleAndGender,
      byRole: EXPECTED.byRole,
      countriesOfOrigin: 4,
      // Sweden is only a mentors' country here.
      adeptCountriesOfOrigin: 3,
      byCountry: EXPECTED.byCountry,
    });
  });

  it('counts every outcome of the final evaluation (corrections applied) and the adepts not evaluated', async () => {
    const body = await ok(c.qm);
    expect(body.outcomes).toEqual(EXPECTED.outcomes);
    // Every adept is counted once: evaluated or not.
    expect(Object.values(body.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(EXPECTED.byRole.adept.enrolled);
    expect(body.inOwnProfession).toEqual(EXPECTED.inOwnProfession);
  });

  it('gives "in work or studies among completers" with numerator and denominator; an internship is not work', async () => {
    const body = await ok(c.qm);
    expect(body.inWorkOrStudiesAmongCompleters).toEqual(EXPECTED.inWorkOrStudies);
    // The denominator is every completer, evaluated or not; the active adept in part-time work is not one.
    expect(body.inWorkOrStudiesAmongCompleters.denominator).toBe(EXPECTED.byRole.adept.completed);
  });

  it('gives the conformance rate overall, per procedure and per procedure version', async () => {
    const body = await ok(c.qm);
    expect(body.conformance).toEqual(EXPECTED.conformance);
    // The matrix the rates come from agrees.
    const matrix = await t.http.get(`/api/programmes/${fx.programme.id}/conformance`).set(...bearer(c.qm));
    expect(matrix.status).toBe(200);
    const judged = (matrix.body.rows as { cells: { procedureKey: string; status: string }[] }[])
      .flatMap((r) => r.cells)
      .filter((x) => ['conforming', 'nonconforming'].includes(x.status));
    expect(judged.filter((x) => x.status === 'conforming')).toHaveLength(EXPECTED.conformance.overall.numerator);
    expect(judged).toHaveLength(EXPECTED.conformance.overall.denominator);
  });

  it('counts deviations by severity, source, state and month, and the median days from detection to closure', async () => {
    const body = await ok(c.qm);
    expect(body.deviations).toMatchObject(EXPECTED.deviations);

    const closed = await t.sql<{ id: string; closed_at: Date }>(`SELECT id, closed_at FROM deviation WHERE id = ANY($1)`, [
      [fx.deviations.d3.id, fx.deviations.d5.id],
    ]);
    const days = closed.map((r) =>
      daysFrom(r.id === fx.deviations.d3.id ? fx.deviations.d3.detectedOn : fx.deviations.d5.detectedOn, todayIn(ZONE, r.closed_at)),
    );
    expect(days.every((d) => d > 60)).toBe(true);
    expect(body.deviations.medianDaysDetectionToClosure).toBe((days[0] + days[1]) / 2);

    const system = await t.sql<{ severity: string; occurred_at: Date }>(
      `SELECT severity, occurred_at FROM deviation WHERE programme_id = $1 AND source = 'system'`,
      [fx.programme.id],
    );
    expect(system.map((s) => s.severity).sort()).toEqual(['major', 'minor']);
    const months: Record<string, { minor: number; major: number; critical: number }> = {};
    const add = (month: string, severity: 'minor' | 'major' | 'critical') => {
      months[month] ??= { minor: 0, major: 0, critical: 0 };
      months[month][severity]++;
    };
    add('2025-04', 'minor');
    add('2025-05', 'major');
    add('2025-06', 'critical');
    add('2025-06', 'major');
    add('2025-07', 'major');
    add('2025-08', 'minor');
    add('2025-09', 'minor');
    // By the month each nonconformity occurred in (a step's date, a window's end), not when the system found it.
    for (const s of system) add(todayIn(ZONE, s.occurred_at).slice(0, 7), s.severity as 'minor' | 'major');
    expect(body.deviations.byMonth).toEqual(
      Object.entries(months)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, counts]) => ({ month, ...counts })),
    );
    expect(body.deviations.byMonth.map((m: { month: string }) => m.month)).not.toContain(todayIn(ZONE).slice(0, 7));
  });

  it('counts corrective actions by state and those closed on time (on or before the due day)', async () => {
    const body = await ok(c.qm);
    expect(body.correctiveActions).toEqual(EXPECTED.correctiveActions);
  });

  describe('small cells', () => {
    const suppressed = {
      adept: { female: 6, male: '<5', other: '<5', undisclosed: '<5' },
      // A lone small cell would follow from the total (mentors 6, female = 6 - 5): the other
      // non-zero cell is hidden with it.
      mentor: { female: '<5', male: '>=5', other: 0, undisclosed: 0 },
    };
    const countries = { Eritrea: '<5', Iran: '<5', Sweden: 6, Syria: 5 };
    // Enrolled is the total of the statuses; two small cells hide each other.
    const byRole = {
      adept: { enrolled: 11, active: '<5', completed: 9, withdrawn: '<5' },
      mentor: { enrolled: 6, active: '<5', completed: '<5', withdrawn: '<5' },
    };
    const outcomes = {
      employed_full_time: '<5',
      employed_part_time: '<5',
      studies: '<5',
      internship: '<5',
      job_seeking: '<5',
      other: '<5',
      not_evaluated: '<5',
    };

    it.each([
      ['an auditor', (x: Cast) => x.auditor, ''],
      ['a board member', (x: Cast) => x.board, ''],
      ['an auditor, even when asking for exact counts', (x: Cast) => x.auditor, '?suppressSmallCells=false'],
      ['a quality manager who asks for suppression', (x: Cast) => x.qm, '?suppressSmallCells=true'],
      ['the programme leader who asks for suppression', (x: Cast) => x.leader, '?suppressSmallCells=true'],
    ])(
      'shows counts of 1 to 4 by gender or country as "<5" to %s, never 0, and hides a second cell where a total would give one away',
      async (_who, as, query) => {
        const body = await ok(as(c), query);
        expect(body.smallCellsSuppressed).toBe(true);
        expect(body.participants.byRoleAndGender).toEqual(suppressed);
        expect(body.participants.byCountry).toEqual(countries);
        // Every other count of people is shown as the evidence report shows it.
        expect(body.participants.byRole).toEqual(byRole);
        expect(body.outcomes).toEqual(outcomes);
        expect(body.inOwnProfession).toEqual({ yes: 5, no: '<5', unknown: '<5' });
        // 5 of 9 completers would tell of the 4 who are not in work or studies.
        expect(body.inWorkOrStudiesAmongCompleters).toEqual({ numerator: '<5', denominator: 9, value: null });
        // The number of countries is not a count of people; records (deviations) are what an auditor samples.
        expect(body.participants.countriesOfOrigin).toBe(4);
        expect(body.deviations.bySeverity).toEqual(EXPECTED.deviations.bySeverity);
        expect(body.conformance).toEqual(EXPECTED.conformance);
      },
    );

    it.each([
      ['a quality manager', (x: Cast) => x.qm, ''],
      ['a quality manager who says false', (x: Cast) => x.qm, '?suppressSmallCells=false'],
      ['the programme leader', (x: Cast) => x.leader, ''],
    ])('shows exact counts to %s', async (_who, as, query) => {
      const body = await ok(as(c), query);
      expect(body.smallCellsSuppressed).toBe(false);
      expect(body.participants.byRoleAndGender).toEqual(EXPECTED.byRoleAndGender);
      expect(body.participants.byCountry).toEqual(EXPECTED.byCountry);
      expect(body.participants.byRole).toEqual(EXPECTED.byRole);
      expect(body.outcomes).toEqual(EXPECTED.outcomes);
      expect(body.inOwnProfession).toEqual(EXPECTED.inOwnProfession);
      expect(body.inWorkOrStudiesAmongCompleters).toEqual(EXPECTED.inWorkOrStudies);
    });
  });

  it('measures as of a given day and refuses a day that is not one', async () => {
    const body = await ok(c.qm, '?today=2025-12-31');
    expect(body.asOf).toBe('2025-12-31');
    // Outcomes and deviations are records, not windows: the same on any day.
    expect(body.outcomes).toEqual(EXPECTED.outcomes);
    expectProblem(await indicators(c.qm, '?today=2025-02-30'), 400, 'validation_failed');
    expectProblem(await indicators(c.qm, '?suppressSmallCells=maybe'), 400, 'validation_failed');
  });

  it('is hidden from a leader of other programmes (404) and refused to an administrator (403); reading writes nothing', async () => {
    const head = await auditHead(t);
    expectProblem(await indicators(c.otherLeader), 404, 'not_found');
    expectProblem(await indicators(t.admin), 403, 'forbidden_role');
    expectProblem(await indicators(c.qm, '', '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect((await indicators(c.leader)).status).toBe(200);
    expect(await auditHead(t)).toBe(head);
  });
});
