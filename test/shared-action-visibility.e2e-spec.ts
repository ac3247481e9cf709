/**
 * A corrective action shared by two programmes (security review, issue 11, item 10): a programme
 * leader sees inside it only the deviations of the programmes they lead (the others are counted,
 * not shown), and the list filters answer for a programme or deviation they cannot see exactly as
 * for one that does not exist, so guessed ids tell them nothing.
 */
import { activeProgramme, adeptProcedure, createAction, createCast, createDeviation } from './support/deviation-fixtures.js';
import type { ActionView, Cast, DeviationView } from './support/deviation-fixtures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('corrective actions across programmes: a leader sees only their own deviations', () => {
  let t: TestApp;
  let c: Cast;
  let mine: string;
  let theirs: string;
  let dMine: DeviationView;
  let dTheirs: DeviationView;
  /** Addresses a deviation of each programme; owned by the other programme's leader. */
  let shared: ActionView;
  /** Owned by the leader of `mine`, addresses only a deviation of `theirs`. */
  let ownedElsewhere: ActionView;

  const list = async (who: TestUser, query: string) => {
    const res = await t.http.get(`/api/corrective-actions?${query}`).set(...bearer(who));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; deviations: { id: string }[]; hiddenDeviations: number }[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    await adeptProcedure(t, c);
    mine = (await activeProgramme(t, c.qm, [c.leader])).id;
    theirs = (await activeProgramme(t, c.qm, [c.otherLeader])).id;
    dMine = await createDeviation(t, c.leader, { programmeId: mine });
    dTheirs = await createDeviation(t, c.otherLeader, { programmeId: theirs });
    shared = await createAction(t, c.qm, [dMine.id, dTheirs.id], { ownerId: c.otherLeader.id });
    const dTheirs2 = await createDeviation(t, c.otherLeader, { programmeId: theirs });
    ownedElsewhere = await createAction(t, c.qm, [dTheirs2.id], { ownerId: c.leader.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows a leader only their programme's deviations inside a shared action, and counts the rest", async () => {
    const got = await t.http.get(`/api/corrective-actions/${shared.id}`).set(...bearer(c.leader));
    expect(got.status).toBe(200);
    expect(got.body.deviations).toEqual([{ id: dMine.id, reference: dMine.reference, state: 'open' }]);
    expect(got.body.hiddenDeviations).toBe(1);
    expect(JSON.stringify(got.body)).not.toContain(dTheirs.id);
    expect(JSON.stringify(got.body)).not.toContain(dTheirs.reference);

    const listed = (await list(c.leader, 'limit=50')).items.find((a) => a.id === shared.id)!;
    expect(listed.deviations.map((d) => d.id)).toEqual([dMine.id]);
    expect(listed.hiddenDeviations).toBe(1);

    // An action they own but that touches none of their programmes: every deviation is hidden.
    const owned = await t.http.get(`/api/corrective-actions/${ownedElsewhere.id}`).set(...bearer(c.leader));
    expect(owned.body).toMatchObject({ deviations: [], hiddenDeviations: 1 });

    for (const who of [c.qm, c.auditor, c.board]) {
      const all = await t.http.get(`/api/corrective-actions/${shared.id}`).set(...bearer(who));
      expect(all.body.deviations.map((d: { id: string }) => d.id).sort()).toEqual([dMine.id, dTheirs.id].sort());
      expect(all.body.hiddenDeviations).toBe(0);
    }
  });

  it('answers a filter on a programme or deviation the leader cannot see exactly as on an unknown one', async () => {
    const unknownProgramme = await list(c.leader, `programmeId=${UNKNOWN}`);
    expect(unknownProgramme).toEqual({ items: [], nextCursor: null });
    expect(await list(c.leader, `programmeId=${theirs}`)).toEqual(unknownProgramme);
    expect(await list(c.leader, `deviationId=${UNKNOWN}`)).toEqual(unknownProgramme);
    expect(await list(c.leader, `deviationId=${dTheirs.id}`)).toEqual(unknownProgramme);

    // Their own programme and deviation still filter as they should.
    expect((await list(c.leader, `programmeId=${mine}`)).items.map((a) => a.id)).toEqual([shared.id]);
    expect((await list(c.leader, `deviationId=${dMine.id}`)).items.map((a) => a.id)).toEqual([shared.id]);
    // A quality manager's filters see every programme.
    expect((await list(c.qm, `programmeId=${theirs}`)).items.map((a) => a.id).sort()).toEqual([shared.id, ownedElsewhere.id].sort());
  });

  it('gives the same answer on deviation filters: a programme the leader does not lead is an unknown programme', async () => {
    const read = async (programmeId: string) => {
      const res = await t.http.get(`/api/deviations?programmeId=${programmeId}`).set(...bearer(c.leader));
      return { status: res.status, body: res.body as unknown };
    };
    expect(await read(theirs)).toEqual(await read(UNKNOWN));
    expect((await read(UNKNOWN)).body).toEqual({ items: [], nextCursor: null });
  });
});
