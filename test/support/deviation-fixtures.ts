/**
 * Factories for the deviation, corrective action and management review specs. Everything is
 * created through the API (as users of the right roles), so the data carries its audit trail
 * exactly as it would in use. Programme data is made here too, directly through the API.
 */
import type { Response } from 'supertest';
import type { Role } from '../../src/common/roles.js';
import { effectiveProcedure, sampleDefinition } from './procedures.js';
import type { TestApp, TestUser } from './test-app.js';
import { bearer, uniqueSuffix } from './test-app.js';

/** The people of a quality system: two quality managers, two programme leaders, a board member, an auditor. */
export interface Cast {
  qm: TestUser;
  qm2: TestUser;
  leader: TestUser;
  otherLeader: TestUser;
  board: TestUser;
  auditor: TestUser;
}

export async function createCast(t: TestApp): Promise<Cast> {
  const make = (roles: Role[], name: string) => t.user(roles, name);
  return {
    qm: await make(['quality_manager'], 'Qarin Quality'),
    qm2: await make(['quality_manager'], 'Quentin Second'),
    leader: await make(['programme_leader'], 'Lena Leader'),
    otherLeader: await make(['programme_leader'], 'Olof Otherleader'),
    board: await make(['board_member'], 'Britt Board'),
    auditor: await make(['auditor'], 'Arne Auditor'),
  };
}

/** Fails with the response shown when the status is not the one expected (factories only). */
export function expectStatus(res: Response, status: number, what: string): Response {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** An effective procedure per adept, window programme_start -30..0 days, steps prepare -> interview (leader). */
export async function adeptProcedure(t: TestApp, c: Cast, key = `intake-${uniqueSuffix()}`): Promise<string> {
  await effectiveProcedure(t, c.qm, c.qm2, sampleDefinition(key));
  return key;
}

export const PROGRAMME_START = '2026-03-01';
/** Inside the sample procedure's window (2026-01-30 .. 2026-03-01). */
export const IN_WINDOW = '2026-02-15T10:00:00Z';
export const IN_WINDOW_LATER = '2026-02-20T10:00:00Z';
/** After the window closed. */
export const AFTER_WINDOW = '2026-03-10T10:00:00Z';

/** A programme led by `leaders`, activated (its plan pins every effective procedure). */
export async function activeProgramme(t: TestApp, qm: TestUser, leaders: TestUser[], name = `Programme ${uniqueSuffix()}`) {
  const created = expectStatus(
    await t.http
      .post('/api/programmes')
      .set(...bearer(qm))
      .send({
        name,
        description: 'Mentoring, seminars on working life and job coaching',
        targetGroup: 'Immigrant job-seekers with an academic background',
        startDate: PROGRAMME_START,
        endDate: '2026-12-31',
        leaderIds: leaders.map((l) => l.id),
      }),
    201,
    'create programme',
  );
  const activated = expectStatus(
    await t.http.post(`/api/programmes/${created.body.id}/activate`).set(...bearer(qm)),
    200,
    'activate programme',
  );
  return activated.body as { id: string; name: string; procedurePlan: { procedureKey: string; versionNumber: number }[] };
}

export async function enrol(t: TestApp, actor: TestUser, programmeId: string, role: 'adept' | 'mentor' = 'adept') {
  const res = expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/participants`)
      .set(...bearer(actor))
      .send({
        role,
        fullName: `Participant ${uniqueSuffix()}`,
        gender: 'female',
        profession: 'Civil engineer',
        enrolledAt: '2026-01-10',
        consentRecordedAt: '2026-01-10',
      }),
    201,
    'enrol participant',
  );
  return res.body as { id: string; code: string };
}

export async function startExecution(t: TestApp, actor: TestUser, programmeId: string, procedureKey: string, participantId: string) {
  const res = expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/executions`)
      .set(...bearer(actor))
      .send({ procedureKey, subject: { participantId } }),
    201,
    'start execution',
  );
  return res.body as { id: string; versionNumber: number };
}

