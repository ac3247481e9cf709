import { startTestApp, bearer, uniqueSuffix, ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { countRows, trailState } from './support/audit.js';
import { canonicalJson } from '../src/common/canonical.js';
import { createHash } from 'node:crypto';
import { activeProgramme, closeAction, createCast, createDeviation, walkDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { sampleDefinition } from './support/procedures.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

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

  describe('across paths, secrets and concurrency', () => {
    let c: Cast;
    let programmeId: string;
    beforeAll(async () => {
      c = await createCast(t);
      programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
    });

    async function deviationState(id: string) {
      const [row] = await t.sql<{ state: string; version: number; transitions: number }>(
        `SELECT state, version, (SELECT count(*)::int FROM deviation_transition WHERE deviation_id = d.id) AS transitions FROM deviation d WHERE id = $1`,
        [id],
      );
      return row;
    }

    it('refuses the same key and body sent to another path (422), changing nothing there', async () => {
      const first = await createDeviation(t, c.qm, { programmeId });
      const second = await createDeviation(t, c.qm, { programmeId });
      const key = `path-${uniqueSuffix()}`;
      const move = { to: 'analysis', comment: 'Looking into it' };
      const moved = await t.http
        .post(`/api/deviations/${first.id}/transitions`)
        .set(...bearer(c.qm))
        .set('Idempotency-Key', key)
        .send(move);
      expect(moved.status).toBe(200);
      expect(moved.body.state).toBe('analysis');
      const before = { second: await deviationState(second.id), events: (await trailState(t)).events };

      const other = await t.http
        .post(`/api/deviations/${second.id}/transitions`)
        .set(...bearer(c.qm))
        .set('Idempotency-Key', key)
        .send(move);
      expectProblem(other, 422, 'idempotency_key_reused');
      expect({ second: await deviationState(second.id), events: (await trailState(t)).events }).toEqual(before);
      expect(before.second).toMatchObject({ state: 'open', version: 1, transitions: 1 });
    });

    it('stores no hash a password can be guessed against, and still replays a signed request', async () => {
      // Close a deviation: the body holds the signer's password.
      const d = await createDeviation(t, c.qm, { programmeId, severity: 'minor' });
      const walked = await walkDeviation(t, c, d, 'in_progress');
      const key = `close-${uniqueSuffix()}`;
      const path = `/api/deviations/${d.id}/transitions`;
      const body = { to: 'closed', comment: 'Every action effective', password: c.qm.password };
      // The action must be closed before the deviation can close.
      await closeAction(t, c, walked.action!);
      const signaturesBefore = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE record_id = $1`, [d.id]);
      const closed = await t.http
        .post(path)
        .set(...bearer(c.qm))
        .set('Idempotency-Key', key)
        .send(body);
      expect(closed.status).toBe(200);
      expect(closed.body.state).toBe('closed');

      const [stored] = await t.sql<{ request_hash: string; response_body: unknown }>(
        `SELECT request_hash, response_body FROM idempotency_record WHERE user_id = $1 AND key = $2`,
        [c.qm.id, key],
      );
      expect(stored.request_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      const digest = stored.request_hash.replace(/^hmac-sha256:/, '');
      // Not SHA-256 of any rendering of a body that includes the password (nor of one without it).
      const { password: _password, ...withoutPassword } = body;
      for (const b of [body, withoutPassword]) {
        for (const material of [
          canonicalJson({ method: 'POST', path, body: b }),
          JSON.stringify({ method: 'POST', path, body: b }),
          canonicalJson(b),
          JSON.stringify(b),
        ]) {
          expect(sha256(material)).not.toBe(digest);
        }
      }
      expect(JSON.stringify(stored)).not.toContain(c.qm.password);

      // The retry is answered from the record: same answer, no second signature or transition.
      const replay = await t.http
        .post(path)
        .set(...bearer(c.qm))
        .set('Idempotency-Key', key)
        .send(body);
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(closed.body);
      const signaturesAfter = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE record_id = $1`, [d.id]);
      expect(signaturesAfter[0].n).toBe(signaturesBefore[0].n + 1);
    });

    it("stores no plain hash of a new user's password either, and replays the creation", async () => {
      const key = `user-${uniqueSuffix()}`;
      const b = body();
      const first = await create(t.admin, key, b);
      expect(first.status).toBe(201);
      const [stored] = await t.sql<{ request_hash: string }>(
        `SELECT request_hash FROM idempotency_record WHERE user_id = $1 AND key = $2`,
        [t.admin.id, key],
      );
      expect(stored.request_hash).not.toBe(sha256(canonicalJson({ method: 'POST', path: '/api/users', body: b })));
      expect(stored.request_hash).toMatch(/^hmac-sha256:/);
      const replay = await create(t.admin, key, b);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
    });

    it('two concurrent requests with one key: one performs, the other waits and replays its answer', async () => {
      const key = `race-${uniqueSuffix()}`;
      const procedureKey = `idem-${uniqueSuffix()}`;
      const before = await trailState(t);
      const send = () =>
        t.http
          .post('/api/procedures')
          .set(...bearer(c.qm))
          .set('Idempotency-Key', key)
          .send({ definition: sampleDefinition(procedureKey) });
      const answers = await Promise.all([send(), send(), send()]);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
      for (const a of answers) expect(a.body).toEqual(answers[0].body);
      const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM procedure WHERE key = $1`, [procedureKey]);
      expect(rows[0].n).toBe(1);
      expect((await trailState(t)).events).toBe(before.events + 1);
    });
  });
});
