import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { countRows, expectGapFreeTrail, storedEvents, trailState } from './support/audit.js';

/** Many writers at once: every change gets its event, the sequence has no gaps, the chain holds. */
describe('concurrent writers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const newUser = (email = `conc.${uniqueSuffix()}@example.org`) => ({
    email,
    name: `Concurrent ${uniqueSuffix()}`,
    password: 'a-long-enough-password',
    roles: ['programme_leader'],
  });

  async function expectValidChain(): Promise<void> {
    const n = await expectGapFreeTrail(t);
    const events = await storedEvents(t);
    const v = await t.http.get('/api/audit-events/verify').set(...bearer(t.admin));
    expect(v.body).toEqual({
      valid: true,
      mode: 'full',
      fromSeq: 1,
      toSeq: n,
      checkpointSeq: 0,
      fullVerifiedAt: expect.any(String),
      events: n,
      headHash: events[n - 1].hash,
    });
  }

  it('32 parallel creations, some racing for the same e-mail: each success has one event, the losers none', async () => {
    const usersBefore = await countRows(t, 'app_user');
    const trailBefore = await trailState(t);
    const contested = Array.from({ length: 4 }, () => `contested.${uniqueSuffix()}@example.org`);
    const bodies = [
      ...Array.from({ length: 24 }, () => newUser()),
      ...contested.flatMap((email) => [newUser(email), newUser(email.toUpperCase())]),
    ];
    expect(bodies).toHaveLength(32);

    const responses = await Promise.all(
      bodies.map((b) =>
        t.http
          .post('/api/users')
          .set(...bearer(t.admin))
          .send(b),
      ),
    );

    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(created).toHaveLength(28);
    expect(refused).toHaveLength(4);
    for (const r of refused) expectProblem(r, 409, 'email_taken');
    for (const email of contested) expect(created.filter((r) => r.body.email === email)).toHaveLength(1);

    expect(await countRows(t, 'app_user')).toBe(usersBefore + 28);
    const events = await storedEvents(t, 'seq > $1', [trailBefore.headSeq]);
    expect(events).toHaveLength(28);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(created.map((r) => r.body.id as string)));
    expect(new Set(events.map((e) => e.requestId)).size).toBe(28);
    expect(new Set(events.map((e) => e.requestId))).toEqual(new Set(created.map((r) => r.headers['x-request-id'])));
    await expectValidChain();
  });

  it('32 parallel updates of different users, with refused ones in between, leave no gaps', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(newUser());
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const trailBefore = await trailState(t);

    const renames = ids.map((id, i) =>
      t.http
        .patch(`/api/users/${id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ name: `Renamed ${i}` }),
    );
    // Refused inside their transactions: deactivating oneself (409) and stale versions (412).
    const selfDeactivations = Array.from({ length: 4 }, () =>
      t.http
        .patch(`/api/users/${t.admin.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ active: false }),
    );
    const stale = ids.slice(0, 4).map((id) =>
      t.http
        .patch(`/api/users/${id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"7"')
        .send({ name: 'Stale' }),
    );
    const responses = await Promise.all([...renames, ...selfDeactivations, ...stale]);
    expect(responses).toHaveLength(32);

    expect(responses.slice(0, 24).map((r) => r.status)).toEqual(Array(24).fill(200));
    for (const r of responses.slice(24, 28)) expectProblem(r, 409, 'cannot_deactivate_self');
    for (const r of responses.slice(28)) expectProblem(r, 412, 'version_mismatch');

    const events = await storedEvents(t, 'seq > $1', [trailBefore.headSeq]);
    expect(events).toHaveLength(24);
    expect(events.every((e) => e.action === 'user.update' && e.entityVersion === 2)).toBe(true);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(ids));
    await expectValidChain();
  });

  it('two updates of the same user from the same version: exactly one wins', async () => {
    const res = await t.http
      .post('/api/users')
      .set(...bearer(t.admin))
      .send(newUser());
    const id = res.body.id as string;
    const trailBefore = await trailState(t);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.http
          .patch(`/api/users/${id}`)
          .set(...bearer(t.admin))
          .set('If-Match', '"1"')
          .send({ name: `Writer ${i}` }),
      ),
    );
    const winners = attempts.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    for (const r of attempts.filter((r) => r.status !== 200)) expectProblem(r, 412, 'version_mismatch');

    const [row] = await t.sql<{ name: string; version: number }>(`SELECT name, version FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ name: winners[0].body.name, version: 2 });
    const events = await storedEvents(t, 'seq > $1', [trailBefore.headSeq]);
    expect(events.map((e) => [e.action, e.entityId, e.entityVersion])).toEqual([['user.update', id, 2]]);
    await expectValidChain();
  });
});
