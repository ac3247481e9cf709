/**
 * Synthetic evidence report models of any size, for the large-report spec and the memory
 * benchmark. Deterministic (a seeded generator): the same size always gives the same model.
 */
import type { ConformanceStatus, ReportLanguage } from '../../src/reports/models/codes.js';
import { CONFORMANCE_STATUSES, DEVIATION_SOURCES, GENDERS, SEVERITIES } from '../../src/reports/models/codes.js';
import type { CaseDeviation, CaseExecution, CaseFile, EvidenceReportModel } from '../../src/reports/models/evidence-report.js';
import { evidenceReportFixture } from './evidence-fixture.js';

/** Mulberry32: tiny, fast, and good enough to spread synthetic values. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROFESSIONS = ['Läkare', 'Sjuksköterska', 'Ingenjør', 'Lærer', 'Tannlege', 'Ekonom', 'Jurist', 'Arkitekt'];
const PROCEDURE_KEYS = ['intake-interview', 'matching', 'introduction-day', 'mid-point-follow-up', 'final-evaluation', 'exit-survey'];

export interface SyntheticOptions {
  participants: number;
  lang?: ReportLanguage;
  seed?: number;
  /** A case file for every participant (two to four executions, one in five with a deviation); default none. */
  caseFiles?: boolean;
}

/** One matrix row per participant; deviations and corrective actions in proportion. */
export function syntheticEvidenceReport(options: SyntheticOptions): EvidenceReportModel {
  const base = evidenceReportFixture(options.lang ?? 'en');
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const n = options.participants;
  const code = (i: number): string => `${i % 2 === 0 ? 'A' : 'M'}-${String(i + 1).padStart(5, '0')}`;
  const day = (offset: number): string => new Date(Date.UTC(2027, 0, 15 + offset)).toISOString().slice(0, 10);
  const procedures = PROCEDURE_KEYS.map((key) => ({ key, title: { en: key.replace(/-/g, ' ') } }));

  const participants = Array.from({ length: n }, (_, i) => ({
    code: code(i),
    role: i % 2 === 0 ? ('adept' as const) : ('mentor' as const),
    gender: pick(GENDERS),
    profession: pick(PROFESSIONS),
    enrolledOn: day(Math.floor(next() * 60)),
    status: pick(['active', 'active', 'active', 'completed', 'withdrawn'] as const),
  }));
  const statuses: readonly ConformanceStatus[] = CONFORMANCE_STATUSES;
  const rows = participants.map((p) => ({
    subject: p.code,
    subjectType: p.role,
    cells: procedures.map(() => {
      const status = pick(statuses);
      return { status, version: status === 'not_yet_due' || status === 'not_applicable' ? null : 1 + Math.floor(next() * 3) };
    }),
  }));
  const deviations = Array.from({ length: Math.max(1, Math.floor(n / 20)) }, (_, i) => {
    const closed = next() < 0.6;
    const detectedOn = day(Math.floor(next() * 150));
    return {
      reference: `DEV-2027-${String(i + 1).padStart(4, '0')}`,
      // Found the day it happened, in the synthetic data.
      occurredAt: `${detectedOn}T08:00:00.000Z`,
      detectedAt: `${detectedOn}T09:00:00.000Z`,
      severity: pick(SEVERITIES),
      source: pick(DEVIATION_SOURCES),
      procedureKey: pick(PROCEDURE_KEYS),
      procedureVersion: 1 + Math.floor(next() * 3),
      state: closed ? ('closed' as const) : pick(['open', 'analysis', 'action_plan', 'in_progress'] as const),
      title: `Step recorded outside its window for ${code(Math.floor(next() * n))}`,
      rule: null,
      subject: null,
      steps: [] as string[],
      closedAt: closed ? `${day(150 + Math.floor(next() * 20))}T15:00:00.000Z` : null,
    };
  });
  const correctiveActions = Array.from({ length: Math.max(1, Math.floor(n / 40)) }, (_, i) => ({
    reference: `CA-2027-${String(i + 1).padStart(4, '0')}`,
    type: pick(['correction', 'corrective', 'preventive', 'improvement'] as const),
    description: 'Remind the responsible programme leader and check the next three executions.',
    ownerName: pick(['Máret Ŋuolbmá', 'Bjørn Sæther', 'Åsa Læstadius-Øberg']),
    dueOn: day(100 + Math.floor(next() * 80)),
    state: pick(['planned', 'in_progress', 'implemented', 'closed'] as const),
    overdueDays: next() < 0.2 ? Math.floor(next() * 40) + 1 : 0,
    effectiveness: pick([null, 'effective', 'not_effective'] as const),
    boardDecisions: [],
  }));
  const caseFiles = options.caseFiles
    ? participants.map((p, i) => syntheticCaseFile(p.code, p.role, next, day, i < deviations.length ? deviations[i].reference : null))
    : [];
  const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
  const perMonth = months.map((month) => ({ month, counts: { minor: 0, major: 0, critical: 0 } }));
  for (const d of deviations) {
    const m = perMonth.find((p) => p.month === d.detectedAt.slice(0, 7));
    if (m) m.counts[d.severity] += 1;
  }
  return {
    ...base,
    procedures: base.procedures,
    participants,
    conformance: { asOf: '2027-06-30', procedures, rows },
    deviations,
    correctiveActions,
    indicators: { ...base.indicators, deviationsPerMonth: perMonth, enrolled: n },
    supersededVersions: [],
    caseFiles: { sample: null, subjects: caseFiles },
  };
}

