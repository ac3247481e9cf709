import type { ManagementReviewInputs } from '../management-reviews/review-inputs.service.js';
import { reportFingerprint } from './fingerprint.js';
import { renderManagementReviewMinutes } from './management-review-minutes.js';
import type { ManagementReviewMinutesModel, ReviewInputs } from './models/management-review-minutes.js';
import { managementReviewMinutesFixture } from '../../test/support/reports/register-fixture.js';
import { expectPageNumbers, expectShows, expectStoredHash, pageTexts, renderToBuffer, sha256 } from '../../test/support/report-pdf.js';

/**
 * SHA-256 of the uncompressed rendering of `managementReviewMinutesFixture('en')`. To update
 * after an intended change: run the spec, open the PDF named in the failure message, paste.
 */
const EXPECTED_SHA256 = '68e92db189b06627c6c29d1b1f3f1b4fa2733ebce18ccb47daab73cff74e3b55';

// The minutes take the stored inputs snapshot as it is: the two shapes must stay the same.
const snapshotFits: (s: ManagementReviewInputs) => ReviewInputs = (s) => s;
const inputsFitSnapshot: (s: ReviewInputs) => ManagementReviewInputs = (s) => s;
void snapshotFits;
void inputsFitSnapshot;

const render = (model: ManagementReviewMinutesModel = managementReviewMinutesFixture(), compress?: boolean) =>
  renderToBuffer((out) => renderManagementReviewMinutes(model, out, { compress }));

