import { startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { bearer } from './support/test-app.js';

/** The staff directory: names and roles for choosing owners and attendees and reading the audit trail; no e-mail addresses. */
describe('staff directory', () => {
  let t: TestApp;
  let qm: TestUser;
  let leader: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    leader = await t.user(['programme_leader'], 'Lee Leader');
    auditor = await t.user(['auditor'], 'Aud Auditor');
    board = await t.user(['board_member'], 'Bo Board');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every user with name, roles and whether active, ordered by name, to quality managers, board members, auditors and administrators', async () => {
    const gone = await t.user(['programme_leader'], 'Ada Gone');
    const current = await t.http.get(`/api/users/${gone.id}`).set(...bearer(t.admin));
    const off = await t.http
      .patch(`/api/users/${gone.id}`)
      .set(...bearer(t.admin))
      .set('If-Match', current.headers.etag)
      .send({ active: false });
    expect(off.status).toBe(200);
    for (const caller of [qm, auditor, board, t.admin]) {
      const res = await t.http.get('/api/staff').set(...bearer(caller));
      expect(res.status).toBe(200);
      const names = (res.body as { name: string }[]).map((s) => s.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      expect(res.body).toEqual(
        expect.arrayContaining([
          { id: qm.id, name: 'Quinn Quality', roles: ['quality_manager'], active: true },
          { id: leader.id, name: 'Lee Leader', roles: ['programme_leader'], active: true },
          { id: gone.id, name: 'Ada Gone', roles: ['programme_leader'], active: false },
        ]),
      );
      for (const member of res.body as Record<string, unknown>[]) {
        expect(Object.keys(member).sort()).toEqual(['active', 'id', 'name', 'roles']);
      }
    }
  });

  it('is refused to programme leaders and without a token', async () => {
    const asLeader = await t.http.get('/api/staff').set(...bearer(leader));
    expect(asLeader.status).toBe(403);
    expect(asLeader.body.code).toBe('forbidden_role');
    const anonymous = await t.http.get('/api/staff');
    expect(anonymous.status).toBe(401);
  });
});
