/**
 * An internal audit's report as a PDF through HTTP: scope, criteria, team, sample, the checklist
 * answers, the findings with the deviation or action each opened, the conclusion and the lead
 * auditor's signature; in the reader's language, the same bytes for the same request, and only
 * for those who may read the audit. No participant's name is printed.
 */
import { expectProblem } from './support/expectations.js';
import { executeProcedure, expectStatus, procedureDefinition, programmeFixture, textStep } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { fetchBytes, fetchReport } from './support/report-http.js';
import { expectPageNumbers, expectShows, pageTexts, sha256, shows } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const AT = '2026-03-10T09:00:00.000Z';
const KEY = 'iap-intake';

describe('internal audit report (PDF) through HTTP', () => {
  let t: TestApp;
  let staff: Staff;
  let lead: TestUser;
  let member: TestUser;
  let auditor: TestUser;
  let outsider: TestUser;
  let a: ProgrammeFixture;
  let audit: { id: string; reference: string; items: { id: string }[] };
  let deviationRef: string;
  let actionRef: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday('2026-03-10');
    staff = {
      qm: await t.user(['quality_manager'], 'Quinn Quality'),
      approver: await t.user(['quality_manager'], 'Astrid Approver'),
      leader: await t.user(['programme_leader'], 'Leila Leader'),
    };
    lead = await t.user(['board_member'], 'Ingrid Independent');
    member = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    outsider = await t.user(['programme_leader'], 'Petra Elsewhere');
    a = await programmeFixture(t, {
      staff,
      procedures: [
        procedureDefinition(KEY, { steps: [textStep('prepare', { title: { en: 'Prepare the interview', sv: 'Förbered samtalet' } })] }),
      ],
      startDate: '2026-01-12',
      endDate: '2026-12-18',
      adepts: 1,
      leaders: [staff.leader],
    });
    const execution = await executeProcedure(t, staff.leader, a.programme.id, KEY, { participantId: a.adepts[0].id }, [
      { stepKey: 'prepare', values: { summary: 'Prepared' }, performedAt: '2026-01-05T10:00:00Z' },
    ]);
    const planned = expectStatus(
      await t.http
        .post('/api/internal-audits')
        .set(...bearer(staff.qm))
        .send({
          year: 2026,
          title: 'Intake in programme A',
          processes: ['Intake'],
          procedureKeys: [KEY],
          programmeId: a.programme.id,
          plannedMonth: 3,
          importance: 'high',
          scope: 'Intake interviews of the spring cohort',
          clauses: ['8.5.1'],
          periodFrom: '2026-01-01',
          periodTo: '2026-02-28',
          leadAuditorId: lead.id,
          teamIds: [member.id],
        }),
      201,
      'planning',
    );
    audit = expectStatus(
      await t.http
        .post(`/api/internal-audits/${planned.id}/start`)
        .set(...bearer(staff.qm))
        .send({}),
      200,
      'starting',
    );
    const answer = (item: string, body: Record<string, unknown>) =>
      t.http
        .post(`/api/internal-audits/${audit.id}/items/${item}/answers`)
        .set(...bearer(lead))
        .send(body);
    expectStatus(
      await answer(audit.items[0].id, { result: 'nonconforming', notes: 'Notes missing', executionIds: [execution.id] }),
      201,
      'answer',
    );
    expectStatus(await answer(audit.items[1].id, { result: 'conforming', notes: 'Controlled' }), 201, 'answer');
    const finding = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/internal-audits/${audit.id}/findings`)
        .set(...bearer(member))
        .send({ itemIds: [audit.items[0].id], ...body });
    const nc = expectStatus(
      await finding({ kind: 'nonconformity', grade: 'minor', title: 'Intake notes missing', description: 'One file' }),
      201,
      'NC',
    );
    deviationRef = nc.findings[0].deviation.reference;
    const ofi = expectStatus(
      await finding({
        kind: 'opportunity',
        title: 'Intake checklist',
        description: 'A checklist would help',
        action: { ownerId: staff.leader.id, dueDate: '2026-05-01', effectivenessCriterion: 'Complete files' },
      }),
      201,
      'OFI',
    );
    actionRef = ofi.findings[1].action.reference;
    expectStatus(
      await t.http
        .post(`/api/internal-audits/${audit.id}/report`)
        .set(...bearer(lead))
        .send({ conclusion: 'Intake works; notes need a checklist', password: lead.password }),
      200,
      'signing',
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (query = '') => `/api/reports/internal-audits/${audit.id}.pdf?generatedAt=${AT}${query}`;

  it('prints scope, criteria, team, sample, checklist, findings, conclusion and signature', async () => {
    const r = await fetchReport(t, auditor, url());
    const pages = await pageTexts(r.body);
    expect(pages[0]).toContain(r.fingerprint);
    expectPageNumbers(pages, 'en');
    const text = pages.join('\n');
    expectShows(pages[0], ['Internal audit report', audit.reference, 'State Reported', 'Findings 2', 'Generated by Arne Auditor']);
    expectShows(text, [
      'Scope Intake interviews of the spring cohort',
      'ISO 9001 clauses 8.5.1 Control of production and service provision',
      'Period audited 2026-01-01 – 2026-02-28',
      'Lead auditor Ingrid Independent',
      'Team member Olof Other',
      'Executions sampled 1',
      'Prepare the interview',
      'Nonconforming',
      'Notes missing',
      'Nonconformity',
      'Opportunity for improvement',
      deviationRef,
      actionRef,
      'Intake works; notes need a checklist',
      'Signed by Ingrid Independent (audit report)',
    ]);
    expect(shows(text, a.adepts[0].fullName)).toBe(false);
  });

  it('prints in Swedish, and gives the same bytes for the same request', async () => {
    const sv = await fetchReport(t, staff.qm, url('&lang=sv'));
    expectShows((await pageTexts(sv.body)).join('\n'), [
      'Internrevisionsrapport',
      'Förbered samtalet',
      'Avvikande',
      'Förbättringsmöjlighet',
    ]);
    const again = await fetchReport(t, staff.qm, url('&lang=sv'));
    expect(sha256(again.body)).toBe(sha256(sv.body));
  });

  it('is for those who read the audit', async () => {
    expect((await fetchBytes(t, staff.leader, url())).status).toBe(200);
    expect((await fetchBytes(t, outsider, url())).status).toBe(404);
    expect((await fetchBytes(t, t.admin, url())).status).toBe(404);
    expectProblem(
      await t.http.get(`/api/reports/internal-audits/00000000-0000-4000-8000-000000000000.pdf`).set(...bearer(staff.qm)),
      404,
      'not_found',
    );
    expectProblem(await t.http.get(url('&lang=de')).set(...bearer(staff.qm)), 400, 'validation_failed');
  });
});
