/**
 * What cannot be right is refused (422 naming the field, in plain words, nothing written): a
 * quality objective its indicator can never reach, a corrective action due before the day it is
 * planned or years away, owned by someone who cannot carry it out, and an effectiveness verdict
 * given before the interval planned after implementation has passed. The accepted edges are shown
 * beside each refusal.
 */
import { auditHead } from './support/audit-events.js';
import {
  actionBody,
  activeProgramme,
  asOf,
  createAction,
  createCast,
  createDeviation,
  fieldsNamed,
  moveAction,
  serviceToday,
  walkAction,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { ActionView, Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('plausibility of objectives and corrective actions', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
    today = serviceToday(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string) => Number((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const deviationInAnalysis = async () =>
    (await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis')).deviation;
  const postAction = (body: Record<string, unknown>) =>
    t.http
      .post('/api/corrective-actions')
      .set(...bearer(c.qm))
      .send(body);
  const refused = (res: Awaited<ReturnType<typeof postAction>>, code: string, field: string, detail: RegExp) => {
    expectProblem(res, 422, code);
    expect(fieldsNamed(res)).toEqual([field]);
    expect(res.body.detail).toMatch(detail);
  };

  describe('quality objectives', () => {
    const post = (body: Record<string, unknown>) =>
      t.http
        .post('/api/quality-objectives')
        .set(...bearer(c.qm))
        .send({ programmeId, title: 'Objective', comparator: '>=', ...body });

    it('refuses a target its indicator can never take, naming the target, writing nothing', async () => {
      const head = await auditHead(t);
      const before = await count('quality_objective');
      for (const [indicator, comparator, target, detail] of [
        ['completion_rate', '>=', 90, /completion_rate is a rate, a fraction from 0 to 1 \(0\.9 for 90 %\)/],
        ['conformance_rate', '>=', 1.5, /at most 1/],
        ['conformance_rate:intake', '>=', -0.1, /at least 0/],
        ['withdrawal_rate', '<', 0, /can never be < 0/],
        ['actions_closed_on_time_rate', '>', 1, /can never be > 1/],
        ['open_deviations', '<=', -1, /a count, a whole number 0 or more/],
        ['median_days_to_close', '<=', -3, /a number of days, 0 or more/],
      ] as const) {
        const res = await post({ indicator, comparator, target });
        expectProblem(res, 422, 'target_out_of_range');
        expect({ indicator, fields: fieldsNamed(res) }).toEqual({ indicator, fields: ['target'] });
        expect(res.body.detail).toMatch(detail);
      }
      expect(await count('quality_objective')).toBe(before);
      expect(await auditHead(t)).toBe(head);
    });

    it('accepts targets at the edges of the range and beyond 1 for counts and days', async () => {
      for (const [indicator, comparator, target] of [
        ['completion_rate', '>=', 0.9],
        ['completion_rate', '>=', 1],
        ['withdrawal_rate', '<=', 0],
        ['open_deviations', '<=', 12],
        ['median_days_to_close', '<=', 45],
      ] as const) {
        const res = await post({ indicator, comparator, target });
        expect({ indicator, target, status: res.status }).toEqual({ indicator, target, status: 201 });
      }
    });
  });

  describe('corrective actions at planning', () => {
    it('refuses a due date before today, and one more than two years ahead, writing nothing', async () => {
      const d = await deviationInAnalysis();
      const head = await auditHead(t);
      const before = await count('corrective_action');
      refused(
        await postAction(actionBody([d.id], { ownerId: c.leader.id, dueDate: addDays(today, -1) })),
        'due_in_past',
        'dueDate',
        new RegExp(`has already passed \\(today is ${today}\\)`),
      );
      refused(
        await postAction(actionBody([d.id], { ownerId: c.leader.id, dueDate: addDays(today, 731) })),
        'due_too_far',
        'dueDate',
        /more than two years away/,
      );
      expect(await count('corrective_action')).toBe(before);
      expect(await auditHead(t)).toBe(head);
      // The edges: today, and exactly two years ahead.
      for (const dueDate of [today, addDays(today, 730)])
        expect((await postAction(actionBody([d.id], { ownerId: c.leader.id, dueDate }))).status).toBe(201);
    });

    it('refuses an owner who cannot carry the action out: read-only roles, a deactivated user', async () => {
      const d = await deviationInAnalysis();
      const deactivated = await t.user(['programme_leader'], 'Dora Departed');
      const read = await t.http.get(`/api/users/${deactivated.id}`).set(...bearer(t.admin));
      const off = await t.http
        .patch(`/api/users/${deactivated.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', read.headers.etag)
        .send({ active: false });
      expect(off.status).toBe(200);
      const head = await auditHead(t);
      const before = await count('corrective_action');
      for (const owner of [c.auditor, c.board, t.admin])
        refused(
          await postAction(actionBody([d.id], { ownerId: owner.id })),
          'owner_cannot_act',
          'ownerId',
          /read-only roles .* cannot carry out a corrective action; choose a quality manager or a programme leader/,
        );
      refused(await postAction(actionBody([d.id], { ownerId: deactivated.id })), 'unknown_owner', 'ownerId', /deactivated/);
      expect(await count('corrective_action')).toBe(before);
      expect(await auditHead(t)).toBe(head);
      for (const owner of [c.leader, c.qm]) expect((await postAction(actionBody([d.id], { ownerId: owner.id }))).status).toBe(201);
    });

    it('records when effectiveness can be judged: 30 days after implementation unless planning says otherwise', async () => {
      const d = await deviationInAnalysis();
      const byDefault = await createAction(t, c.qm, [d.id], { ownerId: c.leader.id });
      expect(byDefault).toMatchObject({ effectivenessCheckAfterDays: 30, effectivenessCheckFrom: null });
      const res = await postAction({ ...actionBody([d.id], { ownerId: c.leader.id }), effectivenessCheckAfterDays: 90 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ effectivenessCheckAfterDays: 90 });
      const [row] = await t.sql<{ effectiveness_check_after_days: number }>(
        `SELECT effectiveness_check_after_days FROM corrective_action WHERE id = $1`,
        [res.body.id],
      );
      expect(row.effectiveness_check_after_days).toBe(90);
      for (const days of [-5, 731, 2.5])
        expect(
          fieldsNamed(await postAction({ ...actionBody([d.id], { ownerId: c.leader.id }), effectivenessCheckAfterDays: days })),
        ).toEqual(['effectivenessCheckAfterDays']);
    });
  });

  describe('the effectiveness verdict', () => {
    const judge = (a: ActionView, verdict: 'effective' | 'not_effective', as: TestUser = c.qm2) =>
      moveAction(t, as, a.id, {
        to: verdict === 'effective' ? 'closed' : 'in_progress',
        comment: 'Checked the intake files',
        verdict,
        evidence: '12 of 12 intakes had an interpreter',
        ...(verdict === 'effective' ? { password: as.password } : {}),
      });

    it('is refused before the planned interval has passed, saying from when, and accepted from that day', async () => {
      const d = await deviationInAnalysis();
      const created = await postAction({ ...actionBody([d.id], { ownerId: c.leader.id }), effectivenessCheckAfterDays: 14 });
      const action = await walkAction(t, c, created.body as ActionView, 'effectiveness_check');
      const from = addDays(today, 14);
      expect(action).toMatchObject({ state: 'effectiveness_check', effectivenessCheckFrom: from });
      const head = await auditHead(t);
      const signaturesBefore = await count('signature');
      for (const verdict of ['effective', 'not_effective'] as const) {
        const res = await judge(action, verdict);
        expectProblem(res, 422, 'effectiveness_too_early');
        expect(fieldsNamed(res)).toEqual(['verdict']);
        expect(res.body).toMatchObject({ checkFrom: from });
        expect(res.body.detail).toBe(
          `The effectiveness of ${action.reference} can be judged from ${from}, 14 days after it was implemented on ${today}, as planned`,
        );
      }
      // The day before is still too early; nothing was written, not even a signature.
      expectProblem(await asOf(t, addDays(from, -1), () => judge(action, 'effective')), 422, 'effectiveness_too_early');
      expect(await auditHead(t)).toBe(head);
      expect(await count(`signature`)).toBe(signaturesBefore);
      const closed = await asOf(t, from, () => judge(action, 'effective'));
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ state: 'closed', verdict: 'effective' });
    });

    it('counts the interval from the latest implementation after a not-effective verdict', async () => {
      const d = await deviationInAnalysis();
      const created = await postAction({ ...actionBody([d.id], { ownerId: c.leader.id }), effectivenessCheckAfterDays: 7 });
      const action = await walkAction(t, c, created.body as ActionView, 'effectiveness_check');
      const later = addDays(today, 10);
      await asOf(t, later, async () => {
        expect((await judge(action, 'not_effective')).status).toBe(200);
        for (const to of ['implemented', 'effectiveness_check'])
          expect((await moveAction(t, c.qm, action.id, { to, comment: `Again ${to}` })).status).toBe(200);
        const again = await judge(action, 'effective');
        expectProblem(again, 422, 'effectiveness_too_early');
        expect(again.body.checkFrom).toBe(addDays(later, 7));
      });
      expect((await asOf(t, addDays(later, 7), () => judge(action, 'effective'))).status).toBe(200);
    });
  });
});
