import { startTestApp, bearer, uniqueSuffix, ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { countRows, trailState } from './support/audit.js';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let admin2: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin2 = await t.user(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => {
    const s = uniqueSuffix();
    return { email: `idem.${s}@example.org`, name: `Idem ${s}`, password: 'a-long-enough-password', roles: ['auditor'], ...overrides };
  };
  const create = (as: TestUser, key: string | undefined, b: object) => {
    const req = t.http.post('/api/users').set(...bearer(as));
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(b);
  };
  async function counts() {
    return { users: await countRows(t, 'app_user'), events: (await trailState(t)).events };
  }

  it('answers a retry with the same key and body with the first response, creating nothing new', async () => {
    const key = `create-${uniqueSuffix()}`;
    const b = body();
    const before = await counts();
    const first = await create(t.admin, key, b);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ users: before.users + 1, events: before.events + 1 });

    for (let i = 0; i < 2; i++) {
      const retry = await create(t.admin, key, b);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers.location).toBe(first.headers.location);
      expect(await counts()).toEqual(afterFirst);
    }
  });

  it('refuses the same key with another body (422), writing nothing', async () => {
    const key = `reuse-${uniqueSuffix()}`;
    expect((await create(t.admin, key, body())).status).toBe(201);
    const before = await counts();
    expectProblem(await create(t.admin, key, body()), 422, 'idempotency_key_reused');
    expect(await counts()).toEqual(before);
  });

  it('keeps keys per user: another user with the same key makes a new request', async () => {
    const key = `shared-${uniqueSuffix()}`;
    const b = body();
    expect((await create(t.admin, key, b)).status).toBe(201);

    // Same key and body from another user: it runs (and meets the e-mail now taken), it is not replayed.
    const same = await create(admin2, key, b);
    expectProblem(same, 409, 'email_taken');
    expect(same.headers['idempotent-replayed']).toBeUndefined();

    // Same key, another body, another user: a new request, not a reuse.
    const before = await counts();
    const other = await create(admin2, key, body());
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await counts()).toEqual({ users: before.users + 1, events: before.events + 1 });
  });

  it('does not burn the key on a failed request: the corrected request runs, then replays', async () => {
    const key = `fix-${uniqueSuffix()}`;
    const b = body();
    const before = await counts();
    expectProblem(await create(t.admin, key, { ...b, password: 'short' }), 400, 'validation_failed');
    expect(await counts()).toEqual(before);

    const fixed = await create(t.admin, key, b);
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    const replay = await create(t.admin, key, b);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(fixed.body.id);
    expect(await counts()).toEqual({ users: before.users + 1, events: before.events + 1 });
  });

  it('does not remember a refusal by the service either (409), so the same key can be used again', async () => {
    const taken = body();
    expect((await create(t.admin, undefined, taken)).status).toBe(201);
    const key = `conflict-${uniqueSuffix()}`;
    expectProblem(await create(t.admin, key, taken), 409, 'email_taken');
    // The same request again runs again (and fails again): the failure was not stored as the answer.
    const again = await create(t.admin, key, taken);
    expectProblem(again, 409, 'email_taken');
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect((await create(t.admin, key, body())).status).toBe(201);
  });

  it('refuses a malformed key with 400, writing nothing', async () => {
    const before = await counts();
    expectProblem(await create(t.admin, 'has spaces in it', body()), 400, 'invalid_idempotency_key');
    expectProblem(await create(t.admin, 'k'.repeat(201), body()), 400, 'invalid_idempotency_key');
    expect(await counts()).toEqual(before);
  });

  it('without a key, a repeated request runs again', async () => {
    const b = body();
    expect((await create(t.admin, undefined, b)).status).toBe(201);
    expectProblem(await create(t.admin, undefined, b), 409, 'email_taken');
  });

  it('never stores a sign-in answer: a login with a key runs every time and leaves no token in the database', async () => {
    const before = await countRows(t, 'idempotency_record');
    const login = (password: string) =>
      t.http.post('/api/auth/login').set('Idempotency-Key', 'login-key').send({ email: ADMIN_EMAIL, password });
    const ok = await login(ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.headers['idempotent-replayed']).toBeUndefined();
    expect(await countRows(t, 'idempotency_record')).toBe(before);
    const [stored] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM idempotency_record WHERE response_body::text LIKE '%accessToken%'`,
    );
    expect(stored.n).toBe(0);
    // The same key with another body is an ordinary failed login, not a key reuse.
    expectProblem(await login('wrong-password'), 401, 'invalid_credentials');
    const again = await login(ADMIN_PASSWORD);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });
});
