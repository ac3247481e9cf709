import { setTimeout as delay } from 'node:timers/promises';
import { startTestApp, ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';

/** Failed logins are throttled per (client address, account), and every block expires by itself. */
describe('login throttle', () => {
  const MAX_FAILURES = 3;
  const WINDOW_SECONDS = 2;
  let t: TestApp;
  let other: TestUser;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: MAX_FAILURES, loginWindowSeconds: WINDOW_SECONDS, trustProxy: true });
    other = await t.user(['auditor']);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A client address of its own for each test, so the tests do not share a throttle. */
  function freshAddress(): string {
    return `198.51.100.${++address}`;
  }

  function login(from: string, email: string, password: string) {
    return t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
  }

  async function failTimes(from: string, email: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) expectProblem(await login(from, email, 'wrong-password'), 401, 'invalid_credentials');
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
});
