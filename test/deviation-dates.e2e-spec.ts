/**
 * Dates of deviations and what follows from them (security review, issue 11, item 9), and edits of
 * what the system found. One rule for creation and every edit: a deviation is detected neither in
 * the future nor before its programme's preparation began (its start, its first enrolment, or the
 * opening of its first procedure window, whichever came first), and its target date is not before the day of detection. A corrective action is not due
 * before what it addresses was found (or the review that decided it was held); a withdrawal is not
 * recorded before it happened. A system-detected deviation keeps its title, and its severity
 * changes only by a quality manager, with a reason kept in the audit trail.
 */
import { auditHead, auditOf, auditSince } from './support/audit-events.js';
import {
  asOf,
  activeProgramme,
  actionBody,
  adeptProcedure,
  createCast,
  createDeviation,
  deviationBody,
  enrol,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('deviation dates, one rule for creation and edits', () => {
  let t: TestApp;
  let c: Cast;
  /** Starts 2026-03-01, nobody enrolled: preparation began when the intake window opened, 2026-01-30. */
  let bare: string;
  /** Starts 2026-03-01, an adept enrolled on 2026-01-10: preparation began then. */
  let enrolled: string;
  let adept: { id: string; code: string };

  const post = (who: TestUser, body: Record<string, unknown>) =>
    t.http
      .post('/api/deviations')
      .set(...bearer(who))
      .send(body);
  const patch = async (who: TestUser, id: string, body: Record<string, unknown>) => {
    const current = await t.http.get(`/api/deviations/${id}`).set(...bearer(c.qm));
    return t.http
      .patch(`/api/deviations/${id}`)
      .set(...bearer(who))
      .set('If-Match', current.headers.etag)
      .send(body);
  };
  const deviationCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM deviation`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    await adeptProcedure(t, c, 'dates-intake');
    bare = (await activeProgramme(t, c.qm, [c.leader])).id;
    enrolled = (await activeProgramme(t, c.qm, [c.leader])).id;
    adept = await enrol(t, c.leader, enrolled);
  });
  afterEach(() => t.setToday(undefined));
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a detection in the future or before the programme was prepared, writing nothing', async () => {
    const before = { count: await deviationCount(), head: await auditHead(t) };
    for (const [programmeId, detectedAt, code] of [
      [bare, '2200-12-31T10:00:00Z', 'detected_in_future'],
      [bare, '1900-01-01T10:00:00Z', 'detected_before_programme'],
      // The intake window (30 days before the start) opens on 2026-01-30: preparation began then.
      [bare, '2026-01-29T12:00:00Z', 'detected_before_programme'],
      [enrolled, '2026-01-09T12:00:00Z', 'detected_before_programme'],
    ] as const) {
      const res = await post(c.leader, deviationBody({ programmeId, detectedAt }));
      expectProblem(res, 422, code);
      expect(problemFields(res)).toEqual(['detectedAt']);
    }
    // The configured clock says what the future is.
    t.setToday('2026-06-01');
    expectProblem(
      await post(c.leader, deviationBody({ programmeId: bare, detectedAt: '2026-06-02T07:00:00Z' })),
      422,
      'detected_in_future',
    );
    expect(await deviationCount()).toBe(before.count);
    expect(await auditSince(t, before.head)).toEqual([]);

    expect((await post(c.leader, deviationBody({ programmeId: bare, detectedAt: '2026-01-30T08:00:00Z' }))).status).toBe(201);
    expect((await post(c.leader, deviationBody({ programmeId: enrolled, detectedAt: '2026-01-10T12:00:00Z' }))).status).toBe(201);
  });

  it('keeps the target date on or after the day of detection on an edit, as on creation', async () => {
    const res = await post(c.leader, deviationBody({ programmeId: bare, detectedAt: '2026-11-02T09:30:00Z', targetDate: '2026-11-01' }));
    expectProblem(res, 422, 'target_before_detection');
    expect(problemFields(res)).toEqual(['targetDate']);

    const d = await createDeviation(t, c.leader, { programmeId: bare, detectedAt: '2026-11-02T09:30:00Z', targetDate: '2026-12-02' });
    const head = await auditHead(t);
    for (const targetDate of ['1901-01-01', '2026-11-01']) {
      const refused = await patch(c.leader, d.id, { targetDate });
      expectProblem(refused, 422, 'target_before_detection');
      expect(problemFields(refused)).toEqual(['targetDate']);
    }
    const [row] = await t.sql<{ target_date: string; version: number }>(`SELECT target_date::text, version FROM deviation WHERE id = $1`, [
      d.id,
    ]);
    expect(row).toEqual({ target_date: '2026-12-02', version: 1 });
    expect(await auditSince(t, head)).toEqual([]);
    const ok = await patch(c.leader, d.id, { targetDate: '2026-11-02' });
    expect(ok.status).toBe(200);
    expect(ok.body.targetDate).toBe('2026-11-02');
  });

  it('refuses a corrective action due before its deviation was detected, or before the review that decided it', async () => {
    const d = await createDeviation(t, c.leader, { programmeId: bare, detectedAt: '2026-11-02T09:30:00Z' });
    const early = await t.http
      .post('/api/corrective-actions')
      .set(...bearer(c.qm))
      .send(actionBody([d.id], { ownerId: c.leader.id, dueDate: '1901-01-01' }));
    expectProblem(early, 422, 'due_before_cause');
    expect(problemFields(early)).toEqual(['dueDate']);
    // Planned on the day it was detected, due that very day.
    const onTheDay = await asOf(t, '2026-11-02', () =>
      t.http
        .post('/api/corrective-actions')
        .set(...bearer(c.qm))
        .send(actionBody([d.id], { ownerId: c.leader.id, dueDate: '2026-11-02' })),
    );
    expect(onTheDay.status).toBe(201);

    const review = await t.http
      .post('/api/management-reviews')
      .set(...bearer(c.qm))
      .send({ heldOn: '2026-10-15', title: 'Management review, autumn', attendeeIds: [c.board.id] });
    expect(review.status).toBe(201);
    const decided = await t.http
      .post(`/api/management-reviews/${review.body.id}/decisions`)
      .set(...bearer(c.qm))
      .send({ text: 'Train every leader', action: { ownerId: c.qm.id, dueDate: '2026-10-14', description: 'Hold the training' } });
    expectProblem(decided, 422, 'due_before_cause');
    expect(problemFields(decided)).toEqual(['action.dueDate']);
  });

  it('refuses a withdrawal or completion dated in the future', async () => {
    t.setToday('2026-06-01');
    for (const [path, body] of [
      ['withdraw', { date: '2026-06-02', reason: 'Moving abroad' }],
      ['complete', { date: '2026-06-02' }],
    ] as const) {
      const res = await t.http
        .post(`/api/programmes/${enrolled}/participants/${adept.id}/${path}`)
        .set(...bearer(c.leader))
        .send(body);
      expectProblem(res, 422, 'day_in_future');
      expect(problemFields(res)).toEqual(['date']);
    }
    const participant = await t.http.get(`/api/programmes/${enrolled}/participants/${adept.id}`).set(...bearer(c.qm));
    expect(participant.body.status).toBe('active');
  });

  describe('a deviation the system found', () => {
    let system: { id: string; severity: string; title: string };

    beforeAll(async () => {
      // The enrolled adept's intake window (2026-01-30 .. 2026-03-01) has passed with nothing done.
      t.setToday('2026-03-05');
      const scan = await t.http
        .post(`/api/programmes/${enrolled}/deviations/scan`)
        .set(...bearer(c.qm))
        .send({});
      expect(scan.status).toBe(200);
      expect(scan.body.opened).toHaveLength(1);
      system = scan.body.opened[0];
      expect(system).toMatchObject({ source: 'system', severity: 'major', participantId: adept.id });
      t.setToday(undefined);
    });

    it('keeps its title and severity from a programme leader, who may still record containment', async () => {
      const head = await auditHead(t);
      expectProblem(await patch(c.leader, system.id, { severity: 'minor' }), 403, 'system_finding_severity');
      expectProblem(await patch(c.leader, system.id, { severity: 'minor', reason: 'Not that bad' }), 403, 'system_finding_severity');
      expectProblem(await patch(c.leader, system.id, { title: 'Nothing to see' }), 403, 'system_finding_title');
      expect(await auditSince(t, head)).toEqual([]);
      const contained = await patch(c.leader, system.id, { containment: 'Interview booked for next week' });
      expect(contained.status).toBe(200);
      expect(contained.body).toMatchObject({ severity: 'major', title: system.title, containment: 'Interview booked for next week' });
    });

    it('lets a quality manager change its severity with a reason, kept in the audit trail', async () => {
      const noReason = await patch(c.qm, system.id, { severity: 'minor' });
      expectProblem(noReason, 400, 'validation_failed');
      expect(problemFields(noReason)).toEqual(['reason']);
      const reason = 'Held two days late after the adept was ill; no harm to the adept';
      const lowered = await patch(c.qm, system.id, { severity: 'minor', reason });
      expect(lowered.status).toBe(200);
      expect(lowered.body.severity).toBe('minor');
      const event = (await auditOf(t, system.id)).at(-1)!;
      expect(event).toMatchObject({
        action: 'deviation.update',
        actor_id: c.qm.id,
        reason,
        changes: { severity: { old: 'major', new: 'minor' } },
      });
    });

    it('leaves a deviation recorded by hand to its programme leader, as before', async () => {
      const d = await createDeviation(t, c.leader, { programmeId: enrolled });
      const edited = await patch(c.leader, d.id, { severity: 'minor', title: 'Interpreter booked too late' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ severity: 'minor', title: 'Interpreter booked too late' });
    });
  });
});
