import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { enqueueMail } from '../src/mail/outbox.queries.js';
import type { MailToSend } from '../src/mail/outbox.queries.js';
import { claimDue, markFailed, markSent } from '../src/mail/mail-outbox.store.js';
import { MailWorker } from '../src/mail/mail-worker.service.js';
import { startSmtp } from './support/smtp.js';
import type { TestSmtp } from './support/smtp.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/**
 * The outbox over HTTP, a real database and a real SMTP server: a mail is written in its cause's
 * transaction, delivered once (also across a restart and by two processes), retried with back-off
 * while the server is down, never resent when its fate is uncertain, and shown to administrators only.
 */
describe('mail outbox', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let leader: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, mailPollSeconds: 0 });
    leader = await t.user(['programme_leader'], 'Lena Leader');
    await t.http
      .patch('/api/users/me')
      .set(...bearer(leader))
      .send({ language: 'sv' })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.setDown(false);
  });

  const enqueue = (app: TestApp, mail: MailToSend) => app.db.transaction((m) => enqueueMail(m, mail));
  const deliver = (app: TestApp = t) =>
    app.http
      .post('/api/admin/mail/deliver')
      .set(...bearer(app.admin))
      .expect(200);
  const reminder = (reason: string, to: MailToSend['to'] = { userId: leader.id }): MailToSend => ({
    to,
    reason,
    template: 'reminder-risk-review',
    params: { reference: 'RISK-2026-0001', title: 'No mentor for welders', day: '2026-03-05', link: 'https://qms.example.org/risks/1' },
  });
  const row = async (id: string) =>
    (
      await t.sql<{ state: string; attempts: number; last_error: string | null; due_in: number }>(
        `SELECT state, attempts, last_error, extract(epoch FROM next_attempt_at - now())::int AS due_in FROM mail_outbox WHERE id = $1`,
        [id],
      )
    )[0];

  it('sends a mail once, in the recipient language, and queues nothing for the same recipient and reason', async () => {
    const first = await enqueue(t, reminder('reminder:risk_review:once'));
    expect(first.queued).toBe(true);
    expect(await enqueue(t, reminder('reminder:risk_review:once'))).toEqual({ id: first.id, queued: false });
    expect((await deliver()).body).toEqual({ sent: 1, failed: 0, uncertain: 0 });
    expect((await deliver()).body).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toBe(leader.email);
    expect(mail.subject).toBe('Risk RISK-2026-0001: 2026-03-05');
    expect(mail.text).toContain('ska omprövas senast 2026-03-05');
    expect(mail.html).toContain('<a href="https://qms.example.org/risks/1">');
    expect(mail.messageId).toContain(first.id);
    expect(await row(first.id)).toMatchObject({ state: 'sent', attempts: 1 });
    const attempts = await t.sql(`SELECT outcome FROM mail_attempt WHERE outbox_id = $1`, [first.id]);
    expect(attempts).toEqual([{ outcome: 'sent' }]);
  });

  it('writes no mail when the change that causes it is rolled back', async () => {
    await expect(
      t.db.transaction(async (m) => {
        await enqueueMail(m, reminder('reminder:rolled-back'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await t.sql(`SELECT id FROM mail_outbox WHERE reason = 'reminder:rolled-back'`)).toEqual([]);
  });

  it('delivers a mail queued before a restart once, from the new process', async () => {
    const before = await startTestApp({ smtpUrl: smtp.url, mailPollSeconds: 0 }, { sameDatabaseAs: t });
    const { id } = await enqueue(before, reminder('reminder:restart'));
    await before.close();
    const after = await startTestApp({ smtpUrl: smtp.url, mailPollSeconds: 0 }, { sameDatabaseAs: t });
    try {
      expect((await deliver(after)).body.sent).toBe(1);
      expect((await deliver(after)).body.sent).toBe(0);
    } finally {
      await after.close();
    }
    expect(smtp.received.map((r) => r.messageId)).toEqual([expect.stringContaining(id)]);
  });

  it('two processes polling at once send each mail once', async () => {
    const other = await startTestApp({ smtpUrl: smtp.url, mailPollSeconds: 0 }, { sameDatabaseAs: t });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await enqueue(t, reminder(`reminder:two-processes:${i}`))).id);
      const workers = [t.app.get(MailWorker), other.app.get(MailWorker)];
      const results = await Promise.all([workers[0].deliverDue(10), workers[1].deliverDue(10), workers[0].deliverDue(10)]);
      // A poll under way answers a second call of the same process; go on until every mail has gone.
      for (let round = 0; round < 5; round++) await Promise.all(workers.map((w) => w.deliverDue(10)));
      expect(results.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(0);
      await smtp.waitFor(30);
      const sent = smtp.received.map((r) => ids.find((id) => r.messageId.includes(id)));
      expect(new Set(sent).size).toBe(30);
      expect(smtp.received).toHaveLength(30);
      const [counts] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_attempt a JOIN mail_outbox o ON o.id = a.outbox_id
        WHERE o.reason LIKE 'reminder:two-processes:%' AND a.outcome = 'sent'`);
      expect(counts.n).toBe(30);
    } finally {
      await other.close();
    }
  });

  it('retries with back-off while the server is down, then shows the failed mail to administrators, who may retry it (audited)', async () => {
    const { id } = await enqueue(t, reminder('reminder:server-down'));
    smtp.setDown(true);
    expect((await deliver()).body).toMatchObject({ sent: 0, failed: 1 });
    let r = await row(id);
    expect(r).toMatchObject({ state: 'queued', attempts: 1 });
    expect(r.due_in).toBeGreaterThan(50);
    expect(r.due_in).toBeLessThanOrEqual(60);
    // Not due yet: nothing is tried.
    expect((await deliver()).body.failed).toBe(0);
    const backoff: number[] = [];
    for (let i = 0; i < 5; i++) {
      await t.sql(`UPDATE mail_outbox SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [id]);
      expect((await deliver()).body.failed).toBe(1);
      r = await row(id);
      backoff.push(r.due_in);
    }
    expect(r).toMatchObject({ state: 'failed', attempts: 6 });
    expect(backoff.slice(0, 4).map((s) => Math.round(s / 60))).toEqual([5, 30, 120, 720]);
    // The server named the recipient in its answer: the outbox keeps no address.
    expect(r.last_error).toContain('451');
    expect(r.last_error).not.toContain(leader.email);
    expect(JSON.stringify(await t.sql(`SELECT error FROM mail_attempt WHERE outbox_id = $1`, [id]))).not.toContain(leader.email);

    const list = await t.http
      .get('/api/admin/mail')
      .set(...bearer(t.admin))
      .expect(200);
    const shown = list.body.items.find((x: { id: string }) => x.id === id);
    expect(shown).toMatchObject({ recipient: leader.email, reason: 'reminder:server-down', state: 'failed', attempts: 6 });
    expect(shown.history.filter((h: { outcome: string }) => h.outcome === 'failed')).toHaveLength(6);
    await t.http
      .get('/api/admin/mail')
      .set(...bearer(leader))
      .expect(403);
    await t.http
      .post(`/api/admin/mail/${id}/retry`)
      .set(...bearer(leader))
      .expect(403);
    await t.http
      .post('/api/admin/mail/deliver')
      .set(...bearer(leader))
      .expect(403);

    smtp.setDown(false);
    const retried = await t.http
      .post(`/api/admin/mail/${id}/retry`)
      .set(...bearer(t.admin))
      .expect(200);
    expect(retried.body).toMatchObject({ state: 'queued' });
    const again = await t.http
      .post(`/api/admin/mail/${id}/retry`)
      .set(...bearer(t.admin))
      .expect(409);
    expect(again.body.code).toBe('mail_not_retryable');
    const audit = await t.sql(`SELECT action FROM audit_event WHERE entity_type = 'mail' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'mail.retry' }]);
    expect((await deliver()).body.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('does not resend a mail left sending by a stopped process: it becomes uncertain for an administrator', async () => {
    const { id } = await enqueue(t, reminder('reminder:crashed'));
    // A process claims it (committed as sending) and stops before sending; its lease runs out.
    await t.db.transaction((m) => claimDue(m, 100, 0));
    await new Promise((r) => setTimeout(r, 20));
    expect((await deliver()).body).toMatchObject({ sent: 0, uncertain: 1 });
    expect((await deliver()).body).toMatchObject({ sent: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await row(id)).toMatchObject({ state: 'uncertain', attempts: 1 });
    const list = await t.http
      .get('/api/admin/mail')
      .query({ state: 'uncertain' })
      .set(...bearer(t.admin))
      .expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('a process whose claim passed to another (judged uncertain, retried by an administrator) neither sends nor records anything', async () => {
    const { id } = await enqueue(t, reminder('reminder:slow-process'));
    // The slow process claimed it long ago; its lease ran out before it came to this mail.
    const [stale] = await t.db.transaction((m) => claimDue(m, 100, 0));
    expect(stale.id).toBe(id);
    await new Promise((r) => setTimeout(r, 20));
    expect((await deliver()).body).toMatchObject({ sent: 0, uncertain: 1 });
    await t.http
      .post(`/api/admin/mail/${id}/retry`)
      .set(...bearer(t.admin))
      .expect(200);
    expect(await row(id)).toMatchObject({ state: 'queued', attempts: 1 });
    // The slow process now comes to the mail: it sends nothing and changes nothing.
    expect(await t.app.get(MailWorker).deliverClaimed(stale)).toBe('skipped');
    expect(await t.db.transaction((m) => markSent(m, stale))).toBe(false);
    expect(await t.db.transaction((m) => markFailed(m, stale, 'late', 60))).toBe(false);
    expect(smtp.received).toHaveLength(0);
    expect(await row(id)).toMatchObject({ state: 'queued', attempts: 1, last_error: expect.stringContaining('stopped while sending') });
    // The new attempt is the one that sends, once.
    expect((await deliver()).body).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const outcomes = await t.sql<{ attempt: number; outcome: string }>(
      `SELECT attempt, outcome FROM mail_attempt WHERE outbox_id = $1 ORDER BY at, attempt`,
      [id],
    );
    expect(outcomes).toEqual([
      { attempt: 1, outcome: 'uncertain' },
      { attempt: 1, outcome: 'retry_requested' },
      { attempt: 2, outcome: 'sent' },
    ]);
  });

  it('a mail whose claim is renewed before sending is not judged uncertain by another process while it waits in the batch', async () => {
    const { id } = await enqueue(t, reminder('reminder:renewed'));
    const [claimed] = await t.db.transaction((m) => claimDue(m, 100, 0));
    await new Promise((r) => setTimeout(r, 20));
    // Its lease has run out but nobody took it over: the claim is still this process's, renewed, and the mail goes out once.
    expect(await t.app.get(MailWorker).deliverClaimed(claimed)).toBe('sent');
    expect((await deliver()).body).toEqual({ sent: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('queues a mail to any address the API accepts (the same e-mail check), and refuses others as a 400 naming the field', async () => {
    // The participant and organisation fields take this address (class-validator's isEmail); the outbox does too.
    const quoted = await enqueue(t, { ...reminder('reminder:quoted'), to: { address: '"a b"@example.com', language: 'en' } });
    expect(quoted.queued).toBe(true);
    const [stored] = await t.sql<{ recipient_address: string }>(`SELECT recipient_address FROM mail_outbox WHERE id = $1`, [quoted.id]);
    expect(stored.recipient_address).toBe('"a b"@example.com');
    await expect(enqueue(t, { ...reminder('reminder:bad'), to: { address: 'not an address', language: 'en' } })).rejects.toMatchObject({
      code: 'validation_failed',
      extras: { errors: [{ field: 'email', rule: 'email' }] },
    });
  });

  it('keeps every outbox row: the database refuses DELETE', async () => {
    const { id } = await enqueue(t, reminder('reminder:kept'));
    await expect(t.sql(`DELETE FROM mail_outbox WHERE id = $1`, [id])).rejects.toThrow();
    expect(await row(id)).toMatchObject({ state: 'queued' });
    await deliver();
  });

  it('renders a survey invitation to an outside address in its language, with the link made at send time', async () => {
    const { id } = await enqueue(t, {
      to: { address: 'Employer@Example.org', language: 'nb' },
      reason: 'survey-invitation:abc',
      template: 'survey-invitation',
      params: { surveyTitle: 'Sluttundersøkelse', link: { purpose: 'survey-invitation', id: 'abc', nonce: 'n' }, expiresOn: '2026-04-01' },
    });
    await deliver();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to.toLowerCase()).toBe('employer@example.org');
    expect(smtp.received[0].subject).toBe('Hva synes du? Sluttundersøkelse');
    expect(smtp.received[0].text).toMatch(/\/s\/[A-Za-z0-9_-]{43}\n/);
    const [stored] = await t.sql<{ params: unknown }>(`SELECT params FROM mail_outbox WHERE id = $1`, [id]);
    expect(JSON.stringify(stored.params)).not.toMatch(/\/s\//);
  });
});

describe('mail without an SMTP server', () => {
  it('writes each mail as an .eml file in the mail folder, readable by the service account only', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'qms-mail-')), 'outbox');
    const t = await startTestApp({ smtpUrl: undefined, mailDir: dir, mailPollSeconds: 0 });
    try {
      const { id } = await t.db.transaction((m) =>
        enqueueMail(m, {
          to: { address: 'mentor@example.org', language: 'sv' },
          reason: 'survey-invitation:eml',
          template: 'survey-invitation',
          params: { surveyTitle: 'Halvtid', link: { purpose: 'survey-invitation', id: 'x', nonce: 'y' }, expiresOn: '2026-04-01' },
        }),
      );
      expect(
        (
          await t.http
            .post('/api/admin/mail/deliver')
            .set(...bearer(t.admin))
            .expect(200)
        ).body.sent,
      ).toBe(1);
      expect(await readdir(dir)).toEqual([`${id}.eml`]);
      // They hold live survey links and addresses: the folder and the files are the service account's alone.
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, `${id}.eml`))).mode & 0o777).toBe(0o600);
      const parsed = await simpleParser(await readFile(join(dir, `${id}.eml`)));
      expect(parsed.subject).toBe('Vad tycker du? Halvtid');
      expect(parsed.text).toContain('Svara här');
    } finally {
      await t.close();
    }
  });
});
