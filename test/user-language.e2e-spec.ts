/**
 * The console language is kept on the account: null until the user chooses, given in the sign-in
 * answer and by GET /api/users/me, and set by the user themselves (PATCH /api/users/me), audited.
 */
import { ROLES } from '../src/common/roles.js';
import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem, fieldMessagesOf } from './support/expectations.js';
import { storedEvents, trailState } from './support/audit.js';

describe('the language of a user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const setLanguage = (u: { token: string }, body: Record<string, unknown>) =>
    t.http
      .patch('/api/users/me')
      .set(...bearer(u))
      .send(body);
  const stored = async (id: string) =>
    (await t.sql<{ language: string | null; version: number }>(`SELECT language, version FROM app_user WHERE id = $1`, [id]))[0];
  const signIn = async (u: TestUser) => {
    const res = await t.http.post('/api/auth/login').send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    return res.body as { user: { language: string | null } };
  };

  it('is null until chosen; once chosen it is in the sign-in answer and in GET /api/users/me, and audited', async () => {
    const u = await t.user(['programme_leader']);
    expect((await signIn(u)).user.language).toBeNull();
    expect((await t.http.get('/api/users/me').set(...bearer(u))).body.language).toBeNull();
    const before = await stored(u.id);

    const res = await setLanguage(u, { language: 'sv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: u.id, language: 'sv', version: before.version + 1 });
    expect(res.headers.etag).toBe(`"${before.version + 1}"`);
    expect(await stored(u.id)).toEqual({ language: 'sv', version: before.version + 1 });
    const [event] = await storedEvents(t, `action = 'user.language' AND entity_id = $1`, [u.id]);
    expect(event).toMatchObject({ actorId: u.id, entityVersion: before.version + 1, changes: { language: { old: null, new: 'sv' } } });

    // Any browser: a new sign-in answers with it, and so does the user's own record.
    expect((await signIn(u)).user.language).toBe('sv');
    const me = await t.http.get('/api/users/me').set(...bearer(u));
    expect(me.body.language).toBe('sv');
    // The administrator sees it in the account too.
    expect((await t.http.get(`/api/users/${u.id}`).set(...bearer(t.admin))).body.language).toBe('sv');

    // The same choice again changes nothing and writes no event.
    const trail = await trailState(t);
    const again = await setLanguage(u, { language: 'sv' });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(before.version + 1);
    expect(await trailState(t)).toEqual(trail);

    expect((await setLanguage(u, { language: 'nb' })).body.language).toBe('nb');
    const events = await storedEvents(t, `action = 'user.language' AND entity_id = $1`, [u.id]);
    expect(events.map((e) => e.changes)).toEqual([{ language: { old: null, new: 'sv' } }, { language: { old: 'sv', new: 'nb' } }]);
  });

  it('is set by every role for themselves, once a temporary password is changed', async () => {
    for (const role of ROLES) {
      const u = role === 'admin' ? t.admin : await t.user([role]);
      const res = await setLanguage(u, { language: 'nb' });
      expect({ role, status: res.status, language: res.body.language }).toEqual({ role, status: 200, language: 'nb' });
    }
    const email = `temp-${uniqueSuffix()}@qms.test`;
    const created = await t.http
      .post('/api/users')
      .set(...bearer(t.admin))
      .send({ email, name: 'Temporary Tora', password: 'a-temporary-password-1', roles: ['auditor'] });
    expect(created.status).toBe(201);
    const token = await t.login(email, 'a-temporary-password-1');
    // Until the temporary password is changed, the token reads only who it is and changes the password.
    expectProblem(await setLanguage({ token }, { language: 'sv' }), 403, 'password_change_required');
    expect((await stored(created.body.id)).language).toBeNull();
  });

  it('refuses another language, a missing one and any other field, naming the field and changing nothing', async () => {
    const u = await t.user(['auditor']);
    const trail = await trailState(t);
    const before = await stored(u.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ language: 'de' }, 'language', 'must be one of'],
      [{ language: null }, 'language', 'is required'],
      [{}, 'language', 'is required'],
      [{ language: 'sv', roles: ['admin'] }, 'roles', ''],
    ];
    for (const [body, field, message] of cases) {
      const res = await setLanguage(u, body);
      expectProblem(res, 400, 'validation_failed');
      expect(fieldMessagesOf(res)).toEqual([{ field, message: expect.stringContaining(message) }]);
    }
    expect(await stored(u.id)).toEqual(before);
    expect(await trailState(t)).toEqual(trail);
    // An administrator sets nobody else's language: it is not a field of PATCH /api/users/{id}.
    const other = await t.http
      .patch(`/api/users/${u.id}`)
      .set(...bearer(t.admin))
      .set('If-Match', `"${before.version}"`)
      .send({ language: 'sv' });
    expectProblem(other, 400, 'validation_failed');
    expect(await stored(u.id)).toEqual(before);
    expectProblem(await t.http.patch('/api/users/me').send({ language: 'sv' }), 401, 'unauthenticated');
  });

  it('two choices at once: both answer 200, the last one written stays, and each change is one event', async () => {
    const u = await t.user(['quality_manager']);
    const [a, b] = await Promise.all([setLanguage(u, { language: 'sv' }), setLanguage(u, { language: 'nb' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const events = await storedEvents(t, `action = 'user.language' AND entity_id = $1`, [u.id]);
    expect(events).toHaveLength(2);
    const last = events[events.length - 1];
    expect((await stored(u.id)).language).toBe((last.changes as { language: { new: string } }).language.new);
    expect((last.changes as { language: { old: string } }).language.old).toBe(
      (events[0].changes as { language: { new: string } }).language.new,
    );
  });
});