const HASH = '3f1c9a7e52b04d6f8e2a1b9c7d5e3f1a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e';

/** A subject's case file: executions with a few values each, a correction now and then, and its deviation if it has one. */
function syntheticCaseFile(
  code: string,
  role: 'adept' | 'mentor',
  next: () => number,
  day: (offset: number) => string,
  deviation: string | null,
): CaseFile {
  const executions = PROCEDURE_KEYS.slice(0, 2 + Math.floor(next() * 3)).map((key, k): CaseExecution => {
    const on = day(k * 20 + Math.floor(next() * 10));
    const conforming = next() < 0.8;
    return {
      procedureKey: key,
      title: { en: key.replace(/-/g, ' ') },
      version: 1 + Math.floor(next() * 2),
      contentHash: HASH,
      state: 'completed',
      startedAt: `${on}T08:00:00.000Z`,
      completedAt: `${on}T12:00:00.000Z`,
      cancellation: null,
      conformingAfterCorrection: null,
      steps: ['prepare', 'meeting'].map((stepKey) => ({
        stepKey,
        performedAt: `${on}T10:00:00.000Z`,
        performedBy: 'Bjørn Sæther',
        recordedAt: `${on}T11:00:00.000Z`,
        values: [
          { field: 'held', value: true },
          { field: 'duration_minutes', value: 30 + Math.floor(next() * 60) },
        ],
        withheld: ['summary'],
        notes: null,
        notesWithheld: false,
      })),
      corrections:
        next() < 0.1
          ? [
              {
                stepKey: 'meeting',
                by: 'Bjørn Sæther',
                at: `${on}T13:00:00.000Z`,
                reason: 'Typed the wrong duration',
                changes: [{ field: 'duration_minutes', old: '90', new: '60', withheld: false }],
              },
            ]
          : [],
      judgements: [
        {
          conformance: conforming ? 'conforming' : 'nonconforming',
          cause: 'completion',
          judgedAt: `${on}T12:00:00.000Z`,
          version: 1,
          findings: conforming ? [] : [{ rule: 'outside_window', stepKey: 'meeting' }],
        },
      ],
    };
  });
  const deviations: CaseDeviation[] = deviation
    ? [
        {
          reference: deviation,
          title: 'outside_window',
          rule: 'outside_window',
          severity: 'minor',
          state: 'closed',
          occurredAt: `${day(10)}T10:00:00.000Z`,
          detectedAt: `${day(10)}T12:00:00.000Z`,
          closedAt: `${day(40)}T12:00:00.000Z`,
          procedureKey: PROCEDURE_KEYS[0],
          procedureVersion: 1,
          containment: 'Next meeting booked within the window',
          rootCause: 'The calendar was not updated when the start moved',
          targetDate: day(45),
          targetMet: true,
          cancellationReason: null,
          signatures: [
            {
              signerName: 'Åsa Læstadius-Øberg',
              meaning: 'closed',
              comment: null,
              signedAt: `${day(40)}T12:00:00.000Z`,
              contentHash: HASH,
            },
          ],
          actions: [],
        },
      ]
    : [];
  return { subject: code, subjectType: role, executions, deviations };
}
