/**
 * The overdue scan runs for today (security review, issue 11, item 3): a request cannot move the
 * clock forward and open `system` deviations for steps not yet due (they can never be removed).
 * Today comes from the configured clock (CLOCK_TODAY; tests move it with `setToday`); a quality
 * manager may scan as of a past day, nobody as of a day to come. The conformance matrix and the
 * indicators are judged by the same clock.
 */
import { auditHead, auditSince } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { createStaff, procedureDefinition, programmeFixture } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

// Window 2026-02-20 .. 2026-03-02: due on 2026-02-25, overdue from 2026-03-03.
const definition = procedureDefinition('clock-intake', { window: { anchor: 'programme_start', fromDays: -10, toDays: 0 } });

describe('overdue scan: today by the configured clock, never a day to come', () => {
  let t: TestApp;
  let staff: Staff;
  let fx: ProgrammeFixture;

  const scan = (who: TestUser, body: Record<string, unknown>) =>
    t.http
      .post(`/api/programmes/${fx.programme.id}/deviations/scan`)
      .set(...bearer(who))
      .send(body);
  const systemDeviations = async () =>
    (
      await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM deviation WHERE programme_id = $1 AND source = 'system'`, [
        fx.programme.id,
      ])
    )[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    fx = await programmeFixture(t, { staff, procedures: [definition], startDate: '2026-03-02', endDate: '2026-11-27', adepts: 3 });
  });
  afterEach(() => t.setToday(undefined));
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a day to come from anyone, and writes nothing', async () => {
    const before = await auditHead(t);
    for (const who of [staff.leader, staff.qm]) {
      const res = await scan(who, { today: '2200-01-01' });
      expectProblem(res, 422, 'day_in_future');
      expect(problemFields(res)).toEqual(['today']);
    }
    t.setToday('2026-02-25');
    expectProblem(await scan(staff.qm, { today: '2026-02-26' }), 422, 'day_in_future');
    expect(await systemDeviations()).toBe(0);
    expect(await auditSince(t, before)).toEqual([]);
  });

  it('lets only a quality manager scan as of a past day', async () => {
    const before = await auditHead(t);
    expectProblem(await scan(staff.leader, { today: '2026-03-10' }), 403, 'past_scan_not_allowed');
    expect(await systemDeviations()).toBe(0);
    expect(await auditSince(t, before)).toEqual([]);
  });

  it('judges today by the configured clock: nothing before the window closed, every overdue subject after', async () => {
    t.setToday('2026-02-25');
    const early = await scan(staff.leader, {});
    expect(early.status).toBe(200);
    expect(early.body).toEqual({ today: '2026-02-25', overdueCells: 0, cadenceGaps: 0, opened: [] });

    t.setToday('2026-03-05');
    const due = await scan(staff.leader, {});
    expect(due.status).toBe(200);
    expect(due.body.today).toBe('2026-03-05');
    expect(due.body.overdueCells).toBe(3);
    expect(due.body.opened).toHaveLength(3);
    for (const d of due.body.opened) {
      expect(d).toMatchObject({ source: 'system', rule: 'overdue', procedureKey: 'clock-intake', detectedAt: '2026-03-05T12:00:00.000Z' });
    }
    // Today named explicitly is today; a past day by a quality manager finds the same, opens nothing twice.
    expect((await scan(staff.leader, { today: '2026-03-05' })).body).toMatchObject({ today: '2026-03-05', overdueCells: 3, opened: [] });
    expect((await scan(staff.qm, { today: '2026-03-04' })).body).toMatchObject({ today: '2026-03-04', overdueCells: 3, opened: [] });
    expect(await systemDeviations()).toBe(3);
  });

  it('draws the conformance matrix and measures the indicators by the same clock, and refuses a day to come', async () => {
    t.setToday('2026-02-25');
    const base = `/api/programmes/${fx.programme.id}`;
    const matrix = await t.http.get(`${base}/conformance`).set(...bearer(staff.leader));
    expect(matrix.status).toBe(200);
    expect(matrix.body.today).toBe('2026-02-25');
    expect(
      matrix.body.rows
        .filter((r: { subject: { type: string } }) => r.subject.type === 'adept')
        .map((r: { cells: { status: string }[] }) => r.cells[0].status),
    ).toEqual(['due', 'due', 'due']);
    expect((await t.http.get(`${base}/conformance?today=2026-02-24`).set(...bearer(staff.leader))).body.today).toBe('2026-02-24');
    expectProblem(await t.http.get(`${base}/conformance?today=2026-02-26`).set(...bearer(staff.leader)), 422, 'day_in_future');
    const indicators = await t.http.get(`${base}/indicators`).set(...bearer(staff.qm));
    expect(indicators.body.asOf).toBe('2026-02-25');
    expectProblem(await t.http.get(`${base}/indicators?today=2200-01-01`).set(...bearer(staff.qm)), 422, 'day_in_future');
  });
});
