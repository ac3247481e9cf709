/**
 * Factories for programme-level tests: staff with roles, procedures in force, a programme with
 * participants and pairs, training records, and executions. Everything goes through the API, as a
 * client would, and fails loudly (status and body) when a step of the set-up is refused.
 */
import type { Response } from 'supertest';
import type { ProcedureDefinition, StepDefinition } from '../../src/procedures/procedure-definition.js';
import { approveVersion, effectiveProcedure } from './procedures.js';
import { bearer, uniqueSuffix } from './test-app.js';
import type { TestApp, TestUser } from './test-app.js';

/** Returns the body when the status is the expected one; otherwise throws with what the API said. */
export function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Staff {
  /** Quality manager who writes procedures and runs programmes. */
  qm: TestUser;
  /** A second quality manager, who approves what `qm` writes. */
  approver: TestUser;
  leader: TestUser;
}

export async function createStaff(t: TestApp): Promise<Staff> {
  return {
    qm: await t.user(['quality_manager'], 'Quinn Quality'),
    approver: await t.user(['quality_manager'], 'Astrid Approver'),
    leader: await t.user(['programme_leader'], 'Leila Leader'),
  };
}

export function textStep(key: string, over: Partial<StepDefinition> = {}): StepDefinition {
  return {
    key,
    title: { en: `Step ${key}` },
    required: true,
    fields: [{ key: 'summary', label: { en: 'Summary' }, type: 'text', required: true }],
    ...over,
  };
}

/**
 * A procedure whose window and steps the test states. By default one required step `meet`
 * (a required text field `summary`), any performer, unordered.
 */
export function procedureDefinition(key: string, over: Partial<ProcedureDefinition> = {}): ProcedureDefinition {
  return {
    key,
    title: { en: `Procedure ${key}` },
    purpose: { en: `Purpose of ${key}` },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: -10, toDays: 0 },
    ordered: false,
    steps: [textStep('meet')],
    ...over,
  };
}

/** Creates the procedure and approves version 1 (author and approver differ). */
export async function procedureInForce(t: TestApp, staff: Staff, definition: ProcedureDefinition) {
  return effectiveProcedure(t, staff.qm, staff.approver, definition);
}

/** Drafts the next version of a procedure and approves it; returns the approved version. */
export async function approveNextVersion(t: TestApp, staff: Staff, definition: ProcedureDefinition, changeSummary = 'Revised') {
  const created = expectStatus(
    await t.http
      .post(`/api/procedures/${definition.key}/versions`)
      .set(...bearer(staff.qm))
      .send({ definition, changeSummary }),
    201,
    `drafting the next version of ${definition.key}`,
  );
  return approveVersion(t, staff.qm, staff.approver, definition.key, created.number as number);
}

export interface ProgrammeInput {
  name?: string;
  startDate: string;
  endDate: string;
  leaderIds: string[];
  timeZone?: string;
}

export async function createProgramme(t: TestApp, qm: TestUser, input: ProgrammeInput) {
  return expectStatus(
    await t.http
      .post('/api/programmes')
      .set(...bearer(qm))
      .send({
        name: input.name ?? `Mentoring for work ${uniqueSuffix()}`,
        description: 'Year-long mentoring with seminars on working life, job coaching, internship and language studies',
        targetGroup: 'Immigrant job-seekers with an academic background',
        startDate: input.startDate,
        endDate: input.endDate,
        leaderIds: input.leaderIds,
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      }),
    201,
    'creating a programme',
  );
}

export async function activateProgramme(t: TestApp, qm: TestUser, programmeId: string) {
  return expectStatus(await t.http.post(`/api/programmes/${programmeId}/activate`).set(...bearer(qm)), 200, 'activating the programme');
}

export interface ParticipantInput {
  role: 'adept' | 'mentor';
  enrolledAt: string;
  fullName?: string;
  email?: string;
  profession?: string;
}

let people = 0;

export async function addParticipant(t: TestApp, by: TestUser, programmeId: string, input: ParticipantInput) {
  const n = ++people;
  return expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/participants`)
      .set(...bearer(by))
      .send({
        role: input.role,
        fullName: input.fullName ?? `${input.role === 'adept' ? 'Amina' : 'Magnus'} Testperson${n}`,
        email: input.email ?? `${input.role}${n}.${uniqueSuffix()}@example.org`,
        gender: n % 2 ? 'female' : 'male',
        profession: input.profession ?? 'Civil engineer',
        countryOfOrigin: 'Syria',
        enrolledAt: input.enrolledAt,
        consentRecordedAt: input.enrolledAt,
      }),
    201,
    `enrolling a ${input.role}`,
  );
}

export async function addPair(t: TestApp, by: TestUser, programmeId: string, mentorId: string, adeptId: string, matchedAt: string) {
  return expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/pairs`)
      .set(...bearer(by))
      .send({ mentorId, adeptId, matchedAt, rationale: 'Same profession and shared goals' }),
    201,
    'matching a pair',
  );
}

