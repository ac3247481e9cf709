import { reportFingerprint } from './fingerprint.js';
import { renderInternalAuditReport } from './internal-audit-report.js';
import type { InternalAuditReportModel } from './models/internal-audit-report.js';
import { expectPageNumbers, expectShows, expectStoredHash, pageTexts, renderToBuffer, sha256 } from '../../test/support/report-pdf.js';

/**
 * SHA-256 of the uncompressed rendering of `fixture('en')`. To update after an intended change:
 * run the spec, open the PDF named in the failure message, paste.
 */
const EXPECTED_SHA256 = 'cd91c7d38f4d3f9528437a4c6bca1d4e4249085ed16806a32698f3166318d00c';

function fixture(lang: 'en' | 'sv' | 'nb' = 'en'): InternalAuditReportModel {
  return {
    kind: 'internal_audit_report',
    lang,
    generatedAt: '2027-10-04T08:00:00.000Z',
    generatedBy: 'Åsa Læstadius-Øberg',
    timeZone: 'Europe/Stockholm',
    audit: {
      reference: 'IA-2027-0002',
      title: 'Intagssamtal och samtycke',
      state: 'reported',
      year: 2027,
      plannedMonth: 9,
      performedOn: '2027-09-28',
      programmeName: 'Mentorskap för arbete 2027',
      processes: ['Intag'],
      procedureKeys: ['intake-interview'],
      clauses: [
        { number: '7.5', title: 'Documented information' },
        { number: '9.2', title: 'Internal audit' },
      ],
      scope: 'Intake interviews of the spring cohort',
      periodFrom: '2027-01-01',
      periodTo: '2027-08-31',
      leadAuditor: 'Ánde Đuolbmá',
      team: ['Jørgen Ås'],
      conclusion: 'The intake is carried out as the procedure says, apart from the order of consent.',
    },
    items: [
      {
        seq: 1,
        title: 'Consent to data processing',
        ref: 'intake-interview v2 consent',
        result: 'nonconforming',
        notes: 'One of five files',
        executions: 5,
        deviations: [],
      },
      {
        seq: 2,
        title: 'Documented information',
        ref: '7.5',
        result: 'observation',
        notes: 'Paper copies beside the records',
        executions: 0,
        deviations: ['DEV-2027-0011'],
      },
      { seq: 3, title: 'Internal audit', ref: '9.2', result: null, notes: null, executions: 0, deviations: [] },
    ],
    sample: { executions: 5, deviations: ['DEV-2027-0011'] },
    findings: [
      {
        seq: 1,
        kind: 'nonconformity',
        grade: 'minor',
        title: 'Consent late',
        description: 'Recorded after the interview began',
        items: [1],
        opened: 'DEV-2027-0014 (analysis)',
        handled: false,
      },
      {
        seq: 2,
        kind: 'opportunity',
        grade: null,
        title: 'Consent first',
        description: 'Put consent at the top of the guide',
        items: [1, 2],
        opened: 'CA-2027-0009 (planned)',
        handled: true,
      },
    ],
    signature: {
      signerName: 'Ánde Đuolbmá',
      meaning: 'audit report',
      comment: null,
      signedAt: '2027-09-30T14:05:00.000Z',
      contentHash: `sha256:${'ab'.repeat(32)}`,
    },
    reportedAt: '2027-09-30T14:05:00.000Z',
  };
}

const render = (model: InternalAuditReportModel = fixture(), compress?: boolean) =>
  renderToBuffer((out) => renderInternalAuditReport(model, out, { compress }));

describe('renderInternalAuditReport', () => {
  it('prints scope, criteria, team, sample, checklist, findings, conclusion and signature', async () => {
    const pages = await pageTexts(await render());
    const text = pages.join('\n');
    expect(pages[0]).toContain(reportFingerprint(fixture()));
    expectPageNumbers(pages, 'en');
    expectShows(pages[0], [
      'Internal audit report',
      'IA-2027-0002 — Intagssamtal och samtycke',
      'State Reported',
      'Checklist items answered 2 / 3',
    ]);
    expectShows(text, [
      'Scope Intake interviews of the spring cohort',
      'Programme Mentorskap för arbete 2027',
      'ISO 9001 clauses 7.5 Documented information; 9.2 Internal audit',
      'Period audited 2027-01-01 – 2027-08-31',
      'Lead auditor Ánde Đuolbmá',
      'Team member Jørgen Ås',
      'Executions sampled 5',
      'Deviations sampled DEV-2027-0011',
      'Nonconforming',
      'Not answered',
      '5 executions',
      'DEV-2027-0014 (analysis)',
      'Not handled',
      'CA-2027-0009 (planned)',
      'The intake is carried out as the procedure says, apart from the order of consent.',
      'Signed by Ánde Đuolbmá (audit report) on 2027-09-30 16:05 UTC+2',
    ]);
  });

  it('prints in Norwegian Bokmål', async () => {
    const text = (await pageTexts(await render(fixture('nb')))).join('\n');
    expectShows(text, ['Internrevisjonsrapport', 'Sjekkliste', 'Funn', 'Avvik', 'Forbedringsmulighet', 'Ledende revisor Ánde Đuolbmá']);
  });

  it('renders the same model to the same bytes, and the stored ones', async () => {
    const a = await render(undefined, false);
    expect(sha256(await render(undefined, false))).toBe(sha256(a));
    expectStoredHash(a, EXPECTED_SHA256, 'internal-audit-report');
  });
});