export async function recordStep(t: TestApp, actor: TestUser, executionId: string, stepKey: 'prepare' | 'interview', performedAt: string) {
  const values = stepKey === 'prepare' ? { notes: 'Read the application' } : { language_level: 'b1', motivation: 4 };
  const res = expectStatus(
    await t.http
      .post(`/api/executions/${executionId}/steps`)
      .set(...bearer(actor))
      .send({ stepKey, values, performedAt }),
    201,
    'record step',
  );
  return res.body as { steps: { id: string; stepKey: string }[] };
}

export async function completeExecution(t: TestApp, actor: TestUser, executionId: string) {
  return expectStatus(await t.http.post(`/api/executions/${executionId}/complete`).set(...bearer(actor)), 200, 'complete execution')
    .body as {
    conformance: string;
    findings: { rule: string; stepKey?: string }[];
  };
}

/** An execution completed conforming: both steps in the window, in order, the interview by a leader. */
export async function conformingExecution(t: TestApp, leader: TestUser, programmeId: string, procedureKey: string, participantId: string) {
  const e = await startExecution(t, leader, programmeId, procedureKey, participantId);
  await recordStep(t, leader, e.id, 'prepare', IN_WINDOW);
  await recordStep(t, leader, e.id, 'interview', IN_WINDOW_LATER);
  const done = await completeExecution(t, leader, e.id);
  if (done.conformance !== 'conforming') throw new Error(`expected a conforming execution, got ${JSON.stringify(done)}`);
  return e.id;
}

/** An execution completed nonconforming: only `prepare`, performed after the window (missing_step + outside_window). */
export async function nonconformingExecution(
  t: TestApp,
  leader: TestUser,
  programmeId: string,
  procedureKey: string,
  participantId: string,
) {
  const e = await startExecution(t, leader, programmeId, procedureKey, participantId);
  await recordStep(t, leader, e.id, 'prepare', AFTER_WINDOW);
  const done = await completeExecution(t, leader, e.id);
  if (done.conformance !== 'nonconforming') throw new Error(`expected a nonconforming execution, got ${JSON.stringify(done)}`);
  return e.id;
}

export interface DeviationInput {
  programmeId: string;
  title?: string;
  description?: string;
  severity?: 'minor' | 'major' | 'critical';
  source?: string;
  detectedAt?: string;
  occurredAt?: string;
  executionId?: string;
  stepKey?: string;
  participantId?: string;
  containment?: string;
  targetDate?: string;
}

export function deviationBody(input: DeviationInput): Record<string, unknown> {
  return {
    title: 'Intake interview held without an interpreter',
    description: 'The adept did not understand the questions about earlier work.',
    severity: 'major',
    source: 'manual',
    detectedAt: '2026-11-02T09:30:00Z',
    // Far ahead, so that no deviation becomes overdue as the calendar moves on (tests of overdue set their own).
    targetDate: '2099-12-31',
    ...input,
  };
}

export async function createDeviation(t: TestApp, actor: TestUser, input: DeviationInput) {
  return expectStatus(
    await t.http
      .post('/api/deviations')
      .set(...bearer(actor))
      .send(deviationBody(input)),
    201,
    'create deviation',
  ).body as DeviationView;
}

export interface DeviationView {
  id: string;
  reference: string;
  state: string;
  severity: string;
  version: number;
  allowedTransitions: string[];
  [k: string]: unknown;
}

export interface ActionView {
  id: string;
  reference: string;
  state: string;
  ownerId: string;
  version: number;
  effectivenessCheckFrom?: string | null;
  allowedTransitions: string[];
  [k: string]: unknown;
}

export function moveDeviation(t: TestApp, actor: TestUser, id: string, body: Record<string, unknown>) {
  return t.http
    .post(`/api/deviations/${id}/transitions`)
    .set(...bearer(actor))
    .send(body);
}

