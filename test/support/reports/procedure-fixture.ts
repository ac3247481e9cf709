/** A fixed, hand-made procedure document model for the renderer's specs. */
import type { ReportLanguage } from '../../../src/reports/models/codes.js';
import type { ProcedureDocumentModel } from '../../../src/reports/models/procedure-document.js';

export const PROCEDURE_HASH = '3f1c9a7e52b04d6f8e2a1b9c7d5e3f1a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e';
export const OLD_HASH = '9b8a7c6d5e4f30211a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081';

export function procedureDocumentFixture(lang: ReportLanguage = 'en'): ProcedureDocumentModel {
  return {
    kind: 'procedure_document',
    lang,
    generatedAt: '2027-02-14T08:30:00.000Z',
    generatedBy: 'Åsa Læstadius-Øberg',
    timeZone: 'Europe/Stockholm',
    version: {
      number: 3,
      status: 'effective',
      effectiveFrom: '2027-01-10T12:00:00.000Z',
      supersededAt: null,
      retiredAt: null,
      contentHash: PROCEDURE_HASH,
      changeSummary: 'Consent is recorded before the interview starts.',
      contributors: [
        { name: 'Åsa Læstadius-Øberg', contributions: ['created', 'edited'] },
        { name: 'Ánde Đuolbmá', contributions: ['edited'] },
      ],
    },
    definition: {
      key: 'intake-interview',
      title: { en: 'Intake interview', sv: 'Intagssamtal', nb: 'Inntakssamtale' },
      purpose: {
        en: 'Get to know each applicant before the programme starts and obtain consent to process their personal data.',
        sv: 'Lära känna varje sökande innan programmet börjar och inhämta samtycke till behandling av personuppgifter.',
        nb: 'Bli kjent med hver søker før programmet starter og innhente samtykke til behandling av personopplysninger.',
      },
      subject: 'adept',
      responsibleRoles: ['programme_leader', 'quality_manager'],
      window: { anchor: 'procedure_completed', procedure: 'application-review', fromDays: 0, toDays: 21 },
      ordered: true,
      references: ['ISO 9001:2015 8.2.2', 'ISO 9001:2015 8.5.1'],
      steps: [
        {
          key: 'preparation',
          title: { en: 'Preparation', sv: 'Förberedelse', nb: 'Forberedelse' },
          description: {
            en: 'Read the application and the CV before the interview.',
            sv: 'Läs ansökan och cv:t före samtalet.',
            nb: 'Les søknaden og CV-en før samtalen.',
          },
          required: true,
          performerRoles: ['programme_leader'],
          fields: [
            {
              key: 'application_reviewed',
              label: { en: 'Application and CV read', sv: 'Ansökan och cv lästa', nb: 'Søknad og CV lest' },
              type: 'boolean',
              required: true,
            },
          ],
        },
        {
          key: 'interview',
          title: { en: 'Interview', sv: 'Samtal', nb: 'Samtale' },
          required: true,
          performerRoles: ['programme_leader'],
          requiredCompetence: 'interviewing-basics',
          evidence: { en: 'Signed consent form', sv: 'Undertecknad samtyckesblankett', nb: 'Signert samtykkeskjema' },
          fields: [
            {
              key: 'language_level',
              label: { en: 'Language level', sv: 'Språknivå', nb: 'Språknivå' },
              type: 'enum',
              required: true,
              options: [
                { value: 'a2', label: { en: 'Basic (A2)', sv: 'Grundläggande (A2)', nb: 'Grunnleggende (A2)' } },
                { value: 'b1', label: { en: 'Intermediate (B1)', sv: 'Medel (B1)', nb: 'Middels (B1)' } },
              ],
            },
            {
              key: 'motivation',
              label: { en: 'Motivation', sv: 'Motivation', nb: 'Motivasjon' },
              type: 'scale',
              required: false,
              min: 1,
              max: 5,
            },
            {
              key: 'years_in_profession',
              label: { en: 'Years in the profession', sv: 'År i yrket', nb: 'År i yrket' },
              type: 'number',
              required: false,
              min: 0,
            },
            {
              key: 'consent_on',
              label: { en: 'Consent given on', sv: 'Samtycke lämnat', nb: 'Samtykke gitt' },
              type: 'date',
              required: true,
            },
          ],
        },
      ],
    },
    anchorProcedureTitle: { en: 'Application review', sv: 'Granskning av ansökan', nb: 'Gjennomgang av søknad' },
    revisions: [
      {
        number: 1,
        status: 'superseded',
        effectiveFrom: '2026-03-01T09:00:00.000Z',
        supersededAt: '2026-09-01T09:00:00.000Z',
        changeSummary: 'First issue.',
        authorNames: ['Máret Ŋuolbmá'],
      },
      {
        number: 2,
        status: 'superseded',
        effectiveFrom: '2026-09-01T09:00:00.000Z',
        supersededAt: '2027-01-10T12:00:00.000Z',
        changeSummary: 'Interpreter booking added.',
        authorNames: ['Máret Ŋuolbmá', 'Åsa Læstadius-Øberg'],
      },
      {
        number: 3,
        status: 'effective',
        effectiveFrom: '2027-01-10T12:00:00.000Z',
        supersededAt: null,
        changeSummary: 'Consent is recorded before the interview starts.',
        authorNames: ['Åsa Læstadius-Øberg', 'Ánde Đuolbmá'],
      },
    ],
    signatures: [
      {
        signerName: 'Bjørn Sæther',
        meaning: 'approved',
        comment: 'Godkänt efter granskning',
        signedAt: '2027-01-10T11:58:00.000Z',
        contentHash: PROCEDURE_HASH,
      },
      { signerName: 'Ánde Đuolbmá', meaning: 'reviewed', comment: null, signedAt: '2027-01-09T15:00:00.000Z', contentHash: OLD_HASH },
    ],
  };
}
