import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import type { AddressInfo } from 'node:net';
import { startTestApp, bearer } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem, fieldMessagesOf, problemFields, problemOf } from './support/expectations.js';
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

  describe('messages', () => {
    const ROLE_LIST = 'admin, quality_manager, programme_leader, auditor, board_member';
    it.each([
      ['a missing field: only that it is required', { name: undefined }, 'name', 'is required'],
      ['null for a required field', { name: null }, 'name', 'is required'],
      ['a number for a string', { name: 42 }, 'name', 'must be a string'],
      ['an empty string', { name: '' }, 'name', 'must not be empty'],
      ['a string too long', { name: 'x'.repeat(201) }, 'name', 'must be at most 200 characters long'],
      ['a string too short', { password: 'short' }, 'password', 'must be at least 12 characters long'],
      ['a malformed e-mail address', { email: 'not-an-email' }, 'email', 'must be an e-mail address'],
      ['a string for an array', { roles: 'auditor' }, 'roles', 'must be an array'],
      ['an empty list where one value is needed', { roles: [] }, 'roles', 'must not be empty'],
      ['a value outside the enum in a list', { roles: ['superuser'] }, 'roles', `must contain only these values: ${ROLE_LIST}`],
      ['the same value twice in a list', { roles: ['auditor', 'auditor'] }, 'roles', 'must not contain the same value twice'],
      ['an unknown property', { isSuperuser: true }, 'isSuperuser', 'is not a known property'],
    ])('says one sentence for %s', async (_what, patch, field, message) => {
      const res = await writesNothing(() => createUser({ ...valid, ...patch }));
      expectProblem(res, 400, 'validation_failed');
      expect(fieldMessagesOf(res)).toEqual([{ field, message }]);
      expect(problemOf(res).detail).toBe(`${field} ${message}`);
    });

    it('takes every message from the rules of fields.ts, none from class-validator (whose English it is not)', () => {
      const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, ValidationMetadata[]> };
      const rules = [...storage.validationMetadatas.values()].flat().filter((m) => m.type !== 'conditionalValidation');
      expect(rules.length).toBeGreaterThan(200);
      const silent = rules.filter((m) => m.message === undefined).map((m) => `${(m.target as { name: string }).name}.${m.propertyName}`);
      expect(silent).toEqual([]);
    });

    it('lists a few problems in the detail and all of them in errors', async () => {
      const res = await writesNothing(() => createUser({ email: 5, name: ['x'], password: 'short', roles: 'admin' }));
      expectProblem(res, 400, 'validation_failed');
      expect(fieldMessagesOf(res)).toEqual([
        { field: 'email', message: 'must be a string' },
        { field: 'name', message: 'must be a string' },
        { field: 'password', message: 'must be at least 12 characters long' },
        { field: 'roles', message: 'must be an array' },
      ]);
      expect(problemOf(res).detail).toBe(
        'email must be a string; name must be a string; password must be at least 12 characters long; and 1 more problem (see errors)',
      );
    });

    it('refuses a JSON array where an object is expected, as one problem of the whole body', async () => {
      const res = await writesNothing(() => createUser([valid]));
      expectProblem(res, 400, 'validation_failed');
      expect(fieldMessagesOf(res)).toEqual([{ field: '', message: 'must be a JSON object, not an array' }]);
      expect(problemOf(res).detail).toBe('The request body must be a JSON object, not an array');
    });

    it('names a single enum value, a date, a UUID list and a nested object by their paths', async () => {
      const board = await t.user(['board_member']);
      const review = await t.http
        .post('/api/management-reviews')
        .set(...bearer(board))
        .send({ heldOn: '2026-02-30', title: 'Spring review', attendeeIds: ['nope'] });
      expectProblem(review, 400, 'validation_failed');
      expect(fieldMessagesOf(review)).toEqual([
        { field: 'heldOn', message: 'must be a date written YYYY-MM-DD that exists, such as 2026-03-03' },
        { field: 'attendeeIds', message: 'must contain only UUIDs' },
      ]);
      const noAttendees = await t.http
        .post('/api/management-reviews')
        .set(...bearer(board))
        .send({ heldOn: '2026-03-03', title: 'Spring review', attendeeIds: [] });
      expect(fieldMessagesOf(noAttendees)).toEqual([{ field: 'attendeeIds', message: 'must not be empty' }]);

      // The review need not exist: the body is refused before anything is looked up.
      const decisions = `/api/management-reviews/${randomUUID()}/decisions`;
      const nested = await t.http
        .post(decisions)
        .set(...bearer(board))
        .send({ text: 'Hire an interpreter', action: { ownerId: 'somebody', dueDate: '03/04/2026', colour: 'red' } });
      expectProblem(nested, 400, 'validation_failed');
      expect(fieldMessagesOf(nested)).toEqual([
        { field: 'action.colour', message: 'is not a known property' },
        { field: 'action.ownerId', message: 'must be a UUID' },
        { field: 'action.dueDate', message: 'must be a date written YYYY-MM-DD that exists, such as 2026-03-03' },
        { field: 'action.description', message: 'is required' },
      ]);
      const notAnObject = await t.http
        .post(decisions)
        .set(...bearer(board))
        .send({ text: 'Hire an interpreter', action: 'soon' });
      expect(fieldMessagesOf(notAnObject)).toEqual([{ field: 'action', message: 'must be an object' }]);

      const qm = await t.user(['quality_manager']);
      const deviations = await t.http.get('/api/deviations?severity=huge&limit=abc').set(...bearer(qm));
      expectProblem(deviations, 400, 'validation_failed');
      expect(fieldMessagesOf(deviations)).toEqual([
        { field: 'severity', message: 'must be one of: minor, major, critical' },
        { field: 'limit', message: 'must be a whole number' },
      ]);
      const started = await t.http
        .post(`/api/programmes/${randomUUID()}/executions`)
        .set(...bearer(qm))
        .send({ procedureKey: 'Intake Interview', subject: { participantId: 'adept-1' } });
      expect(fieldMessagesOf(started)).toEqual([
        {
          field: 'procedureKey',
          message: 'must be a procedure key: lower-case letters, digits and hyphens, starting with a letter, such as intake-interview',
        },
        { field: 'subject.participantId', message: 'must be a UUID' },
      ]);
      const step = await t.http
        .post(`/api/executions/${randomUUID()}/steps`)
        .set(...bearer(qm))
        .send({ stepKey: 'meet', values: {}, performedAt: '2026-03-03 09:30' });
      expect(fieldMessagesOf(step)).toEqual([
        { field: 'performedAt', message: 'must be a date and time with a time zone, such as 2026-03-03T09:30:00Z' },
      ]);
    });
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