export async function recordTraining(t: TestApp, qm: TestUser, userId: string, module: string, completedAt: string, validUntil?: string) {
  return expectStatus(
    await t.http
      .post(`/api/users/${userId}/training-records`)
      .set(...bearer(qm))
      .send({ module, completedAt, ...(validUntil ? { validUntil } : {}), evidence: 'Certificate in the staff file' }),
    201,
    `recording training ${module}`,
  );
}

export interface ProgrammeFixtureOptions {
  staff: Staff;
  /** Procedures to put in force before activation (skipped when already in the library). */
  procedures?: ProcedureDefinition[];
  startDate: string;
  endDate: string;
  timeZone?: string;
  leaders?: TestUser[];
  adepts?: number;
  mentors?: number;
  enrolledAt?: string;
  /** Pairs adept i with mentor i for as many as both lists allow. */
  pairs?: boolean;
  training?: { user: TestUser; module: string; completedAt: string; validUntil?: string }[];
}

export interface ProgrammeFixture {
  programme: { id: string; [k: string]: unknown };
  adepts: { id: string; code: string; fullName: string; email: string }[];
  mentors: { id: string; code: string; fullName: string; email: string }[];
  pairs: { id: string; mentorId: string; adeptId: string }[];
}

/**
 * An active programme, ready for executions: procedures in force, the programme created and
 * activated (so its plan pins them), participants enrolled, pairs matched, training recorded.
 */
export async function programmeFixture(t: TestApp, o: ProgrammeFixtureOptions): Promise<ProgrammeFixture> {
  for (const definition of o.procedures ?? []) {
    const existing = await t.http.get(`/api/procedures/${definition.key}`).set(...bearer(o.staff.qm));
    if (existing.status === 404) await procedureInForce(t, o.staff, definition);
  }
  const leaders = o.leaders ?? [o.staff.leader];
  const created = await createProgramme(t, o.staff.qm, {
    startDate: o.startDate,
    endDate: o.endDate,
    leaderIds: leaders.map((l) => l.id),
    timeZone: o.timeZone,
  });
  const programme = await activateProgramme(t, o.staff.qm, created.id);
  const enrolledAt = o.enrolledAt ?? addDaysIso(o.startDate, -60);
  const adepts = [];
  for (let i = 0; i < (o.adepts ?? 0); i++) adepts.push(await addParticipant(t, leaders[0], programme.id, { role: 'adept', enrolledAt }));
  const mentors = [];
  for (let i = 0; i < (o.mentors ?? 0); i++)
    mentors.push(await addParticipant(t, leaders[0], programme.id, { role: 'mentor', enrolledAt }));
  const pairs = [];
  if (o.pairs) {
    for (let i = 0; i < Math.min(adepts.length, mentors.length); i++) {
      pairs.push(await addPair(t, leaders[0], programme.id, mentors[i].id, adepts[i].id, enrolledAt));
    }
  }
  for (const tr of o.training ?? []) await recordTraining(t, o.staff.qm, tr.user.id, tr.module, tr.completedAt, tr.validUntil);
  return { programme, adepts, mentors, pairs };
}

export type Subject = { participantId: string } | { pairId: string } | { cohort: true };

export async function startExecution(t: TestApp, by: TestUser, programmeId: string, procedureKey: string, subject: Subject) {
  return expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/executions`)
      .set(...bearer(by))
      .send({ procedureKey, subject }),
    201,
    `starting ${procedureKey}`,
  );
}

export interface StepInput {
  stepKey: string;
  values: Record<string, unknown>;
  performedAt: string;
  performedById?: string;
  notes?: string;
}

export async function recordStep(t: TestApp, by: TestUser, executionId: string, step: StepInput) {
  return expectStatus(
    await t.http
      .post(`/api/executions/${executionId}/steps`)
      .set(...bearer(by))
      .send(step),
    201,
    `recording step ${step.stepKey}`,
  );
}

export async function completeExecution(t: TestApp, by: TestUser, executionId: string) {
  return expectStatus(await t.http.post(`/api/executions/${executionId}/complete`).set(...bearer(by)), 200, 'completing the execution');
}

/** Starts an execution, records the steps in the order given, completes it; returns the completed execution. */
export async function executeProcedure(
  t: TestApp,
  by: TestUser,
  programmeId: string,
  procedureKey: string,
  subject: Subject,
  steps: StepInput[],
) {
  const started = await startExecution(t, by, programmeId, procedureKey, subject);
  for (const step of steps) await recordStep(t, by, started.id, step);
  return completeExecution(t, by, started.id);
}

/** `date` (YYYY-MM-DD) moved by n days, in plain calendar arithmetic. */
export function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