describe('renderManagementReviewMinutes', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    pages = await pageTexts(await render());
    text = pages.join('\n');
  });

  it('identifies the review, its attendees and the full fingerprint', () => {
    expectShows(pages[0], [
      'Management review minutes',
      'Ledningens genomgång hösten 2027',
      'Held on 2027-09-18',
      'Signed by Ánde Đuolbmá, 2027-09-18 17:10 UTC+2',
    ]);
    expect(pages[0]).toContain(reportFingerprint(managementReviewMinutesFixture()));
    expectShows(text, [
      'Ánde Đuolbmá Board member',
      'Åsa Læstadius-Øberg Quality manager, Programme leader',
      'Inputs composed 2027-09-18 17:09 UTC+2',
    ]);
  });

  it('shows the inputs the board looked at', () => {
    expectShows(text, [
      'Open deviations 3',
      'Open deviations past their target date 1',
      'Minor 1',
      'Internal audit 1',
      'Participant feedback 1',
    ]);
    expectShows(text, ['Closed 7', 'Effectiveness check 1', 'Overdue corrective actions 1: CA-2027-0002']);
    expectShows(text, ['intake-interview — Intake interview 87.5% 35 / 40', 'matching no data 0 / 0', 'Conformance rate (%)']);
    expectShows(text, [
      'Ledningens genomgång våren 2027 2027-03-20',
      '1. Inför påminnelser om matchningsfönstret.',
      'CA-2027-0001 · Closed · 2027-03-15',
      'CA-2027-0002 · In progress · 2027-05-01 (overdue)',
    ]);
  });

  it('lists the decisions with the corrective actions that track them', () => {
    expectShows(text, [
      'Decision 1',
      'Programledarna får utbildning i samtyckeshantering före nästa intag.',
      'CA-2027-0011 Planned 2027-11-30 No',
    ]);
    expectShows(text, ['Decision 2', 'Kvalitetsmålet för överensstämmelse höjs till 95 %.', 'No corrective action opened.']);
  });

  it('ends with the closing signature, or says the minutes are a draft', async () => {
    expectShows(text, ['Approval of the minutes', 'Signed at 2027-09-18 17:10 UTC+2', 'Meaning closed']);
    expect(text).not.toContain('DRAFT');
    const draft = await pageTexts(await render(managementReviewMinutesFixture('en', false)));
    expectShows(draft[0], ['DRAFT — these minutes have not been signed.']);
    expectShows(draft[draft.length - 1], ['Approval of the minutes DRAFT — these minutes have not been signed.']);
  });

  it('numbers every page', () => expectPageNumbers(pages, 'en'));

  it('prints every ISO 9001 9.3.2 item, the period, guests and decision categories, in each language', async () => {
    const base = managementReviewMinutesFixture();
    const model: ManagementReviewMinutesModel = {
      ...base,
      review: { ...base.review, periodFrom: '2027-01-01', periodTo: '2027-08-31' },
      guests: [{ name: 'Eva Ekonom', role: 'Co-financier' }],
      decisions: base.decisions.map((d, i) => ({ ...d, category: i === 0 ? 'resource_need' : 'qms_change' })),
      inputs: {
        ...base.inputs,
        period: { from: '2027-01-01', to: '2027-08-31', previousFrom: '2026-05-04', previousTo: '2026-12-31' },
        issues: [{ seq: 1, text: 'Co-financing now requires registered job-seekers', recordedAt: '2027-09-18T08:00:00Z' }],
        satisfaction: {
          procedureKey: 'final-evaluation',
          stepKey: 'adept_evaluation',
          fieldKey: 'satisfaction',
          responses: 12,
          mean: 4.25,
          distribution: { '1': 0, '2': '<5', '3': '<5', '4': 5, '5': '<5' },
          feedbackGiven: 9,
          previousMean: 3.9,
          trend: 'up',
        },
        objectives: [
          {
            id: 'o1',
            title: 'Completion at least 80 %',
            ownerName: 'Qarin Quality',
            deadline: '2027-12-31',
            indicator: 'completion_rate',
            unit: 'rate',
            comparator: '>=',
            target: 0.8,
            measured: 0.75,
            status: 'not_met',
            trend: 'up',
            trendIsBetter: true,
            measuredInPeriod: [],
          },
        ],
        processPerformance: [{ procedureKey: 'intake', conforming: 9, completed: 10, rate: 0.9, previousRate: 0.8, trend: 'up' }],
        nonconformities: { detected: 4, closed: 3, detectedBySeverity: { minor: 2, major: 1, critical: 1 } },
        monitoring: {
          conformanceRate: 0.9,
          completionRate: 0.75,
          withdrawalRate: 0.1,
          inWorkOrStudiesRate: 0.6,
          actionsClosedOnTimeRate: 0.5,
          medianDaysToClose: 21,
          openDeviations: 3,
        },
        internalAudits: { available: false, note: 'No internal audits module data', audits: [] },
        externalProviders: {
          pairsMatched: 14,
          pairsEndedEarly: '<5',
          mentorFeedbackGiven: 10,
          mentorSatisfactionResponses: 12,
          mentorSatisfactionMean: 4.1,
        },
        resources: [{ seq: 1, text: 'Two leaders for 40 pairs', recordedAt: '2027-09-18T08:00:00Z' }],
        risks: [
          {
            reference: 'RISK-2027-0001',
            kind: 'risk',
            title: 'Mentor drop-out',
            status: 'open',
            ratingBefore: 12,
            ratingAfter: 6,
            actions: [{ reference: 'CA-2027-0009', state: 'implemented' }],
          },
        ],
        opportunities: {
          actions: [
            {
              reference: 'CA-2027-0010',
              type: 'improvement',
              source: 'other',
              sourceText: 'Alumni as mentors',
              state: 'planned',
              dueDate: '2027-12-01',
            },
          ],
          register: [{ reference: 'RISK-2027-0002', title: 'Alumni adepts as mentors', rating: 9 }],
        },
      },
    };
    const en = (await pageTexts(await render(model))).join('\n');
    expectShows(en, [
      'Period reviewed',
      'Attendees without an account',
      'Eva Ekonom',
      'Changes in external and internal issues',
      'Participant satisfaction and feedback',
      'Quality objectives met',
      'Completion at least 80 %',
      'Process performance and conformity',
      'Nonconformities in the period',
      'Monitoring and measurement results',
      'Internal audit results',
      'No internal audits module data',
      'Performance of external providers (mentors)',
      'Adequacy of resources',
      'Effectiveness of actions on risks and opportunities',
      'Opportunities for improvement',
      'Resource need',
    ]);
    const sv = (await pageTexts(await render({ ...model, lang: 'sv' }))).join('\n');
    expectShows(sv, ['Granskad period', 'Uppfyllda kvalitetsmål', 'Resultat av internrevisioner', 'Möjligheter till förbättring']);
    // Internal audits of the period, their state in the reader's words.
    const audited: ManagementReviewMinutesModel = {
      ...model,
      inputs: {
        ...model.inputs,
        internalAudits: {
          available: true,
          note: null,
          audits: [
            {
              id: 'a1',
              reference: 'IA-2026-0001',
              title: 'Intake interviews',
              state: 'reported',
              performedOn: '2026-10-05',
              findings: { major: 0, minor: 1, observations: 1, opportunities: 1 },
            },
          ],
        },
      },
    };
    expectShows((await pageTexts(await render(audited))).join('\n'), ['IA-2026-0001', 'Intake interviews', 'Reported', '0 / 1 / 1 / 1']);
    expectShows((await pageTexts(await render({ ...audited, lang: 'sv' }))).join('\n'), ['IA-2026-0001', 'Rapporterad']);
    const nb = (await pageTexts(await render({ ...model, lang: 'nb' }))).join('\n');
    expectShows(nb, ['Periode som gjennomgås', 'Oppnådde kvalitetsmål', 'Muligheter for forbedring']);
  });

  it.each([
    [
      'sv',
      [
        'Protokoll från ledningens genomgång',
        'Närvarande',
        'Underlag för genomgången',
        'Öppna avvikelser 3',
        'Beslut 1',
        'Justering av protokollet',
        'Styrelseledamot',
        'Sida 1 av',
      ],
    ],
    [
      'nb',
      [
        'Referat fra ledelsens gjennomgåelse',
        'Til stede',
        'Grunnlag for gjennomgåelsen',
        'Åpne avvik 3',
        'Beslutning 1',
        'Godkjenning av referatet',
        'Styremedlem',
        'Side 1 av',
      ],
    ],
  ] as const)('speaks %s throughout', async (lang, words) => {
    const texts = await pageTexts(await render(managementReviewMinutesFixture(lang)));
    const all = texts.join('\n');
    expectShows(all, words);
    for (const english of [
      'Management review minutes',
      'Attendees',
      'Inputs to the review',
      'Decision 1',
      'Approval of the minutes',
      'Board member',
      'Page 1 of',
    ])
      expect(all).not.toContain(english);
    expectPageNumbers(texts, lang);
  });

  it('keeps Swedish, Norwegian and Sámi letters', () => {
    expectShows(text, ['Ánde Đuolbmá', 'Åsa Læstadius-Øberg', 'Ledningens genomgång', 'höjs till 95 %']);
  });

  it('renders the same model to the same bytes, matching the stored expectation', async () => {
    expect(sha256(await render())).toBe(sha256(await render()));
    expectStoredHash(await render(undefined, false), EXPECTED_SHA256, 'management-review-minutes');
  });
});
