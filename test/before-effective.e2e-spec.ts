/**
 * Records older than the version they are pinned to: a step performed before its pinned version
 * became effective is a finding `before_effective`, judged nonconforming, opening a deviation like
 * any other rule, and shown in words in the API, the matrix and the evidence report.
 */
import { localDate } from '../src/common/calendar.js';
import { activeProgramme, adeptProcedure, createCast, enrol, recordStep, startExecution } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { APPROVED_ON, sampleDefinition } from './support/procedures.js';
import { pageTexts } from './support/report-pdf.js';
import { fetchReport } from './support/report-http.js';
import { bearer, startTestApp, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

describe('a step performed before its pinned version became effective', () => {
  let t: TestApp;
  let c: Cast;
  let key: string;
  let effectiveFrom: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    // Approved today, through the API, on the system clock: effective from now (the steps below are dated in February).
    key = `late-approved-${uniqueSuffix()}`;
    expect(
      (
        await t.http
          .post('/api/procedures')
          .set(...bearer(c.qm))
          .send({ definition: sampleDefinition(key) })
      ).status,
    ).toBe(201);
    expect((await t.http.post(`/api/procedures/${key}/versions/1/submit`).set(...bearer(c.qm))).status).toBe(200);
    const approved = await t.http
      .post(`/api/procedures/${key}/versions/1/approve`)
      .set(...bearer(c.qm2))
      .send({ password: c.qm2.password, comment: 'Approved' });
    expect(approved.status).toBe(200);
    effectiveFrom = approved.body.effectiveFrom as string;
    expect(Date.parse(effectiveFrom)).toBeGreaterThan(Date.parse('2026-03-01T00:00:00Z'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is judged nonconforming with before_effective findings, opens one deviation for them, and shows them in the matrix and the evidence report', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    expect(programme.procedurePlan.find((p) => p.procedureKey === key)).toMatchObject({ versionNumber: 1 });
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, key, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', '2026-02-15T10:00:00Z');
    await recordStep(t, c.leader, e.id, 'interview', '2026-02-20T10:00:00Z');
    const done = await t.http.post(`/api/executions/${e.id}/complete`).set(...bearer(c.leader));
    expect(done.status).toBe(200);
    expect(done.body.conformance).toBe('nonconforming');
    const findings = done.body.findings as { rule: string; stepKey: string; recordId: string; detail: string }[];
    // In the window, in order, by a leader: only the version's effective day is against them.
    expect(findings.map((f) => [f.rule, f.stepKey])).toEqual([
      ['before_effective', 'prepare'],
      ['before_effective', 'interview'],
    ]);
    expect(findings[0].detail).toContain('2026-02-15');
    // The day in the programme's time zone (near midnight UTC it is already the next day in Stockholm).
    expect(findings[0].detail).toContain(`before the pinned version became effective on ${localDate(effectiveFrom, t.config.timeZone)}`);

    const view = await t.http.get(`/api/executions/${e.id}`).set(...bearer(c.qm));
    expect(view.body.conformance).toBe('nonconforming');
    expect(view.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['before_effective', 'before_effective']);

    const matrix = await t.http.get(`/api/programmes/${programme.id}/conformance`).set(...bearer(c.qm));
    const row = (matrix.body.rows as { subject: { id: string }; cells: { procedureKey: string; status: string }[] }[]).find(
      (r) => r.subject.id === adept.id,
    )!;
    expect(row.cells.find((x) => x.procedureKey === key)!.status).toBe('nonconforming');

    const deviations = await t.http
      .get('/api/deviations')
      .query({ programmeId: programme.id })
      .set(...bearer(c.qm));
    expect(deviations.body.items).toHaveLength(1);
    const [d] = deviations.body.items as { rule: string; severity: string; title: string; steps: { stepKey: string }[] }[];
    expect(d).toMatchObject({ rule: 'before_effective', severity: 'minor', source: 'system', executionId: e.id });
    expect(d.title).toBe(`${key} v1: before effective in steps prepare, interview (${adept.code})`);
    expect(d.steps.map((s) => s.stepKey)).toEqual(['prepare', 'interview']);

    const report = await fetchReport(t, c.qm, `/api/programmes/${programme.id}/reports/evidence.pdf`);
    const text = (await pageTexts(report.body)).join('\n').replace(/\s+/g, ' ');
    // The system's finding in the report's words, with the steps it concerns.
    expect(text).toContain('Performed before the procedure version was in force');
    expect(text).toContain('Steps: prepare, interview');
  });

  it('finds nothing when the version was effective before the steps: the same steps against a version approved earlier conform', async () => {
    const earlier = await adeptProcedure(t, c);
    const [{ effective_from }] = await t.sql<{ effective_from: Date }>(
      `SELECT v.effective_from FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE p.key = $1`,
      [earlier],
    );
    expect(effective_from.toISOString().slice(0, 10)).toBe(APPROVED_ON);
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, earlier, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', '2026-02-15T10:00:00Z');
    await recordStep(t, c.leader, e.id, 'interview', '2026-02-20T10:00:00Z');
    const done = await t.http.post(`/api/executions/${e.id}/complete`).set(...bearer(c.leader));
    expect(done.body).toMatchObject({ conformance: 'conforming', findings: [] });
  });
});
