/**
 * A step forgotten before completion is added to the completed execution as a correction (with a
 * reason), and the execution is judged again; when that clears its nonconformity, a quality
 * manager approves it first. A procedure carried out once per subject (`oncePerSubject: true`) is
 * not carried out a second time for the same subject unless the first execution was cancelled
 * with a reason; of two starts at once, exactly one succeeds.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sampleDefinition, effectiveProcedure } from './support/procedures.js';
import {
  AFTER_WINDOW,
  IN_WINDOW,
  IN_WINDOW_LATER,
  activeProgramme,
  completeExecution,
  createCast,
  enrol,
  recordStep,
  startExecution,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface View {
  state: string;
  conformance: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  findings: { rule: string }[];
  steps: { id: string; stepKey: string; supersedesId: string | null; correctionReason: string | null; current: boolean }[];
  judgements: { conformance: string; cause: string }[];
  corrections: { id: string; kind: string; state: string; stepKey: string; stepRecordId: string | null }[];
  changedByCorrection: { correctionId: string | null } | null;
}

describe('adding a forgotten step, and procedures carried out once per subject', () => {
  let t: TestApp;
  let c: Cast;
  let once: string;
  let repeatable: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    once = `once-${uniqueSuffix()}`;
    repeatable = `again-${uniqueSuffix()}`;
    await effectiveProcedure(t, c.qm, c.qm2, { ...sampleDefinition(once), oncePerSubject: true });
    await effectiveProcedure(t, c.qm, c.qm2, sampleDefinition(repeatable));
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const addStep = (executionId: string, body: Record<string, unknown>, as = c.leader) =>
    t.http
      .post(`/api/executions/${executionId}/missing-steps`)
      .set(...bearer(as))
      .send(body);
  const interview = (performedAt: string, reason: string | null = 'Held, but not recorded before completion') => ({
    stepKey: 'interview',
    values: { language_level: 'b1', motivation: 4 },
    performedAt,
    ...(reason === null ? {} : { reason }),
  });
  const start = (procedureKey: string, participantId: string) =>
    t.http
      .post(`/api/programmes/${programmeId}/executions`)
      .set(...bearer(c.leader))
      .send({ procedureKey, subject: { participantId } });
  const cancel = (executionId: string, as = c.qm, reason: string | null = 'Started for the wrong adept') =>
    t.http
      .post(`/api/executions/${executionId}/cancel`)
      .set(...bearer(as))
      .send(reason === null ? {} : { reason });

  it('adds a forgotten step that clears the nonconformity only once a quality manager approves it', async () => {
    const adept = await enrol(t, c.leader, programmeId);
    const e = await startExecution(t, c.leader, programmeId, repeatable, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    // Still open: the step is recorded, not added as a correction.
    expectProblem(await addStep(e.id, interview(IN_WINDOW_LATER)), 409, 'execution_not_completed');
    const done = await completeExecution(t, c.leader, e.id);
    expect(done.findings.map((f) => f.rule)).toEqual(['missing_step']);
    // Recording in a completed execution still points at the correction.
    const late = await t.http
      .post(`/api/executions/${e.id}/steps`)
      .set(...bearer(c.leader))
      .send(interview(IN_WINDOW_LATER, null));
    expectProblem(late, 409, 'execution_completed');

    const noReason = await addStep(e.id, interview(IN_WINDOW_LATER, null));
    expectProblem(noReason, 400, 'validation_failed');
    expect(noReason.body.errors.map((x: { field: string }) => x.field)).toEqual(['reason']);
    const unknown = await addStep(e.id, { ...interview(IN_WINDOW_LATER), stepKey: 'debrief' });
    expectProblem(unknown, 422, 'unknown_step');
    expectProblem(
      await addStep(e.id, { ...interview(IN_WINDOW_LATER), stepKey: 'prepare', values: { notes: 'x' } }),
      409,
      'step_already_recorded',
    );

    const held = await addStep(e.id, interview(IN_WINDOW_LATER));
    expect(held.status).toBe(202);
    const pending = held.body as View;
    expect(pending.conformance).toBe('nonconforming');
    expect(pending.steps.map((s) => s.stepKey)).toEqual(['prepare']);
    expect(pending.corrections).toEqual([expect.objectContaining({ kind: 'added_step', state: 'pending', stepKey: 'interview' })]);
    expectProblem(await addStep(e.id, interview(IN_WINDOW_LATER)), 409, 'correction_pending');

    const approved = await t.http
      .post(`/api/executions/${e.id}/corrections/${pending.corrections[0].id}/approve`)
      .set(...bearer(c.qm))
      .send({ reason: 'The interview notes are on file', password: c.qm.password });
    expect(approved.status).toBe(200);
    const body = approved.body as View;
    expect(body.conformance).toBe('conforming');
    expect(body.changedByCorrection?.correctionId).toBe(pending.corrections[0].id);
    const added = body.steps.find((s) => s.stepKey === 'interview')!;
    expect(added).toMatchObject({ supersedesId: null, correctionReason: 'Held, but not recorded before completion', current: true });
    expect(added.id).toBe(body.corrections[0].stepRecordId);
    expect(body.judgements.map((j) => [j.conformance, j.cause])).toEqual([
      ['nonconforming', 'completion'],
      ['conforming', 'correction'],
    ]);
  });

  it('a cancelled execution takes no approval; its held correction can still be rejected', async () => {
    const adept = await enrol(t, c.leader, programmeId);
    const e = await startExecution(t, c.leader, programmeId, repeatable, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    await completeExecution(t, c.leader, e.id);
    const held = await addStep(e.id, interview(IN_WINDOW_LATER));
    expect(held.status).toBe(202);
    const correctionId = (held.body as View).corrections[0].id;
    expect((await cancel(e.id)).status).toBe(200);
    expectProblem(await addStep(e.id, interview(IN_WINDOW_LATER)), 409, 'execution_cancelled');
    const approve = await t.http
      .post(`/api/executions/${e.id}/corrections/${correctionId}/approve`)
      .set(...bearer(c.qm))
      .send({ reason: 'Checked', password: c.qm.password });
    expectProblem(approve, 409, 'execution_cancelled');
    const reject = await t.http
      .post(`/api/executions/${e.id}/corrections/${correctionId}/reject`)
      .set(...bearer(c.qm))
      .send({ reason: 'The execution was cancelled' });
    expect(reject.status).toBe(200);
    expect((reject.body as View).corrections[0].state).toBe('rejected');
  });

  it('adds a forgotten step at once when the execution stays nonconforming, judged again and audited', async () => {
    const adept = await enrol(t, c.leader, programmeId);
    const e = await startExecution(t, c.leader, programmeId, repeatable, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    await completeExecution(t, c.leader, e.id);
    // Performed after the window: added, but the execution stays nonconforming (now late, not incomplete).
    const res = await addStep(e.id, interview(AFTER_WINDOW));
    expect(res.status).toBe(201);
    const body = res.body as View;
    expect(body.conformance).toBe('nonconforming');
    expect(body.findings.map((f) => f.rule)).toEqual(['outside_window']);
    expect(body.corrections).toEqual([]);
    expect(body.steps.find((s) => s.stepKey === 'interview')).toMatchObject({
      correctionReason: 'Held, but not recorded before completion',
    });
    const events = await t.sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM audit_event WHERE entity_id = $1 AND action = 'execution.add_missing_step'`,
      [e.id],
    );
    expect(events).toEqual([{ action: 'execution.add_missing_step', reason: 'Held, but not recorded before completion' }]);
  });

  it('refuses a second execution of a once-per-subject procedure until the first is cancelled with a reason', async () => {
    const adept = await enrol(t, c.leader, programmeId);
    const first = await startExecution(t, c.leader, programmeId, once, adept.id);
    await recordStep(t, c.leader, first.id, 'prepare', IN_WINDOW);
    await recordStep(t, c.leader, first.id, 'interview', IN_WINDOW_LATER);
    await completeExecution(t, c.leader, first.id);

    const second = await start(once, adept.id);
    expectProblem(second, 409, 'execution_once_per_subject');
    expect(second.body.executionId).toBe(first.id);
    expect(second.body.detail).toContain(first.id);
    // A procedure without the mark is carried out again.
    const a1 = await startExecution(t, c.leader, programmeId, repeatable, adept.id);
    await completeExecution(t, c.leader, a1.id);
    expect((await start(repeatable, adept.id)).status).toBe(201);

    // Cancelling: a reason is required; a completed execution only by a quality manager.
    expectProblem(await cancel(first.id, c.qm, null), 400, 'validation_failed');
    expectProblem(await cancel(first.id, c.leader), 403, 'forbidden_role');
    const cancelled = await cancel(first.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'Started for the wrong adept', conformance: 'conforming' });
    const [event] = await t.sql<{ reason: string; changes: Record<string, unknown> }>(
      `SELECT reason, changes FROM audit_event WHERE entity_id = $1 AND action = 'execution.cancel'`,
      [first.id],
    );
    expect(event).toMatchObject({ reason: 'Started for the wrong adept', changes: { state: { old: 'completed', new: 'cancelled' } } });
    expectProblem(await cancel(first.id), 409, 'execution_cancelled');
    const [steps] = await t.http
      .get(`/api/executions/${first.id}`)
      .set(...bearer(c.qm))
      .then((r) => [r.body.steps as unknown[]]);
    expect(steps).toHaveLength(2);
    // The database lets nothing else change in a cancelled execution.
    await expect(t.sql(`UPDATE execution SET state = 'open', completed_at = NULL WHERE id = $1`, [first.id])).rejects.toThrow();

    // The matrix forgets the cancelled execution; the subject owes the procedure again.
    const matrix = await t.http.get(`/api/programmes/${programmeId}/conformance`).set(...bearer(c.qm));
    const row = (matrix.body.rows as { subject: { id: string }; cells: { procedureKey: string; executionId: string | null }[] }[]).find(
      (r) => r.subject.id === adept.id,
    )!;
    expect(row.cells.find((x) => x.procedureKey === once)!.executionId).toBeNull();

    const again = await start(once, adept.id);
    expect(again.status).toBe(201);
    // A leader cancels an open execution of their programme; nothing more is recorded in it.
    expect((await cancel(again.body.id, c.leader, 'Duplicate by mistake')).status).toBe(200);
    const record = await t.http
      .post(`/api/executions/${again.body.id}/steps`)
      .set(...bearer(c.leader))
      .send({ stepKey: 'prepare', values: { notes: 'x' }, performedAt: IN_WINDOW });
    expectProblem(record, 409, 'execution_cancelled');
    // And the subject may start once more.
    expect((await start(once, adept.id)).status).toBe(201);
  });

  it('of two starts at once for one subject, exactly one succeeds; after completion, both are refused', async () => {
    const adept = await enrol(t, c.leader, programmeId);
    const both = await Promise.all([start(once, adept.id), start(once, adept.id)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = both.find((r) => r.status === 201)!;
    expectProblem(
      both.find((r) => r.status === 409)!,
      409,
      'execution_open',
    );
    await completeExecution(t, c.leader, created.body.id);
    const after = await Promise.all([start(once, adept.id), start(once, adept.id)]);
    for (const r of after) expectProblem(r, 409, 'execution_once_per_subject');
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM execution WHERE participant_id = $1 AND procedure_key = $2 AND state <> 'cancelled'`,
      [adept.id, once],
    );
    expect(n).toBe(1);
  });

  it('the shipped procedures, each carried out once per subject, say so', () => {
    const once = (file: string) =>
      (parse(readFileSync(new URL(`../procedures/${file}.yaml`, import.meta.url), 'utf8')) as { oncePerSubject?: boolean }).oncePerSubject;
    for (const file of [
      'expression-of-interest',
      'intake-interview',
      'mentor-vetting',
      'matching',
      'introduction-day',
      'mid-point-follow-up',
      'final-evaluation',
      'mentor-end-evaluation',
      'outcome-follow-up-6-months',
      'outcome-follow-up-12-months',
    ]) {
      expect([file, once(file)]).toEqual([file, true]);
    }
    // Held as often as needed: several information meetings a year, a second placement after one ended early, the recurring work.
    for (const file of ['information-meeting', 'internship', 'mentor-meetings', 'seminars', 'job-coaching'])
      expect([file, once(file)]).toEqual([file, undefined]);
  });
});
