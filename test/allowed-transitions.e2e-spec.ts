/**
 * `allowedActions` of a procedure version and `allowedTransitions` of a deviation or corrective
 * action list what the caller may do now, not what the state allows in general: a console shows
 * exactly these. Each list is checked against what the calls then do.
 */
import { activeProgramme, createAction, createCast, createDeviation, walkAction, walkDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { sampleDefinition } from './support/procedures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('what the caller may do, as the service lists it', () => {
  let t: TestApp;
  let c: Cast;
  let qm3: TestUser;
  let admin: TestUser;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    qm3 = await t.user(['quality_manager'], 'Tove Third');
    admin = t.admin;
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const listed = async (path: string, as: TestUser, member: 'allowedActions' | 'allowedTransitions') => {
    const res = await t.http.get(path).set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body[member] as string[];
  };

  describe('procedure versions', () => {
    const version = (key: string, n: number, as: TestUser) => listed(`/api/procedures/${key}/versions/${n}`, as, 'allowedActions');

    it('gives approval only to a quality manager who wrote none of it, and nothing to other roles', async () => {
      const key = `four-eyes-${Date.now().toString(36)}`;
      expect(
        (
          await t.http
            .post('/api/procedures')
            .set(...bearer(c.qm))
            .send({ definition: sampleDefinition(key) })
        ).status,
      ).toBe(201);
      // A draft: any quality manager may submit it; nobody else may do anything.
      for (const qm of [c.qm, c.qm2]) expect(await version(key, 1, qm)).toEqual(['submit']);
      for (const other of [c.leader, c.auditor, c.board, admin]) expect(await version(key, 1, other)).toEqual([]);

      const submitted = await t.http.post(`/api/procedures/${key}/versions/1/submit`).set(...bearer(c.qm));
      expect(submitted.status).toBe(200);
      // The answer to the author's own call already leaves approval out.
      expect(submitted.body.allowedActions).toEqual(['reject']);
      expect(await version(key, 1, c.qm)).toEqual(['reject']);
      expect(await version(key, 1, c.qm2)).toEqual(['approve', 'reject']);
      for (const other of [c.leader, c.auditor, c.board, admin]) expect(await version(key, 1, other)).toEqual([]);
      // The list of all versions and the list agree.
      const all = await t.http.get(`/api/procedures/${key}/versions`).set(...bearer(c.qm));
      expect(all.body.map((v: { allowedActions: string[] }) => v.allowedActions)).toEqual([['reject']]);

      // What is left out is refused; what is listed succeeds.
      expectProblem(
        await t.http
          .post(`/api/procedures/${key}/versions/1/approve`)
          .set(...bearer(c.qm))
          .send({ password: c.qm.password, comment: 'Mine' }),
        403,
        'author_cannot_approve',
      );
      expectProblem(
        await t.http
          .post(`/api/procedures/${key}/versions/1/approve`)
          .set(...bearer(c.leader))
          .send({ password: c.leader.password, comment: 'Not mine to approve' }),
        403,
        'forbidden_role',
      );
      const approved = await t.http
        .post(`/api/procedures/${key}/versions/1/approve`)
        .set(...bearer(c.qm2))
        .send({ password: c.qm2.password, comment: 'Reviewed' });
      expect(approved.status).toBe(200);
      // In force: retiring is for quality managers, whoever wrote it.
      expect(approved.body.allowedActions).toEqual(['retire']);
      expect(await version(key, 1, c.qm)).toEqual(['retire']);
      expect(await version(key, 1, c.auditor)).toEqual([]);
      expect((await t.http.get(`/api/procedures/${key}/effective`).set(...bearer(c.board))).body.allowedActions).toEqual([]);
    });

    it('counts everyone who edited a draft as its author', async () => {
      const key = `edited-${Date.now().toString(36)}`;
      const created = await t.http
        .post('/api/procedures')
        .set(...bearer(c.qm))
        .send({ definition: sampleDefinition(key) });
      expect(created.status).toBe(201);
      const edited = await t.http
        .put(`/api/procedures/${key}/versions/1`)
        .set(...bearer(c.qm2))
        .set('If-Match', created.headers.etag)
        .send({ definition: sampleDefinition(key, { title: { en: 'Edited', sv: 'Ändrad', nb: 'Endret' } }) });
      expect(edited.status).toBe(200);
      expect((await t.http.post(`/api/procedures/${key}/versions/1/submit`).set(...bearer(c.qm2))).status).toBe(200);
      expect(await version(key, 1, c.qm)).toEqual(['reject']);
      expect(await version(key, 1, c.qm2)).toEqual(['reject']);
      expect(await version(key, 1, qm3)).toEqual(['approve', 'reject']);
      expectProblem(
        await t.http
          .post(`/api/procedures/${key}/versions/1/approve`)
          .set(...bearer(c.qm2))
          .send({ password: c.qm2.password, comment: 'Mine too' }),
        403,
        'author_cannot_approve',
      );
    });
  });

  describe('deviations', () => {
    it('lists transitions for quality managers only, in the list and the detail alike', async () => {
      const d = await createDeviation(t, c.leader, { programmeId });
      // The leader recorded it, and reads it, but moving it on is the quality manager's.
      expect(d.allowedTransitions).toEqual([]);
      expect(await listed(`/api/deviations/${d.id}`, c.qm, 'allowedTransitions')).toEqual(['analysis', 'cancelled']);
      for (const reader of [c.leader, c.auditor, c.board])
        expect(await listed(`/api/deviations/${d.id}`, reader, 'allowedTransitions')).toEqual([]);
      const page = await t.http
        .get('/api/deviations')
        .query({ programmeId })
        .set(...bearer(c.leader));
      expect(page.body.items.find((x: { id: string }) => x.id === d.id).allowedTransitions).toEqual([]);
      const qmPage = await t.http
        .get('/api/deviations')
        .query({ programmeId })
        .set(...bearer(c.qm));
      expect(qmPage.body.items.find((x: { id: string }) => x.id === d.id).allowedTransitions).toEqual(['analysis', 'cancelled']);
      expectProblem(
        await t.http
          .post(`/api/deviations/${d.id}/transitions`)
          .set(...bearer(c.leader))
          .set('If-Match', `"${d.version}"`)
          .send({ to: 'analysis', comment: 'Looking into it' }),
        403,
        'forbidden_role',
      );
    });
  });

  describe('corrective actions', () => {
    const transitions = (id: string, as: TestUser) => listed(`/api/corrective-actions/${id}`, as, 'allowedTransitions');

    it("gives the owner's steps to the owner and quality managers, cancelling to quality managers, the verdict to a quality manager who does not own it", async () => {
      const { deviation } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId }), 'analysis');
      const byLeader = await createAction(t, c.qm, [deviation.id], { ownerId: c.leader.id });
      // Planned: the owning leader may start it; a quality manager may also cancel; readers nothing.
      expect(byLeader.allowedTransitions).toEqual(['in_progress', 'cancelled']);
      expect(await transitions(byLeader.id, c.leader)).toEqual(['in_progress']);
      for (const reader of [c.auditor, c.board]) expect(await transitions(byLeader.id, reader)).toEqual([]);

      // Awaiting the verdict: not for the owner; for a quality manager who is not the owner.
      const checking = await walkAction(t, c, byLeader, 'effectiveness_check');
      expect(await transitions(checking.id, c.leader)).toEqual([]);
      expect(await transitions(checking.id, c.qm2)).toEqual(['closed', 'in_progress']);

      const ownedByQm = await walkAction(t, c, await createAction(t, c.qm, [deviation.id], { ownerId: c.qm.id }), 'effectiveness_check');
      expect(await transitions(ownedByQm.id, c.qm)).toEqual([]);
      expect(await transitions(ownedByQm.id, c.qm2)).toEqual(['closed', 'in_progress']);
      expectProblem(
        await t.http
          .post(`/api/corrective-actions/${ownedByQm.id}/transitions`)
          .set(...bearer(c.qm))
          .set('If-Match', `"${ownedByQm.version}"`)
          .send({ to: 'in_progress', comment: 'Not yet', verdict: 'not_effective', evidence: 'Files' }),
        403,
        'owner_cannot_verify',
      );
    });
  });
});
