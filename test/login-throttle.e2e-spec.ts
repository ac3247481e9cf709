import { setTimeout as delay } from 'node:timers/promises';
import { startTestApp, ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';

/**
 * Failed logins are throttled per (client address, account), and every block expires by itself.
 * The counts are kept in the database: two service processes behind a load balancer share them.
 */
describe('login throttle', () => {
  const MAX_FAILURES = 3;
  const WINDOW_SECONDS = 2;
  const LIMITS = { loginMaxFailures: MAX_FAILURES, loginWindowSeconds: WINDOW_SECONDS, trustProxy: true };
  let t: TestApp;
  /** A second instance of the service on the same database. */
  let t2: TestApp;
  let other: TestUser;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    t2 = await startTestApp(LIMITS, { sameDatabaseAs: t });
    other = await t.user(['auditor']);
  });
  afterAll(async () => {
    await t2?.close();
    await t?.close();
  });

  /** A client address of its own for each test, so the tests do not share a throttle. */
  function freshAddress(): string {
    return `198.51.100.${++address}`;
  }

  function login(from: string, email: string, password: string, via: TestApp = t) {
    return via.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
  }

  async function failTimes(from: string, email: string, n: number, via: TestApp = t): Promise<void> {
    for (let i = 0; i < n; i++) expectProblem(await login(from, email, 'wrong-password', via), 401, 'invalid_credentials');
  }

  it('answers 429 with Retry-After once the failures reach the limit, even for the right password', async () => {
    const from = freshAddress();
    await failTimes(from, ADMIN_EMAIL, MAX_FAILURES);

    const blocked = await login(from, ADMIN_EMAIL, 'wrong-password');
    expectProblem(blocked, 429, 'too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(blocked.body.retryAfterSeconds).toBe(retryAfter);

    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD), 429, 'too_many_attempts');
    // The account name is compared case-insensitively: another spelling is the same account.
    expectProblem(await login(from, ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD), 429, 'too_many_attempts');
  });

  it('answers every sign-in of a burst on one account with success or 429, never a conflict, on two processes', async () => {
    // Concurrent attempts and forgivings of one address once waited for each other in a cycle
    // (PostgreSQL broke it with a deadlock error, answered 409): attempts are counted in one lock order.
    const from = freshAddress();
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => login(from, ADMIN_EMAIL, ADMIN_PASSWORD, i % 2 ? t2 : t)));
    const statuses = new Set(answers.map((r) => r.status));
    expect([...statuses].filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.has(200)).toBe(true);
  });

  it('does not block the same account from another client address', async () => {
    const attacker = freshAddress();
    await failTimes(attacker, ADMIN_EMAIL, MAX_FAILURES);
    expectProblem(await login(attacker, ADMIN_EMAIL, ADMIN_PASSWORD), 429, 'too_many_attempts');

    const owner = await login(freshAddress(), ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(ADMIN_EMAIL);
  });

  it('does not block another account from the same client address', async () => {
    const from = freshAddress();
    await failTimes(from, ADMIN_EMAIL, MAX_FAILURES);
    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD), 429, 'too_many_attempts');

    const res = await login(from, other.email, other.password);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(other.id);
  });

  it('counts failures below the limit without blocking, and a success clears them', async () => {
    const from = freshAddress();
    await failTimes(from, other.email, MAX_FAILURES - 1);
    expect((await login(from, other.email, other.password)).status).toBe(200);
    // The count started again: another MAX_FAILURES - 1 failures still do not block.
    await failTimes(from, other.email, MAX_FAILURES - 1);
    expect((await login(from, other.email, other.password)).status).toBe(200);
  });

  it('lifts the block when the window has passed', async () => {
    const from = freshAddress();
    await failTimes(from, ADMIN_EMAIL, MAX_FAILURES);
    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD), 429, 'too_many_attempts');

    // Poll with the right password: 429 while blocked, then 200. Bounded well above the window.
    let res = await login(from, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (let i = 0; res.status === 429 && i < 100; i++) {
      await delay(200);
      res = await login(from, ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(ADMIN_EMAIL);
  });

  it('counts failures on one service process on the other too (two processes on one database)', async () => {
    const from = freshAddress();
    await failTimes(from, ADMIN_EMAIL, MAX_FAILURES - 1, t);
    await failTimes(from, ADMIN_EMAIL, 1, t2);
    // Blocked on both, even for the right password: the attacker got MAX_FAILURES tries in all, not per process.
    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD, t), 429, 'too_many_attempts');
    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD, t2), 429, 'too_many_attempts');
    // And a success on one clears the count on both.
    const ok = freshAddress();
    await failTimes(ok, other.email, MAX_FAILURES - 1, t2);
    expect((await login(ok, other.email, other.password, t)).status).toBe(200);
    await failTimes(ok, other.email, MAX_FAILURES - 1, t2);
    expect((await login(ok, other.email, other.password, t2)).status).toBe(200);
  });

  it('lets no more than the limit through when many wrong passwords arrive at once, across both processes', async () => {
    const from = freshAddress();
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(from, ADMIN_EMAIL, `wrong-password-${i}`, i % 2 === 0 ? t : t2)),
    );
    const statuses = burst.map((r) => r.status).sort();
    // Each attempt is counted before its password is checked: the burst cannot outrun the count.
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - MAX_FAILURES);
    expectProblem(await login(from, ADMIN_EMAIL, ADMIN_PASSWORD), 429, 'too_many_attempts');
  });

  it('keeps no client address or e-mail address in the database, and sweeps rows whose window has passed', async () => {
    const from = freshAddress();
    await failTimes(from, other.email, 1);
    const rows = await t.sql<{ key: string; attempts: string[] }>(`SELECT key, attempts::text[] AS attempts FROM auth_throttle`);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(from);
    expect(stored).not.toContain(other.email);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{64}$/);

    // Once the window has passed, the next attempt (on either process) sweeps what expired.
    await delay(WINDOW_SECONDS * 1000 + 1100);
    await failTimes(freshAddress(), ADMIN_EMAIL, 1, t);
    await failTimes(freshAddress(), ADMIN_EMAIL, 1, t2);
    const [{ expired }] = await t.sql<{ expired: number }>(`SELECT count(*)::int AS expired FROM auth_throttle WHERE expires_at < now()`);
    expect(expired).toBe(0);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM auth_throttle`);
    // What is left: the two attempts just made (each counted for its account and its address).
    expect(n).toBe(4);
  });
});
