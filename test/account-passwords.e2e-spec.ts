import { ROLES } from '../src/common/roles.js';
import { fillPath, isPublic, loadApiSurface } from './support/api-surface.js';
import { storedEvents, trailState } from './support/audit.js';
import { call } from './support/call.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { bearer, startTestApp, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { decodePayload } from './support/tokens.js';

/** Account basics: temporary passwords, changing one's own, resets by an administrator, and the password rules. */
describe('account passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) => t.http.get('/api/users/me').set('Authorization', `Bearer ${token}`);
  const login = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  const changeOwn = (token: string, currentPassword: string, newPassword: string) =>
    t.http.post('/api/users/me/password').set('Authorization', `Bearer ${token}`).send({ currentPassword, newPassword });

  function newUserBody(overrides: Record<string, unknown> = {}) {
    const s = uniqueSuffix();
    return { email: `person.${s}@example.org`, name: `Person ${s}`, password: `temporary-${s}-pass`, roles: ['auditor'], ...overrides };
  }

  /** A user created by the administrator, still holding the temporary password. */
  async function createdUser(overrides: Record<string, unknown> = {}) {
    const body = newUserBody(overrides);
    const res = await t.http
      .post('/api/users')
      .set(...bearer(t.admin))
      .send(body);
    expect(res.status).toBe(201);
    return { ...body, id: res.body.id as string, created: res.body as Record<string, unknown> };
  }

  async function userRow(id: string) {
    const [row] = await t.sql<{ password_hash: string; token_generation: number; must_change_password: boolean; version: number }>(
      `SELECT password_hash, token_generation, must_change_password, version FROM app_user WHERE id = $1`,
      [id],
    );
    return row;
  }

  describe('a password an administrator chose', () => {
    it('is temporary: mustChangePassword in the created user, at sign-in and in GET /api/users/me', async () => {
      const u = await createdUser();
      expect(u.created.mustChangePassword).toBe(true);
      const signedIn = await login(u.email, u.password);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.mustChangePassword).toBe(true);
      const who = await me(signedIn.body.accessToken);
      expect(who.status).toBe(200);
      expect(who.body).toMatchObject({ id: u.id, mustChangePassword: true });
    });

    it('lets the token do nothing but read who it is and change the password: every other route answers 403', async () => {
      const u = await createdUser({ roles: [...ROLES] });
      const token = (await login(u.email, u.password)).body.accessToken as string;
      const { operations } = await loadApiSurface(t);
      const allowed = new Set(['GET /api/users/me', 'POST /api/users/me/password']);
      const answers: string[] = [];
      for (const op of operations.filter((o) => !isPublic(o))) {
        const url = fillPath(
          op.path,
          Object.fromEntries(op.pathParams.map((p) => [p.name, p.name === 'key' ? 'intake' : p.name === 'n' ? '1' : u.id])),
        );
        const res = await call(t, op, { url, token, bodyText: op.body ? '{}' : undefined, headers: { 'If-Match': '"1"' } });
        answers.push(`${op.key} ${res.status} ${String((res.body as { code?: string }).code ?? '')}`);
      }
      const expected = operations
        .filter((o) => !isPublic(o))
        .map((op) =>
          op.key === 'GET /api/users/me'
            ? `${op.key} 200 `
            : op.key === 'POST /api/users/me/password'
              ? `${op.key} 400 validation_failed`
              : `${op.key} 403 password_change_required`,
        );
      expect(answers).toEqual(expected);
      expect(answers.filter((a) => a.includes('password_change_required')).length).toBe(
        operations.filter((o) => !isPublic(o)).length - allowed.size,
      );

      // Once changed, the user may do what their roles allow.
      const changed = await changeOwn(token, u.password, 'my-own-new-passphrase');
      expect(changed.status).toBe(200);
      expect(changed.body.mustChangePassword).toBe(false);
      expect((await t.http.get('/api/users').set('Authorization', `Bearer ${changed.body.accessToken}`)).status).toBe(200);
      expect((await login(u.email, 'my-own-new-passphrase')).body.mustChangePassword).toBe(false);
    });
  });

  describe("changing one's own password", () => {
    it('sets the new password, ends every token the user held and answers with a new one; audited without secrets', async () => {
      const u = await t.user(['quality_manager']);
      const otherSession = (await login(u.email, u.password)).body.accessToken as string;
      const before = await userRow(u.id);
      const trail = await trailState(t);

      const res = await changeOwn(u.token, u.password, 'correct horse battery staple');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 3600,
        mustChangePassword: false,
        user: { id: u.id, email: u.email, name: u.name, roles: ['quality_manager'], language: null },
      });
      expect(decodePayload(res.body.accessToken).gen).toBe(before.token_generation + 1);

      expectProblem(await me(u.token), 401, 'token_revoked');
      expectProblem(await me(otherSession), 401, 'token_revoked');
      expect((await me(res.body.accessToken)).status).toBe(200);
      expectProblem(await login(u.email, u.password), 401, 'invalid_credentials');
      expect((await login(u.email, 'correct horse battery staple')).status).toBe(200);

      const after = await userRow(u.id);
      expect(after.version).toBe(before.version + 1);
      expect(after.password_hash).not.toBe(before.password_hash);
      const events = await storedEvents(t, `seq > $1 AND entity_id = $2`, [trail.headSeq, u.id]);
      expect(events.map((e) => [e.action, e.actorId, e.entityVersion])).toEqual([['user.password_change', u.id, after.version]]);
      expect(events[0].changes).toEqual({});
      const stored = JSON.stringify(events);
      for (const secret of ['correct horse battery staple', u.password, after.password_hash, before.password_hash, 'argon2']) {
        expect(stored).not.toContain(secret);
      }
    });

    it('refuses a wrong current password with 422 naming currentPassword, changing nothing', async () => {
      const u = await t.user(['auditor']);
      const before = await userRow(u.id);
      const trail = await trailState(t);
      const res = await changeOwn(u.token, 'not-my-current-password', 'a-perfectly-fine-passphrase');
      expectProblem(res, 422, 'current_password_wrong');
      expect(res.body.errors).toEqual([{ field: 'currentPassword', message: 'The current password is wrong.' }]);
      expect(await userRow(u.id)).toEqual(before);
      expect(await trailState(t)).toEqual(trail);
      expect((await me(u.token)).status).toBe(200);
    });

    it('applies the password rules to the new password (400 naming newPassword, saying why), without using up attempts', async () => {
      const u = await t.user(['auditor'], 'Kari Nordmann');
      const before = await userRow(u.id);
      const cases: [string, RegExp][] = [
        ['short-pass', /^must be at least 12 characters long$/],
        ['x'.repeat(257), /^must be at most 256 characters long$/],
        ['Password1234', /one of the most commonly used passwords/],
        ['qwerty123456', /one of the most commonly used passwords/],
        [u.email.toUpperCase(), /must not be the account's e-mail address or name/],
        [u.email.split('@')[0], /must not be the account's e-mail address or name/],
        ['Kari Nordmann', /must not be the account's e-mail address or name/],
        ['kari nordmann ', /must not be the account's e-mail address or name/],
        ['zzzzzzzzzzzzzzzz', /must not be one character repeated/],
        [u.password, /must differ from the current one/],
        // Eleven characters: the emoji count as one each, not as the two UTF-16 units they take.
        ['🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔', /^must be at least 12 characters long$/],
      ];
      for (const [candidate, why] of cases) {
        const res = await changeOwn(u.token, u.password, candidate);
        expectProblem(res, 400, 'validation_failed');
        expect(problemFields(res)).toEqual(['newPassword']);
        expect(res.body.errors[0].message).toMatch(why);
      }
      expect(await userRow(u.id)).toEqual(before);
      // More refusals than the throttle's limit (5), yet the right password still goes through.
      const ok = await changeOwn(u.token, u.password, '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧');
      expect(ok.status).toBe(200);
      expect((await login(u.email, '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧')).status).toBe(200);
    });

    it('treats the two ways of typing a letter such as å (composed, or a + ring) as the same password', async () => {
      const u = await t.user(['auditor']);
      const composed = 'Lärarhögskolan-i-Umeå';
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      expect((await changeOwn(u.token, u.password, composed)).status).toBe(200);
      expect((await login(u.email, decomposed)).status).toBe(200);
      expect((await login(u.email, composed)).status).toBe(200);
    });

    it('never remembers the request under an Idempotency-Key (its body holds passwords, its answer a token)', async () => {
      const u = await t.user(['auditor']);
      const key = `change-${uniqueSuffix()}`;
      const send = (token: string) =>
        t.http
          .post('/api/users/me/password')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send({ currentPassword: u.password, newPassword: 'remembered-nowhere-123' });
      const first = await send(u.token);
      expect(first.status).toBe(200);
      expect(await t.sql(`SELECT 1 FROM idempotency_record WHERE key = $1`, [key])).toHaveLength(0);
      // The same request again is run again, not replayed: the current password is no longer the one sent.
      const again = await send(first.body.accessToken);
      expectProblem(again, 422, 'current_password_wrong');
      expect(again.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  describe('an administrator setting a temporary password', () => {
    const reset = (as: { token: string }, id: string, password: string) =>
      t.http
        .post(`/api/users/${id}/password`)
        .set(...bearer(as))
        .send({ password });

    it("sets it, ends the user's tokens, and makes them change it at the next sign-in; audited without secrets", async () => {
      const u = await t.user(['programme_leader']);
      const before = await userRow(u.id);
      const trail = await trailState(t);
      const res = await reset(t.admin, u.id, 'handed-over-in-person-42');
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);
      expect(res.body).toMatchObject({ id: u.id, mustChangePassword: true, version: before.version + 1, active: true });

      expectProblem(await me(u.token), 401, 'token_revoked');
      expectProblem(await login(u.email, u.password), 401, 'invalid_credentials');
      const signedIn = await login(u.email, 'handed-over-in-person-42');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.mustChangePassword).toBe(true);
      expectProblem(
        await t.http.get('/api/programmes').set('Authorization', `Bearer ${signedIn.body.accessToken}`),
        403,
        'password_change_required',
      );

      const events = await storedEvents(t, `seq > $1 AND entity_id = $2`, [trail.headSeq, u.id]);
      expect(events.map((e) => [e.action, e.actorId, e.entityVersion])).toEqual([['user.password_reset', t.admin.id, before.version + 1]]);
      expect(events[0].changes).toEqual({ mustChangePassword: { old: false, new: true } });
      const stored = JSON.stringify(events);
      const after = await userRow(u.id);
      for (const secret of ['handed-over-in-person-42', after.password_hash, 'argon2']) expect(stored).not.toContain(secret);
    });

    it("refuses a weak password (400 naming password), one's own account (409), an unknown user (404) and non-administrators (403), changing nothing", async () => {
      const u = await t.user(['auditor'], 'Vera Victim');
      const leader = await t.user(['programme_leader']);
      const before = await userRow(u.id);
      const trail = await trailState(t);

      const weak = await reset(t.admin, u.id, u.email);
      expectProblem(weak, 400, 'validation_failed');
      expect(weak.body.errors).toEqual([{ field: 'password', message: "The password must not be the account's e-mail address or name." }]);
      expectProblem(await reset(t.admin, u.id, 'iloveyou1234'), 400, 'validation_failed');
      expectProblem(await reset(t.admin, t.admin.id, 'a-fine-new-passphrase'), 409, 'cannot_reset_own_password');
      expectProblem(await reset(t.admin, '00000000-0000-4000-8000-000000000000', 'a-fine-new-passphrase'), 404, 'not_found');
      expectProblem(await reset(leader, u.id, 'a-fine-new-passphrase'), 403, 'forbidden_role');
      expectProblem(await reset(u, u.id, 'a-fine-new-passphrase'), 403, 'forbidden_role');

      expect(await userRow(u.id)).toEqual(before);
      expect(await trailState(t)).toEqual(trail);
      expect((await me(u.token)).status).toBe(200);
    });
  });

  describe('the password rules when creating a user', () => {
    it('refuses a common password, or the e-mail address or name, with 400 naming password, writing nothing', async () => {
      const trail = await trailState(t);
      const s = uniqueSuffix();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ password: '1q2w3e4r5t6y' }, /most commonly used/],
        [{ email: `long.address.${s}@example.org`, password: `long.address.${s}` }, /e-mail address or name/],
        [{ name: 'Ingrid Marie Andersson', password: 'ingridmarieandersson' }, /e-mail address or name/],
      ];
      for (const [overrides, why] of cases) {
        const body = newUserBody(overrides);
        const res = await t.http
          .post('/api/users')
          .set(...bearer(t.admin))
          .send(body);
        expectProblem(res, 400, 'validation_failed');
        expect(problemFields(res)).toEqual(['password']);
        expect(res.body.errors[0].message).toMatch(why);
        expect(await t.sql(`SELECT 1 FROM app_user WHERE email = $1`, [body.email])).toHaveLength(0);
      }
      expect(await trailState(t)).toEqual(trail);
    });
  });

  describe('reading users', () => {
    it('shows no password hash and no token generation in the list, one user or oneself', async () => {
      const u = await t.user(['auditor']);
      const fields = ['active', 'createdAt', 'email', 'id', 'language', 'mustChangePassword', 'name', 'roles', 'updatedAt', 'version'];
      const list = await t.http.get('/api/users').set(...bearer(t.admin));
      expect(list.status).toBe(200);
      for (const user of list.body.items as Record<string, unknown>[]) expect(Object.keys(user).sort()).toEqual(fields);
      expect(Object.keys((await t.http.get(`/api/users/${u.id}`).set(...bearer(t.admin))).body).sort()).toEqual(fields);
      expect(Object.keys((await me(u.token)).body).sort()).toEqual(fields);
      expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|password_hash|tokenGeneration|token_generation/);
    });
  });
});
