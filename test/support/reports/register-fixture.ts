/** Fixed, hand-made models of the corrective action register and the review minutes. */
import type { ReportLanguage } from '../../../src/reports/models/codes.js';
import type { CorrectiveActionRegisterModel } from '../../../src/reports/models/corrective-action-register.js';
import type { ManagementReviewMinutesModel } from '../../../src/reports/models/management-review-minutes.js';

export const EVIDENCE_TEXT = 'Stickprov på 12 matchningar: alla inom fönstret. Þórunn Ŋávdi kontrollerade.';

export function correctiveActionRegisterFixture(lang: ReportLanguage = 'en'): CorrectiveActionRegisterModel {
  return {
    kind: 'corrective_action_register',
    lang,
    generatedAt: '2027-07-01T06:00:00.000Z',
    generatedBy: 'Bjørn Sæther',
    timeZone: 'Europe/Stockholm',
    filters: {
      programmeName: 'Mentorprogrammet Malmö–Tromsø 2027',
      states: ['in_progress', 'closed'],
      overdueOnly: false,
      dueFrom: '2027-01-01',
      dueTo: '2027-12-31',
    },
    actions: [
      {
        reference: 'CA-2027-0001',
        type: 'corrective',
        state: 'closed',
        description: 'Remind programme leaders of the matching window two weeks before it closes.',
        effectivenessCriterion: 'No matching outside its window in the next 20 matchings.',
        ownerName: 'Máret Ŋuolbmá',
        dueOn: '2027-03-15',
        createdAt: '2027-02-05T09:00:00.000Z',
        implementedAt: '2027-03-01T09:00:00.000Z',
        closedAt: '2027-04-02T13:00:00.000Z',
        overdueDays: 0,
        deviations: [{ reference: 'DEV-2027-0001', title: 'Matching done after the window closed', severity: 'major', state: 'closed' }],
        effectiveness: {
          verdict: 'effective',
          checkedAt: '2027-04-02T12:30:00.000Z',
          checkedByName: 'Åsa Læstadius-Øberg',
          evidence: EVIDENCE_TEXT,
          signedContentHash: '5e1f'.repeat(16),
        },
        boardReviews: [
          {
            decision: 'endorsed',
            reviewerName: 'Ánde Đuolbmá',
            reviewedAt: '2027-04-10T17:00:00.000Z',
            comment: 'Godkjent uten merknader.',
            signedContentHash: 'b0a2'.repeat(16),
          },
        ],
      },
      {
        reference: 'CA-2027-0002',
        type: 'correction',
        state: 'in_progress',
        description: 'Collect the missing consent form.',
        effectivenessCriterion: 'Consent form on file.',
        ownerName: 'Bjørn Sæther',
        dueOn: '2027-05-01',
        createdAt: '2027-04-12T08:00:00.000Z',
        implementedAt: null,
        closedAt: null,
        overdueDays: 61,
        deviations: [
          { reference: 'DEV-2027-0002', title: 'Consent form missing for one adept', severity: 'critical', state: 'action_plan' },
        ],
        effectiveness: null,
        boardReviews: [],
      },
    ],
  };
}

export function managementReviewMinutesFixture(lang: ReportLanguage = 'en', signed = true): ManagementReviewMinutesModel {
  return {
    kind: 'management_review_minutes',
    lang,
    generatedAt: '2027-09-20T10:00:00.000Z',
    generatedBy: 'Åsa Læstadius-Øberg',
    timeZone: 'Europe/Stockholm',
    review: {
      title: 'Ledningens genomgång hösten 2027',
      heldOn: '2027-09-18',
      state: signed ? 'closed' : 'open',
      closedAt: signed ? '2027-09-18T15:10:00.000Z' : null,
    },
    attendees: [
      { name: 'Ánde Đuolbmá', roles: ['board_member'] },
      { name: 'Åsa Læstadius-Øberg', roles: ['quality_manager', 'programme_leader'] },
    ],
    inputs: {
      composedAt: '2027-09-18T15:09:00.000Z',
      asOf: '2027-09-18',
      deviations: {
        open: 3,
        overdue: 1,
        openBySeverity: { minor: 1, major: 1, critical: 1 },
        openBySource: { manual: 0, internal_audit: 1, external_audit: 0, participant_feedback: 1, system: 1 },
      },
      correctiveActions: {
        byState: { planned: 1, in_progress: 2, implemented: 0, effectiveness_check: 1, closed: 7, cancelled: 0 },
        overdue: 1,
        overdueReferences: ['CA-2027-0002'],
      },
      conformance: [
        { procedureKey: 'intake-interview', conforming: 35, completed: 40, rate: 0.875 },
        { procedureKey: 'matching', conforming: 0, completed: 0, rate: null },
      ],
      earlierDecisions: [
        {
          reviewId: '6f7d3c52-3d43-4f65-9d2e-0b3f4f1f8e11',
          heldOn: '2027-03-20',
          title: 'Ledningens genomgång våren 2027',
          seq: 1,
          text: 'Inför påminnelser om matchningsfönstret.',
          action: { reference: 'CA-2027-0001', state: 'closed', dueDate: '2027-03-15', overdue: false },
        },
        {
          reviewId: '6f7d3c52-3d43-4f65-9d2e-0b3f4f1f8e11',
          heldOn: '2027-03-20',
          title: 'Ledningens genomgång våren 2027',
          seq: 2,
          text: 'Samtyckesblanketter ska kontrolleras vid varje intagssamtal.',
          action: { reference: 'CA-2027-0002', state: 'in_progress', dueDate: '2027-05-01', overdue: true },
        },
      ],
    },
    procedureTitles: { 'intake-interview': { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' } },
    decisions: [
      {
        seq: 1,
        text: 'Programledarna får utbildning i samtyckeshantering före nästa intag.',
        trackedActions: [{ reference: 'CA-2027-0011', state: 'planned', dueOn: '2027-11-30', overdue: false }],
      },
      { seq: 2, text: 'Kvalitetsmålet för överensstämmelse höjs till 95 %.', trackedActions: [] },
    ],
    signature: signed
      ? { signerName: 'Ánde Đuolbmá', meaning: 'closed', comment: null, signedAt: '2027-09-18T15:10:00.000Z', contentHash: null }
      : null,
  };
}
