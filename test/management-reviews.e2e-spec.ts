import {
  asOf,
  activeProgramme,
  adeptProcedure,
  auditCount,
  auditOf,
  conformingExecution,
  createAction,
  createCast,
  createDeviation,
  enrol,
  fieldsNamed,
  moveAction,
  nonconformingExecution,
  todayIn,
  walkAction,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

interface Decision {
  id: string;
  seq: number;
  text: string;
  action: { id: string; reference: string; state: string; dueDate: string } | null;
}

describe('management reviews (ISO 9001 9.3): inputs from the records, decisions, signed closure', () => {
  let t: TestApp;
  let c: Cast;
  let k1: string;
  let k2: string;
  let programmeId: string;
  /** References of the corrective actions expected to be overdue, filled in as they are made. */
  const overdueActions: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    k1 = await adeptProcedure(t, c, 'intake-first');
    k2 = await adeptProcedure(t, c, 'intake-second');
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;

    // Conformance: k1 two conforming of three, k2 one of one. The nonconforming one opens two
    // system deviations (missing_step: major, outside_window: minor).
    const adepts = await Promise.all([0, 1, 2].map(() => enrol(t, c.leader, programmeId)));
    await conformingExecution(t, c.leader, programmeId, k1, adepts[0].id);
    await conformingExecution(t, c.leader, programmeId, k1, adepts[1].id);
    await nonconformingExecution(t, c.leader, programmeId, k1, adepts[2].id);
    await conformingExecution(t, c.leader, programmeId, k2, adepts[0].id);

    // Open deviations besides the two system ones: manual critical, internal_audit minor (in
    // analysis), participant_feedback major past its target date. Not open: a cancelled
    // external_audit one and a closed manual one.
    await createDeviation(t, c.leader, { programmeId, severity: 'critical', source: 'manual' });
    const inAnalysis = (
      await walkDeviation(
        t,
        c,
        await createDeviation(t, c.leader, {
          programmeId,
          severity: 'minor',
          source: 'internal_audit',
          detectedAt: '2026-03-02T10:00:00Z',
        }),
        'analysis',
      )
    ).deviation;
    await createDeviation(t, c.leader, {
      programmeId,
      severity: 'major',
      source: 'participant_feedback',
      detectedAt: '2026-03-02T10:00:00Z',
      targetDate: '2026-03-20',
    });
    await walkDeviation(t, c, await createDeviation(t, c.qm, { programmeId, severity: 'major', source: 'external_audit' }), 'cancelled');
    await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId, severity: 'minor', source: 'manual' }), 'closed');

    // Corrective actions (besides the closed one above): planned and late, in_progress on time,
    // implemented after its due date (not overdue), cancelled.
    overdueActions.push((await createAction(t, c.qm, [inAnalysis.id], { ownerId: c.leader.id, dueDate: '2026-03-31' })).reference);
    await walkAction(t, c, await createAction(t, c.qm, [inAnalysis.id], { ownerId: c.leader.id }), 'in_progress');
    await walkAction(t, c, await createAction(t, c.qm, [inAnalysis.id], { ownerId: c.leader.id, dueDate: '2026-03-31' }), 'implemented');
    const toCancel = await createAction(t, c.qm, [inAnalysis.id], { ownerId: c.leader.id });
    await moveAction(t, c.qm, toCancel.id, { to: 'cancelled', comment: 'Merged into another action' }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (as: TestUser, body: Record<string, unknown>) =>
    t.http
      .post('/api/management-reviews')
      .set(...bearer(as))
      .send(body);
  const decide = (as: TestUser, id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/management-reviews/${id}/decisions`)
      .set(...bearer(as))
      .send(body);
  const close = (as: TestUser, id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/management-reviews/${id}/close`)
      .set(...bearer(as))
      .send(body);
  const inputs = async (id: string, as: TestUser = c.board) => {
    const res = await t.http.get(`/api/management-reviews/${id}/inputs`).set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body;
  };
  const footprint = async (id: string) => ({
    review: (await t.sql(`SELECT * FROM management_review WHERE id = $1`, [id]))[0],
    decisions: (await t.sql(`SELECT id FROM management_review_decision WHERE management_review_id = $1`, [id])).length,
    signatures: (await t.sql(`SELECT id FROM signature WHERE record_id = $1`, [id])).length,
    actions: (await t.sql(`SELECT id FROM corrective_action`)).length,
    audit: await auditCount(t),
  });

  let previous: { id: string; decisions: Decision[] };

  it('opens a review with attendees, one audit event; refuses unknown attendees and roles that may not', async () => {
    const before = await auditCount(t);
    expectProblem(
      await create(c.leader, { heldOn: '2026-06-01', title: 'Spring review', attendeeIds: [c.board.id] }),
      403,
      'forbidden_role',
    );
    const unknown = await create(c.qm, {
      heldOn: '2026-06-01',
      title: 'Spring review',
      attendeeIds: [c.board.id, '00000000-0000-4000-8000-000000000000'],
    });
    expectProblem(unknown, 422, 'unknown_attendee');
    expect(fieldsNamed(unknown)).toEqual(['attendeeIds']);
    expect(await auditCount(t)).toBe(before);

    const res = await create(c.qm, { heldOn: '2026-06-01', title: 'Spring review', attendeeIds: [c.board.id, c.qm.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      heldOn: '2026-06-01',
      title: 'Spring review',
      state: 'open',
      decisions: [],
      closedAt: null,
      signature: null,
      attendees: [
        { id: c.board.id, name: 'Britt Board' },
        { id: c.qm.id, name: 'Qarin Quality' },
      ],
    });
    const [event] = await auditOf(t, res.body.id);
    expect(event).toMatchObject({ action: 'management_review.create', actor_id: c.qm.id, entity_type: 'management_review' });
    expect(event.changes).toEqual({
      heldOn: { old: null, new: '2026-06-01' },
      title: { old: null, new: 'Spring review' },
      attendeeIds: { old: null, new: [c.board.id, c.qm.id].sort() },
      // No period given: the year up to the meeting (no review was held before it).
      periodFrom: { old: null, new: '2025-06-02' },
      periodTo: { old: null, new: '2026-06-01' },
    });
    previous = { id: res.body.id, decisions: [] };
  });

  it('minutes decisions; one with an action becomes a tracked improvement action linked to the decision', async () => {
    const plain = await decide(c.board, previous.id, { text: 'Keep the intake procedure as it is' });
    expect(plain.status).toBe(201);
    expect(plain.body.decisions).toEqual([
      expect.objectContaining({ seq: 1, text: 'Keep the intake procedure as it is', category: 'other', action: null }),
    ]);

    const before = await footprint(previous.id);
    const badOwner = await decide(c.qm, previous.id, {
      text: 'Train all mentors',
      action: { ownerId: '00000000-0000-4000-8000-000000000000', dueDate: '2026-09-30', description: 'Mentor training' },
    });
    expectProblem(badOwner, 422, 'unknown_owner');
    const badAction = await decide(c.qm, previous.id, {
      text: 'Train all mentors',
      action: { ownerId: c.leader.id, dueDate: '2026-09-31', description: 'Mentor training' },
    });
    expectProblem(badAction, 400, 'validation_failed');
    expect(fieldsNamed(badAction)).toEqual(['action.dueDate']);
    expectProblem(await decide(c.leader, previous.id, { text: 'A leader decides' }), 403, 'forbidden_role');
    expect(await footprint(previous.id)).toEqual(before);

    // Decided when the review was minuted, before its due date (the service's clock set back to then).
    const withAction = await asOf(t, '2026-06-02', () =>
      decide(c.qm, previous.id, {
        text: 'Train all mentors in intercultural communication',
        action: { ownerId: c.leader.id, dueDate: '2026-09-30', description: 'Half-day training for every mentor' },
      }),
    );
    expect(withAction.status).toBe(201);
    const decisions = withAction.body.decisions as Decision[];
    expect(decisions.map((d) => d.seq)).toEqual([1, 2]);
    const tracked = decisions[1].action!;
    expect(tracked).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^CA-\d{4}-\d{4}$/),
      state: 'planned',
      dueDate: '2026-09-30',
    });
    overdueActions.push(tracked.reference);

    const action = await t.http.get(`/api/corrective-actions/${tracked.id}`).set(...bearer(c.qm));
    expect(action.body).toMatchObject({
      reference: tracked.reference,
      type: 'improvement',
      description: 'Half-day training for every mentor',
      ownerId: c.leader.id,
      reviewDecisionId: decisions[1].id,
      deviations: [],
      state: 'planned',
    });
    expect(action.body.effectivenessCriterion).toContain('Spring review');
    // The owner sees the action assigned to them although it addresses no deviation of a programme.
    expect((await t.http.get(`/api/corrective-actions/${tracked.id}`).set(...bearer(c.leader))).status).toBe(200);

    const reviewEvents = await auditOf(t, previous.id);
    expect(reviewEvents.map((e) => e.action)).toEqual(['management_review.create', 'management_review.decide', 'management_review.decide']);
    expect(reviewEvents[2].changes).toEqual({
      decision: {
        old: null,
        new: {
          id: decisions[1].id,
          seq: 2,
          text: 'Train all mentors in intercultural communication',
          category: 'improvement',
          action: tracked.reference,
        },
      },
    });
    const [actionEvent] = await auditOf(t, tracked.id);
    expect(actionEvent).toMatchObject({ action: 'corrective_action.create', actor_id: c.qm.id });
    expect(actionEvent.changes).toMatchObject({
      type: { old: null, new: 'improvement' },
      reviewDecisionId: { old: null, new: decisions[1].id },
      source: { old: null, new: { kind: 'management_review', id: previous.id, text: expect.stringMatching(/^Decision 2 of /) } },
    });
    previous.decisions = decisions;
  });

  it('is closed only by a board member with the right password; a closed review never changes', async () => {
    const absent = await t.user(['board_member'], 'Bo Absent');
    const before = await footprint(previous.id);
    expectProblem(await close(c.qm, previous.id, { password: c.qm.password }), 403, 'forbidden_role');
    const noPassword = await close(c.board, previous.id, {});
    expectProblem(noPassword, 400, 'validation_failed');
    expect(fieldsNamed(noPassword)).toEqual(['password']);
    expectProblem(await close(c.board, previous.id, { password: 'wrong-password' }), 401, 'invalid_password');
    expectProblem(await close(absent, previous.id, { password: absent.password }), 403, 'not_attendee');
    expect(await footprint(previous.id)).toEqual(before);

    const closed = await close(c.board, previous.id, { password: c.board.password, comment: 'Minutes approved' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(closed.body.signature).toMatchObject({
      signerId: c.board.id,
      signerName: 'Britt Board',
      meaning: 'closed',
      comment: 'Minutes approved',
      recordType: 'management_review',
      recordId: previous.id,
    });
    const events = await auditOf(t, previous.id);
    expect(events.at(-1)).toMatchObject({
      action: 'management_review.close',
      actor_id: c.board.id,
      reason: 'Minutes approved',
      changes: {
        state: { old: 'open', new: 'closed' },
        signature: { old: null, new: expect.objectContaining({ id: closed.body.signature.id, signerId: c.board.id }) },
      },
    });

    const after = await footprint(previous.id);
    expectProblem(await decide(c.board, previous.id, { text: 'Too late' }), 409, 'review_closed');
    expectProblem(
      await decide(c.qm, previous.id, { text: 'Too late', action: { ownerId: c.leader.id, dueDate: '2027-01-31', description: 'x' } }),
      409,
      'review_closed',
    );
    expectProblem(await close(c.board, previous.id, { password: c.board.password }), 409, 'review_closed');
    expect(await footprint(previous.id)).toEqual(after);
    await expect(t.sql(`UPDATE management_review SET title = 'Rewritten' WHERE id = $1`, [previous.id])).rejects.toThrow(/cannot change/);
    await expect(t.sql(`DELETE FROM management_review WHERE id = $1`, [previous.id])).rejects.toThrow();
    await expect(
      t.sql(`UPDATE management_review_decision SET text = 'Rewritten' WHERE management_review_id = $1`, [previous.id]),
    ).rejects.toThrow();
    await expect(t.sql(`DELETE FROM management_review_decision WHERE management_review_id = $1`, [previous.id])).rejects.toThrow();
    await expect(t.sql(`UPDATE signature SET meaning = 'draft' WHERE record_id = $1`, [previous.id])).rejects.toThrow();
    await expect(
      t.sql(`INSERT INTO management_review_decision (management_review_id, seq, text) VALUES ($1, 99, 'Slipped in')`, [previous.id]),
    ).rejects.toThrow(/closed/);
    await expect(
      t.sql(`INSERT INTO management_review_attendee (management_review_id, user_id) VALUES ($1, $2)`, [previous.id, c.qm2.id]),
    ).rejects.toThrow(/closed/);
    await expect(t.sql(`DELETE FROM management_review_attendee WHERE management_review_id = $1`, [previous.id])).rejects.toThrow(
      /immutable/,
    );
  });

  it('composes its inputs from the records: open deviations, corrective actions, conformance per procedure, outcomes of earlier decisions', async () => {
    const current = await create(c.board, { heldOn: '2026-12-01', title: 'Autumn review', attendeeIds: [c.board.id] });
    expect(current.status).toBe(201);
    const dayBefore = todayIn(t.config.timeZone);
    const got = await inputs(current.body.id, c.auditor);
    expect([dayBefore, todayIn(t.config.timeZone)]).toContain(got.asOf);
    const [oldest] = await t.sql<{ reference: string; source: string; occurred_at: Date; detected_at: Date }>(
      `SELECT reference, source, occurred_at, detected_at FROM deviation WHERE state NOT IN ('closed', 'cancelled') ORDER BY occurred_at, reference LIMIT 1`,
    );

    expect(got.deviations).toEqual({
      // system missing_step (major) + system outside_window (minor) + manual critical + internal_audit minor + participant_feedback major
      open: 5,
      overdue: 1,
      openBySeverity: { minor: 2, major: 2, critical: 1 },
      openBySource: { manual: 1, internal_audit: 1, external_audit: 0, participant_feedback: 1, system: 2 },
      oldestOpen: {
        reference: oldest.reference,
        occurredAt: oldest.occurred_at.toISOString(),
        detectedAt: oldest.detected_at.toISOString(),
      },
    });
    // The one standing longest since it occurred: the system's, dated by their steps and window, not by their entry.
    expect(oldest.source).toBe('system');
    expect(oldest.occurred_at.getTime()).toBeLessThan(oldest.detected_at.getTime());
    expect(got.correctiveActions).toEqual({
      // planned: the late one and the review decision's; closed: the one of the closed deviation
      byState: { planned: 2, in_progress: 1, implemented: 1, effectiveness_check: 0, closed: 1, cancelled: 1 },
      overdue: 2,
      overdueReferences: [...overdueActions].sort(),
    });
    expect(got.conformance).toEqual([
      { procedureKey: k1, conforming: 2, completed: 3, rate: 0.6667 },
      { procedureKey: k2, conforming: 1, completed: 1, rate: 1 },
    ]);
    const tracked = previous.decisions[1].action!;
    expect(got.earlierDecisions).toEqual([
      {
        reviewId: previous.id,
        heldOn: '2026-06-01',
        title: 'Spring review',
        seq: 1,
        text: 'Keep the intake procedure as it is',
        action: null,
      },
      {
        reviewId: previous.id,
        heldOn: '2026-06-01',
        title: 'Spring review',
        seq: 2,
        text: 'Train all mentors in intercultural communication',
        action: { reference: tracked.reference, state: 'planned', dueDate: '2026-09-30', overdue: true },
      },
    ]);
    // The earlier review itself had no earlier decisions (its own do not count).
    expect((await inputs(previous.id)).earlierDecisions).toEqual([]);
    expectProblem(await t.http.get(`/api/management-reviews/${current.body.id}/inputs`).set(...bearer(c.leader)), 403, 'forbidden_role');
  });

  it('freezes the inputs at closing: later changes to the records do not change a closed review', async () => {
    const review = (await create(c.qm, { heldOn: '2026-12-15', title: 'Year-end review', attendeeIds: [c.board.id, c.qm.id] })).body;
    const live = await inputs(review.id);
    await close(c.board, review.id, { password: c.board.password }).expect(200);
    const frozen = await inputs(review.id);
    const { composedAt: _a, ...liveRest } = live;
    const { composedAt: _b, ...frozenRest } = frozen;
    expect(frozenRest).toEqual(liveRest);

    // Change the records the inputs are made of.
    await createDeviation(t, c.leader, { programmeId, severity: 'critical', source: 'external_audit' });
    const tracked = previous.decisions[1].action!;
    await moveAction(t, c.leader, tracked.id, { to: 'in_progress', comment: 'Training booked' }).expect(200);
    const adept = await enrol(t, c.leader, programmeId);
    await conformingExecution(t, c.leader, programmeId, k2, adept.id);

    const changed = await inputs((await create(c.qm, { heldOn: '2026-12-20', title: 'Extra review', attendeeIds: [c.qm.id] })).body.id);
    expect(changed.deviations.open).toBe(live.deviations.open + 1);
    expect(
      changed.earlierDecisions.find((x: { seq: number; reviewId: string }) => x.reviewId === previous.id && x.seq === 2).action.state,
    ).toBe('in_progress');
    expect(changed.conformance.find((x: { procedureKey: string }) => x.procedureKey === k2).completed).toBe(2);

    expect(await inputs(review.id)).toEqual(frozen);
    expect(await inputs(review.id, c.auditor)).toEqual(frozen);
  });

  describe('complete (ISO 9001 9.3.2 and 9.3.3)', () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-03-31`;
    const note = (id: string, body: Record<string, unknown>, as: TestUser = c.qm) =>
      t.http
        .post(`/api/management-reviews/${id}/notes`)
        .set(...bearer(as))
        .send(body);

    it('covers a period given or defaulted, refusing one that ends after the meeting or runs backwards, writing nothing', async () => {
      const head = await auditCount(t);
      const base = { heldOn: '2026-11-10', title: 'Autumn review', attendeeIds: [c.board.id] };
      for (const [period, field] of [
        [{ periodFrom: '2026-01-01', periodTo: '2026-11-11' }, 'periodTo'],
        [{ periodFrom: '2026-10-01', periodTo: '2026-09-30' }, 'periodFrom'],
        [{ periodFrom: '2023-01-01', periodTo: '2026-09-30' }, 'periodFrom'],
      ] as const) {
        const res = await create(c.qm, { ...base, ...period });
        expectProblem(res, 422, 'period_invalid');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expectProblem(await create(c.qm, { ...base, periodFrom: 'yesterday' }), 400, 'validation_failed');
      expectProblem(await create(c.qm, { ...base, guests: [{ name: ' ', role: 'Guest' }] }), 400, 'validation_failed');
      expect(await auditCount(t)).toBe(head);
    });

    it('records guests, issues and resources, and decisions by category that can open an action without a deviation', async () => {
      const res = await create(c.qm, {
        heldOn: '2026-11-20',
        title: 'Complete review',
        attendeeIds: [c.board.id, c.qm.id],
        periodFrom: '2026-01-01',
        periodTo: '2026-10-31',
        guests: [{ name: 'Eva Ekonom', role: 'Representative of the co-financier' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        periodFrom: '2026-01-01',
        periodTo: '2026-10-31',
        guests: [{ name: 'Eva Ekonom', role: 'Representative of the co-financier' }],
        notes: [],
        version: 1,
      });
      const id = res.body.id;
      expectProblem(await note(id, { topic: 'issues', text: 'x' }, c.auditor), 403, 'forbidden_role');
      expectProblem(await note(id, { topic: 'weather', text: 'x' }), 400, 'validation_failed');
      expectProblem(await note(id, { topic: 'issues', text: '  ' }), 400, 'validation_failed');
      const issue = await note(id, { topic: 'issues', text: 'The co-financier now requires participants to be registered job-seekers' });
      expect(issue.status).toBe(201);
      expect(issue.headers.etag).toBe('"2"');
      await note(id, { topic: 'resources', text: 'Two programme leaders for 40 pairs: enough until spring' }, c.board).expect(201);
      const decided = await decide(c.board, id, {
        text: 'Recruit a third programme leader before the autumn intake',
        category: 'resource_need',
        action: { ownerId: c.qm.id, dueDate: nextYear, description: 'Recruit a programme leader' },
      });
      expect(decided.status).toBe(201);
      const decision = decided.body.decisions[0];
      expect(decision).toMatchObject({ category: 'resource_need', action: expect.objectContaining({ state: 'planned' }) });
      const action = await t.http.get(`/api/corrective-actions/${decision.action.id}`).set(...bearer(c.qm));
      expect(action.body).toMatchObject({ type: 'improvement', deviations: [], source: { kind: 'management_review', id } });
      await decide(c.board, id, { text: 'Add the consent text to document control', category: 'qms_change' }).expect(201);
      expectProblem(await decide(c.board, id, { text: 'x', category: 'wishes' }), 400, 'validation_failed');

      const events = await auditOf(t, id);
      expect(events.map((e) => e.action)).toEqual([
        'management_review.create',
        'management_review.note',
        'management_review.note',
        'management_review.decide',
        'management_review.decide',
      ]);
      expect(events[0].changes.guests).toEqual({ old: null, new: [{ name: 'Eva Ekonom', role: 'Representative of the co-financier' }] });
      expect(events[1].changes.note.new).toMatchObject({ topic: 'issues', seq: 1 });
      await expect(t.sql(`UPDATE management_review_note SET text = 'changed' WHERE management_review_id = $1`, [id])).rejects.toThrow();
      await expect(t.sql(`DELETE FROM management_review_guest WHERE management_review_id = $1`, [id])).rejects.toThrow();

      const got = await inputs(id);
      // Every 9.3.2 item is present and named.
      for (const key of [
        'period',
        'earlierDecisions',
        'issues',
        'satisfaction',
        'objectives',
        'processPerformance',
        'nonconformities',
        'deviations',
        'correctiveActions',
        'monitoring',
        'internalAudits',
        'externalProviders',
        'resources',
        'risks',
        'opportunities',
      ])
        expect(got).toHaveProperty(key);
      expect(got.period).toEqual({ from: '2026-01-01', to: '2026-10-31', previousFrom: '2025-03-03', previousTo: '2025-12-31' });
      expect(got.issues).toEqual([expect.objectContaining({ seq: 1, text: expect.stringMatching(/job-seekers/) })]);
      expect(got.resources).toEqual([expect.objectContaining({ seq: 1, text: expect.stringMatching(/Two programme leaders/) })]);
      // No internal audit was performed in the period (the demo's review lists one: test/demo.e2e-spec.ts).
      expect(got.internalAudits).toEqual({ available: true, note: null, audits: [] });
      expect(got.satisfaction).toMatchObject({ procedureKey: 'final-evaluation', stepKey: 'adept_evaluation', fieldKey: 'satisfaction' });
      expect(Object.keys(got.satisfaction.distribution)).toEqual(['1', '2', '3', '4', '5']);
      expect(got.externalProviders).toEqual({
        pairsMatched: expect.anything(),
        pairsEndedEarly: expect.anything(),
        mentorFeedbackGiven: expect.anything(),
        mentorSatisfactionResponses: expect.anything(),
        mentorSatisfactionMean: null,
        // No mentor answered a survey: the figure is the leaders' record, and says so.
        mentorSatisfactionSource: 'recorded_by_leaders',
        mentorSatisfactionSourceNote: 'recorded by leaders',
        mentorSatisfactionSurvey: null,
      });
      expect(got.satisfaction).toMatchObject({
        source: 'recorded_by_leaders',
        sourceNote: 'recorded by leaders',
        survey: null,
        employers: null,
      });
      expect(got.monitoring).toHaveProperty('conformanceRate');
      expect(got.opportunities.actions).toEqual(
        expect.arrayContaining([expect.objectContaining({ reference: decision.action.reference, source: 'management_review' })]),
      );
      for (const p of got.processPerformance) expect(p).toHaveProperty('trend');
      expect(got.nonconformities.detected).toBeGreaterThan(0);

      // Closing freezes every section, and the signature binds the period, guests and notes.
      await close(c.board, id, { password: c.board.password }).expect(200);
      const [signature] = await t.sql<{ content: { period: unknown; guests: unknown; notes: unknown[] } }>(
        `SELECT signed_content AS content FROM signature WHERE record_id = $1`,
        [id],
      );
      expect(signature.content).toMatchObject({
        period: { from: '2026-01-01', to: '2026-10-31' },
        guests: [{ name: 'Eva Ekonom', role: 'Representative of the co-financier' }],
      });
      expect(signature.content.notes).toHaveLength(2);
      expectProblem(await note(id, { topic: 'issues', text: 'Too late' }), 409, 'review_closed');
    });
  });
});
