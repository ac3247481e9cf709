/**
 * Version pinning: a programme follows the versions pinned at activation until it explicitly
 * adopts a newer one; completed executions keep the version they were judged against, open ones
 * move only when the migration says so.
 */
import { auditOf, auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import {
  approveNextVersion,
  completeExecution,
  createProgramme,
  createStaff,
  executeProcedure,
  procedureDefinition,
  procedureInForce,
  programmeFixture,
  recordStep,
  startExecution,
  textStep,
} from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const v1Of = (key: string) =>
  procedureDefinition(key, {
    window: { anchor: 'programme_start', fromDays: -30, toDays: 0 },
    steps: [textStep('prepare'), textStep('interview')],
  });
/** Version 2: a longer window and a required professional goal in the interview. */
const v2Of = (key: string) =>
  procedureDefinition(key, {
    window: { anchor: 'programme_start', fromDays: -45, toDays: 0 },
    steps: [
      textStep('prepare'),
      textStep('interview', { fields: [...textStep('x').fields, { key: 'goal', label: { en: 'Goal' }, type: 'text', required: true }] }),
    ],
  });
const v3Of = (key: string) => ({ ...v2Of(key), ordered: true });

const at = '2025-02-20T10:00:00+01:00';
const said = { summary: 'Discussed the CV' };

describe('version pinning and explicit migration', () => {
  let t: TestApp;
  let staff: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fixture = (key: string, adepts = 4) =>
    programmeFixture(t, {
      staff,
      procedures: [v1Of(key)],
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      adepts,
      enrolledAt: '2025-01-15',
    });
  const getExecution = async (id: string) => (await t.http.get(`/api/executions/${id}`).set(...bearer(staff.qm))).body;
  const getProgramme = async (id: string) => (await t.http.get(`/api/programmes/${id}`).set(...bearer(staff.qm))).body;
  const migrate = (programmeId: string, body: Record<string, unknown>, as = staff.qm) =>
    t.http
      .post(`/api/programmes/${programmeId}/procedure-plan/migrate`)
      .set(...bearer(as))
      .send(body);
  type Plan = { procedurePlan: { procedureKey: string; versionNumber: number; contentHash: string }[] };
  const planOf = (p: Plan, key: string) => p.procedurePlan.find((e) => e.procedureKey === key);

  it('keeps running and new executions on the pinned version when a newer one is approved mid-programme', async () => {
    const fx = await fixture('pin-a');
    const pinned = planOf(fx.programme as unknown as Plan, 'pin-a')!;
    expect(pinned).toMatchObject({ versionNumber: 1 });
    const open = await startExecution(t, staff.leader, fx.programme.id, 'pin-a', { participantId: fx.adepts[0].id });
    await recordStep(t, staff.leader, open.id, { stepKey: 'prepare', values: said, performedAt: at });
    const done = await executeProcedure(t, staff.leader, fx.programme.id, 'pin-a', { participantId: fx.adepts[1].id }, [
      { stepKey: 'prepare', values: said, performedAt: at },
      { stepKey: 'interview', values: said, performedAt: at },
    ]);

    const v2 = await approveNextVersion(t, staff, v2Of('pin-a'));
    expect(v2.contentHash).not.toBe(pinned.contentHash);

    expect((await getProgramme(fx.programme.id)).procedurePlan).toEqual([
      expect.objectContaining({ procedureKey: 'pin-a', versionNumber: 1, contentHash: pinned.contentHash }),
    ]);
    expect(await getExecution(open.id)).toMatchObject({
      versionNumber: 1,
      contentHash: pinned.contentHash,
      state: 'open',
      window: { from: '2025-02-01', to: '2025-03-03' },
    });
    expect(await getExecution(done.id)).toMatchObject({ versionNumber: 1, conformance: 'conforming' });

    // A new execution still follows the plan: version 1, so the interview needs no goal.
    const fresh = await startExecution(t, staff.leader, fx.programme.id, 'pin-a', { participantId: fx.adepts[2].id });
    expect(fresh).toMatchObject({ versionNumber: 1, contentHash: pinned.contentHash });
    await recordStep(t, staff.leader, fresh.id, { stepKey: 'interview', values: said, performedAt: at });
    await recordStep(t, staff.leader, open.id, { stepKey: 'interview', values: said, performedAt: at });
    expect(await completeExecution(t, staff.leader, open.id)).toMatchObject({ versionNumber: 1, conformance: 'conforming' });

    // A programme activated now pins the new version.
    const later = await fixture('pin-a', 0);
    expect(planOf(later.programme as unknown as Plan, 'pin-a')).toMatchObject({ versionNumber: 2, contentHash: v2.contentHash });
  });

  it('adopts a newer version explicitly; without moveOpenExecutions open executions stay, new ones use it', async () => {
    const fx = await fixture('pin-b');
    const open = await startExecution(t, staff.leader, fx.programme.id, 'pin-b', { participantId: fx.adepts[0].id });
    const v2 = await approveNextVersion(t, staff, v2Of('pin-b'));

    const events = await auditedBy(t, async () => {
      const res = await migrate(fx.programme.id, { procedureKey: 'pin-b', toVersion: 2, reason: 'Goals are recorded from now on' });
      expect(res.status).toBe(200);
      expect(planOf(res.body, 'pin-b')).toMatchObject({
        versionNumber: 2,
        contentHash: v2.contentHash,
        reason: 'Goals are recorded from now on',
        replacedAt: null,
      });
      expect(res.body.planHistory).toEqual([
        expect.objectContaining({ procedureKey: 'pin-b', versionNumber: 1, replacedAt: expect.any(String) }),
      ]);
    });
    expect(events.map((e) => [e.action, e.entity_id, e.actor_id, e.reason])).toEqual([
      ['programme.plan_migrate', fx.programme.id, staff.qm.id, 'Goals are recorded from now on'],
    ]);
    expect(events[0].changes).toEqual({
      procedureKey: { old: 'pin-b', new: 'pin-b' },
      versionNumber: { old: 1, new: 2 },
      movedOpenExecutions: { old: null, new: [] },
    });

    expect(await getExecution(open.id)).toMatchObject({ versionNumber: 1, state: 'open' });
    const fresh = await startExecution(t, staff.leader, fx.programme.id, 'pin-b', { participantId: fx.adepts[1].id });
    expect(fresh).toMatchObject({ versionNumber: 2, contentHash: v2.contentHash, window: { from: '2025-01-17', to: '2025-03-03' } });
    const refused = await t.http
      .post(`/api/executions/${fresh.id}/steps`)
      .set(...bearer(staff.leader))
      .send({ stepKey: 'interview', values: said, performedAt: at });
    expectProblem(refused, 400, 'validation_failed');
    expect(problemFields(refused)).toEqual(['values.goal']);
  });

  it('moves open executions when asked; completed ones keep the version they were judged against', async () => {
    const fx = await fixture('pin-c');
    const v1Hash = planOf(fx.programme as unknown as Plan, 'pin-c')!.contentHash;
    const open = await startExecution(t, staff.leader, fx.programme.id, 'pin-c', { participantId: fx.adepts[0].id });
    await recordStep(t, staff.leader, open.id, { stepKey: 'prepare', values: said, performedAt: at });
    const done = await executeProcedure(t, staff.leader, fx.programme.id, 'pin-c', { participantId: fx.adepts[1].id }, [
      { stepKey: 'prepare', values: said, performedAt: at },
      { stepKey: 'interview', values: said, performedAt: at },
    ]);
    const v2 = await approveNextVersion(t, staff, v2Of('pin-c'));

    const events = await auditedBy(t, async () => {
      const res = await migrate(fx.programme.id, {
        procedureKey: 'pin-c',
        toVersion: 2,
        reason: 'Adopt version 2 for everyone',
        moveOpenExecutions: true,
      });
      expect(res.status).toBe(200);
    });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['execution.migrate', open.id],
      ['programme.plan_migrate', fx.programme.id],
    ]);
    expect(events[0]).toMatchObject({ actor_id: staff.qm.id, reason: 'Adopt version 2 for everyone', entity_version: 2 });
    expect(events[0].changes).toEqual({ versionNumber: { old: 1, new: 2 }, contentHash: { old: v1Hash, new: v2.contentHash } });
    expect(events[1].changes.movedOpenExecutions).toEqual({ old: null, new: [open.id] });

    const moved = await getExecution(open.id);
    expect(moved).toMatchObject({
      versionNumber: 2,
      contentHash: v2.contentHash,
      state: 'open',
      window: { from: '2025-01-17', to: '2025-03-03' },
    });
    expect(moved.steps.map((s: { stepKey: string }) => s.stepKey)).toEqual(['prepare']);
    const kept = await getExecution(done.id);
    expect(kept).toMatchObject({ versionNumber: 1, contentHash: v1Hash, conformance: 'conforming' });
    expect(kept.judgements).toEqual([expect.objectContaining({ versionNumber: 1, contentHash: v1Hash, cause: 'completion' })]);
    // The moved execution now follows version 2: the interview needs the goal.
    await recordStep(t, staff.leader, open.id, { stepKey: 'interview', values: { ...said, goal: 'Hospital pharmacist' }, performedAt: at });
    expect(await completeExecution(t, staff.leader, open.id)).toMatchObject({ versionNumber: 2, conformance: 'conforming' });
  });

  it('records the version a moved execution really left, even when the plan had moved on without it', async () => {
    const fx = await fixture('pin-d');
    const open = await startExecution(t, staff.leader, fx.programme.id, 'pin-d', { participantId: fx.adepts[0].id });
    await approveNextVersion(t, staff, v2Of('pin-d'));
    expect((await migrate(fx.programme.id, { procedureKey: 'pin-d', toVersion: 2, reason: 'New executions only' })).status).toBe(200);
    const v3 = await approveNextVersion(t, staff, v3Of('pin-d'));
    const events = await auditedBy(t, async () => {
      expect(
        (await migrate(fx.programme.id, { procedureKey: 'pin-d', toVersion: 3, reason: 'Everyone on version 3', moveOpenExecutions: true }))
          .status,
      ).toBe(200);
    });
    const [moved] = events.filter((e) => e.action === 'execution.migrate');
    expect(moved.entity_id).toBe(open.id);
    expect(moved.changes.versionNumber).toEqual({ old: 1, new: 3 });
    expect(moved.changes.contentHash).toEqual({ old: open.contentHash, new: v3.contentHash });
    expect((await getProgramme(fx.programme.id)).planHistory.map((e: { versionNumber: number }) => e.versionNumber)).toEqual([1, 2]);
  });

  it('refuses migrations that cannot be right, and writes nothing', async () => {
    const fx = await fixture('pin-e');
    await approveNextVersion(t, staff, v2Of('pin-e'));
    await t.http
      .post('/api/procedures/pin-e/versions')
      .set(...bearer(staff.qm))
      .send({ definition: v3Of('pin-e'), changeSummary: 'Ordered' })
      .expect(201);
    const planned = await createProgramme(t, staff.qm, { startDate: '2025-03-03', endDate: '2025-12-19', leaderIds: [staff.leader.id] });
    const events = await auditedBy(t, async () => {
      const draft = await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 3, reason: 'x' });
      expectProblem(draft, 422, 'version_not_effective');
      expect(problemFields(draft)).toEqual(['toVersion']);
      expectProblem(await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 1, reason: 'x' }), 422, 'version_not_effective');
      expectProblem(await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 9, reason: 'x' }), 404, 'not_found');
      expectProblem(await migrate(fx.programme.id, { procedureKey: 'no-such-procedure', toVersion: 1, reason: 'x' }), 404, 'not_found');
      expectProblem(
        await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 2, reason: 'x' }, staff.leader),
        403,
        'forbidden_role',
      );
      expectProblem(await migrate(planned.id, { procedureKey: 'pin-e', toVersion: 2, reason: 'x' }), 409, 'programme_not_active');
      expectProblem(await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 2 }), 400, 'validation_failed');
      expect((await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 2, reason: 'Adopt' })).status).toBe(200);
      expectProblem(await migrate(fx.programme.id, { procedureKey: 'pin-e', toVersion: 2, reason: 'Again' }), 409, 'not_newer');
    });
    expect(events.map((e) => e.action)).toEqual(['programme.plan_migrate']);
  });

  it('adopts a procedure that came into force after activation, which executions could not use before', async () => {
    const fx = await fixture('pin-f');
    await procedureInForce(t, staff, v1Of('pin-late'));
    const before = await t.http
      .post(`/api/programmes/${fx.programme.id}/executions`)
      .set(...bearer(staff.leader))
      .send({ procedureKey: 'pin-late', subject: { participantId: fx.adepts[0].id } });
    expectProblem(before, 422, 'procedure_not_in_plan');
    const res = await migrate(fx.programme.id, { procedureKey: 'pin-late', toVersion: 1, reason: 'New procedure for this programme too' });
    expect(res.status).toBe(200);
    expect(planOf(res.body, 'pin-late')).toMatchObject({ versionNumber: 1 });
    const [event] = (await auditOf(t, fx.programme.id)).filter((e) => e.action === 'programme.plan_migrate');
    expect(event.changes.versionNumber).toEqual({ old: null, new: 1 });
    expect((await startExecution(t, staff.leader, fx.programme.id, 'pin-late', { participantId: fx.adepts[0].id })).versionNumber).toBe(1);
  });
});
