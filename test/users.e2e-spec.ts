import { ROLES } from '../src/common/roles.js';
import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { countRows, storedEvents, trailState } from './support/audit.js';

describe('users', () => {
  let t: TestApp;
  const byRole = {} as Record<(typeof ROLES)[number], TestUser>;

  beforeAll(async () => {
    t = await startTestApp();
    byRole.admin = t.admin;
    for (const role of ROLES.filter((r) => r !== 'admin')) byRole[role] = await t.user([role]);
  });
  afterAll(async () => {
    await t?.close();
  });

  function newUserBody(overrides: Record<string, unknown> = {}) {
    const s = uniqueSuffix();
    return {
      email: `Person.${s}@Example.org`,
      name: `Person ${s}`,
      password: 'a-long-enough-password',
      roles: ['programme_leader'],
      ...overrides,
    };
  }

  async function unchanged<T>(what: () => Promise<T>): Promise<T> {
    const users = await countRows(t, 'app_user');
    const trail = await trailState(t);
    const result = await what();
    expect(await countRows(t, 'app_user')).toBe(users);
    expect(await trailState(t)).toEqual(trail);
    return result;
  }

  describe('POST /api/users', () => {
    it('creates a user: 201, ETag, Location, the stored row and no secret in the answer', async () => {
      const body = newUserBody({ roles: ['quality_manager', 'auditor'] });
      const res = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(body);
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/users/${res.body.id}`);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: body.email.toLowerCase(),
        name: body.name,
        roles: ['quality_manager', 'auditor'],
        active: true,
        // Chosen by the user, in the console; none yet.
        language: null,
        // Chosen by the administrator: the user must change it at the first sign-in.
        mustChangePassword: true,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|password_hash|argon2/i);
      expect(JSON.stringify(res.body)).not.toContain(body.password);

      const [row] = await t.sql<{ email: string; password_hash: string; version: number }>(
        `SELECT email, password_hash, version FROM app_user WHERE id = $1`,
        [res.body.id],
      );
      expect(row.email).toBe(body.email.toLowerCase());
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(body.password);
      expect(row.version).toBe(1);

      const fetched = await t.http.get(res.headers.location).set(...bearer(t.admin));
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(res.body);
      expect(fetched.headers.etag).toBe('"1"');

      // The new user can sign in with the password, whatever the case of the e-mail.
      expect(await t.login(body.email.toUpperCase(), body.password)).toEqual(expect.any(String));
    });

    it('refuses an e-mail already taken, compared case-insensitively, and writes nothing', async () => {
      const body = newUserBody();
      expect(
        (
          await t.http
            .post('/api/users')
            .set(...bearer(t.admin))
            .send(body)
        ).status,
      ).toBe(201);
      const again = newUserBody({ email: body.email.toUpperCase() });
      const res = await unchanged(() =>
        t.http
          .post('/api/users')
          .set(...bearer(t.admin))
          .send(again),
      );
      expectProblem(res, 409, 'email_taken');
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [body.email.toLowerCase()]);
      expect(n).toBe(1);
    });

    it('refuses callers without the admin role (403) and without a token (401), writing nothing', async () => {
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        const res = await unchanged(() =>
          t.http
            .post('/api/users')
            .set(...bearer(byRole[role]))
            .send(newUserBody()),
        );
        expectProblem(res, 403, 'forbidden_role');
      }
      expectProblem(await unchanged(() => t.http.post('/api/users').send(newUserBody())), 401, 'unauthenticated');
    });
  });

  describe('reading users', () => {
    it('lists users for admins only', async () => {
      const res = await t.http.get('/api/users').set(...bearer(t.admin));
      expect(res.status).toBe(200);
      const ids = (res.body.items as { id: string }[]).map((u) => u.id);
      for (const u of Object.values(byRole)) expect(ids).toContain(u.id);
      expect(res.body.items).toHaveLength(await countRows(t, 'app_user'));
      expect(res.body.total).toBe(await countRows(t, 'app_user'));
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|password_hash|argon2/i);

      for (const role of ROLES.filter((r) => r !== 'admin')) {
        expectProblem(await t.http.get('/api/users').set(...bearer(byRole[role])), 403, 'forbidden_role');
      }
      expectProblem(await t.http.get('/api/users'), 401, 'unauthenticated');
    });

    it.each(ROLES)('answers GET /api/users/me for role %s with their own record and ETag', async (role) => {
      const u = byRole[role];
      const res = await t.http.get('/api/users/me').set(...bearer(u));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: u.id, email: u.email, roles: [role], active: true });
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
    });

    it('answers 404 for an unknown id and 400 for an id that is not a UUID', async () => {
      expectProblem(await t.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(...bearer(t.admin)), 404, 'not_found');
      expectProblem(await t.http.get('/api/users/not-a-uuid').set(...bearer(t.admin)), 400);
    });
  });

  // Users made by t.user() are at version 2: created (1), then their first change of password (2).
  describe('PATCH /api/users/:id', () => {
    async function rowVersion(id: string): Promise<number> {
      const [r] = await t.sql<{ version: number }>(`SELECT version FROM app_user WHERE id = $1`, [id]);
      return r.version;
    }

    it('needs If-Match: missing -> 428, nothing written', async () => {
      const u = await t.user(['auditor']);
      const res = await unchanged(() =>
        t.http
          .patch(`/api/users/${u.id}`)
          .set(...bearer(t.admin))
          .send({ name: 'Renamed' }),
      );
      expectProblem(res, 428, 'if_match_required');
      expect(await rowVersion(u.id)).toBe(2);
    });

    it('refuses a stale or unparseable If-Match with 412, nothing written', async () => {
      const u = await t.user(['auditor']);
      const first = await t.http
        .patch(`/api/users/${u.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"2"')
        .send({ name: 'First' });
      expect(first.status).toBe(200);

      const stale = await unchanged(() =>
        t.http
          .patch(`/api/users/${u.id}`)
          .set(...bearer(t.admin))
          .set('If-Match', '"2"')
          .send({ name: 'Second' }),
      );
      expectProblem(stale, 412, 'version_mismatch');
      expect(stale.body.currentVersion).toBe(3);

      const garbage = await unchanged(() =>
        t.http
          .patch(`/api/users/${u.id}`)
          .set(...bearer(t.admin))
          .set('If-Match', 'yesterday')
          .send({ name: 'Third' }),
      );
      expectProblem(garbage, 412, 'version_mismatch');

      expect(await rowVersion(u.id)).toBe(3);
      const [row] = await t.sql<{ name: string }>(`SELECT name FROM app_user WHERE id = $1`, [u.id]);
      expect(row.name).toBe('First');
    });

    it('applies a current If-Match: bumps version and ETag, returns the new state', async () => {
      const u = await t.user(['auditor']);
      const before = await trailState(t);
      const res = await t.http
        .patch(`/api/users/${u.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"2"')
        .send({ name: 'New Name', roles: ['auditor', 'board_member'] });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({ id: u.id, name: 'New Name', roles: ['auditor', 'board_member'], version: 3 });
      expect(await rowVersion(u.id)).toBe(3);
      expect((await trailState(t)).events).toBe(before.events + 1);

      // The weak form of the same ETag is accepted too.
      const again = await t.http
        .patch(`/api/users/${u.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', 'W/"3"')
        .send({ name: 'Newer' });
      expect(again.status).toBe(200);
      expect(again.headers.etag).toBe('"4"');
    });

    it('answers 404 for an unknown user and writes nothing', async () => {
      const res = await unchanged(() =>
        t.http
          .patch('/api/users/00000000-0000-4000-8000-000000000000')
          .set(...bearer(t.admin))
          .set('If-Match', '"2"')
          .send({ name: 'X' }),
      );
      expectProblem(res, 404, 'not_found');
    });

    it('refuses callers without the admin role', async () => {
      const u = await t.user(['auditor']);
      const res = await unchanged(() =>
        t.http
          .patch(`/api/users/${u.id}`)
          .set(...bearer(byRole.quality_manager))
          .set('If-Match', '"2"')
          .send({ name: 'X' }),
      );
      expectProblem(res, 403, 'forbidden_role');
    });

    it('refuses to let an admin deactivate themselves or drop their own admin role', async () => {
      const admin2 = await t.user(['admin']);
      const self = async (body: Record<string, unknown>) =>
        t.http
          .patch(`/api/users/${admin2.id}`)
          .set(...bearer(admin2))
          .set('If-Match', '"2"')
          .send(body);
      expectProblem(await unchanged(() => self({ active: false })), 409, 'cannot_deactivate_self');
      expectProblem(await unchanged(() => self({ roles: ['auditor'] })), 409, 'cannot_drop_own_admin');
      // The same account named by its id in upper case is still the caller's own.
      const shouted = async (body: Record<string, unknown>) =>
        t.http
          .patch(`/api/users/${admin2.id.toUpperCase()}`)
          .set(...bearer(admin2))
          .set('If-Match', '"2"')
          .send(body);
      expectProblem(await unchanged(() => shouted({ active: false })), 409, 'cannot_deactivate_self');
      expectProblem(await unchanged(() => shouted({ roles: ['auditor'] })), 409, 'cannot_drop_own_admin');
      expect(await rowVersion(admin2.id)).toBe(2);
      const events = await storedEvents(t, `entity_id = $1 AND action = 'user.update'`, [admin2.id]);
      expect(events).toEqual([]);
    });
  });

  it('never leaves the service without an active administrator, even when two demote each other at once', async () => {
    const a = await t.user(['admin']);
    const b = await t.user(['admin']);
    // Leave only a and b as administrators.
    const others = await t.sql<{ id: string }>(`SELECT id FROM app_user WHERE active AND 'admin' = ANY(roles) AND id <> ALL($1)`, [
      [a.id, b.id],
    ]);
    for (const { id } of others) {
      const current = await t.http.get(`/api/users/${id}`).set(...bearer(a));
      await t.http
        .patch(`/api/users/${id}`)
        .set(...bearer(a))
        .set('If-Match', current.headers.etag)
        .send({ roles: ['quality_manager'] })
        .expect(200);
    }
    const [etagA, etagB] = [
      (await t.http.get(`/api/users/${a.id}`).set(...bearer(b))).headers.etag,
      (await t.http.get(`/api/users/${b.id}`).set(...bearer(a))).headers.etag,
    ];
    const [ab, ba] = await Promise.all([
      t.http
        .patch(`/api/users/${b.id}`)
        .set(...bearer(a))
        .set('If-Match', etagB)
        .send({ roles: ['auditor'] }),
      t.http
        .patch(`/api/users/${a.id}`)
        .set(...bearer(b))
        .set('If-Match', etagA)
        .send({ active: false }),
    ]);
    const statuses = [ab.status, ba.status].sort();
    expect(statuses[0]).toBe(200);
    const refused = ab.status === 200 ? ba : ab;
    // The loser is refused either because it is no longer an administrator or because it would remove the last one.
    expect([403, 409]).toContain(refused.status);
    if (refused.status === 409) expectProblem(refused, 409, 'last_admin');
    const admins = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE active AND 'admin' = ANY(roles)`);
    expect(admins[0].n).toBe(1);
  });
});
