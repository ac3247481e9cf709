import { startTestApp, bearer } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';

describe('security headers, request ids and CORS', () => {
  const ALLOWED = 'https://allowed.example';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ corsOrigins: [ALLOWED] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  describe('headers', () => {
    it.each([
      ['a success', () => t.http.get('/health')],
      ['an authenticated read', () => t.http.get('/api/users/me').set(...bearer(t.admin))],
      ['a problem document', () => t.http.get('/api/nothing-here')],
    ])('sends the helmet headers and no X-Powered-By on %s', async (_what, request) => {
      const res = await request();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });

    it('sends no content-hash ETag of its own on reads without a version', async () => {
      const res = await t.http.get('/api/audit-events?limit=1').set(...bearer(t.admin));
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBeUndefined();
    });
  });

  describe('X-Request-Id', () => {
    it('echoes a well-formed request id', async () => {
      const res = await t.http.get('/health').set('X-Request-Id', 'trace-01.abc:42_x');
      expect(res.headers['x-request-id']).toBe('trace-01.abc:42_x');
    });

    it('generates a fresh id when none is given, a different one each time', async () => {
      const a = await t.http.get('/health');
      const b = await t.http.get('/health');
      expect(a.headers['x-request-id']).toMatch(UUID);
      expect(b.headers['x-request-id']).toMatch(UUID);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });

    it.each([
      ['with spaces', 'has spaces'],
      ['with markup', '<script>alert(1)</script>'],
      ['too long', 'x'.repeat(101)],
    ])('replaces a malformed id (%s) with a generated one', async (_what, given) => {
      const res = await t.http.get('/health').set('X-Request-Id', given);
      expect(res.headers['x-request-id']).toMatch(UUID);
    });

    it('carries the id on problem documents too', async () => {
      const res = await t.http.get('/api/users/me').set('X-Request-Id', 'failing-request-7');
      expectProblem(res, 401, 'unauthenticated');
      expect(res.headers['x-request-id']).toBe('failing-request-7');
    });
  });

  describe('CORS', () => {
    it('allows the configured origin, exposing the headers clients need', async () => {
      const res = await t.http
        .get('/api/users/me')
        .set(...bearer(t.admin))
        .set('Origin', ALLOWED);
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      const exposed = res.headers['access-control-expose-headers'].split(',').map((h) => h.trim().toLowerCase());
      expect(exposed).toEqual(expect.arrayContaining(['etag', 'location', 'x-request-id', 'retry-after', 'idempotent-replayed']));
    });

    it('answers a preflight from the configured origin', async () => {
      const res = await t.http
        .options('/api/users')
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key, if-match');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      const allowed = res.headers['access-control-allow-headers'].toLowerCase();
      for (const h of ['authorization', 'content-type', 'idempotency-key', 'if-match']) expect(allowed).toContain(h);
    });

    it('does not allow another origin', async () => {
      const res = await t.http
        .get('/api/users/me')
        .set(...bearer(t.admin))
        .set('Origin', 'https://evil.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http
        .options('/api/users')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      // A look-alike of the allowed origin is another origin.
      const lookalike = await t.http.get('/health').set('Origin', `${ALLOWED}.evil.example`);
      expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
