/**
 * A hand-built programme for the indicator, objective and report specs: every number the
 * indicators show is stated here (`EXPECTED`) and follows from the data below, so a spec can
 * compare the API's figures with figures computed by hand. Everything is made through the API,
 * so the data carries its audit trail as in use.
 *
 * The programme ran in 2025 (all of it in the past): intake before the start, final
 * evaluations with the shipped `final-evaluation` procedure around the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcedureDefinition } from '../../src/procedures/procedure-definition.js';
import { validateProcedureYaml } from '../../src/procedures/definition-validation.js';
import { effectiveProcedure } from './procedures.js';
import { createDeviation, expectStatus, walkDeviation } from './deviation-fixtures.js';
import type { ActionView, Cast, DeviationView } from './deviation-fixtures.js';
import {
  activateProgramme,
  approveNextVersion,
  createProgramme,
  executeProcedure,
  procedureDefinition,
  recordTraining,
} from './programmes.js';
import type { StepInput } from './programmes.js';
import { bearer } from './test-app.js';
import type { TestApp } from './test-app.js';

/** A shipped procedure file, validated as the importer does. */
export function shippedProcedure(key: string): ProcedureDefinition {
  const file = join(process.cwd(), 'procedures', `${key}.yaml`);
  const result = validateProcedureYaml(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
  return result.definition;
}

export const FINAL_EVALUATION = shippedProcedure('final-evaluation');
/** The competence the shipped final evaluation asks of whoever records the adept's evaluation. */
export const EVALUATION_COMPETENCE = FINAL_EVALUATION.steps.find((s) => s.key === 'adept_evaluation')!.requiredCompetence!;

/** Intake per adept, window programme start -30..0 days; version 2 widens it to -45. */
export const INTAKE_V1 = procedureDefinition('intake', {
  title: { en: 'Intake interview', sv: 'Intagningssamtal', nb: 'Inntakssamtale' },
  window: { anchor: 'programme_start', fromDays: -30, toDays: 0 },
});
export const INTAKE_V2 = { ...INTAKE_V1, window: { anchor: 'programme_start' as const, fromDays: -45, toDays: 0 } };

export const DATES = {
  start: '2025-03-03',
  end: '2025-12-12',
  enrolled: '2025-01-20',
  /** Inside the intake window (2025-02-01 .. 2025-03-03). */
  intake: '2025-02-20T10:00:00Z',
  /** After the intake window: outside_window. */
  lateIntake: '2025-03-20T10:00:00Z',
  /** Inside the final evaluation window (2025-11-12 .. 2026-01-11). */
  evaluation: '2025-12-01T10:00:00Z',
  withdrawn: '2025-05-10',
} as const;

type Gender = 'female' | 'male' | 'other' | 'undisclosed';
type OutcomeValue = 'employed_full_time' | 'employed_part_time' | 'studies' | 'internship' | 'job_seeking' | 'other';

interface AdeptPlan {
  fullName: string;
  gender: Gender;
  country?: string;
  /** The final evaluation's outcome step; absent: never evaluated. */
  outcome?: { outcome: OutcomeValue; own?: boolean; correctedTo?: { outcome: OutcomeValue; own?: boolean } };
  /** The final evaluation leaves out the mentor's evaluation (missing_step: a system deviation). */
  incompleteEvaluation?: boolean;
  intake?: 'conforming' | 'late' | 'v2';
  end: 'completed' | 'withdrawn' | 'active';
}

/** Names with Nordic letters: they must print correctly, and never reach an auditor. */
const ADEPTS: AdeptPlan[] = [
  {
    fullName: 'Amira Haddad-Lindqvist',
    gender: 'female',
    country: 'Syria',
    outcome: { outcome: 'employed_full_time', own: true },
    intake: 'conforming',
    end: 'completed',
  },
  {
    fullName: 'Bushra Ålander',
    gender: 'female',
    country: 'Syria',
    outcome: { outcome: 'employed_full_time', own: false },
    intake: 'conforming',
    end: 'completed',
  },
  {
    fullName: 'Dalia Østergård',
    gender: 'female',
    country: 'Syria',
    outcome: { outcome: 'employed_part_time', own: true },
    intake: 'late',
    end: 'completed',
  },
  {
    fullName: 'Farah Nyström',
    gender: 'female',
    country: 'Iran',
    outcome: { outcome: 'studies', own: true },
    intake: 'v2',
    end: 'completed',
  },
  { fullName: 'Golnar Sæbø', gender: 'female', country: 'Iran', outcome: { outcome: 'internship', own: true }, end: 'completed' },
  { fullName: 'Hana Björklund', gender: 'female', country: 'Iran', outcome: { outcome: 'job_seeking' }, end: 'completed' },
  {
    fullName: 'Idris Mårtensson',
    gender: 'male',
    country: 'Iran',
    outcome: { outcome: 'other' },
    incompleteEvaluation: true,
    end: 'completed',
  },
  { fullName: 'Jamal Ekdahl', gender: 'male', country: 'Eritrea', end: 'completed' },
  { fullName: 'Karim Solbakken', gender: 'male', end: 'withdrawn' },
  { fullName: 'Lian Årdal', gender: 'other', country: 'Syria', outcome: { outcome: 'employed_part_time', own: false }, end: 'active' },
  {
    fullName: 'Mina Hægstad',
    gender: 'undisclosed',
    country: 'Syria',
    outcome: { outcome: 'job_seeking', correctedTo: { outcome: 'employed_full_time', own: true } },
    end: 'completed',
  },
];

interface MentorPlan {
  fullName: string;
  gender: Gender;
  country: string;
  end: 'completed' | 'withdrawn' | 'active';
}

const MENTORS: MentorPlan[] = [
  { fullName: 'Nils Öberg', gender: 'male', country: 'Sweden', end: 'completed' },
  { fullName: 'Olav Tveit', gender: 'male', country: 'Sweden', end: 'completed' },
  { fullName: 'Per Ärlebrant', gender: 'male', country: 'Sweden', end: 'withdrawn' },
  { fullName: 'Rune Kjærnes', gender: 'male', country: 'Sweden', end: 'active' },
  { fullName: 'Sven Åkerlund', gender: 'male', country: 'Sweden', end: 'active' },
  { fullName: 'Tove Lindahl', gender: 'female', country: 'Sweden', end: 'active' },
];

export interface Person {
  id: string;
  code: string;
  fullName: string;
  email: string;
}

/** A deviation of the programme as the fixture made it. */
export interface MadeDeviation {
  reference: string;
  id: string;
  state: string;
  /** Calendar day detected in Europe/Stockholm (the programme's zone). */
  detectedOn: string;
  action: ActionView | null;
}

export interface ReportProgramme {
  programme: { id: string; name: string };
  adepts: Person[];
  mentors: Person[];
  /** Deviations recorded by hand, by name in this fixture. */
  deviations: Record<'d1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6' | 'd7', MadeDeviation>;
  /** The deviations opened by the system from the two nonconforming executions. */
  systemDeviations: { reference: string; severity: string; id: string }[];
  /** References of the corrective actions addressing the programme's deviations. */
  actions: { onTime: ActionView; late: ActionView; planned: ActionView };
}

const PROGRAMME_NAME = 'Mentorskap för arbete Malmö–Tromsø 2025';

/**
 * Builds the programme. `c.leader` leads it; `c.qm` runs it and `c.qm2` approves and checks.
 * Takes a few hundred requests: call once per spec file (beforeAll); it puts procedures in
 * force, so only once per database.
 */
export async function buildReportProgramme(t: TestApp, c: Cast, name = PROGRAMME_NAME): Promise<ReportProgramme> {
  const staff = { qm: c.qm, approver: c.qm2, leader: c.leader };
  await effectiveProcedure(t, c.qm, c.qm2, FINAL_EVALUATION);
  await effectiveProcedure(t, c.qm, c.qm2, INTAKE_V1);
  await recordTraining(t, c.qm, c.leader.id, EVALUATION_COMPETENCE, '2025-01-10');

  const created = await createProgramme(t, c.qm, { name, startDate: DATES.start, endDate: DATES.end, leaderIds: [c.leader.id] });
  const programme = await activateProgramme(t, c.qm, created.id);
  const enrol = async (role: 'adept' | 'mentor', p: { fullName: string; gender: Gender; country?: string }, i: number): Promise<Person> => {
    const email = `${role}${i + 1}@deltagare.example.org`;
    const body = expectStatus(
      await t.http
        .post(`/api/programmes/${programme.id}/participants`)
        .set(...bearer(c.leader))
        .send({
          role,
          fullName: p.fullName,
          email,
          gender: p.gender,
          profession: role === 'adept' ? 'Läkare' : 'Överläkare',
          ...(p.country ? { countryOfOrigin: p.country } : {}),
          enrolledAt: DATES.enrolled,
          consentRecordedAt: DATES.enrolled,
        }),
      201,
      `enrolling ${p.fullName}`,
    ).body;
    return { id: body.id, code: body.code, fullName: p.fullName, email };
  };
  const adepts: Person[] = [];
  for (const [i, a] of ADEPTS.entries()) adepts.push(await enrol('adept', a, i));
  const mentors: Person[] = [];
  for (const [i, m] of MENTORS.entries()) mentors.push(await enrol('mentor', m, i));

  // Intake: two conforming and one late under version 1; then version 2 is adopted and one more
  // adept is interviewed under it.
  const intake = (a: Person, at: string) =>
    executeProcedure(t, c.leader, programme.id, 'intake', { participantId: a.id }, [
      { stepKey: 'meet', values: { summary: 'Talked about earlier work' }, performedAt: at },
    ]);
  for (const [i, plan] of ADEPTS.entries()) {
    if (plan.intake === 'conforming') await intake(adepts[i], DATES.intake);
    if (plan.intake === 'late') await intake(adepts[i], DATES.lateIntake);
  }
  await approveNextVersion(t, staff, INTAKE_V2, 'Intake may start 45 days before the programme');
  expectStatus(
    await t.http
      .post(`/api/programmes/${programme.id}/procedure-plan/migrate`)
      .set(...bearer(c.qm))
      .send({ procedureKey: 'intake', toVersion: 2, reason: 'Adopt the wider intake window' }),
    200,
    'migrating the plan to intake v2',
  );
  for (const [i, plan] of ADEPTS.entries()) if (plan.intake === 'v2') await intake(adepts[i], DATES.intake);

  // Final evaluations (the outcome feeds the indicators), then completion or withdrawal.
  for (const [i, plan] of ADEPTS.entries()) {
    if (!plan.outcome) continue;
    const outcome = plan.outcome;
    const steps: StepInput[] = [
      {
        stepKey: 'outcome',
        values: {
          outcome: outcome.outcome,
          ...(outcome.own === undefined ? {} : { in_own_profession: outcome.own }),
          // The procedure asks for the details when the outcome is Other.
          ...(outcome.outcome === 'other' ? { outcome_details: 'Volunteer work while the degree is assessed' } : {}),
        },
        performedAt: DATES.evaluation,
      },
      {
        stepKey: 'adept_evaluation',
        values: { satisfaction: 4, adept_feedback: 'The mentor opened doors' },
        performedAt: DATES.evaluation,
      },
      ...(plan.incompleteEvaluation
        ? []
        : [{ stepKey: 'mentor_evaluation', values: { mentor_feedback: 'Motivated and well prepared' }, performedAt: DATES.evaluation }]),
    ];
    const done = await executeProcedure(t, c.leader, programme.id, 'final-evaluation', { participantId: adepts[i].id }, steps);
    if (outcome.correctedTo) {
      const record = (done.steps as { id: string; stepKey: string }[]).find((s) => s.stepKey === 'outcome')!;
      const to = outcome.correctedTo;
      expectStatus(
        await t.http
          .post(`/api/executions/${done.id}/steps/${record.id}/corrections`)
          .set(...bearer(c.leader))
          .send({
            values: { outcome: to.outcome, ...(to.own === undefined ? {} : { in_own_profession: to.own }) },
            reason: 'She signed her contract the same week',
          }),
        201,
        'correcting an outcome',
      );
    }
  }
  const end = async (p: Person, how: 'completed' | 'withdrawn' | 'active') => {
    if (how === 'completed')
      expectStatus(
        await t.http
          .post(`/api/programmes/${programme.id}/participants/${p.id}/complete`)
          .set(...bearer(c.leader))
          .send({ date: DATES.end }),
        200,
        'completing',
      );
    if (how === 'withdrawn')
      expectStatus(
        await t.http
          .post(`/api/programmes/${programme.id}/participants/${p.id}/withdraw`)
          .set(...bearer(c.leader))
          .send({ date: DATES.withdrawn, reason: 'Moved to another city' }),
        200,
        'withdrawing',
      );
  };
  for (const [i, plan] of ADEPTS.entries()) await end(adepts[i], plan.end);
  for (const [i, plan] of MENTORS.entries()) await end(mentors[i], plan.end);

  const systemDeviations = (
    await t.sql<{ reference: string; severity: string; id: string }>(
      `SELECT reference, severity, id FROM deviation WHERE programme_id = $1 AND source = 'system' ORDER BY reference`,
      [programme.id],
    )
  ).map((r) => ({ reference: r.reference, severity: r.severity, id: r.id }));

  // Deviations recorded by hand, one in each state; two closed (one action on time, one late).
  const made = async (
    detectedAt: string,
    input: { severity: 'minor' | 'major' | 'critical'; source: string; title: string },
    target: string,
    due?: string,
  ) => {
    const d: DeviationView = await createDeviation(t, c.leader, { programmeId: programme.id, detectedAt, ...input });
    const walked = target === 'open' ? { deviation: d, action: null } : await walkDeviation(t, c, d, target, due ? { dueDate: due } : {});
    return { reference: d.reference, id: d.id, state: walked.deviation.state, detectedOn: detectedAt.slice(0, 10), action: walked.action };
  };
  const deviations = {
    d1: await made('2025-04-10T08:00:00Z', { severity: 'minor', source: 'manual', title: 'Mentor contract signed late' }, 'open'),
    d2: await made(
      '2025-05-20T08:00:00Z',
      { severity: 'major', source: 'internal_audit', title: 'Intake notes kept outside the file' },
      'analysis',
    ),
    d3: await made(
      '2025-06-16T08:00:00Z',
      { severity: 'critical', source: 'participant_feedback', title: 'Adept placed with a mentor outside the profession' },
      'closed',
    ),
    d4: await made('2025-07-01T08:00:00Z', { severity: 'major', source: 'external_audit', title: 'Consent form not found' }, 'cancelled'),
    d5: await made(
      '2025-09-15T08:00:00Z',
      { severity: 'minor', source: 'manual', title: 'Seminar attendance not recorded' },
      'closed',
      '2025-10-31',
    ),
    d6: await made(
      '2025-06-20T08:00:00Z',
      { severity: 'major', source: 'manual', title: 'Introduction day without interpreter' },
      'action_plan',
    ),
    d7: await made(
      '2025-08-05T08:00:00Z',
      { severity: 'minor', source: 'internal_audit', title: 'Mid-point follow-up held by phone' },
      'in_progress',
    ),
  };
  const onTime = deviations.d3.action!;
  expectStatus(
    await t.http
      .post(`/api/corrective-actions/${onTime.id}/board-reviews`)
      .set(...bearer(c.board))
      .send({ decision: 'endorsed', comment: 'Matching now checks the profession', password: c.board.password }),
    201,
    'board review',
  );
  return {
    programme: { id: programme.id, name },
    adepts,
    mentors,
    deviations,
    systemDeviations,
    actions: { onTime, late: deviations.d5.action!, planned: deviations.d7.action! },
  };
}

/** The figures of the fixture, computed by hand from the plan above. */
export const EXPECTED = {
  byRoleAndGender: { adept: { female: 6, male: 3, other: 1, undisclosed: 1 }, mentor: { female: 1, male: 5, other: 0, undisclosed: 0 } },
  byRole: {
    adept: { enrolled: 11, active: 1, completed: 9, withdrawn: 1 },
    mentor: { enrolled: 6, active: 3, completed: 2, withdrawn: 1 },
  },
  byCountry: { Eritrea: 1, Iran: 4, Sweden: 6, Syria: 5 },
  outcomes: { employed_full_time: 3, employed_part_time: 2, studies: 1, internship: 1, job_seeking: 1, other: 1, not_evaluated: 2 },
  inOwnProfession: { yes: 5, no: 2, unknown: 2 },
  /** Completers: 9; in work or studies among them: two full-time, one part-time, one studying, one corrected to full-time. */
  inWorkOrStudies: { numerator: 5, denominator: 9, value: 0.5556 },
  conformance: {
    overall: { numerator: 11, denominator: 13, value: 0.8462 },
    byProcedure: [
      { procedureKey: 'final-evaluation', rate: { numerator: 8, denominator: 9, value: 0.8889 } },
      { procedureKey: 'intake', rate: { numerator: 3, denominator: 4, value: 0.75 } },
    ],
    byVersion: [
      { procedureKey: 'final-evaluation', versionNumber: 1, rate: { numerator: 8, denominator: 9, value: 0.8889 } },
      { procedureKey: 'intake', versionNumber: 1, rate: { numerator: 2, denominator: 3, value: 0.6667 } },
      { procedureKey: 'intake', versionNumber: 2, rate: { numerator: 1, denominator: 1, value: 1 } },
    ],
  },
  deviations: {
    total: 9,
    bySeverity: { minor: 4, major: 4, critical: 1 },
    openBySeverity: { minor: 3, major: 3, critical: 0 },
    bySource: { manual: 3, internal_audit: 2, external_audit: 1, participant_feedback: 1, system: 2 },
    byState: { open: 3, analysis: 1, action_plan: 1, in_progress: 1, closed: 2, cancelled: 1 },
    closed: 2,
  },
  correctiveActions: {
    total: 3,
    byState: { planned: 1, in_progress: 0, implemented: 0, effectiveness_check: 0, closed: 2, cancelled: 0 },
    closedOnTime: { numerator: 1, denominator: 2, value: 0.5 },
  },
} as const;
