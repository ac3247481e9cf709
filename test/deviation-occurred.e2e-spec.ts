/**
 * When a nonconformity occurred, apart from when it was detected and recorded: automatic detection
 * records the step's date or the missed window's end, a person may give it (never in the future,
 * never after the detection), and the indicators and the evidence report count by it.
 */
import {
  AFTER_WINDOW,
  IN_WINDOW,
  activeProgramme,
  adeptProcedure,
  auditCount,
  auditOf,
  completeExecution,
  createCast,
  deviationBody,
  enrol,
  moveDeviation,
  recordStep,
  startExecution,
  todayIn,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface Listed {
  id: string;
  reference: string;
  rule: string | null;
  executionId: string | null;
  occurredAt: string;
  detectedAt: string;
  createdAt: string;
}

const DAY = 86_400_000;

describe('when a deviation occurred, was detected and was recorded', () => {
  let t: TestApp;
  let c: Cast;
  let procedureKey: string;
  /** The end of the sample procedure's window (2026-03-01) in the programmes' time zone. */
  let windowEnd: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    procedureKey = await adeptProcedure(t, c);
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const tz = (await t.http.get(`/api/programmes/${programme.id}`).set(...bearer(c.qm))).body.timeZone as string;
    expect(tz).toBe('Europe/Stockholm');
    windowEnd = '2026-03-01T22:59:59.999Z';
  });
  afterEach(() => t.setToday(undefined));
  afterAll(async () => {
    await t?.close();
  });

  const deviationsOf = async (programmeId: string) => {
    const res = await t.http
      .get('/api/deviations')
      .query({ programmeId, limit: '500' })
      .set(...bearer(c.qm));
    expect(res.status).toBe(200);
    return (res.body.items as Listed[]).sort((a, b) => a.reference.localeCompare(b.reference));
  };

  it("records the earliest late step's date for outside_window, the window's end for a missing step, detection and recording at completion", async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    const before = Date.now();
    await completeExecution(t, c.leader, e.id);
    const after = Date.now();
    const all = await deviationsOf(programme.id);
    const late = all.find((d) => d.rule === 'outside_window')!;
    const missing = all.find((d) => d.rule === 'missing_step')!;
    expect(late.occurredAt).toBe(new Date(AFTER_WINDOW).toISOString());
    expect(missing.occurredAt).toBe(windowEnd);
    for (const d of [late, missing]) {
      expect(Date.parse(d.detectedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(d.detectedAt)).toBeLessThanOrEqual(after + 1000);
      expect(Date.parse(d.createdAt)).toBeGreaterThanOrEqual(Date.parse(d.detectedAt) - 1000);
    }
    const [created] = await auditOf(t, late.id);
    expect(created.changes).toMatchObject({
      occurredAt: { old: null, new: late.occurredAt },
      detectedAt: { old: null, new: late.detectedAt },
    });
  });

  it("records the window's end for an overdue procedure found by the scan, and never a moment after its detection", async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    await enrol(t, c.leader, programme.id);
    t.setToday('2026-03-05');
    const scan = await t.http
      .post(`/api/programmes/${programme.id}/deviations/scan`)
      .set(...bearer(c.leader))
      .send({});
    expect(scan.status).toBe(200);
    expect(scan.body.opened).toHaveLength(1);
    expect(scan.body.opened[0]).toMatchObject({ rule: 'overdue', occurredAt: windowEnd, detectedAt: '2026-03-05T12:00:00.000Z' });

    // A step dated a little ahead of the service's clock (within the tolerated skew): occurred is held to the detection.
    const other = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, other.id);
    const e = await startExecution(t, c.leader, other.id, procedureKey, adept.id);
    t.setToday(undefined);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    await recordStep(t, c.leader, e.id, 'interview', new Date(Date.now() + 2 * 60_000).toISOString());
    await completeExecution(t, c.leader, e.id);
    const [late] = (await deviationsOf(other.id)).filter((d) => d.rule === 'outside_window');
    expect(late.occurredAt).toBe(late.detectedAt);
  });

  it('takes occurredAt from whoever records a deviation (default: its detection), refusing one in the future or after the detection', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const given = await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(deviationBody({ programmeId: programme.id, detectedAt: '2026-11-02T09:30:00Z', occurredAt: '2026-10-20T18:00:00Z' }));
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ occurredAt: '2026-10-20T18:00:00.000Z', detectedAt: '2026-11-02T09:30:00.000Z' });
    const omitted = await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(deviationBody({ programmeId: programme.id, detectedAt: '2026-11-02T09:30:00Z' }));
    expect(omitted.body.occurredAt).toBe('2026-11-02T09:30:00.000Z');

    const count = async () => (await deviationsOf(programme.id)).length;
    const n = await count();
    const audit = await auditCount(t);
    const future = await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(
        deviationBody({
          programmeId: programme.id,
          detectedAt: '2026-11-02T09:30:00Z',
          occurredAt: new Date(Date.now() + 3 * DAY).toISOString(),
        }),
      );
    expectProblem(future, 422, 'occurred_in_future');
    expect(future.body.errors).toEqual([{ field: 'occurredAt', message: 'must not be in the future' }]);
    const afterDetection = await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(deviationBody({ programmeId: programme.id, detectedAt: '2026-11-02T09:30:00Z', occurredAt: '2026-11-02T09:31:00Z' }));
    expectProblem(afterDetection, 422, 'occurred_after_detection');
    expect(afterDetection.body.errors[0].field).toBe('occurredAt');
    const bad = await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(deviationBody({ programmeId: programme.id, occurredAt: 'last week' }));
    expectProblem(bad, 400, 'validation_failed');
    expect(await count()).toBe(n);
    expect(await auditCount(t)).toBe(audit);

    // The database holds the rule too.
    await expect(
      t.sql(`UPDATE deviation SET occurred_at = detected_at + interval '1 second' WHERE id = $1`, [given.body.id]),
    ).rejects.toThrow(/deviation_occurred_not_after_detection/);
  });

  it('counts deviations per month of occurrence, and gives the median days to closure from occurrence beside that from detection', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    await recordStep(t, c.leader, e.id, 'interview', '2026-03-12T10:00:00Z');
    await completeExecution(t, c.leader, e.id);
    const [late] = await deviationsOf(programme.id);
    await moveDeviation(t, c.qm, late.id, { to: 'analysis', comment: 'Looked at' }).expect(200);
    await moveDeviation(t, c.qm, late.id, { to: 'action_plan', comment: 'Cause', rootCause: 'Late admission' }).expect(200);
    await moveDeviation(t, c.qm, late.id, { to: 'in_progress', comment: 'Correction', correctionOnlyJustification: 'Single case' }).expect(
      200,
    );
    await moveDeviation(t, c.qm, late.id, { to: 'closed', comment: 'Done', password: c.qm.password }).expect(200);

    const res = await t.http.get(`/api/programmes/${programme.id}/indicators`).set(...bearer(c.qm));
    expect(res.status).toBe(200);
    expect(res.body.deviations.byMonth).toEqual([{ month: '2026-03', minor: 1, major: 0, critical: 0 }]);
    const today = todayIn('Europe/Stockholm');
    const days = (from: string) => Math.round((Date.parse(today) - Date.parse(from)) / DAY);
    expect(res.body.deviations.medianDaysOccurrenceToClosure).toBe(days('2026-03-10'));
    expect(res.body.deviations.medianDaysDetectionToClosure).toBe(0);
  });

  it('puts a deviation that occurred in the period in the evidence report, with both dates, though it was detected after it', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    await recordStep(t, c.leader, e.id, 'interview', '2026-03-12T10:00:00Z');
    await completeExecution(t, c.leader, e.id);
    await t.http
      .post('/api/deviations')
      .set(...bearer(c.leader))
      .send(deviationBody({ programmeId: programme.id, detectedAt: '2026-11-02T09:30:00Z' }))
      .expect(201);
    const [late, manual] = await deviationsOf(programme.id);
    const march = await t.http
      .get(`/api/programmes/${programme.id}/reports/evidence.json?from=2026-03-01&to=2026-03-31`)
      .set(...bearer(c.qm));
    expect(march.status).toBe(200);
    const rows = march.body.model.deviations as { reference: string; occurredAt: string; detectedAt: string; steps: string[] }[];
    expect(rows.map((r) => r.reference)).toEqual([late.reference]);
    expect(rows[0]).toMatchObject({ occurredAt: late.occurredAt, detectedAt: late.detectedAt, steps: ['prepare', 'interview'] });
    const november = await t.http
      .get(`/api/programmes/${programme.id}/reports/evidence.json?from=2026-11-01&to=2026-11-30`)
      .set(...bearer(c.qm));
    expect((november.body.model.deviations as { reference: string }[]).map((r) => r.reference)).toContain(manual.reference);
    // The chart counts by the month each occurred in, whenever it was found.
    expect(march.body.model.indicators.deviationsPerMonth).toEqual([
      { month: '2026-03', counts: { minor: 1, major: 0, critical: 0 } },
      { month: '2026-11', counts: { minor: 0, major: 1, critical: 0 } },
    ]);
  });
});
