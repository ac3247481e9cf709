import {
  AFTER_WINDOW,
  actionBody,
  activeProgramme,
  adeptProcedure,
  createCast,
  createDeviation,
  deviationBody,
  enrol,
  moveDeviation,
  recordStep,
  startExecution,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import type { Response } from 'supertest';

/**
 * Every write takes its locks in one order (docs/DEVELOPING.md, "Lock order"), so writes of
 * different kinds running together wait for each other but never deadlock. Completing a
 * nonconforming execution opens deviations (reference numbers) and writes audit events (the
 * chain head), as recording a deviation does: before the order was fixed, 20 of each at once
 * ended in deadlocks answered 409 concurrent_update.
 */
describe('lock order: concurrent writes of different kinds never deadlock', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;
  let procedureKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    procedureKey = await adeptProcedure(t, c);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Deadlocks PostgreSQL counted in this test's database. */
  async function deadlocks(): Promise<number> {
    // A backend reports its counts when it goes idle at most once a second: wait past that and
    // touch every pooled connection, so a deadlock of the burst is counted before we read.
    await new Promise((r) => setTimeout(r, 1100));
    await Promise.all(Array.from({ length: 10 }, () => t.sql('SELECT 1')));
    const [row] = await t.sql<{ deadlocks: number }>(
      `SELECT pg_stat_clear_snapshot(), (SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()) AS deadlocks`,
    );
    return row.deadlocks;
  }

  /** Open executions whose completion is nonconforming with two findings (missing step, step outside its window). */
  async function openNonconforming(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const adept = await enrol(t, c.leader, programmeId);
      const e = await startExecution(t, c.leader, programmeId, procedureKey, adept.id);
      await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
      ids.push(e.id);
    }
    return ids;
  }

  const summary = (responses: Response[]) => responses.filter((r) => r.status >= 300).map((r) => `${r.status} ${JSON.stringify(r.body)}`);

  it('20 completions of nonconforming executions beside 20 new deviations: every request succeeds, no deadlock', async () => {
    const executions = await openNonconforming(20);
    const before = await deadlocks();
    const completes = executions.map((id) => t.http.post(`/api/executions/${id}/complete`).set(...bearer(c.leader)));
    const creates = executions.map(() =>
      t.http
        .post('/api/deviations')
        .set(...bearer(c.leader))
        .send(deviationBody({ programmeId })),
    );
    // Interleaved, so both kinds are in flight together.
    const responses = await Promise.all(completes.flatMap((p, i) => [p.then((r) => r), creates[i].then((r) => r)]));
    expect(summary(responses)).toEqual([]);
    expect(await deadlocks()).toBe(before);

    // Each completion opened its two deviations, and references stayed unique.
    const [opened] = await t.sql<{ n: number; refs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS refs FROM deviation WHERE execution_id = ANY($1)`,
      [executions],
    );
    expect(opened).toEqual({ n: 40, refs: 40 });
    const verdict = await t.http.get('/api/audit-events/verify').set(...bearer(c.auditor));
    expect(verdict.body).toMatchObject({ valid: true });
  });

  it('a mixed burst (starts, steps, completions, deviations, transitions, actions over shared deviations, enrolments) never deadlocks', async () => {
    const executions = await openNonconforming(6);
    const adepts = await Promise.all(Array.from({ length: 6 }, () => enrol(t, c.leader, programmeId)));
    const shared = await Promise.all(Array.from({ length: 4 }, () => createDeviation(t, c.qm, { programmeId })));
    const moving = await Promise.all(Array.from({ length: 6 }, () => createDeviation(t, c.qm, { programmeId })));
    const before = await deadlocks();
    const ids = shared.map((d) => d.id);
    const requests: Promise<Response>[] = [
      ...executions.map((id) =>
        t.http
          .post(`/api/executions/${id}/complete`)
          .set(...bearer(c.leader))
          .then((r) => r),
      ),
      ...adepts.map((a) =>
        t.http
          .post(`/api/programmes/${programmeId}/executions`)
          .set(...bearer(c.leader))
          .send({ procedureKey, subject: { participantId: a.id } })
          .then((r) => r),
      ),
      ...moving.map((d) => moveDeviation(t, c.qm, d.id, { to: 'analysis', comment: 'Looking into it' }).then((r) => r)),
      // Actions linking the same deviations, listed in opposite orders.
      ...Array.from({ length: 6 }, (_, i) =>
        t.http
          .post('/api/corrective-actions')
          .set(...bearer(c.qm))
          .send(actionBody(i % 2 ? ids : [...ids].reverse(), { ownerId: c.leader.id }))
          .then((r) => r),
      ),
      ...Array.from({ length: 6 }, () =>
        t.http
          .post('/api/deviations')
          .set(...bearer(c.leader))
          .send(deviationBody({ programmeId }))
          .then((r) => r),
      ),
      ...Array.from({ length: 4 }, () =>
        t.http
          .post(`/api/programmes/${programmeId}/participants`)
          .set(...bearer(c.leader))
          .send({
            role: 'mentor',
            fullName: 'Mentor In Burst',
            gender: 'male',
            profession: 'Engineer',
            enrolledAt: '2026-01-10',
            consentRecordedAt: '2026-01-10',
          })
          .then((r) => r),
      ),
    ];
    const responses = await Promise.all(requests);
    expect(summary(responses)).toEqual([]);
    expect(await deadlocks()).toBe(before);
    const verdict = await t.http.get('/api/audit-events/verify').set(...bearer(c.auditor));
    expect(verdict.body).toMatchObject({ valid: true });
  });
});
