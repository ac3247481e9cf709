/**
 * The register of host organisations and employers through HTTP: recording, revising with a
 * reason under If-Match, deactivating, the history kept (the database refuses to change a
 * revision), names unique whatever their case and spacing, and who may keep the register.
 */
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('organisation register', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let auditor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    admin = await t.user(['admin'], 'Adam Admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (as: TestUser, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/organisations')
      .set(...bearer(as))
      .send({
        name: 'Northfield University Hospital',
        sector: 'public',
        contactName: 'Karin Holm',
        contactEmail: 'karin.holm@northfield.example',
        contactPhone: '+46 8 555 010 20',
        ...over,
      });
  const revise = (as: TestUser, id: string, version: number | null, changes: Record<string, unknown>) => {
    const req = t.http.post(`/api/organisations/${id}/revisions`).set(...bearer(as));
    if (version !== null) req.set('If-Match', `"${version}"`);
    return req.send(changes);
  };

  it('records an organisation with its revision as ETag and one audit event that keeps the contact only as hashes', async () => {
    const res = await create(qm);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      name: 'Northfield University Hospital',
      sector: 'public',
      contactName: 'Karin Holm',
      contactEmail: 'karin.holm@northfield.example',
      active: true,
      revision: 1,
      version: 1,
      change: 'created',
      reason: null,
      recordedBy: { id: qm.id, name: 'Quinn Quality' },
      mayRevise: true,
    });
    const events = await auditOf(t, res.body.id);
    expect(events.map((e) => e.action)).toEqual(['organisation.create']);
    expect(events[0].changes.name).toEqual({ old: null, new: 'Northfield University Hospital' });
    expect(JSON.stringify(events[0].changes)).not.toContain('karin');
    expect(JSON.stringify(events[0].changes)).not.toContain('Karin');
  });

  it('refuses a name already in the register, whatever its case and spacing, naming the one that has it', async () => {
    const first = await create(leader, { name: 'Brightline  Engineering AB', sector: 'private' });
    expect(first.status).toBe(201);
    expect(first.body.name).toBe('Brightline Engineering AB');
    const res = await create(qm, { name: '  brightline engineering ab ', sector: 'private' });
    expectProblem(res, 409, 'organisation_name_taken');
    expect(res.body.detail).toContain('Brightline Engineering AB');
    expect(res.body.existing).toEqual({ id: first.body.id, name: 'Brightline Engineering AB' });
    expect(problemFields(res)).toEqual(['name']);
  });

  it('names each invalid field', async () => {
    const res = await create(qm, { name: '   ', sector: 'government', contactEmail: 'not-an-address', contactPhone: 'call me' });
    expectProblem(res, 400, 'validation_failed');
    expect(problemFields(res).sort()).toEqual(['contactEmail', 'contactPhone', 'name', 'sector']);
  });

  it('revises with a reason under If-Match, keeps every revision, and refuses a stale or missing ETag', async () => {
    const { body: org } = await create(qm, { name: 'Eastwick Municipality', sector: 'public' });
    expectProblem(await revise(qm, org.id, null, { reason: 'New contact', contactName: 'Per Lind' }), 428, 'if_match_required');
    const revised = await revise(leader, org.id, 1, { reason: 'New contact person', contactName: 'Per Lind', contactEmail: null });
    expect(revised.status).toBe(201);
    expect(revised.headers.etag).toBe('"2"');
    expect(revised.body).toMatchObject({ change: 'revised', reason: 'New contact person', contactName: 'Per Lind', contactEmail: null });
    expectProblem(await revise(qm, org.id, 1, { reason: 'Again', notes: 'x' }), 412, 'version_mismatch');
    expectProblem(await revise(qm, org.id, 2, { reason: 'Nothing', contactName: 'Per Lind' }), 422, 'nothing_changed');

    const deactivated = await revise(qm, org.id, 2, { reason: 'No longer takes interns', active: false });
    expect(deactivated.body).toMatchObject({ change: 'deactivated', active: false, version: 3 });
    const reactivated = await revise(qm, org.id, 3, { reason: 'Takes interns again', active: true });
    expect(reactivated.body).toMatchObject({ change: 'reactivated', active: true, version: 4 });

    const history = await t.http.get(`/api/organisations/${org.id}/history`).set(...bearer(auditor));
    expect(history.status).toBe(200);
    expect(history.body.revisions.map((r: { change: string }) => r.change)).toEqual(['created', 'revised', 'deactivated', 'reactivated']);
    expect(history.body.revisions.map((r: { contactName: string }) => r.contactName)).toEqual([
      'Karin Holm',
      'Per Lind',
      'Per Lind',
      'Per Lind',
    ]);
    expect((await auditOf(t, org.id)).map((e) => e.action)).toEqual([
      'organisation.create',
      'organisation.revise',
      'organisation.deactivate',
      'organisation.reactivate',
    ]);
    await expect(t.sql(`UPDATE organisation_revision SET name = 'x' WHERE organisation_id = $1`, [org.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM organisation_revision WHERE organisation_id = $1`, [org.id])).rejects.toThrow();
    await expect(t.sql(`DELETE FROM organisation WHERE id = $1`, [org.id])).rejects.toThrow();
  });

  it('refuses a rename to a name another organisation has, and takes a change of case of its own name', async () => {
    const { body: a } = await create(qm, { name: 'Harbour Foundation', sector: 'non_profit' });
    const { body: b } = await create(qm, { name: 'Lakeside College', sector: 'academic' });
    const res = await revise(qm, b.id, 1, { reason: 'Merged', name: 'HARBOUR foundation' });
    expectProblem(res, 409, 'organisation_name_taken');
    expect(res.body.existing).toEqual({ id: a.id, name: 'Harbour Foundation' });
    const recased = await revise(qm, a.id, 1, { reason: 'Spelling', name: 'Harbour foundation' });
    expect(recased.status).toBe(201);
  });

  it('lets everyone signed in read, filter and page the register; only quality managers and leaders write', async () => {
    for (const reader of [auditor, admin, leader]) {
      const list = await t.http.get('/api/organisations?sector=public&active=true').set(...bearer(reader));
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((o: { sector: string; active: boolean }) => o.sector === 'public' && o.active)).toBe(true);
    }
    const found = await t.http.get('/api/organisations?q=brightline').set(...bearer(auditor));
    expect(found.body.items.map((o: { name: string; mayRevise: boolean }) => [o.name, o.mayRevise])).toEqual([
      ['Brightline Engineering AB', false],
    ]);
    const page = await t.http.get('/api/organisations?limit=2').set(...bearer(qm));
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toBe('2');
    expectProblem(await create(auditor, { name: 'Auditor Corp' }), 403, 'forbidden_role');
    expectProblem(await create(admin, { name: 'Admin Corp' }), 403, 'forbidden_role');
    const { body: org } = await create(qm, { name: 'Readonly Check Ltd', sector: 'private' });
    expectProblem(await revise(auditor, org.id, 1, { reason: 'Try', notes: 'x' }), 403, 'forbidden_role');
    expectProblem(await t.http.get('/api/organisations/00000000-0000-4000-8000-000000000000').set(...bearer(qm)), 404);
  });

  it('replays a keyed create instead of recording it twice', async () => {
    const send = () =>
      t.http
        .post('/api/organisations')
        .set(...bearer(qm))
        .set('Idempotency-Key', 'org-replay-1')
        .send({ name: 'Replay Works Oy', sector: 'private' });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM organisation_revision WHERE name = 'Replay Works Oy'`);
    expect(n).toBe(1);
  });
});
