import { activeProgramme, createCast, createDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

/** Optimistic locking of deviation edits: an If-Match of any older version is refused, and of two edits made from one version, one wins. */
describe('deviation edits under If-Match', () => {
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

  const edit = (id: string, version: number, body: Record<string, unknown>) =>
    t.http
      .patch(`/api/deviations/${id}`)
      .set(...bearer(c.leader))
      .set('If-Match', `"${version}"`)
      .send(body);
  const stored = async (id: string) =>
    (
      await t.sql<{ title: string; version: number; updates: number }>(
        `SELECT title, version, (SELECT count(*)::int FROM audit_event WHERE entity_id = d.id::text AND action = 'deviation.update') AS updates
         FROM deviation d WHERE id = $1`,
        [id],
      )
    )[0];

  it('refuses an If-Match two versions old (412), changing nothing', async () => {
    const d = await createDeviation(t, c.leader, { programmeId });
    expect((await edit(d.id, 1, { title: 'Second title' })).status).toBe(200);
    const third = await edit(d.id, 2, { title: 'Third title' });
    expect(third.status).toBe(200);
    expect(third.headers.etag).toBe('"3"');
    const before = await stored(d.id);
    expect(before).toEqual({ title: 'Third title', version: 3, updates: 2 });

    const old = await edit(d.id, 1, { title: 'Written over an old copy' });
    expectProblem(old, 412, 'version_mismatch');
    expect(old.body.currentVersion).toBe(3);
    expect(await stored(d.id)).toEqual(before);
  });

  it('two concurrent edits with the same If-Match: exactly one wins, the other gets 412', async () => {
    for (let round = 0; round < 5; round++) {
      const d = await createDeviation(t, c.leader, { programmeId });
      const [a, b] = await Promise.all([edit(d.id, 1, { title: `Edit A ${round}` }), edit(d.id, 1, { title: `Edit B ${round}` })]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expectProblem(loser, 412, 'version_mismatch');
      expect(winner.body.version).toBe(2);
      expect(await stored(d.id)).toEqual({ title: winner.body.title, version: 2, updates: 1 });
    }
  });
});
