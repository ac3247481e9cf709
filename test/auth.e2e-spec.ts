import { startTestApp, bearer, TEST_JWT_SECRET } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { decodePayload, flipCharacter, nowSeconds, signHs256, unsignedToken } from './support/tokens.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) => t.http.get('/api/users/me').set('Authorization', `Bearer ${token}`);

  describe('login', () => {
    it('signs in with the right password and answers the documented shape', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'ADMIN@qms.test', password: 'admin-password-for-tests' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 3600,
        user: { id: t.admin.id, email: 'admin@qms.test', name: 'Test Administrator', roles: ['admin'] },
      });
      const payload = decodePayload(res.body.accessToken);
      expect(payload.sub).toBe(t.admin.id);
      expect(payload.exp).toBe((payload.iat as number) + 3600);
    });

    it('refuses a wrong password with 401', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'admin@qms.test', password: 'wrong-password' });
      expectProblem(res, 401, 'invalid_credentials');
    });

    it('refuses an unknown e-mail with the same 401 as a wrong password', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'nobody@qms.test', password: 'admin-password-for-tests' });
      expectProblem(res, 401, 'invalid_credentials');
    });

    it('refuses a login without a password as a validation error', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'admin@qms.test' });
      expectProblem(res, 400, 'validation_failed');
    });
  });

  it('gets /api/users/me with a token, 401 without', async () => {
    const res = await t.http.get('/api/users/me').set(...bearer(t.admin));
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('admin@qms.test');
    expect(res.headers.etag).toBe('"1"');
    expectProblem(await t.http.get('/api/users/me'), 401, 'unauthenticated');
  });

  describe('tokens', () => {
    it('accepts a hand-built HS256 token signed with the service secret (control for the probes below)', async () => {
      const token = signHs256({ sub: t.admin.id, iat: nowSeconds(), exp: nowSeconds() + 600 }, TEST_JWT_SECRET);
      const res = await me(token);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(t.admin.id);
    });

    it('refuses an expired token', async () => {
      const token = signHs256({ sub: t.admin.id, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, TEST_JWT_SECRET);
      expectProblem(await me(token), 401, 'invalid_token');
    });

    it('refuses a token whose signature was changed', async () => {
      expectProblem(await me(flipCharacter(t.admin.token, 2)), 401, 'invalid_token');
    });

    it('refuses a token whose payload was changed', async () => {
      expectProblem(await me(flipCharacter(t.admin.token, 1)), 401, 'invalid_token');
    });

    it('refuses a valid signature over another payload (a payload swapped in from another token)', async () => {
      const other = await t.user(['auditor']);
      const [h, , s] = other.token.split('.');
      const forged = `${h}.${t.admin.token.split('.')[1]}.${s}`;
      expectProblem(await me(forged), 401, 'invalid_token');
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const token = unsignedToken({ sub: t.admin.id, iat: nowSeconds(), exp: nowSeconds() + 600 });
      expectProblem(await me(token), 401, 'invalid_token');
      // Also with a dummy signature, in case a parser ignores it for alg none.
      expectProblem(await me(token + 'c2lnbmF0dXJl'), 401, 'invalid_token');
    });

    it('refuses a token signed with another secret', async () => {
      const token = signHs256(
        { sub: t.admin.id, iat: nowSeconds(), exp: nowSeconds() + 600 },
        'another-secret-that-is-also-at-least-32-chars',
      );
      expectProblem(await me(token), 401, 'invalid_token');
    });

    it('refuses a correctly signed token whose subject is not a user id, or no longer a user', async () => {
      const notAnId = signHs256({ sub: 'admin', exp: nowSeconds() + 600 }, TEST_JWT_SECRET);
      expectProblem(await me(notAnId), 401, 'invalid_token');
      const noSub = signHs256({ exp: nowSeconds() + 600 }, TEST_JWT_SECRET);
      expectProblem(await me(noSub), 401, 'invalid_token');
      const ghost = signHs256({ sub: '00000000-0000-4000-8000-000000000000', exp: nowSeconds() + 600 }, TEST_JWT_SECRET);
      expectProblem(await me(ghost), 401, 'account_inactive');
    });

    it('refuses a malformed Authorization header', async () => {
      expectProblem(await t.http.get('/api/users/me').set('Authorization', `Basic ${t.admin.token}`), 401, 'unauthenticated');
      expectProblem(await t.http.get('/api/users/me').set('Authorization', 'Bearer not a token'), 401, 'unauthenticated');
      expectProblem(await t.http.get('/api/users/me').set('Authorization', 'Bearer abc'), 401, 'invalid_token');
    });
  });

  describe('account changes take effect at once', () => {
    async function patchUser(id: string, body: Record<string, unknown>) {
      const current = await t.http.get(`/api/users/${id}`).set(...bearer(t.admin));
      expect(current.status).toBe(200);
      return t.http
        .patch(`/api/users/${id}`)
        .set(...bearer(t.admin))
        .set('If-Match', current.headers.etag)
        .send(body);
    }

    it("stops a deactivated user's existing token and refuses their login", async () => {
      const u = await t.user(['quality_manager']);
      expect((await me(u.token)).status).toBe(200);

      const res = await patchUser(u.id, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);

      expectProblem(await me(u.token), 401, 'account_inactive');
      expectProblem(await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }), 401, 'invalid_credentials');

      // Reactivated, the same token works again: nothing about it was revoked, the account was.
      expect((await patchUser(u.id, { active: true })).status).toBe(200);
      expect((await me(u.token)).status).toBe(200);
    });

    it('applies a change of roles to tokens already issued', async () => {
      const u = await t.user(['auditor']);
      expectProblem(await t.http.get('/api/users').set(...bearer(u)), 403, 'forbidden_role');

      expect((await patchUser(u.id, { roles: ['admin'] })).status).toBe(200);
      const listed = await t.http.get('/api/users').set(...bearer(u));
      expect(listed.status).toBe(200);
      expect((await me(u.token)).body.roles).toEqual(['admin']);

      expect((await patchUser(u.id, { roles: ['board_member'] })).status).toBe(200);
      expectProblem(await t.http.get('/api/users').set(...bearer(u)), 403, 'forbidden_role');
    });
  });
});
