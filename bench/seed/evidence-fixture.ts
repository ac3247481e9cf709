/** A fixed, hand-made evidence report model for the renderer's specs. */
import type { ReportLanguage } from '../../src/reports/models/codes.js';
import type { EvidenceReportModel } from '../../src/reports/models/evidence-report.js';

export const CHAIN_HEAD_HASH = 'c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00d15ea5e5';
export const INTAKE_HASH = '3f1c9a7e52b04d6f8e2a1b9c7d5e3f1a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e';
export const NAMES = ['Sánne Ŋuvttá', 'Øystein Åkerlund'];

export function evidenceReportFixture(lang: ReportLanguage = 'en', includeNames = false): EvidenceReportModel {
  const rate = (numerator: number, denominator: number) => ({
    numerator,
    denominator,
    percent: denominator ? (numerator / denominator) * 100 : null,
  });
  return {
    kind: 'evidence_report',
    lang,
    generatedAt: '2027-06-30T14:05:00.000Z',
    generatedBy: 'Åsa Læstadius-Øberg',
    timeZone: 'Europe/Stockholm',
    programme: {
      id: '7f1c2a9e-3b4d-4e5f-8a6b-0c1d2e3f4a5b',
      name: 'Mentorprogrammet Malmö–Tromsø 2027',
      startsOn: '2027-01-15',
      endsOn: '2027-12-15',
    },
    period: { from: '2027-01-01', to: '2027-06-30' },
    procedures: [
      {
        key: 'intake-interview',
        title: { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' },
        version: 3,
        effectiveFrom: '2027-01-10T12:00:00.000Z',
        contentHash: INTAKE_HASH,
        approvals: [
          {
            signerName: 'Bjørn Sæther',
            meaning: 'approved',
            comment: null,
            signedAt: '2027-01-10T11:58:00.000Z',
            contentHash: INTAKE_HASH,
          },
        ],
      },
      {
        key: 'matching',
        title: { en: 'Matching', sv: 'Matchning', nb: 'Matching' },
        version: 1,
        effectiveFrom: '2026-11-02T08:00:00.000Z',
        contentHash: 'aa11bb22cc33dd44ee55ff6600778899aa11bb22cc33dd44ee55ff6600778899',
        approvals: [],
      },
    ],
    includeNames,
    participants: [
      {
        code: 'A-0001',
        role: 'adept',
        gender: 'female',
        profession: 'Läkare',
        enrolledOn: '2027-01-15',
        status: 'active',
        ...(includeNames ? { name: NAMES[0] } : {}),
      },
      {
        code: 'M-0001',
        role: 'mentor',
        gender: 'male',
        profession: 'Sjuksköterska',
        enrolledOn: '2027-01-15',
        status: 'completed',
        ...(includeNames ? { name: NAMES[1] } : {}),
      },
    ],
    conformance: {
      asOf: '2027-06-30',
      procedures: [
        { key: 'intake-interview', title: { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' } },
        { key: 'matching', title: { en: 'Matching', sv: 'Matchning', nb: 'Matching' } },
      ],
      rows: [
        {
          subject: 'A-0001',
          subjectType: 'adept',
          cells: [
            { status: 'conforming', version: 3 },
            { status: 'overdue', version: 1 },
          ],
        },
        { subject: 'M-0001', subjectType: 'mentor', cells: [null, { status: 'nonconforming', version: 1 }] },
        { subject: 'P-0001', subjectType: 'pair', cells: [null, { status: 'not_yet_due', version: null }] },
      ],
    },
    deviations: [
      {
        reference: 'DEV-2027-0001',
        occurredAt: '2027-01-31T22:59:59.999Z',
        detectedAt: '2027-02-03T10:00:00.000Z',
        severity: 'major',
        source: 'system',
        procedureKey: 'matching',
        procedureVersion: 1,
        state: 'closed',
        title: 'matching v1: outside window in step match (P-0001)',
        rule: 'outside_window',
        subject: null,
        steps: ['match'],
        closedAt: '2027-03-01T09:00:00.000Z',
      },
      {
        reference: 'DEV-2027-0002',
        occurredAt: '2027-04-08T12:00:00.000Z',
        detectedAt: '2027-04-11T07:30:00.000Z',
        severity: 'critical',
        source: 'participant_feedback',
        procedureKey: null,
        procedureVersion: null,
        state: 'action_plan',
        title: 'Consent form missing for one adept',
        rule: null,
        subject: null,
        steps: [],
        closedAt: null,
      },
    ],
    correctiveActions: [
      {
        reference: 'CA-2027-0001',
        type: 'corrective',
        description: 'Remind programme leaders of the matching window two weeks before it closes.',
        ownerName: 'Máret Ŋuolbmá',
        dueOn: '2027-03-15',
        state: 'closed',
        overdueDays: 0,
        effectiveness: 'effective',
        boardDecisions: [{ decision: 'endorsed', decidedOn: '2027-03-20' }],
      },
      {
        reference: 'CA-2027-0002',
        type: 'correction',
        description: 'Collect the missing consent form.',
        ownerName: 'Bjørn Sæther',
        dueOn: '2027-05-01',
        state: 'in_progress',
        overdueDays: 60,
        effectiveness: null,
        boardDecisions: [],
      },
    ],
    indicators: {
      participantsByRoleAndGender: [
        { role: 'adept', counts: { female: 23, male: 17, other: '<5', undisclosed: '<5' }, total: 42 },
        { role: 'mentor', counts: { female: 21, male: 19, other: 0, undisclosed: '<5' }, total: 41 },
      ],
      countries: 17,
      enrolled: 42,
      completed: 12,
      withdrawn: '<5',
      outcomes: [
        { outcome: 'employed_full_time', count: 6 },
        { outcome: 'studies', count: '<5' },
        { outcome: 'job_seeking', count: '<5' },
      ],
      inWorkOrStudies: rate(9, 12),
      conformanceByProcedure: [
        { key: 'intake-interview', title: { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' }, rate: rate(35, 40) },
        { key: 'matching', title: { en: 'Matching', sv: 'Matchning', nb: 'Matching' }, rate: rate(0, 0) },
      ],
      conformanceByVersion: [
        { key: 'intake-interview', version: 2, rate: rate(10, 12) },
        { key: 'intake-interview', version: 3, rate: rate(25, 28) },
      ],
      deviationsBySeverity: { minor: 0, major: 1, critical: 1 },
      deviationsBySource: { manual: 0, internal_audit: 0, external_audit: 0, participant_feedback: 1, system: 1 },
      deviationsByState: { open: 0, analysis: 0, action_plan: 1, in_progress: 0, closed: 1, cancelled: 0 },
      deviationsPerMonth: [
        { month: '2027-01', counts: { minor: 0, major: 0, critical: 0 } },
        { month: '2027-02', counts: { minor: 0, major: 1, critical: 0 } },
        { month: '2027-03', counts: { minor: 0, major: 0, critical: 0 } },
        { month: '2027-04', counts: { minor: 0, major: 0, critical: 1 } },
        { month: '2027-05', counts: { minor: 0, major: 0, critical: 0 } },
        { month: '2027-06', counts: { minor: 0, major: 0, critical: 0 } },
      ],
      correctiveActionsClosedOnTime: rate(1, 1),
      medianDaysDetectionToClosure: 26,
      medianDaysOccurrenceToClosure: 29,
    },
    auditTrail: {
      eventsInScope: 1234,
      chainHead: { seq: 5678, hash: CHAIN_HEAD_HASH },
      verification: { valid: true, throughSeq: 5678, fullVerifiedAt: '2026-11-30T18:00:00.000Z' },
    },
    supersededVersions: [{ key: 'intake-interview', version: 2, by: 3, on: '2027-01-10T12:00:00.000Z' }],
    caseFiles: {
      sample: null,
      subjects: [
        {
          subject: 'A-0001',
          subjectType: 'adept',
          ...(includeNames ? { name: NAMES[0] } : {}),
          executions: [
            {
              procedureKey: 'intake-interview',
              title: { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' },
              version: 2,
              contentHash: INTAKE_HASH,
              state: 'completed',
              startedAt: '2027-01-08T09:00:00.000Z',
              completedAt: '2027-01-20T15:00:00.000Z',
              cancellation: null,
              conformingAfterCorrection: null,
              steps: [
                {
                  stepKey: 'meet',
                  performedAt: '2027-01-20T14:00:00.000Z',
                  performedBy: 'Bjørn Sæther',
                  recordedAt: '2027-01-20T15:00:00.000Z',
                  values: [
                    { field: 'attended', value: true },
                    { field: 'duration_minutes', value: 45 },
                    ...(includeNames ? [{ field: 'summary', value: 'Wants to work as a surgeon again' }] : []),
                  ],
                  withheld: includeNames ? [] : ['summary'],
                  notes: null,
                  notesWithheld: false,
                },
              ],
              corrections: [
                {
                  stepKey: 'meet',
                  by: 'Bjørn Sæther',
                  at: '2027-01-21T08:00:00.000Z',
                  reason: 'Typed the wrong duration',
                  changes: [{ field: 'duration_minutes', old: '54', new: '45', withheld: false }],
                },
              ],
              judgements: [
                {
                  conformance: 'nonconforming',
                  cause: 'completion',
                  judgedAt: '2027-01-20T15:00:00.000Z',
                  version: 2,
                  findings: [{ rule: 'outside_window', stepKey: 'meet' }],
                },
              ],
            },
          ],
          deviations: [
            {
              reference: 'DEV-2027-0001',
              title: 'outside_window',
              rule: 'outside_window',
              severity: 'major',
              state: 'closed',
              occurredAt: '2027-01-20T14:00:00.000Z',
              detectedAt: '2027-01-20T15:00:00.000Z',
              closedAt: '2027-02-18T10:00:00.000Z',
              procedureKey: 'intake-interview',
              procedureVersion: 2,
              containment: 'Interview repeated within the window for the next adepts',
              rootCause: 'The programme start moved and the calendar was not updated',
              targetDate: '2027-02-28',
              targetMet: true,
              cancellationReason: null,
              signatures: [
                {
                  signerName: 'Åsa Læstadius-Øberg',
                  meaning: 'closed',
                  comment: null,
                  signedAt: '2027-02-18T10:00:00.000Z',
                  contentHash: INTAKE_HASH,
                },
              ],
              actions: [
                {
                  reference: 'CA-2027-0001',
                  type: 'corrective',
                  description: 'Calendar reminders follow the programme start',
                  ownerName: 'Bjørn Sæther',
                  state: 'closed',
                  dueOn: '2027-02-15',
                  dueMet: true,
                  effectivenessCriterion: 'No late intake in the next ten',
                  effectiveness: { verdict: 'effective', at: '2027-02-17T09:00:00.000Z', evidence: 'Ten intakes checked, all on time' },
                  cancellationReason: null,
                  signatures: [],
                },
              ],
            },
          ],
        },
      ],
    },
  };
}