export function moveAction(t: TestApp, actor: TestUser, id: string, body: Record<string, unknown>) {
  return t.http
    .post(`/api/corrective-actions/${id}/transitions`)
    .set(...bearer(actor))
    .send(body);
}

export interface ActionInput {
  type?: 'correction' | 'corrective' | 'preventive' | 'improvement';
  description?: string;
  ownerId: string;
  dueDate?: string;
  effectivenessCriterion?: string;
}

export function actionBody(deviationIds: string[], input: ActionInput): Record<string, unknown> {
  return {
    deviationIds,
    type: 'corrective',
    description: 'Book an interpreter for every intake interview',
    // Ahead, so that no action becomes overdue while the tests run (tests of overdue set their own),
    // and within the two years a due date may lie ahead.
    dueDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    effectivenessCriterion: 'No intake interview without interpreter in the next 3 months',
    ...input,
  };
}

/**
 * Plans an action. One due before today (a test of overdue actions) is planned as it would have
 * been: on its due day, with the service's clock set to that day for the request.
 */
export async function createAction(t: TestApp, qm: TestUser, deviationIds: string[], input: ActionInput) {
  const body = actionBody(deviationIds, input);
  const due = body.dueDate as string;
  return asOf(
    t,
    due < serviceToday(t) ? due : undefined,
    async () =>
      expectStatus(
        await t.http
          .post('/api/corrective-actions')
          .set(...bearer(qm))
          .send(body),
        201,
        'create corrective action',
      ).body as ActionView,
  );
}

/** The service's today: the fixed day of its clock, or the system's day in its time zone. */
export function serviceToday(t: TestApp): string {
  return t.config.clockToday ?? new Intl.DateTimeFormat('en-CA', { timeZone: t.config.timeZone }).format(new Date());
}

/** Runs `fn` with the service's clock on `day` (when given), then sets it back as it was. */
export async function asOf<T>(t: TestApp, day: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (day === undefined) return fn();
  const before = t.config.clockToday;
  t.setToday(day);
  try {
    return await fn();
  } finally {
    t.setToday(before);
  }
}

/** Deviation states in the order of the normal path. */
const DEVIATION_PATH = ['open', 'analysis', 'action_plan', 'in_progress', 'closed'] as const;

/**
 * Walks a deviation along the normal path up to `target` (or to cancelled from open). Into
 * in_progress it links a new corrective action owned by the leader (`actionInput` overrides its
 * fields, e.g. a due date); into closed it closes that action first (verdict by the other
 * quality manager).
 */
export async function walkDeviation(
  t: TestApp,
  c: Cast,
  deviation: DeviationView,
  target: string,
  actionInput: Partial<ActionInput> = {},
): Promise<{ deviation: DeviationView; action: ActionView | null }> {
  let current = deviation;
  let action: ActionView | null = null;
  if (target === 'cancelled') {
    current = expectStatus(
      await moveDeviation(t, c.qm, current.id, { to: 'cancelled', comment: 'Unfounded: the interpreter was present' }),
      200,
      'cancel',
    ).body;
    return { deviation: current, action };
  }
  for (const state of DEVIATION_PATH.slice(
    DEVIATION_PATH.indexOf(current.state as never) + 1,
    DEVIATION_PATH.indexOf(target as never) + 1,
  )) {
    const body: Record<string, unknown> = { to: state, comment: `Moving to ${state}` };
    if (state === 'action_plan') body.rootCause = 'No interpreter budget in the intake procedure';
    if (state === 'in_progress') action = await createAction(t, c.qm, [current.id], { ownerId: c.leader.id, ...actionInput });
    if (state === 'closed') {
      await closeAction(t, c, action!);
      Object.assign(body, { comment: 'All actions effective; closed', password: c.qm.password });
    }
    current = expectStatus(await moveDeviation(t, c.qm, current.id, body), 200, `deviation to ${state}`).body;
  }
  return { deviation: current, action };
}

