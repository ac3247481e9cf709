import { startTestApp, bearer, TEST_JWT_SECRET } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { decodePayload, flipCharacter, nowSeconds, signHmac, signHs256, unsignedToken } from './support/tokens.js';

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
        mustChangePassword: false,
        user: { id: t.admin.id, email: 'admin@qms.test', name: 'Test Administrator', roles: ['admin'], language: null },
      });
      const payload = decodePayload(res.body.accessToken);
      expect(payload.sub).toBe(t.admin.id);
      expect(payload.exp).toBe((payload.iat as number) + 3600);
      // The OpenAPI document (and the console typed from it) describes exactly these members.
      const docs = await t.http.get('/docs-json');
      const schemas = docs.body.components.schemas as Record<string, { properties: Record<string, { $ref?: string }> }>;
      expect(Object.keys(schemas.LoginResponse.properties).sort()).toEqual(Object.keys(res.body as object).sort());
      const userRef = schemas.LoginResponse.properties.user.$ref ?? '';
      expect(Object.keys(schemas[userRef.split('/').pop()!].properties).sort()).toEqual(Object.keys(res.body.user as object).sort());
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
    /** The claims of a token the service would issue to the admin now, with `changes` applied. */
    const claims = (changes: Record<string, unknown> = {}) => ({
      sub: t.admin.id,
      gen: 0,
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
      ...changes,
    });
    const without = (name: string) => Object.fromEntries(Object.entries(claims()).filter(([k]) => k !== name));

    it('accepts a hand-built HS256 token signed with the service secret (control for the probes below)', async () => {
      const res = await me(signHs256(claims(), TEST_JWT_SECRET));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(t.admin.id);
    });

    it('issues tokens carrying the user, their token generation, the time of issue and an expiry', () => {
      expect(decodePayload(t.admin.token)).toEqual({ sub: t.admin.id, gen: 0, iat: expect.any(Number), exp: expect.any(Number) });
    });

    it('refuses an expired token', async () => {
      const token = signHs256(claims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), TEST_JWT_SECRET);
      expectProblem(await me(token), 401, 'invalid_token');
    });

    it('refuses a token without an expiry (it would never expire)', async () => {
      expectProblem(await me(signHs256(without('exp'), TEST_JWT_SECRET)), 401, 'invalid_token');
    });

    it('refuses a token without a time of issue, or issued in the future', async () => {
      expectProblem(await me(signHs256(without('iat'), TEST_JWT_SECRET)), 401, 'invalid_token');
      const future = signHs256(claims({ iat: nowSeconds() + 3600, exp: nowSeconds() + 3900 }), TEST_JWT_SECRET);
      expectProblem(await me(future), 401, 'invalid_token');
      // A minute of clock difference between service processes is tolerated.
      expect((await me(signHs256(claims({ iat: nowSeconds() + 30 }), TEST_JWT_SECRET))).status).toBe(200);
    });

    it('refuses a token that lives longer than the service issues them for (JWT_TTL_SECONDS)', async () => {
      const decade = signHs256(claims({ exp: nowSeconds() + 10 * 365 * 86400 }), TEST_JWT_SECRET);
      expectProblem(await me(decade), 401, 'invalid_token');
      expect((await me(signHs256(claims({ exp: nowSeconds() + 3600 }), TEST_JWT_SECRET))).status).toBe(200);
    });

    it('refuses a token signed with another algorithm, even with the service secret', async () => {
      for (const alg of ['HS384', 'HS512'] as const) {
        expectProblem(await me(signHmac(claims(), TEST_JWT_SECRET, alg)), 401, 'invalid_token');
      }
    });

    it('refuses a token without a token generation, or with one that is not the current', async () => {
      expectProblem(await me(signHs256(without('gen'), TEST_JWT_SECRET)), 401, 'invalid_token');
      expectProblem(await me(signHs256(claims({ gen: '0' }), TEST_JWT_SECRET)), 401, 'invalid_token');
      expectProblem(await me(signHs256(claims({ gen: 1 }), TEST_JWT_SECRET)), 401, 'token_revoked');
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
      const token = unsignedToken(claims());
      expectProblem(await me(token), 401, 'invalid_token');
      // Also with a dummy signature, in case a parser ignores it for alg none.
      expectProblem(await me(token + 'c2lnbmF0dXJl'), 401, 'invalid_token');
    });

    it('refuses a token signed with another secret', async () => {
      const token = signHs256(claims(), 'another-secret-that-is-also-at-least-32-chars');
      expectProblem(await me(token), 401, 'invalid_token');
    });

    it('refuses a correctly signed token whose subject is not a user id, or no longer a user', async () => {
      expectProblem(await me(signHs256(claims({ sub: 'admin' }), TEST_JWT_SECRET)), 401, 'invalid_token');
      expectProblem(await me(signHs256(without('sub'), TEST_JWT_SECRET)), 401, 'invalid_token');
      const ghost = signHs256(claims({ sub: '00000000-0000-4000-8000-000000000000' }), TEST_JWT_SECRET);
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

    it("ends a deactivated user's tokens for good and refuses their login", async () => {
      const u = await t.user(['quality_manager']);
      expect((await me(u.token)).status).toBe(200);

      const res = await patchUser(u.id, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);

      expectProblem(await me(u.token), 401, 'account_inactive');
      expectProblem(await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }), 401, 'invalid_credentials');

      // Reactivated, the account signs in again, but the tokens it held before stay ended.
      expect((await patchUser(u.id, { active: true })).status).toBe(200);
      expectProblem(await me(u.token), 401, 'token_revoked');
      const fresh = await t.login(u.email, u.password);
      expect((await me(fresh)).status).toBe(200);
    });

    it('does not end tokens on a change of name or roles', async () => {
      const u = await t.user(['auditor']);
      expect((await patchUser(u.id, { name: 'Renamed Person', roles: ['auditor', 'board_member'] })).status).toBe(200);
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
