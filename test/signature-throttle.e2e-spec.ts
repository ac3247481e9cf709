import { expectProblem } from './support/expectations.js';
import { sampleDefinition } from './support/procedures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/**
 * Re-entering one's password while signed in (signing an approval, a closure or a board review;
 * changing the password) is throttled like sign-in, so a stolen token cannot be used to guess the
 * password; and apart from sign-in, so failed signatures do not lock the signer out of signing in.
 */
describe('password re-entry throttle', () => {
  const MAX_FAILURES = 3;
  let t: TestApp;
  let author: TestUser;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: MAX_FAILURES, loginWindowSeconds: 600, trustProxy: true });
    author = await t.user(['quality_manager'], 'Anna Author');
  });
  afterAll(async () => {
    await t?.close();
  });

  function freshAddress(): string {
    return `203.0.113.${++address}`;
  }

  async function versionInReview(key: string): Promise<string> {
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition(key) });
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/procedures/${key}/versions/1/submit`).set(...bearer(author))).status).toBe(200);
    return created.body.id as string;
  }

  const approve = (from: string, signer: TestUser, key: string, password: string) =>
    t.http
      .post(`/api/procedures/${key}/versions/1/approve`)
      .set('X-Forwarded-For', from)
      .set(...bearer(signer))
      .send({ password, comment: 'Checked' });

  it('answers 429 to an approval after too many wrong passwords, even with the right one, and signs nothing', async () => {
    const approver = await t.user(['quality_manager'], 'Bertil Approver');
    const versionId = await versionInReview('throttled-approval');
    const from = freshAddress();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expectProblem(await approve(from, approver, 'throttled-approval', `guess-number-${i}`), 401, 'invalid_password');
    }
    const blocked = await approve(from, approver, 'throttled-approval', approver.password);
    expectProblem(blocked, 429, 'too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    const v = await t.http.get('/api/procedures/throttled-approval/versions/1').set(...bearer(author));
    expect(v.body).toMatchObject({ status: 'in_review', signatures: [] });
    expect(await t.sql(`SELECT 1 FROM signature WHERE record_id = $1`, [versionId])).toHaveLength(0);
    expect(await t.sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action LIKE '%approve%'`, [versionId])).toHaveLength(0);

    // The counter is not sign-in's: the same person signs in from the same address at once.
    const login = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email: approver.email, password: approver.password });
    expect(login.status).toBe(200);
    // Nor is it another signer's.
    const colleague = await t.user(['quality_manager'], 'Cecilia Colleague');
    const approved = await approve(from, colleague, 'throttled-approval', colleague.password);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('effective');
  });

  it('counts wrong passwords sent with an Idempotency-Key, although such a request runs in one transaction that rolls back', async () => {
    const approver = await t.user(['quality_manager'], 'Dagny Approver');
    const versionId = await versionInReview('keyed-approval');
    const from = freshAddress();
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await approve(from, approver, 'keyed-approval', `keyed-guess-${i}`).set('Idempotency-Key', `guess-${i}`);
      expectProblem(wrong, 401, 'invalid_password');
    }
    const blocked = await approve(from, approver, 'keyed-approval', approver.password).set('Idempotency-Key', 'right-at-last');
    expectProblem(blocked, 429, 'too_many_attempts');
    expect(await t.sql(`SELECT 1 FROM signature WHERE record_id = $1`, [versionId])).toHaveLength(0);
  });

  it('does not count a right password whose request fails for another reason', async () => {
    const approver = await t.user(['quality_manager'], 'Einar Approver');
    await versionInReview('refused-approval');
    const from = freshAddress();
    // Approving again fails after the password was checked (409): the request rolls back, and its
    // right password must not be counted as a failure when the count is made again.
    expect((await approve(from, approver, 'refused-approval', approver.password).set('Idempotency-Key', 'first')).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES + 1; i++) {
      const again = await approve(from, approver, 'refused-approval', approver.password).set('Idempotency-Key', `again-${i}`);
      expect(again.status).toBe(409);
    }
  });

  it('counts wrong current passwords on a change of password with wrong signature passwords, and blocks both', async () => {
    const approver = await t.user(['quality_manager']);
    await versionInReview('shared-counter');
    const from = freshAddress();
    expectProblem(await approve(from, approver, 'shared-counter', 'guess-one-of-three'), 401, 'invalid_password');
    for (let i = 1; i < MAX_FAILURES; i++) {
      const res = await t.http
        .post('/api/users/me/password')
        .set('X-Forwarded-For', from)
        .set(...bearer(approver))
        .send({ currentPassword: `guess-number-${i}`, newPassword: 'a-brand-new-passphrase' });
      expectProblem(res, 422, 'current_password_wrong');
    }
    const change = await t.http
      .post('/api/users/me/password')
      .set('X-Forwarded-For', from)
      .set(...bearer(approver))
      .send({ currentPassword: approver.password, newPassword: 'a-brand-new-passphrase' });
    expectProblem(change, 429, 'too_many_attempts');
    expectProblem(await approve(from, approver, 'shared-counter', approver.password), 429, 'too_many_attempts');
    // Nothing changed: the old password still signs in.
    expect((await t.http.post('/api/auth/login').send({ email: approver.email, password: approver.password })).status).toBe(200);
  });

  it('forgives wrong passwords once the right one is given before the limit', async () => {
    const approver = await t.user(['quality_manager']);
    await versionInReview('forgiven');
    const from = freshAddress();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expectProblem(await approve(from, approver, 'forgiven', `typo-number-${i}`), 401, 'invalid_password');
    }
    const res = await t.http
      .post('/api/users/me/password')
      .set('X-Forwarded-For', from)
      .set(...bearer(approver))
      .send({ currentPassword: approver.password, newPassword: 'a-brand-new-passphrase' });
    expect(res.status).toBe(200);
    const renewed = { ...approver, password: 'a-brand-new-passphrase', token: res.body.accessToken as string };
    // The count started again: MAX_FAILURES - 1 more wrong passwords still do not block.
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expectProblem(await approve(from, renewed, 'forgiven', `typo-again-${i}`), 401, 'invalid_password');
    }
    expect((await approve(from, renewed, 'forgiven', renewed.password)).status).toBe(200);
  });
});