/** Takes an action owned by someone other than qm2 through to closed, qm2 giving the verdict and signing. */
export async function closeAction(t: TestApp, c: Cast, action: ActionView): Promise<ActionView> {
  return walkAction(t, c, action, 'closed');
}

const ACTION_PATH = ['planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed'] as const;

/** Walks an action along the normal path to `target`: steps by the quality manager, verdict by qm2 (never the owner here). */
export async function walkAction(t: TestApp, c: Cast, action: ActionView, target: string): Promise<ActionView> {
  let current = action;
  for (const state of ACTION_PATH.slice(ACTION_PATH.indexOf(current.state as never) + 1, ACTION_PATH.indexOf(target as never) + 1)) {
    // The verdict is given when the interval planned after implementation has passed (read afresh:
    // callers may pass a view from before the implementation).
    const from =
      state === 'closed'
        ? ((await t.http.get(`/api/corrective-actions/${current.id}`).set(...bearer(c.qm))).body as ActionView).effectivenessCheckFrom
        : undefined;
    const res =
      state === 'closed'
        ? await asOf(t, from && from > serviceToday(t) ? from : undefined, () =>
            moveAction(t, c.qm2, current.id, {
              to: 'closed',
              comment: 'Checked the intake files',
              verdict: 'effective',
              evidence: '12 of 12 intakes had an interpreter',
              password: c.qm2.password,
            }),
          )
        : await moveAction(t, c.qm, current.id, { to: state, comment: `Moving to ${state}` });
    current = expectStatus(res, 200, `action to ${state}`).body;
  }
  return current;
}

export interface AuditRow {
  seq: string;
  action: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  entity_version: number | null;
  changes: Record<string, { old: unknown; new: unknown }>;
  reason: string | null;
}

export function auditOf(t: TestApp, entityId: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>(
    `SELECT seq, action, actor_id, entity_type, entity_id, entity_version, changes, reason FROM audit_event WHERE entity_id = $1 ORDER BY seq`,
    [entityId],
  );
}

export async function auditCount(t: TestApp): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
  return row.n;
}

/** Everything a refused request must leave as it was. */
export async function deviationFootprint(t: TestApp, id: string) {
  const [row] = await t.sql<Record<string, unknown>>(`SELECT * FROM deviation WHERE id = $1`, [id]);
  const [counts] = await t.sql<{ transitions: number; signatures: number; actions: number }>(
    `SELECT (SELECT count(*)::int FROM deviation_transition WHERE deviation_id = $1) AS transitions,
            (SELECT count(*)::int FROM signature WHERE record_id = $1) AS signatures,
            (SELECT count(*)::int FROM corrective_action_deviation WHERE deviation_id = $1) AS actions`,
    [id],
  );
  return { row, ...counts, audit: (await auditOf(t, id)).length, allAudit: await auditCount(t) };
}

export async function actionFootprint(t: TestApp, id: string) {
  const [row] = await t.sql<Record<string, unknown>>(`SELECT * FROM corrective_action WHERE id = $1`, [id]);
  const [counts] = await t.sql<{ transitions: number; signatures: number; reviews: number }>(
    `SELECT (SELECT count(*)::int FROM corrective_action_transition WHERE corrective_action_id = $1) AS transitions,
            (SELECT count(*)::int FROM signature WHERE record_id = $1) AS signatures,
            (SELECT count(*)::int FROM board_review WHERE corrective_action_id = $1) AS reviews`,
    [id],
  );
  return { row, ...counts, audit: (await auditOf(t, id)).length, allAudit: await auditCount(t) };
}

/** Today in a time zone, as YYYY-MM-DD (computed independently of the service's calendar code). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The distinct fields a validation problem names (one entry per field, whatever the number of broken rules). */
export function fieldsNamed(res: Response): string[] {
  return [...new Set(((res.body.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();
}
