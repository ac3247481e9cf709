/**
 * Executions: started for a subject that fits, steps validated against the pinned version,
 * corrections that never overwrite, completion that freezes and judges, and the audit trail.
 */
import { canonicalHash } from '../src/common/canonical.js';
import { PERSONAL_HASH, auditOf, auditText, auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { sampleDefinition } from './support/procedures.js';
import {
  completeExecution,
  createProgramme,
  createStaff,
  procedureDefinition,
  programmeFixture,
  recordStep,
  startExecution,
} from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

// prepare { notes: text } then interview { language_level: a2|b1, motivation: 1..5 } by a programme leader;
// window day -30..0 from the programme start 2025-03-03 = 2025-02-01 .. 2025-03-03.
const intake = sampleDefinition('exec-intake');
const perPair = procedureDefinition('exec-pair', { subject: 'pair' });
const perCohort = procedureDefinition('exec-cohort', { subject: 'cohort' });
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
const prepare = { stepKey: 'prepare', values: { notes: 'Read the CV' }, performedAt: at('2025-02-20', 9) };
const interview = { stepKey: 'interview', values: { language_level: 'b1', motivation: 3 }, performedAt: at('2025-02-20') };

describe('executions', () => {
  let t: TestApp;
  let staff: Staff;
  let fx: ProgrammeFixture;
  let next = 0;
  const adept = () => fx.adepts[next++].id;
  const get = async (id: string) => (await t.http.get(`/api/executions/${id}`).set(...bearer(staff.leader))).body;
  const stepRows = async (executionId: string) =>
    (await t.sql(`SELECT id FROM execution_step_record WHERE execution_id = $1`, [executionId])).length;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    fx = await programmeFixture(t, {
      staff,
      procedures: [intake, perPair, perCohort],
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      adepts: 10,
      mentors: 1,
      pairs: true,
      enrolledAt: '2025-01-15',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts an execution pinned to the plan version, for a subject that fits the procedure', async () => {
    const adeptId = adept();
    const plan = (await t.http.get(`/api/programmes/${fx.programme.id}`).set(...bearer(staff.leader))).body.procedurePlan;
    const pinned = plan.find((e: { procedureKey: string }) => e.procedureKey === 'exec-intake');
    const res = await t.http
      .post(`/api/programmes/${fx.programme.id}/executions`)
      .set(...bearer(staff.leader))
      .send({ procedureKey: 'exec-intake', subject: { participantId: adeptId } });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/executions/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.any(String),
      programmeId: fx.programme.id,
      procedureKey: 'exec-intake',
      versionNumber: 1,
      contentHash: pinned.contentHash,
      subject: { type: 'adept', participantId: adeptId, label: fx.adepts[0].code },
      state: 'open',
      createdAt: expect.any(String),
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      conformance: null,
      findings: [],
      changedByCorrection: null,
      corrections: [],
      window: { from: '2025-02-01', to: '2025-03-03' },
      steps: [],
      judgements: [],
      version: 1,
    });
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'execution.start', actor_id: staff.leader.id, entity_version: 1 });
    expect(event.changes).toEqual({
      programmeId: { old: null, new: fx.programme.id },
      procedureKey: { old: null, new: 'exec-intake' },
      versionNumber: { old: null, new: 1 },
      contentHash: { old: null, new: pinned.contentHash },
      subject: { old: null, new: fx.adepts[0].code },
    });

    const start = (procedureKey: string, subject: unknown, programmeId = fx.programme.id) =>
      t.http
        .post(`/api/programmes/${programmeId}/executions`)
        .set(...bearer(staff.leader))
        .send({ procedureKey, subject });
    const refused = await auditedBy(t, async () => {
      const twice = await start('exec-intake', { participantId: adeptId });
      expectProblem(twice, 409, 'execution_open');
      expect(twice.body.executionId).toBe(res.body.id);
      expectProblem(await start('exec-intake', { pairId: fx.pairs[0].id }), 422, 'subject_mismatch');
      expectProblem(await start('exec-intake', { participantId: fx.mentors[0].id }), 422, 'subject_mismatch');
      expectProblem(await start('exec-intake', { cohort: true }), 422, 'subject_mismatch');
      expectProblem(await start('exec-pair', { participantId: adeptId }), 422, 'subject_mismatch');
      expectProblem(await start('exec-intake', { participantId: '00000000-0000-4000-8000-000000000000' }), 422, 'unknown_subject');
      const both = await start('exec-intake', { participantId: adeptId, cohort: true });
      expectProblem(both, 400, 'validation_failed');
      expect(problemFields(both)).toEqual(['subject']);
      expectProblem(await start('exec-cohort', { cohort: false }), 400, 'validation_failed');
      expectProblem(await start('no-such-procedure', { participantId: adeptId }), 422, 'procedure_not_in_plan');
      const planned = await createProgramme(t, staff.qm, { startDate: '2025-03-03', endDate: '2025-12-19', leaderIds: [staff.leader.id] });
      expectProblem(await start('exec-intake', { participantId: adeptId }, planned.id), 409, 'programme_not_active');
    });
    expect(refused.map((e) => e.action)).toEqual(['programme.create']);

    const pair = await startExecution(t, staff.leader, fx.programme.id, 'exec-pair', { pairId: fx.pairs[0].id });
    expect(pair.subject).toEqual({ type: 'pair', pairId: fx.pairs[0].id, label: `${fx.mentors[0].code}/${fx.adepts[0].code}` });
    const cohort = await startExecution(t, staff.leader, fx.programme.id, 'exec-cohort', { cohort: true });
    expect(cohort.subject).toEqual({ type: 'cohort', label: 'cohort' });
  });

  it("checks values against the step's fields (400 naming values.<field>) and stores nothing when they are wrong", async () => {
    const e = await startExecution(t, staff.leader, fx.programme.id, 'exec-intake', { participantId: adept() });
    const post = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/executions/${e.id}/steps`)
        .set(...bearer(staff.leader))
        .send(body);
    const fieldsOf = async (body: Record<string, unknown>, status = 400, code = 'validation_failed') => {
      const res = await post(body);
      expectProblem(res, status, code);
      return problemFields(res);
    };
    const events = await auditedBy(t, async () => {
      expect(await fieldsOf({ ...prepare, values: {} })).toEqual(['values.notes']);
      expect(await fieldsOf({ ...prepare, values: { notes: '   ' } })).toEqual(['values.notes']);
      expect(await fieldsOf({ ...interview, values: { language_level: 'c1', motivation: 3 } })).toEqual(['values.language_level']);
      expect(await fieldsOf({ ...interview, values: { language_level: 'b1', motivation: 6 } })).toEqual(['values.motivation']);
      expect(await fieldsOf({ ...interview, values: { language_level: 'b1', motivation: 'high' } })).toEqual(['values.motivation']);
      expect(await fieldsOf({ ...interview, values: { language_level: 'b1', motivation: 3, shoe_size: 42 } })).toEqual([
        'values.shoe_size',
      ]);
      expect(await fieldsOf({ ...interview, values: { motivation: 2.5 } })).toEqual(['values.language_level', 'values.motivation']);
      expect(await fieldsOf({ ...prepare, values: ['Read the CV'] })).toContain('values');
      expect(await fieldsOf({ ...prepare, performedAt: '2025-02-20T10:00:00' })).toEqual(['performedAt']);
      expect(await fieldsOf({ ...prepare, stepKey: 'lunch' }, 422, 'unknown_step')).toEqual(['stepKey']);
      expect(
        await fieldsOf({ ...prepare, performedAt: new Date(Date.now() + 86_400_000).toISOString() }, 422, 'performed_in_future'),
      ).toEqual(['performedAt']);
      expect(await fieldsOf({ ...prepare, performedById: '00000000-0000-4000-8000-000000000000' }, 422, 'unknown_performer')).toEqual([
        'performedById',
      ]);
    });
    expect(events).toEqual([]);
    expect(await stepRows(e.id)).toBe(0);

    const ok = await post({ ...prepare, values: { notes: '  Read the CV  ' }, notes: 'Interpreter booked' });
    expect(ok.status).toBe(201);
    expect(ok.body.steps).toEqual([
      expect.objectContaining({
        stepKey: 'prepare',
        values: { notes: 'Read the CV' },
        notes: 'Interpreter booked',
        performedById: staff.leader.id,
        current: true,
        supersedesId: null,
      }),
    ]);
    const twice = await auditedBy(t, async () => expectProblem(await post(prepare), 409, 'step_already_recorded'));
    expect(twice).toEqual([]);
    expect(await stepRows(e.id)).toBe(1);
  });

  it('answers a recorded step with the execution exactly as a later read shows it, ETag included', async () => {
    const e = await startExecution(t, staff.leader, fx.programme.id, 'exec-intake', { participantId: adept() });
    await recordStep(t, staff.leader, e.id, prepare);
    // Recorded by the quality manager on behalf of the leader: both names appear in the answer.
    const recorded = await t.http
      .post(`/api/executions/${e.id}/steps`)
      .set(...bearer(staff.qm))
      .send({ ...interview, performedById: staff.leader.id });
    expect(recorded.status).toBe(201);
    const read = await t.http.get(`/api/executions/${e.id}`).set(...bearer(staff.leader));
    expect(read.status).toBe(200);
    expect(recorded.text).toBe(read.text);
    expect(recorded.headers.etag).toBe(read.headers.etag);
    expect(recorded.body.steps.map((s: { performedByName: string }) => s.performedByName)).toEqual([staff.leader.name, staff.leader.name]);
  });

  it('corrects a recorded step with a new record that supersedes the old one; both stay visible', async () => {
    const e = await startExecution(t, staff.leader, fx.programme.id, 'exec-intake', { participantId: adept() });
    await recordStep(t, staff.leader, e.id, prepare);
    const recorded = await recordStep(t, staff.leader, e.id, interview);
    const original = recorded.steps.find((s: { stepKey: string }) => s.stepKey === 'interview');
    const correct = (recordId: string, body: Record<string, unknown>) =>
      t.http
        .post(`/api/executions/${e.id}/steps/${recordId}/corrections`)
        .set(...bearer(staff.leader))
        .send(body);

    const corrected = await correct(original.id, {
      values: { language_level: 'b1', motivation: 4 },
      reason: 'Typing error: the adept said 4',
    });
    expect(corrected.status).toBe(201);
    const view = await get(e.id);
    const old = view.steps.find((s: { id: string }) => s.id === original.id);
    const replacement = view.steps.find((s: { supersedesId: string | null }) => s.supersedesId === original.id);
    expect(view.steps).toHaveLength(3);
    expect(old).toMatchObject({
      values: { language_level: 'b1', motivation: 3 },
      current: false,
      supersededById: replacement.id,
      supersedesId: null,
      correctionReason: null,
    });
    expect(replacement).toMatchObject({
      stepKey: 'interview',
      values: { language_level: 'b1', motivation: 4 },
      current: true,
      supersededById: null,
      correctionReason: 'Typing error: the adept said 4',
      performedAt: old.performedAt,
      performedById: old.performedById,
      recordedById: staff.leader.id,
    });

    const refused = await auditedBy(t, async () => {
      const again = await correct(original.id, { values: { language_level: 'b1', motivation: 5 }, reason: 'x' });
      expectProblem(again, 409, 'record_superseded');
      expect(again.body.currentRecordId).toBe(replacement.id);
      const invalid = await correct(replacement.id, { values: { language_level: 'b1', motivation: 9 }, reason: 'x' });
      expectProblem(invalid, 400, 'validation_failed');
      expect(problemFields(invalid)).toEqual(['values.motivation']);
      expect([...new Set(problemFields(await correct(replacement.id, { values: { language_level: 'b1', motivation: 5 } })))]).toEqual([
        'reason',
      ]);
      expectProblem(await correct('00000000-0000-4000-8000-000000000000', { values: {}, reason: 'x' }), 404, 'not_found');
      expectProblem(
        await t.http
          .post(`/api/executions/${e.id}/steps`)
          .set(...bearer(staff.leader))
          .send(interview),
        409,
        'step_already_recorded',
      );
    });
    expect(refused).toEqual([]);
    expect(await stepRows(e.id)).toBe(3);
    await expect(t.sql(`UPDATE execution_step_record SET "values" = '{}' WHERE id = $1`, [original.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM execution_step_record WHERE id = $1`, [original.id])).rejects.toThrow();
  });

  it('freezes a completed execution; a correction judges it again and keeps the earlier judgement', async () => {
    const e = await startExecution(t, staff.leader, fx.programme.id, 'exec-intake', { participantId: adept() });
    await recordStep(t, staff.leader, e.id, prepare);
    const late = await recordStep(t, staff.leader, e.id, { ...interview, performedAt: at('2025-03-10') });
    const lateRecord = late.steps.find((s: { stepKey: string }) => s.stepKey === 'interview');
    const done = await completeExecution(t, staff.leader, e.id);
    expect(done).toMatchObject({ state: 'completed', conformance: 'nonconforming', completedAt: expect.any(String) });
    expect(done.findings.map((f: { rule: string }) => f.rule)).toEqual(['outside_window']);

    const refused = await auditedBy(t, async () => {
      expectProblem(
        await t.http
          .post(`/api/executions/${e.id}/steps`)
          .set(...bearer(staff.leader))
          .send({ ...prepare, stepKey: 'interview' }),
        409,
        'execution_completed',
      );
      expectProblem(await t.http.post(`/api/executions/${e.id}/complete`).set(...bearer(staff.leader)), 409, 'execution_completed');
    });
    expect(refused).toEqual([]);
    await expect(t.sql(`UPDATE execution SET state = 'open', completed_at = NULL WHERE id = $1`, [e.id])).rejects.toThrow(/cannot change/);

    // The correction would clear the nonconformity: it is held (202) until a quality manager approves it.
    let correctionId = '';
    const requested = await auditedBy(t, async () => {
      const res = await t.http
        .post(`/api/executions/${e.id}/steps/${lateRecord.id}/corrections`)
        .set(...bearer(staff.leader))
        .send({ values: interview.values, performedAt: at('2025-02-25'), reason: 'Wrong date entered: the interview was on 25 February' });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ conformance: 'nonconforming', judgements: [expect.objectContaining({ seq: 1 })] });
      correctionId = res.body.corrections[0].id;
    });
    expect(requested.map((x) => x.action)).toEqual(['execution.request_correction']);
    expect(requested[0].changes).toMatchObject({
      correctionId: { old: null, new: correctionId },
      performedAt: { old: '2025-03-10T09:00:00.000Z', new: '2025-02-25T09:00:00.000Z' },
    });
    const events = await auditedBy(t, async () => {
      const res = await t.http
        .post(`/api/executions/${e.id}/corrections/${correctionId}/approve`)
        .set(...bearer(staff.qm))
        .send({ reason: 'The calendar shows 25 February', password: staff.qm.password });
      expect(res.status).toBe(200);
    });
    expect(events.map((x) => x.action)).toEqual(['execution.approve_correction']);
    expect(events[0].changes).toMatchObject({
      correctionId: { old: null, new: correctionId },
      stepRecordId: { old: lateRecord.id, new: expect.any(String) },
      findings: { old: 1, new: 0 },
      conformance: { old: 'nonconforming', new: 'conforming' },
    });
    const view = await get(e.id);
    expect(view).toMatchObject({ state: 'completed', conformance: 'conforming', findings: [] });
    expect(view.changedByCorrection).toMatchObject({ correctionId, approvedById: staff.qm.id });
    expect(view.judgements).toEqual([
      expect.objectContaining({ seq: 1, conformance: 'nonconforming', cause: 'completion', versionNumber: 1, judgedBy: staff.leader.id }),
      expect.objectContaining({
        seq: 2,
        conformance: 'conforming',
        cause: 'correction',
        versionNumber: 1,
        judgedBy: staff.qm.id,
        findings: [],
      }),
    ]);
    expect(view.judgements[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['outside_window']);
    expect(view.steps.filter((s: { current: boolean }) => !s.current).map((s: { id: string }) => s.id)).toEqual([lateRecord.id]);
  });

  it('appends exactly one audit event per change, by the actor, with step values only as hashes', async () => {
    const e = await startExecution(t, staff.leader, fx.programme.id, 'exec-intake', { participantId: adept() });
    const secretNotes = 'Fatima lives with her two children in Rosengård';
    const secretText = 'Her CV lists the Damascus University Hospital';
    const single = async (change: () => Promise<unknown>, action: string) => {
      const events = await auditedBy(t, change);
      expect(events.map((x) => [x.action, x.entity_id, x.actor_id])).toEqual([[action, e.id, staff.leader.id]]);
      return events[0];
    };
    const recorded = await single(
      () => recordStep(t, staff.leader, e.id, { ...prepare, values: { notes: secretText }, notes: secretNotes }),
      'execution.record_step',
    );
    expect(recorded.changes).toEqual({
      stepRecordId: { old: null, new: expect.any(String) },
      stepKey: { old: null, new: 'prepare' },
      valuesHash: { old: null, new: expect.stringMatching(PERSONAL_HASH) },
      performedAt: { old: null, new: '2025-02-20T08:00:00.000Z' },
      performedBy: { old: null, new: staff.leader.id },
    });
    await single(() => recordStep(t, staff.leader, e.id, interview), 'execution.record_step');
    const recordId = recorded.changes.stepRecordId.new as string;
    const corrected = await single(
      () =>
        t.http
          .post(`/api/executions/${e.id}/steps/${recordId}/corrections`)
          .set(...bearer(staff.leader))
          .send({ values: { notes: `${secretText}, Syria` }, reason: 'Completed the note' }),
      'execution.correct_step',
    );
    expect(corrected.changes.valuesHash).toEqual({ old: recorded.changes.valuesHash.new, new: expect.stringMatching(PERSONAL_HASH) });
    expect(corrected.changes.valuesHash.new).not.toBe(recorded.changes.valuesHash.new);
    expect(corrected.reason).toBe('Completed the note');
    const completed = await single(() => completeExecution(t, staff.leader, e.id), 'execution.complete');
    expect(completed.changes).toEqual({
      state: { old: 'open', new: 'completed' },
      conformance: { old: null, new: 'conforming' },
      findings: { old: null, new: [] },
      versionNumber: { old: null, new: 1 },
    });
    expect((await auditOf(t, e.id)).map((x) => [x.action, x.entity_version])).toEqual([
      ['execution.start', 1],
      ['execution.record_step', 1],
      ['execution.record_step', 1],
      ['execution.correct_step', 1],
      ['execution.complete', 2],
    ]);
    const trail = await auditText(t);
    for (const secret of [secretNotes, secretText, 'Rosengård', 'Damascus']) expect(trail).not.toContain(secret);
    // Not even as a plain hash: a few enum and scale answers could be found by trying them all.
    expect(trail).not.toContain(canonicalHash(interview.values));
    expect(trail).not.toContain(canonicalHash({ notes: secretText }));
  });
});
