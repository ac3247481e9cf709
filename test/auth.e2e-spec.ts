import { startTestApp, bearer } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with the right password and answers the documented shape', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'ADMIN@qms.test', password: 'admin-password-for-tests' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: { id: t.admin.id, email: 'admin@qms.test', name: 'Test Administrator', roles: ['admin'] },
    });
  });

  it('refuses a wrong password with 401', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'admin@qms.test', password: 'wrong-password' });
    expectProblem(res, 401, 'invalid_credentials');
  });

  it('gets /api/users/me with a token, 401 without', async () => {
    const me = await t.http.get('/api/users/me').set(...bearer(t.admin));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('admin@qms.test');
    expect(me.headers.etag).toBe('"1"');
    expectProblem(await t.http.get('/api/users/me'), 401, 'unauthenticated');
  });
});
