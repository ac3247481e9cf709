/**
 * What the evidence report prints, read as an auditor reads it: times on the programme's clock
 * with their offset, system findings titled in the report's language, the chain-head hash whole on
 * one line, and no count of people under five in the pseudonymised report.
 */
import { expectStatus, createStaff, procedureDefinition, programmeFixture } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const AT = '2026-06-15T12:00:00.000Z';

describe('evidence report: times, titles, hashes and small counts', () => {
  let t: TestApp;
  let staff: Staff;
  let auditor: TestUser;
  let fx: ProgrammeFixture;

  const report = async (who: TestUser, query = '') =>
    (
      await pageTexts((await fetchReport(t, who, `/api/programmes/${fx.programme.id}/reports/evidence.pdf?generatedAt=${AT}${query}`)).body)
    ).join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    auditor = await t.user(['auditor'], 'Aud Itor');
    // Two adepts in Buenos Aires time, whose intake window closed on the programme's first day.
    fx = await programmeFixture(t, {
      staff,
      procedures: [procedureDefinition('format-intake', { window: { anchor: 'programme_start', fromDays: -10, toDays: 0 } })],
      startDate: '2026-03-02',
      endDate: '2027-02-26',
      enrolledAt: '2026-01-12',
      timeZone: 'America/Argentina/Buenos_Aires',
      adepts: 2,
    });
    expectStatus(
      await t.http
        .post(`/api/programmes/${fx.programme.id}/deviations/scan`)
        .set(...bearer(staff.qm))
        .send({}),
      200,
      'scanning',
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('prints times on the programme clock with the offset from UTC, and says which clock', async () => {
    const text = await report(staff.qm);
    expect(text).toContain('Times of day in America/Argentina/Buenos_Aires');
    expect(text).toContain('Generated 2026-06-15 09:00 UTC-3');
    expect(text).not.toMatch(/\d{2}:\d{2} UTC(?![+-])/);
  });

  it('titles system findings by their rule in the language of the report, with the participant code', async () => {
    const codes = fx.adepts.map((a) => a.code);
    // A cell's lines read back one after another; the title wraps within its column.
    const sv = (await report(staff.qm, '&lang=sv')).replace(/\s+/g, ' ');
    for (const code of codes) expect(sv).toContain(`Inte utfört innan tidsfönstret stängdes (${code})`);
    const nb = (await report(staff.qm, '&lang=nb')).replace(/\s+/g, ' ');
    for (const code of codes) expect(nb).toContain(`Ikke utført før tidsvinduet stengte (${code})`);
    expect(sv).not.toContain('Overdue:');
  });

  it('prints the chain-head hash whole, on one line', async () => {
    const text = await report(auditor);
    const json = await t.http.get(`/api/programmes/${fx.programme.id}/reports/evidence.json?generatedAt=${AT}`).set(...bearer(auditor));
    const hash = json.body.model.auditTrail.chainHead.hash as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text.split('\n').some((line) => line.includes(hash))).toBe(true);
  });

  it('suppresses every count of people under five for readers not entitled to names, and shows them to those who are', async () => {
    const pseudonymised = await report(auditor);
    expect(pseudonymised).toContain('Enrolled <5');
    expect(pseudonymised).not.toMatch(/Enrolled 2\b/);
    const json = await t.http.get(`/api/programmes/${fx.programme.id}/reports/evidence.json?generatedAt=${AT}`).set(...bearer(auditor));
    expect(json.body.model.indicators.enrolled).toBe('<5');

    const named = await report(staff.qm, '&includeNames=true');
    expect(named).toMatch(/Enrolled 2\b/);
  });
});
