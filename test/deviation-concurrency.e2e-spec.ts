import {
  asOf,
  actionBody,
  activeProgramme,
  adeptProcedure,
  closeAction,
  createCast,
  createDeviation,
  deviationBody,
  enrol,
  moveAction,
  moveDeviation,
  walkAction,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import type { Response } from 'supertest';

const CONCURRENT = 20;

/** Splits DEV-2026-0042 into its year and number. */
function parse(reference: string, kind: 'DEV' | 'CA'): { year: number; n: number } {
  const m = new RegExp(`^${kind}-(\\d{4})-(\\d{4})$`).exec(reference);
  if (!m) throw new Error(`not a ${kind} reference: ${reference}`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

describe('concurrent requests: gap-free references, one winner per transition, one deviation per finding', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const lastNumber = async (kind: 'DEV' | 'CA') => {
    const rows = await t.sql<{ last: number }>(`SELECT last FROM reference_counter WHERE kind = $1 AND year = $2`, [
      kind,
      new Date().getUTCFullYear(),
    ]);
    return rows[0]?.last ?? 0;
  };
  const count = async (action: string) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1`, [action]))[0].n;

  /** The created references continue the counter without a gap or a repeat, all in one year. */
  const expectGapFree = (created: Response[], kind: 'DEV' | 'CA', last: number) => {
    const parsed = created.map((r) => parse(r.body.reference, kind));
    expect(new Set(parsed.map((p) => p.year))).toEqual(new Set([new Date().getUTCFullYear()]));
    expect(parsed.map((p) => p.n).sort((a, b) => a - b)).toEqual(Array.from({ length: created.length }, (_, i) => last + i + 1));
  };

  it(`numbers ${CONCURRENT} deviations created at once without gaps or repeats`, async () => {
    await createDeviation(t, c.leader, { programmeId });
    const last = await lastNumber('DEV');
    expect(last).toBeGreaterThan(0);
    const creates = await count('deviation.create');
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        t.http
          .post('/api/deviations')
          .set(...bearer(i % 2 ? c.leader : c.qm))
          .send(deviationBody({ programmeId, title: `Concurrent ${i}` })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(201));
    expectGapFree(responses, 'DEV', last);
    expect(await lastNumber('DEV')).toBe(last + CONCURRENT);
    expect(await count('deviation.create')).toBe(creates + CONCURRENT);
  });

  it('stays gap-free when some of the concurrent creations fail validation inside their transaction', async () => {
    const otherProgramme = await activeProgramme(t, c.qm, [c.otherLeader]);
    const stranger = await enrol(t, c.otherLeader, otherProgramme.id);
    const own = await enrol(t, c.leader, programmeId);
    const last = await lastNumber('DEV');
    const creates = await count('deviation.create');
    const fails = (i: number) => i % 3 === 1;
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        t.http
          .post('/api/deviations')
          .set(...bearer(c.leader))
          // The participant of another programme passes validation of the body and is refused inside the transaction.
          .send(deviationBody({ programmeId, title: `Mixed ${i}`, participantId: fails(i) ? stranger.id : own.id })),
      ),
    );
    const failed = responses.filter((_, i) => fails(i));
    const created = responses.filter((_, i) => !fails(i));
    for (const r of failed) expectProblem(r, 422, 'unknown_participant');
    expect(created.map((r) => r.status)).toEqual(Array(created.length).fill(201));
    expectGapFree(created, 'DEV', last);
    expect(await lastNumber('DEV')).toBe(last + created.length);
    expect(await count('deviation.create')).toBe(creates + created.length);
    expect((await t.sql(`SELECT id FROM deviation WHERE participant_id = $1`, [stranger.id])).length).toBe(0);

    // The next one simply continues.
    const next = await createDeviation(t, c.leader, { programmeId });
    expect(parse(next.reference, 'DEV').n).toBe(last + created.length + 1);
  });

  it(`numbers ${CONCURRENT} corrective actions created at once without gaps or repeats, refused ones included`, async () => {
    const shared = (await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis')).deviation;
    const own = await Promise.all(Array.from({ length: 4 }, () => createDeviation(t, c.leader, { programmeId })));
    const closed = (await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'closed')).deviation;

    let last = await lastNumber('CA');
    expect(last).toBeGreaterThan(0);
    let creates = await count('corrective_action.create');
    const all = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        t.http
          .post('/api/corrective-actions')
          .set(...bearer(i % 2 ? c.qm : c.qm2))
          .send(
            actionBody(i < 10 ? [shared.id] : [own[i % 4].id, shared.id], { ownerId: c.leader.id, description: `Concurrent action ${i}` }),
          ),
      ),
    );
    expect(all.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(201));
    expectGapFree(all, 'CA', last);
    expect(await count('corrective_action.create')).toBe(creates + CONCURRENT);
    const linked = await t.http.get(`/api/deviations/${shared.id}`).set(...bearer(c.qm));
    expect(linked.body.actions).toHaveLength(CONCURRENT);

    last = await lastNumber('CA');
    creates = await count('corrective_action.create');
    const kinds = ['ok', 'unknown_owner', 'ok', 'deviation_closed'] as const;
    const mixed = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => {
        const kind = kinds[i % 4];
        const ownerId = kind === 'unknown_owner' ? '00000000-0000-4000-8000-000000000000' : c.leader.id;
        const deviationIds = kind === 'deviation_closed' ? [shared.id, closed.id] : [shared.id];
        return t.http
          .post('/api/corrective-actions')
          .set(...bearer(c.qm))
          .send(actionBody(deviationIds, { ownerId }));
      }),
    );
    mixed.forEach((r, i) => {
      const kind = kinds[i % 4];
      if (kind === 'ok') expect(r.status).toBe(201);
      else expectProblem(r, kind === 'unknown_owner' ? 422 : 409, kind);
    });
    const created = mixed.filter((r) => r.status === 201);
    expect(created).toHaveLength(CONCURRENT / 2);
    expectGapFree(created, 'CA', last);
    expect(await lastNumber('CA')).toBe(last + created.length);
    expect(await count('corrective_action.create')).toBe(creates + created.length);
  });

  /** Statuses in order, for asserting that exactly one request won. */
  const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

  it('lets exactly one of several concurrent transitions of the same deviation win', async () => {
    const d = await createDeviation(t, c.leader, { programmeId });
    const moves = await Promise.all(
      Array.from({ length: 8 }, (_, i) => moveDeviation(t, c.qm, d.id, { to: 'analysis', comment: `Race ${i}` })),
    );
    expect(statuses(moves)).toEqual([200, ...Array(7).fill(409)]);
    for (const r of moves.filter((x) => x.status === 409)) expectProblem(r, 409, 'transition_not_allowed');
    const [row] = await t.sql<{ version: number; transitions: number; events: number }>(
      `SELECT version, (SELECT count(*)::int FROM deviation_transition WHERE deviation_id = $1) AS transitions,
              (SELECT count(*)::int FROM audit_event WHERE entity_id = $1::text) AS events FROM deviation WHERE id = $1`,
      [d.id],
    );
    expect(row).toEqual({ version: 2, transitions: 2, events: 2 });

    const { deviation: running, action } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'in_progress');
    await closeAction(t, c, action!);
    const closes = await Promise.all(
      Array.from({ length: 5 }, () => moveDeviation(t, c.qm, running.id, { to: 'closed', comment: 'Closing', password: c.qm.password })),
    );
    expect(statuses(closes)).toEqual([200, 409, 409, 409, 409]);
    expect((await t.sql(`SELECT id FROM signature WHERE record_id = $1`, [running.id])).length).toBe(1);
    expect((await t.sql(`SELECT seq FROM audit_event WHERE entity_id = $1 AND action = 'deviation.close'`, [running.id])).length).toBe(1);
  });

  it('signs one closure of a corrective action and of a management review however many are sent at once', async () => {
    const { deviation } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis');
    const action = await walkAction(
      t,
      c,
      (
        await t.http
          .post('/api/corrective-actions')
          .set(...bearer(c.qm))
          .send(actionBody([deviation.id], { ownerId: c.leader.id }))
      ).body,
      'effectiveness_check',
    );
    // Judged once the planned interval after implementation has passed.
    const closes = await asOf(
      t,
      (await t.http.get(`/api/corrective-actions/${action.id}`).set(...bearer(c.qm))).body.effectivenessCheckFrom,
      () =>
        Promise.all(
          Array.from({ length: 5 }, () =>
            moveAction(t, c.qm2, action.id, {
              to: 'closed',
              comment: 'Effective',
              verdict: 'effective',
              evidence: 'Files',
              password: c.qm2.password,
            }),
          ),
        ),
    );
    expect(statuses(closes)).toEqual([200, 409, 409, 409, 409]);
    expect((await t.sql(`SELECT id FROM signature WHERE record_id = $1`, [action.id])).length).toBe(1);
    expect(
      (await t.sql(`SELECT seq FROM audit_event WHERE entity_id = $1 AND action = 'corrective_action.close'`, [action.id])).length,
    ).toBe(1);

    const review = await t.http
      .post('/api/management-reviews')
      .set(...bearer(c.board))
      .send({ heldOn: '2026-11-30', title: 'Race review', attendeeIds: [c.board.id] });
    const reviewCloses = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http
          .post(`/api/management-reviews/${review.body.id}/close`)
          .set(...bearer(c.board))
          .send({ password: c.board.password }),
      ),
    );
    expect(statuses(reviewCloses)).toEqual([200, 409, 409, 409]);
    for (const r of reviewCloses.filter((x) => x.status === 409)) expectProblem(r, 409, 'review_closed');
    expect((await t.sql(`SELECT id FROM signature WHERE record_id = $1`, [review.body.id])).length).toBe(1);
  });

  it('opens one deviation per overdue subject however many scans run at once', async () => {
    const procedureKey = await adeptProcedure(t, c);
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adepts = await Promise.all([0, 1, 2].map(() => enrol(t, c.leader, programme.id)));
    // Today is the configured clock's: the window closed on 2026-03-01.
    t.setToday('2026-03-05');
    const scans = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http
          .post(`/api/programmes/${programme.id}/deviations/scan`)
          .set(...bearer(c.leader))
          .send({}),
      ),
    ).finally(() => t.setToday(undefined));
    expect(scans.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    expect(scans.map((s) => s.body.overdueCells)).toEqual([3, 3, 3, 3]);
    const opened = scans.flatMap((s) => s.body.opened as { participantId: string; procedureKey: string }[]);
    expect(opened.map((d) => d.participantId).sort()).toEqual(adepts.map((a) => a.id).sort());
    expect(new Set(opened.map((d) => d.procedureKey))).toEqual(new Set([procedureKey]));
    expect((await t.sql(`SELECT id FROM deviation WHERE programme_id = $1`, [programme.id])).length).toBe(3);
  });

  it('keeps the audit chain whole after the concurrent writes', async () => {
    const verdict = await t.http.get('/api/audit-events/verify').set(...bearer(c.qm));
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ valid: true });
  });
});
