import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp, bearer } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { countRows, trailState } from './support/audit.js';

/** Every refused request answers an RFC 9457 problem document and writes nothing. */
describe('validation and problem documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const valid = { email: 'valid.person@example.org', name: 'Valid Person', password: 'a-long-enough-password', roles: ['auditor'] };

  async function snapshot() {
    return {
      users: await countRows(t, 'app_user'),
      idempotency: await countRows(t, 'idempotency_record'),
      trail: await trailState(t),
    };
  }

  /** Runs the request and checks that no row and no audit event was written. */
  async function writesNothing<T>(request: () => Promise<T>): Promise<T> {
    const before = await snapshot();
    const res = await request();
    expect(await snapshot()).toEqual(before);
    return res;
  }

  const createUser = (body: unknown) =>
    t.http
      .post('/api/users')
      .set(...bearer(t.admin))
      .send(body as object);

  it('refuses an unknown property, naming it', async () => {
    const res = await writesNothing(() => createUser({ ...valid, isSuperuser: true }));
    expectProblem(res, 400, 'validation_failed');
    expect(problemFields(res)).toEqual(['isSuperuser']);
    expect(res.body.detail).toContain('isSuperuser');
  });

  it.each([
    ['a number for a string', { name: 42 }, ['name']],
    ['a string for an array', { roles: 'auditor' }, ['roles']],
    ['a value outside the enum', { roles: ['superuser'] }, ['roles']],
    ['a malformed e-mail', { email: 'not-an-email' }, ['email']],
    ['a password below 12 characters', { password: 'short' }, ['password']],
    ['an empty role list', { roles: [] }, ['roles']],
    ['a NUL character in text', { name: 'Bad\u0000Name' }, ['name']],
    ['a missing field', { name: undefined }, ['name']],
  ])('refuses %s, naming the field', async (_what, patch, fields) => {
    const res = await writesNothing(() => createUser({ ...valid, ...patch }));
    expectProblem(res, 400, 'validation_failed');
    expect([...new Set(problemFields(res))]).toEqual(fields);
    for (const e of res.body.errors as { field: string; message: string }[]) expect(e.message).toEqual(expect.any(String));
  });

  it('names every wrong field of one request', async () => {
    const res = await writesNothing(() => createUser({ email: 5, name: ['x'], password: 'short', roles: 'admin', extra: 1 }));
    expectProblem(res, 400, 'validation_failed');
    expect(new Set(problemFields(res))).toEqual(new Set(['email', 'name', 'password', 'roles', 'extra']));
  });

  it('refuses wrong types in an update too', async () => {
    const res = await writesNothing(() =>
      t.http
        .patch(`/api/users/${t.admin.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ active: 'no', roles: ['nobody'] }),
    );
    expectProblem(res, 400, 'validation_failed');
    expect(new Set(problemFields(res))).toEqual(new Set(['active', 'roles']));
  });

  it('refuses bad query parameters, naming them', async () => {
    const res = await t.http.get('/api/audit-events?limit=0&actorId=me&from=yesterday&colour=blue').set(...bearer(t.admin));
    expectProblem(res, 400, 'validation_failed');
    expect(new Set(problemFields(res))).toEqual(new Set(['limit', 'actorId', 'from', 'colour']));
  });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const res = await writesNothing(() =>
      t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .set('Content-Type', 'application/json')
        .send('{"email": "x@example.org",'),
    );
    expectProblem(res, 400, 'malformed_json');
  });

  it('refuses a JSON body that is not an object or array (strict parsing)', async () => {
    const res = await writesNothing(() =>
      t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .set('Content-Type', 'application/json')
        .send('"text"'),
    );
    expectProblem(res, 400, 'malformed_json');
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = { ...valid, name: 'x'.repeat(1024 * 1024 + 10) };
    const res = await writesNothing(() => createUser(huge));
    expectProblem(res, 413, 'payload_too_large');
  });

  it.each([
    ['nested deeper than 64 levels', `{"email":${'['.repeat(65)}${']'.repeat(65)}}`, 'body_too_deep'],
    ['nested 100,000 levels deep', `{"email":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`, 'body_too_deep'],
    ['with a lone surrogate in a text', JSON.stringify({ ...valid, name: 'Ann\ud800' }), 'invalid_unicode'],
    ['with a lone surrogate in a key', `{"\\udc00":1}`, 'invalid_unicode'],
    ['with a number that parses to Infinity', `{"email":1e309}`, 'number_out_of_range'],
  ])('refuses a JSON body %s with 400 before anything reads it, with or without an Idempotency-Key', async (_what, text, code) => {
    for (const key of [undefined, `key-${code}-${text.length}`]) {
      const req = t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .set('Content-Type', 'application/json');
      if (key) req.set('Idempotency-Key', key);
      const res = await writesNothing(() => req.send(text));
      expectProblem(res, 400, code);
    }
  });

  it('answers an unknown route with a 404 problem that does not echo the query string', async () => {
    const res = await t.http.get('/api/no-such-thing?secret=hunter2').set(...bearer(t.admin));
    expectProblem(res, 404, 'not_found');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expectProblem(await t.http.post('/nowhere').send({}), 404, 'not_found');
  });

  it('answers an unsupported body encoding with 415', async () => {
    const res = await writesNothing(() =>
      t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .set('Content-Type', 'application/json; charset=latin-9')
        .send(JSON.stringify(valid)),
    );
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('answers what the HTTP parser refuses (headers over 16 KB, a broken request line) with problem documents too', async () => {
    const long = await t.http.get(`/api/audit-events?entityType=${'x'.repeat(20_000)}`).set(...bearer(t.admin));
    expectProblem(long, 431, 'headers_too_large');
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => (text += d.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(body)).toMatchObject({
        status: 400,
        code: 'bad_request',
        title: 'Bad Request',
        type: expect.any(String),
        detail: expect.any(String),
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('renders problem documents with the RFC 9457 members and nothing internal', async () => {
    const res = await createUser({ ...valid, roles: 7 });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.type).toBe('https://mentoring-qms.example/problems/validation_failed');
    expect(res.body.title).toBe('Bad Request');
    expect(res.body.instance).toBe('/api/users');
    expect(Object.keys(res.body).sort()).toEqual(['code', 'detail', 'errors', 'instance', 'status', 'title', 'type']);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|\.ts:\d+|class-validator/);
  });
});
