/**
 * A correction cannot silently turn a nonconformity into "conforming": one that would change a
 * completed execution's judgement from nonconforming to conforming is held as a pending correction
 * (202) and changes nothing until a quality manager other than its requester approves it with a
 * reason and a signature (meaning `correction approval`), or rejects it. Corrections that do not
 * clear the nonconformity take effect at once. The API and the conformance matrix mark the
 * execution "conforming after correction"; its deviation stays open.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../src/common/canonical.js';
import {
  AFTER_WINDOW,
  IN_WINDOW,
  IN_WINDOW_LATER,
  activeProgramme,
  adeptProcedure,
  completeExecution,
  createCast,
  enrol,
  recordStep,
  startExecution,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

interface View {
  id: string;
  conformance: string | null;
  version: number;
  steps: { id: string; stepKey: string; current: boolean; performedAt: string; correctionReason: string | null }[];
  judgements: { seq: number; conformance: string }[];
  corrections: {
    id: string;
    state: string;
    kind: string;
    stepKey: string;
    reason: string;
    requestedById: string;
    decisionReason: string | null;
    decidedById: string | null;
    signatureId: string | null;
    stepRecordId: string | null;
  }[];
  changedByCorrection: {
    correctionId: string | null;
    approvedById: string | null;
    approvedByName: string | null;
    approvedAt: string | null;
    reason: string | null;
    signatureId: string | null;
  } | null;
}

describe('corrections that would clear a nonconformity need a quality manager', () => {
  let t: TestApp;
  let c: Cast;
  let procedureKey: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    procedureKey = await adeptProcedure(t, c);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const view = async (id: string, as: TestUser = c.qm): Promise<View> => {
    const res = await t.http.get(`/api/executions/${id}`).set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body as View;
  };
  const correct = (
    as: TestUser,
    executionId: string,
    recordId: string,
    performedAt: string,
    reason = 'Date typed wrong',
    values: Record<string, unknown> = { language_level: 'b1', motivation: 4 },
  ) =>
    t.http
      .post(`/api/executions/${executionId}/steps/${recordId}/corrections`)
      .set(...bearer(as))
      .send({ values, performedAt, reason });
  const approve = (as: TestUser, executionId: string, correctionId: string, reason = 'Checked against the calendar entry') =>
    t.http
      .post(`/api/executions/${executionId}/corrections/${correctionId}/approve`)
      .set(...bearer(as))
      .send({ reason, password: as.password });
  const reject = (as: TestUser, executionId: string, correctionId: string) =>
    t.http
      .post(`/api/executions/${executionId}/corrections/${correctionId}/reject`)
      .set(...bearer(as))
      .send({ reason: 'No evidence that the interview was held in time' });
  const auditActions = async (executionId: string) =>
    (await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [executionId])).map(
      (r) => r.action,
    );
  const matrixCell = async (participantId: string) => {
    const res = await t.http.get(`/api/programmes/${programmeId}/conformance`).set(...bearer(c.qm));
    expect(res.status).toBe(200);
    const row = (
      res.body.rows as { subject: { id: string }; cells: { procedureKey: string; status: string; pendingCorrection: boolean }[] }[]
    ).find((r) => r.subject.id === participantId)!;
    return row.cells.find((x) => x.procedureKey === procedureKey)!;
  };

  /** A completed execution whose interview (only) was late: nonconforming by outside_window. */
  async function lateInterview(): Promise<{ executionId: string; participantId: string; prepareId: string; interviewId: string }> {
    const adept = await enrol(t, c.leader, programmeId);
    const e = await startExecution(t, c.leader, programmeId, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    const recorded = await recordStep(t, c.leader, e.id, 'interview', AFTER_WINDOW);
    const done = await completeExecution(t, c.leader, e.id);
    expect(done.conformance).toBe('nonconforming');
    expect(done.findings.map((f) => f.rule)).toEqual(['outside_window']);
    const ids = Object.fromEntries(recorded.steps.map((s) => [s.stepKey, s.id]));
    return { executionId: e.id, participantId: adept.id, prepareId: ids.prepare, interviewId: ids.interview };
  }

  it('holds the correction, keeps the execution nonconforming everywhere, and lists it as awaiting approval', async () => {
    const x = await lateInterview();
    const res = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER);
    expect(res.status).toBe(202);
    const body = res.body as View;
    expect(body.conformance).toBe('nonconforming');
    expect(body.changedByCorrection).toBeNull();
    expect(body.judgements).toHaveLength(1);
    expect(body.steps.filter((s) => s.current).map((s) => s.id)).toEqual([x.prepareId, x.interviewId]);
    expect(body.corrections).toEqual([
      expect.objectContaining({
        state: 'pending',
        kind: 'correction',
        stepKey: 'interview',
        reason: 'Date typed wrong',
        requestedById: c.leader.id,
      }),
    ]);
    const [pending] = body.corrections;
    // No step record was written; the request is audited.
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM execution_step_record WHERE execution_id = $1`, [
      x.executionId,
    ]);
    expect(n).toBe(2);
    expect(await auditActions(x.executionId)).toContain('execution.request_correction');
    // The matrix keeps it nonconforming and says a correction waits.
    expect(await matrixCell(x.participantId)).toMatchObject({ status: 'nonconforming', pendingCorrection: true });
    // The quality manager's list, and the leader's (their programme); not another leader's.
    const listed = await t.http.get('/api/corrections/pending').set(...bearer(c.qm));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: pending.id, executionId: x.executionId, procedureKey, stepKey: 'interview' })]),
    );
    const mine = await t.http.get('/api/corrections/pending').set(...bearer(c.leader));
    expect((mine.body as { id: string }[]).map((p) => p.id)).toContain(pending.id);
    const other = await t.http.get('/api/corrections/pending').set(...bearer(c.otherLeader));
    expect(other.status).toBe(200);
    expect((other.body as { id: string }[]).map((p) => p.id)).not.toContain(pending.id);

    // A second correction of the step waits for the decision.
    const again = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW);
    expectProblem(again, 409, 'correction_pending');
    expect(again.body.correctionId).toBe(pending.id);

    // Only a quality manager decides; a wrong password signs nothing.
    expectProblem(await approve(c.leader, x.executionId, pending.id), 403, 'forbidden_role');
    const wrong = await t.http
      .post(`/api/executions/${x.executionId}/corrections/${pending.id}/approve`)
      .set(...bearer(c.qm))
      .send({ reason: 'Checked', password: 'not-my-password' });
    expectProblem(wrong, 401, 'invalid_password');
    const missing = await t.http
      .post(`/api/executions/${x.executionId}/corrections/${pending.id}/approve`)
      .set(...bearer(c.qm))
      .send({ password: c.qm.password });
    expectProblem(missing, 400, 'validation_failed');
    expect((await view(x.executionId)).corrections[0].state).toBe('pending');
    const [{ d }] = await t.sql<{ d: number }>(`SELECT count(*)::int AS d FROM execution_correction_decision WHERE correction_id = $1`, [
      pending.id,
    ]);
    expect(d).toBe(0);
  });

  it('approved by one of two quality managers at once: the other gets 409; the execution is conforming after correction, signed', async () => {
    const x = await lateInterview();
    const held = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER);
    expect(held.status).toBe(202);
    const correctionId = (held.body as View).corrections[0].id;
    const [deviation] = await t.sql<{ id: string; state: string }>(`SELECT id, state FROM deviation WHERE execution_id = $1`, [
      x.executionId,
    ]);
    expect(deviation.state).toBe('open');

    const results = await Promise.all([approve(c.qm, x.executionId, correctionId), approve(c.qm2, x.executionId, correctionId)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const won = results.find((r) => r.status === 200)!;
    const lost = results.find((r) => r.status === 409)!;
    expectProblem(lost, 409, 'correction_decided');
    const winner = won === results[0] ? c.qm : c.qm2;

    const body = won.body as View;
    expect(body.conformance).toBe('conforming');
    expect(body.judgements.map((j) => j.conformance)).toEqual(['nonconforming', 'conforming']);
    expect(body.changedByCorrection).toMatchObject({
      correctionId,
      approvedById: winner.id,
      approvedByName: winner.name,
      reason: 'Checked against the calendar entry',
    });
    const decided = body.corrections[0];
    expect(decided).toMatchObject({ state: 'approved', decidedById: winner.id, decisionReason: 'Checked against the calendar entry' });
    // The approval put a new record in force, superseding the late one.
    const added = body.steps.find((s) => s.id === decided.stepRecordId)!;
    expect(added).toMatchObject({ stepKey: 'interview', current: true, correctionReason: 'Date typed wrong' });
    expect(body.steps.find((s) => s.id === x.interviewId)!.current).toBe(false);

    // The signature binds what was approved.
    const [sig] = await t.sql<{
      meaning: string;
      signer_id: string;
      content_hash: string;
      signed_content: Record<string, unknown>;
      record_id: string;
    }>(`SELECT meaning, signer_id, content_hash, signed_content, record_id FROM signature WHERE id = $1`, [decided.signatureId]);
    expect(sig).toMatchObject({ meaning: 'correction approval', signer_id: winner.id, record_id: correctionId });
    expect(sig.signed_content).toMatchObject({
      correctionId,
      executionId: x.executionId,
      conformanceBefore: 'nonconforming',
      conformanceAfter: 'conforming',
    });
    expect(sig.content_hash).toBe(createHash('sha256').update(canonicalJson(sig.signed_content)).digest('hex'));
    expect(body.changedByCorrection!.signatureId).toBe(decided.signatureId);

    // Exactly one decision, audited once; the deviation stays open (its own life cycle closes it).
    const [{ d }] = await t.sql<{ d: number }>(`SELECT count(*)::int AS d FROM execution_correction_decision WHERE correction_id = $1`, [
      correctionId,
    ]);
    expect(d).toBe(1);
    expect((await auditActions(x.executionId)).filter((a) => a === 'execution.approve_correction')).toHaveLength(1);
    const [after] = await t.sql<{ state: string }>(`SELECT state FROM deviation WHERE id = $1`, [deviation.id]);
    expect(after.state).toBe('open');

    // The matrix marks it, and the pending list no longer has it.
    expect(await matrixCell(x.participantId)).toMatchObject({ status: 'conforming_after_correction', pendingCorrection: false });
    const listed = await t.http.get('/api/corrections/pending').set(...bearer(c.qm));
    expect((listed.body as { id: string }[]).map((p) => p.id)).not.toContain(correctionId);
    // An auditor reads the mark too.
    expect((await view(x.executionId, c.auditor)).changedByCorrection?.correctionId).toBe(correctionId);
    // Rejecting a decided correction is refused.
    expectProblem(await reject(c.qm, x.executionId, correctionId), 409, 'correction_decided');
  });

  it('rejected with a reason: nothing changes, and the step may be corrected again', async () => {
    const x = await lateInterview();
    const held = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER);
    const correctionId = (held.body as View).corrections[0].id;
    expectProblem(await reject(c.leader, x.executionId, correctionId), 403, 'forbidden_role');
    const noReason = await t.http
      .post(`/api/executions/${x.executionId}/corrections/${correctionId}/reject`)
      .set(...bearer(c.qm))
      .send({});
    expectProblem(noReason, 400, 'validation_failed');
    const res = await reject(c.qm, x.executionId, correctionId);
    expect(res.status).toBe(200);
    const body = res.body as View;
    expect(body.conformance).toBe('nonconforming');
    expect(body.judgements).toHaveLength(1);
    expect(body.changedByCorrection).toBeNull();
    expect(body.corrections[0]).toMatchObject({
      state: 'rejected',
      decidedById: c.qm.id,
      decisionReason: 'No evidence that the interview was held in time',
      signatureId: null,
      stepRecordId: null,
    });
    expect(await auditActions(x.executionId)).toContain('execution.reject_correction');
    expectProblem(await approve(c.qm2, x.executionId, correctionId), 409, 'correction_decided');
    expect(await matrixCell(x.participantId)).toMatchObject({ status: 'nonconforming', pendingCorrection: false });
    // Decided: a new correction of the step is taken (and held again).
    expect((await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER, 'Found the calendar entry')).status).toBe(202);
  });

  it('a quality manager cannot approve their own correction; another one can', async () => {
    const x = await lateInterview();
    const held = await correct(c.qm, x.executionId, x.interviewId, IN_WINDOW_LATER);
    expect(held.status).toBe(202);
    const correctionId = (held.body as View).corrections[0].id;
    expectProblem(await approve(c.qm, x.executionId, correctionId), 403, 'requester_cannot_approve');
    expect((await approve(c.qm2, x.executionId, correctionId)).status).toBe(200);
  });

  it('corrections that do not clear the nonconformity take effect at once', async () => {
    const x = await lateInterview();
    // The prepare step moved within the window: the interview is still late.
    const res = await correct(c.leader, x.executionId, x.prepareId, IN_WINDOW, 'Date typed wrong', { notes: 'Read the application' });
    expect(res.status).toBe(201);
    const body = res.body as View;
    expect(body.judgements.map((j) => j.conformance)).toEqual(['nonconforming', 'nonconforming']);
    expect(body.corrections).toEqual([]);
    expect(body.steps.find((s) => s.id === x.prepareId)!.current).toBe(false);
    expect(await auditActions(x.executionId)).toContain('execution.correct_step');
  });

  it('an approval replayed with its Idempotency-Key is answered again, decided once', async () => {
    const x = await lateInterview();
    const held = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER);
    const correctionId = (held.body as View).corrections[0].id;
    const send = () =>
      t.http
        .post(`/api/executions/${x.executionId}/corrections/${correctionId}/approve`)
        .set(...bearer(c.qm))
        .set('Idempotency-Key', `approve-${correctionId}`)
        .send({ reason: 'Checked against the calendar entry', password: c.qm.password });
    const first = await send();
    expect(first.status).toBe(200);
    const second = await send();
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    const [{ d }] = await t.sql<{ d: number }>(`SELECT count(*)::int AS d FROM execution_correction_decision WHERE correction_id = $1`, [
      correctionId,
    ]);
    expect(d).toBe(1);
    expect((await auditActions(x.executionId)).filter((a) => a === 'execution.approve_correction')).toHaveLength(1);
  });

  it('the database refuses to change or delete a held correction or its decision', async () => {
    const x = await lateInterview();
    const held = await correct(c.leader, x.executionId, x.interviewId, IN_WINDOW_LATER);
    const correctionId = (held.body as View).corrections[0].id;
    await reject(c.qm, x.executionId, correctionId);
    await expect(t.sql(`UPDATE execution_correction SET reason = 'changed' WHERE id = $1`, [correctionId])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM execution_correction_decision WHERE correction_id = $1`, [correctionId])).rejects.toThrow();
    await expect(
      t.sql(`UPDATE execution_correction_decision SET decision = 'approved' WHERE correction_id = $1`, [correctionId]),
    ).rejects.toThrow();
  });
});
